#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
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
// The signed head as the tree-head route answers it, and, when the desk says
// which size it kept (a pull's "audit_tree_size"), the consistency proof from
// that size ("consistency"; absent when that size is beyond the log): what a
// pull's first page carries as "audit_log", so that a sync with nothing new
// is still one request (docs/sync.md).
class ApiCall;
QJsonObject auditLogJson(ApiCall &call, std::optional<std::uint64_t> keptSize);

Poco::Net::HTTPRequestHandler *auditRoute(BackOfficeContext &context, const QStringList &rest, const QString &method);

} // namespace vd
