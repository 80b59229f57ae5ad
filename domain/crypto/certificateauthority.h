#pragma once

#include "certificate.h"
#include "revocationlist.h"
#include "signingkey.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

namespace vd {

// The back office's certificate authority (docs/signing.md): a P-256 key and a self-signed CA certificate
// made on first start in its folder (the back office's data folder's `ca/`), which issues each person's
// signing certificate from the request their machine made, and keeps the revocations.
//
//   ca.crt             the CA certificate (PEM), what anyone verifies signatures against
//   ca.key             its key, unencrypted PKCS#8 PEM, mode 0600: the back office starts unattended,
//                      so the data folder's permissions guard it, as they guard the TLS key
//   issued/SERIAL.crt  every certificate issued, so no serial is used twice
//   revocations.json   RevocationList::toJson
class CertificateAuthority
{
public:
    static constexpr int kCertificateAuthorityDays = 3653;
    static constexpr int kSigningCertificateDays = 730;

    // Throws a DomainError CA_FOLDER_UNUSABLE when the folder cannot be made or read.
    static CertificateAuthority openOrCreate(const QString &folder,
                                             const QDateTime &now = QDateTime::currentDateTimeUtc());

    const Certificate &certificate() const { return m_certificate; }
    const RevocationList &revocations() const { return m_revocations; }

    // A signing certificate for the person (keyUsage digitalSignature and nonRepudiation, valid from a
    // minute before now for `days`) over the key of their request, which must be signed by that key,
    // be P-256 and name the same user id (CERTIFICATE_REQUEST_INVALID, CERTIFICATE_REQUEST_MISMATCH).
    Certificate issue(QByteArrayView requestPem, const SignerIdentity &person,
                      const QDateTime &now = QDateTime::currentDateTimeUtc(), int days = kSigningCertificateDays);
    std::optional<Certificate> issued(const QString &serial) const;

    // Recorded at once in revocations.json; CERTIFICATE_UNKNOWN when this CA did not issue the serial.
    Revocation revoke(const QString &serial, RevocationReason reason,
                      const QDateTime &at = QDateTime::currentDateTimeUtc());

private:
    CertificateAuthority(QString folder, SigningKey key, Certificate certificate, RevocationList revocations);
    QString m_folder;
    SigningKey m_key;
    Certificate m_certificate;
    RevocationList m_revocations;
};

} // namespace vd
