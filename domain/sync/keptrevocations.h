#pragma once

#include "revocationlist.h"

#include <QJsonArray>
#include <QString>

namespace vd {

// The back office's certificate revocations as this desk last received them
// (DIR/revocations.json, RevocationList's JSON): every sync's first pull page
// brings the list when this desk's count is not the back office's
// (docs/sync.md), so that a signature made after its certificate was revoked
// does not verify here either (docs/signing.md).
class KeptRevocations
{
public:
    // Of a workspace's folder (empty for a workspace without one, on PostgreSQL: nothing is kept).
    static QString fileIn(const QString &workspaceFolder);
    // Empty when none were received.
    static RevocationList load(const QString &workspaceFolder);
    // Replaces the kept list whole (QSaveFile); STORAGE_ERROR naming the file when it cannot.
    static void keep(const QString &workspaceFolder, const QJsonArray &revocations);
};

} // namespace vd
