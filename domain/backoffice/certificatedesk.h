#pragma once

#include "certificateauthority.h"

#include <mutex>

namespace vd {

// The back office's certificate authority (DATA/ca, docs/signing.md) shared by
// the server's threads: issuing and revoking write its files, one at a time.
class CertificateDesk
{
public:
    explicit CertificateDesk(const QString &dataFolder);

    Certificate issue(QByteArrayView requestPem, const SignerIdentity &person);
    Revocation revoke(const QString &serial, RevocationReason reason);
    std::optional<Certificate> issued(const QString &serial) const;
    RevocationList revocations() const;
    // Revocations are only ever added, so their count names the list a desk holds (docs/sync.md).
    qsizetype revocationCount() const;
    Certificate authority() const;

private:
    mutable std::mutex m_mutex;
    CertificateAuthority m_authority;
};

} // namespace vd
