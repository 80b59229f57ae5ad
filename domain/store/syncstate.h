#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace vd {

class Workspace;

// Where this device's sync stands (the device table: one row).
struct SyncState
{
    QString deviceId;                 // made when the workspace was created; never changes
    QString serverUrl;
    QString userId;
    qint64 pullCursor = 0;            // the back office's sequence number of the last change pulled
    std::optional<QDateTime> lastPushAt;
    std::optional<QDateTime> lastPullAt;
    std::optional<qint64> treeHeadSize; // the last signed tree head of the back office's audit log seen
    QString treeHeadHash;             // its root, hex
    QString treeHeadSignature;        // base64 DER
    std::optional<qint64> treeHeadTimestampMs;
    QString treeHeadKey;              // base64 SubjectPublicKeyInfo of the key that signed it
    friend bool operator==(const SyncState &, const SyncState &) = default;
};

SyncState loadSyncState(Workspace &workspace);
// Inside the transaction that applies a pulled page, so that the cursor moves
// with the changes (DESIGN.md §5): outside one it throws TRANSACTION_REQUIRED.
// The device id is not changed.
void saveSyncState(Workspace &workspace, const SyncState &state);

} // namespace vd
