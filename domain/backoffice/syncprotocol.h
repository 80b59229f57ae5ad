#pragma once

#include <QList>

namespace vd {

class ApiCall;

// The versions of the sync protocol this back office serves (docs/sync.md,
// Version), the current one first; GET /healthz lists them.
inline QList<int> servedSyncProtocols() { return {1}; }

// Refuses a sync request whose VoucherDesk-Protocol header names no version
// served: ApiError 400 PROTOCOL_VERSION, in the request's language.
void requireSyncProtocol(const ApiCall &call);

} // namespace vd
