#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace vd {

struct BackOfficeContext;

// The back office's routes (docs/api.md), one handler per request:
//   GET  /healthz                                 health (no sign-in)
//   GET  /metrics                                 Prometheus text (no sign-in)
//   POST /api/v1/login                            {username, password} → bearer token
//   GET  /api/v1/cases?limit&offset               the signed-in user's cases, a page
//   GET  /api/v1/cases/{reference or id}          one case
//   POST /api/v1/cases/{reference or id}/transitions  {action, reason?, revision?}
//   GET|PUT /api/v1/attachments/…                 blobs by SHA-256 (attachmentroutes.h)
//   GET  /api/v1/audit/…                          the signed tree head and proofs (auditroutes.h)
//   …    /api/v1/certificates/…                   enrolment, the CA, revocations (certificateroutes.h)
// A reference's slashes may be sent as they are or as %2F.
class ApiRoutes : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit ApiRoutes(BackOfficeContext &context) : m_context(context) {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &request) override;

private:
    BackOfficeContext &m_context;
};

} // namespace vd
