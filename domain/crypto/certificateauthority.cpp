#include "certificateauthority.h"

#include "domainerror.h"
#include "opensslhandles.h"
#include "passwordhash.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <functional>

namespace vd {

using namespace openssl;

namespace {

struct AuthorityText
{
    Q_DECLARE_TR_FUNCTIONS(vd::CertificateAuthority)
};

[[noreturn]] void refuse(const QString &code, const QString &where, const QString &message)
{
    ERR_clear_error();
    throw DomainError(code, where, message);
}

[[noreturn]] void folderUnusable(const QString &path, const QString &reason)
{
    refuse(QStringLiteral("CA_FOLDER_UNUSABLE"), path,
           AuthorityText::tr("The certificate authority's folder cannot be used: %1.").arg(reason));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        folderUnusable(path, file.errorString());
    return file.readAll();
}

void writeWhole(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions) || file.write(bytes) != bytes.size()
        || !file.commit())
        folderUnusable(path, file.errorString());
}

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kReadable = kOwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;

void setSerial(X509 *certificate, const QByteArray &serial)
{
    Owned<BIGNUM> number(BN_bin2bn(reinterpret_cast<const unsigned char *>(serial.constData()), int(serial.size()), nullptr));
    check(number && BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate)) ? 1 : 0, "serial number");
}

// A positive serial of 127 random bits (RFC 5280 asks for at least 64 unpredictable ones).
QByteArray randomSerial()
{
    QByteArray serial = randomBytes(16);
    serial[0] = char((serial[0] & 0x7f) | 0x40); // positive, and 16 bytes long whatever the rest is
    return serial;
}

void setValidity(X509 *certificate, const QDateTime &now, int days)
{
    check(ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(now.addSecs(-60).toSecsSinceEpoch())) ? 1 : 0,
          "notBefore");
    check(ASN1_TIME_set(X509_getm_notAfter(certificate), time_t(now.addDays(days).toSecsSinceEpoch())) ? 1 : 0,
          "notAfter");
}

// An X.509 v3 certificate valid from a minute before now for `days`, its serial one `taken` does not know.
Certificate newCertificate(const QDateTime &now, int days, const std::function<bool(const QString &)> &taken)
{
    X509 *raw = X509_new();
    if (!raw)
        fail("X509_new");
    Certificate certificate(raw);
    check(X509_set_version(raw, 2), "X509_set_version");
    do
        setSerial(raw, randomSerial());
    while (taken(certificate.serial()));
    setValidity(raw, now, days);
    return certificate;
}

Certificate makeAuthorityCertificate(const SigningKey &key, const QDateTime &now)
{
    Certificate certificate = newCertificate(now, CertificateAuthority::kCertificateAuthorityDays,
                                             [](const QString &) { return false; });
    X509 *raw = certificate.handle();
    X509_NAME *name = X509_get_subject_name(raw);
    addNameEntry(name, "O", QStringLiteral("VoucherDesk"));
    addNameEntry(name, "CN", QStringLiteral("VoucherDesk Signing CA"));
    check(X509_set_issuer_name(raw, name), "X509_set_issuer_name");
    check(X509_set_pubkey(raw, key.handle()), "X509_set_pubkey");
    addExtension(raw, raw, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(raw, raw, NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(raw, raw, NID_subject_key_identifier, "hash");
    addExtension(raw, raw, NID_authority_key_identifier, "keyid:always");
    check(X509_sign(raw, key.handle(), EVP_sha256()), "X509_sign");
    return certificate;
}

// The request's key, once the request is shown to be signed by it.
Owned<EVP_PKEY> requestKey(QByteArrayView requestPem, const SignerIdentity &person)
{
    auto bio = readingBio(requestPem);
    Owned<X509_REQ> request(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
    Owned<EVP_PKEY> key(request ? X509_REQ_get_pubkey(request.get()) : nullptr);
    if (!key || X509_REQ_verify(request.get(), key.get()) != 1 || !EVP_PKEY_is_a(key.get(), "EC"))
        refuse(QStringLiteral("CERTIFICATE_REQUEST_INVALID"), person.userId,
               AuthorityText::tr("The certificate request is damaged or not signed by its own key."));
    const QString namedUser = nameEntry(X509_REQ_get_subject_name(request.get()), NID_userId);
    if (!isP256(key.get()))
        refuse(QStringLiteral("CERTIFICATE_REQUEST_INVALID"), person.userId,
               AuthorityText::tr("The certificate request is not for an ECDSA P-256 key."));
    if (namedUser != person.userId)
        refuse(QStringLiteral("CERTIFICATE_REQUEST_MISMATCH"), person.userId,
               AuthorityText::tr("The certificate request was made for \"%1\", not for this person.").arg(namedUser));
    return key;
}

} // namespace

CertificateAuthority::CertificateAuthority(QString folder, SigningKey key, Certificate certificate,
                                           RevocationList revocations)
    : m_folder(std::move(folder)), m_key(std::move(key)), m_certificate(std::move(certificate)),
      m_revocations(std::move(revocations))
{
}

CertificateAuthority CertificateAuthority::openOrCreate(const QString &folder, const QDateTime &now)
{
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("issued")))
        folderUnusable(folder, AuthorityText::tr("it cannot be created"));
    const QString keyFile = dir.filePath(QStringLiteral("ca.key"));
    const QString certificateFile = dir.filePath(QStringLiteral("ca.crt"));
    if (!QFile::exists(keyFile)) {
        SigningKey key = SigningKey::generate();
        const Certificate certificate = makeAuthorityCertificate(key, now);
        writeWhole(keyFile, key.plainPem(), kOwnerOnly);
        writeWhole(certificateFile, certificate.pem(), kReadable);
    }
    SigningKey key = SigningKey::fromPlainPem(readAll(keyFile));
    Certificate certificate = Certificate::fromPem(readAll(certificateFile));
    if (X509_check_private_key(certificate.handle(), key.handle()) != 1)
        folderUnusable(certificateFile, AuthorityText::tr("the certificate is not the key's"));
    const QString revocationFile = dir.filePath(QStringLiteral("revocations.json"));
    RevocationList revocations;
    if (QFile::exists(revocationFile))
        revocations = RevocationList::fromJson(QJsonDocument::fromJson(readAll(revocationFile)).array());
    return CertificateAuthority(folder, std::move(key), std::move(certificate), std::move(revocations));
}

Certificate CertificateAuthority::issue(QByteArrayView requestPem, const SignerIdentity &person, const QDateTime &now,
                                        int days)
{
    const Owned<EVP_PKEY> key = requestKey(requestPem, person);
    Certificate certificate = newCertificate(now, days, [this](const QString &serial) { return issued(serial).has_value(); });
    X509 *raw = certificate.handle();
    X509_NAME *name = X509_get_subject_name(raw);
    addPersonName(name, person);
    check(X509_set_issuer_name(raw, X509_get_subject_name(m_certificate.handle())), "X509_set_issuer_name");
    check(X509_set_pubkey(raw, key.get()), "X509_set_pubkey");
    addExtension(raw, m_certificate.handle(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(raw, m_certificate.handle(), NID_key_usage, "critical,digitalSignature,nonRepudiation");
    addExtension(raw, m_certificate.handle(), NID_subject_key_identifier, "hash");
    addExtension(raw, m_certificate.handle(), NID_authority_key_identifier, "keyid:always");
    check(X509_sign(raw, m_key.handle(), EVP_sha256()), "X509_sign");
    writeWhole(QDir(m_folder).filePath(QStringLiteral("issued/%1.crt").arg(certificate.serial())), certificate.pem(),
               kReadable);
    return certificate;
}

std::optional<Certificate> CertificateAuthority::issued(const QString &serial) const
{
    const QString path = QDir(m_folder).filePath(QStringLiteral("issued/%1.crt").arg(serial));
    if (!QFile::exists(path))
        return std::nullopt;
    return Certificate::fromPem(readAll(path));
}

Revocation CertificateAuthority::revoke(const QString &serial, RevocationReason reason, const QDateTime &at)
{
    if (!issued(serial))
        refuse(QStringLiteral("CERTIFICATE_UNKNOWN"), serial,
               AuthorityText::tr("This certificate authority issued no certificate with that serial number."));
    m_revocations.add({serial, at.toUTC(), reason});
    writeWhole(QDir(m_folder).filePath(QStringLiteral("revocations.json")),
               QJsonDocument(m_revocations.toJson()).toJson(), kReadable);
    return *m_revocations.find(serial);
}

} // namespace vd
