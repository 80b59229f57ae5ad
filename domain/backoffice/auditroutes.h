#pragma once

#include <QString>
#include <QStringList>

namespace Poco::Net {
class HTTPRequestHandler;
}

namespace vd {

struct BackOfficeContext;

// The audit log's routes (docs/api.md, docs/audit-trail.md), given the path's
// segments after /api/v1/audit:
//   GET /api/v1/audit/tree-head                      the signed tree head
//   GET /api/v1/audit/consistency?first=M&second=N   PROOF(M, D[N]) of RFC 6962
//   GET /api/v1/audit/inclusion?index=I&size=N       PATH(I, D[N]) and the leaf's hash
// The head and consistency proofs go to every user who syncs (each client
// checks them at every sync; they carry only sizes and hashes); inclusion
// proofs to the secretariat and auditors, who see the whole trail.
// nullptr for any other path under it.
Poco::Net::HTTPRequestHandler *auditRoute(BackOfficeContext &context, const QStringList &rest, const QString &method);

} // namespace vd
