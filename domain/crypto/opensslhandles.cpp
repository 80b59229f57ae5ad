#include "opensslhandles.h"

#include "domainerror.h"

#include <QCoreApplication>

#include <openssl/err.h>

#include <climits>
#include <ctime>

namespace vd::openssl {

namespace {

struct CryptoText
{
    Q_DECLARE_TR_FUNCTIONS(vd::Crypto)
};

} // namespace

Owned<BIO> readingBio(QByteArrayView bytes)
{
    static const char nothing = 0;
    const void *data = bytes.isEmpty() ? &nothing : bytes.data(); // OpenSSL refuses a null pointer even for 0 bytes
    Owned<BIO> bio(BIO_new_mem_buf(data, int(qMin<qsizetype>(bytes.size(), INT_MAX))));
    if (!bio)
        fail("BIO_new_mem_buf");
    return bio;
}

Owned<BIO> writingBio()
{
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio)
        fail("BIO_new");
    return bio;
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(length));
}

QString takeError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("no reason given");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

void fail(const char *step)
{
    const QString reason = takeError();
    throw DomainError(QStringLiteral("OPENSSL_FAILURE"), QString::fromLatin1(step),
                      CryptoText::tr("The cryptographic library failed (%1). This is a fault in the program or "
                                     "its installation, not in your data.")
                          .arg(reason));
}

QDateTime fromAsn1Time(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

Owned<ASN1_TIME> toAsn1Time(const QDateTime &time)
{
    // UTCTime from 1950 to 2049, GeneralizedTime beyond, as RFC 5280 and RFC 5652 ask.
    Owned<ASN1_TIME> asn1(ASN1_TIME_set(nullptr, time_t(time.toSecsSinceEpoch())));
    if (!asn1)
        fail("ASN1_TIME_set");
    return asn1;
}

} // namespace vd::openssl

#include <openssl/x509v3.h>

namespace vd::openssl {

void addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension)
        fail("X509V3_EXT_conf_nid");
    check(X509_add_ext(certificate, extension.get(), -1), "X509_add_ext");
}

} // namespace vd::openssl

#include "certificate.h"

#include <cstring>

namespace vd::openssl {

void addNameEntry(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(utf8.constData()),
                                     int(utf8.size()), -1, 0),
          "X509_NAME_add_entry_by_txt");
}

void addPersonName(X509_NAME *name, const SignerIdentity &person)
{
    addNameEntry(name, "O", QStringLiteral("VoucherDesk"));
    addNameEntry(name, "OU", person.role);
    addNameEntry(name, "CN", person.displayName);
    addNameEntry(name, "UID", person.userId);
}

QString nameEntry(X509_NAME *name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    unsigned char *text = nullptr;
    const int length = ASN1_STRING_to_UTF8(&text, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (length < 0)
        return {};
    const QString value = QString::fromUtf8(reinterpret_cast<const char *>(text), length);
    OPENSSL_free(text);
    return value;
}

bool isP256(EVP_PKEY *key)
{
    char curve[64] = {};
    size_t length = 0;
    return EVP_PKEY_is_a(key, "EC")
        && EVP_PKEY_get_utf8_string_param(key, "group", curve, sizeof curve, &length) == 1
        && std::strcmp(curve, "prime256v1") == 0;
}

} // namespace vd::openssl
