#pragma once

#include "certificate.h"
#include "revocationlist.h"

#include <QJsonArray>
#include <QString>

#include <optional>

namespace vd {

// What a desk checks signatures against (docs/signing.md), as its last sync
// received them from the back office (docs/sync.md): the CA certificate
// (DIR/ca.crt, sent once, when the desk has none) and the certificate
// revocations (DIR/revocations.json, RevocationList's JSON, sent whole when
// the desk's count is not the back office's). A workspace without a folder
// (PostgreSQL, the back office's own) keeps nothing.
class SigningTrust
{
public:
    static QString authorityFileIn(const QString &workspaceFolder);
    static QString revocationsFileIn(const QString &workspaceFolder);
    // Nothing when none was received (or the file is damaged: the next sync sends it again).
    static std::optional<Certificate> authority(const QString &workspaceFolder);
    // Empty when none were received.
    static RevocationList revocations(const QString &workspaceFolder);
    // Each replaces the kept file whole (QSaveFile), after checking what it
    // is given; a DomainError (CERTIFICATE_INVALID, REVOCATION_INVALID, or
    // STORAGE_ERROR naming the file) leaves the kept one as it was.
    static void keepAuthority(const QString &workspaceFolder, const QByteArray &pem);
    static void keepRevocations(const QString &workspaceFolder, const QJsonArray &revocations);
};

} // namespace vd
