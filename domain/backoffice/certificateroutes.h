#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Poco::Net {
class HTTPRequestHandler;
}

namespace vd {

struct BackOfficeContext;
class ApiCall;

// The certificate authority's routes (docs/api.md, docs/signing.md), given the
// path's segments after /api/v1/certificates:
//   POST /api/v1/certificates                    {request: PKCS#10 PEM} → the signed-in person's
//                                                signing certificate and the CA's (enrolment)
//   GET  /api/v1/certificates/authority          the CA certificate
//   GET  /api/v1/certificates/revocations        every revocation
//   POST /api/v1/certificates/{serial}/revocation {reason}: by an administrator, or by the
//                                                certificate's own holder (a lost laptop)
// nullptr for any other path under it.
Poco::Net::HTTPRequestHandler *certificateRoute(BackOfficeContext &context, const QStringList &rest, const QString &method);

// {"revocations": every revocation}, as GET …/revocations answers it.
QJsonObject revocationsJson(ApiCall &call);

} // namespace vd
