#pragma once

#include <QString>
#include <QStringList>

namespace Poco::Net {
class HTTPRequestHandler;
}

namespace vd {

struct BackOfficeContext;

// The attachment routes of the sync protocol (docs/sync.md, Attachments),
// given the path's segments after /api/v1/attachments:
//   GET /api/v1/attachments/{sha256}/upload            {received, complete}
//   PUT /api/v1/attachments/{sha256}?offset=N&size=TOTAL  a chunk, appended at N
//   GET /api/v1/attachments/{sha256}                   the bytes (Range: bytes=N- → 206)
// nullptr for any other path under it.
Poco::Net::HTTPRequestHandler *attachmentRoute(BackOfficeContext &context, const QStringList &rest,
                                               const QString &method);

} // namespace vd
