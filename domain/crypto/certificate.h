#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <memory>

struct x509_st; // OpenSSL's X509

namespace vd {

class SigningKey;

// Who a signing certificate speaks for: the subject's UID (the person's user id), CN (the name they
// sign with) and OU (their role), under O=VoucherDesk.
struct SignerIdentity
{
    QString userId;
    QString displayName;
    QString role;

    bool operator==(const SignerIdentity &) const = default;
};

// An X.509 certificate (shared, immutable).
class Certificate
{
public:
    // Throw a DomainError CERTIFICATE_INVALID when the bytes are not one certificate.
    static Certificate fromPem(QByteArrayView pem);
    static Certificate fromDer(QByteArrayView der);

    QByteArray pem() const;
    QByteArray der() const;
    // The serial number in lower-case hex, as `openssl x509 -serial` prints it (without leading zeros).
    QString serial() const;
    SignerIdentity subject() const;
    QString subjectLine() const; // RFC 2253, for reading
    QString issuerLine() const;
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    // The SHA-256 of the DER, hex.
    QString fingerprint() const;

    x509_st *handle() const { return m_certificate.get(); }
    explicit Certificate(x509_st *adopted);

private:
    std::shared_ptr<x509_st> m_certificate;
};

// A certificate signing request (PKCS#10), signed with the person's new key so the certificate authority
// knows they hold it; PEM.
struct CertificateRequest
{
    static QByteArray create(const SigningKey &key, const SignerIdentity &person);
};

} // namespace vd
