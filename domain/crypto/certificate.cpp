#include "certificate.h"

#include "domainerror.h"
#include "opensslhandles.h"
#include "sha256.h"
#include "signingkey.h"

#include <QCoreApplication>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace vd {

using namespace openssl;

namespace {

struct CertificateText
{
    Q_DECLARE_TR_FUNCTIONS(vd::Certificate)
};

[[noreturn]] void notACertificate()
{
    ERR_clear_error();
    throw DomainError(QStringLiteral("CERTIFICATE_INVALID"), QStringLiteral("certificate"),
                      CertificateText::tr("This is not an X.509 certificate."));
}

QString nameLine(X509_NAME *name)
{
    auto bio = writingBio();
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return QString::fromUtf8(bioBytes(bio.get()));
}

} // namespace

Certificate::Certificate(x509_st *adopted) : m_certificate(adopted, X509_free) {}

Certificate Certificate::fromPem(QByteArrayView pem)
{
    auto bio = readingBio(pem);
    X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (!certificate)
        notACertificate();
    return Certificate(certificate);
}

Certificate Certificate::fromDer(QByteArrayView der)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.data());
    X509 *certificate = d2i_X509(nullptr, &bytes, long(der.size()));
    if (!certificate)
        notACertificate();
    return Certificate(certificate);
}

QByteArray Certificate::pem() const
{
    auto bio = writingBio();
    check(PEM_write_bio_X509(bio.get(), handle()), "PEM_write_bio_X509");
    return bioBytes(bio.get());
}

QByteArray Certificate::der() const
{
    unsigned char *bytes = nullptr;
    const int length = i2d_X509(handle(), &bytes);
    if (length <= 0)
        fail("i2d_X509");
    const QByteArray der(reinterpret_cast<const char *>(bytes), length);
    OPENSSL_free(bytes);
    return der;
}

QString Certificate::serial() const
{
    Owned<BIGNUM> number(ASN1_INTEGER_to_BN(X509_get0_serialNumber(handle()), nullptr));
    if (!number)
        fail("ASN1_INTEGER_to_BN");
    char *hex = BN_bn2hex(number.get());
    const QString text = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    return text;
}

SignerIdentity Certificate::subject() const
{
    X509_NAME *name = X509_get_subject_name(handle());
    return {nameEntry(name, NID_userId), nameEntry(name, NID_commonName), nameEntry(name, NID_organizationalUnitName)};
}

QString Certificate::subjectLine() const
{
    return nameLine(X509_get_subject_name(handle()));
}

QString Certificate::issuerLine() const
{
    return nameLine(X509_get_issuer_name(handle()));
}

QDateTime Certificate::notBefore() const
{
    return fromAsn1Time(X509_get0_notBefore(handle()));
}

QDateTime Certificate::notAfter() const
{
    return fromAsn1Time(X509_get0_notAfter(handle()));
}

QString Certificate::fingerprint() const
{
    return QString::fromLatin1(Sha256::hexOf(der()));
}

QByteArray CertificateRequest::create(const SigningKey &key, const SignerIdentity &person)
{
    Owned<X509_REQ> request(X509_REQ_new());
    if (!request)
        fail("X509_REQ_new");
    check(X509_REQ_set_version(request.get(), 0), "X509_REQ_set_version");
    X509_NAME *name = X509_REQ_get_subject_name(request.get());
    addPersonName(name, person);
    check(X509_REQ_set_pubkey(request.get(), key.handle()), "X509_REQ_set_pubkey");
    check(X509_REQ_sign(request.get(), key.handle(), EVP_sha256()), "X509_REQ_sign");
    auto bio = writingBio();
    check(PEM_write_bio_X509_REQ(bio.get(), request.get()), "PEM_write_bio_X509_REQ");
    return bioBytes(bio.get());
}

} // namespace vd
