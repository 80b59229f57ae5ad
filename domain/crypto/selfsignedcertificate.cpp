#include "selfsignedcertificate.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace vd {

namespace {

struct Freed
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(X509 *certificate) const { X509_free(certificate); }
    void operator()(X509_EXTENSION *extension) const { X509_EXTENSION_free(extension); }
    void operator()(FILE *file) const { std::fclose(file); }
};

[[noreturn]] void fail(const std::string &step)
{
    throw std::runtime_error("cannot make the server certificate: " + step);
}

void check(int result, const char *step)
{
    if (result <= 0)
        fail(step);
}

void addExtension(X509 *certificate, int nid, const QString &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, Freed> extension(
        X509V3_EXT_conf_nid(nullptr, &context, nid, value.toUtf8().constData()));
    if (!extension)
        fail("extension " + value.toStdString());
    check(X509_add_ext(certificate, extension.get(), -1), "adding an extension");
}

QString alternativeNames(const QStringList &dnsNames, const QStringList &ipAddresses)
{
    QStringList names;
    for (const QString &name : dnsNames)
        names.append(QStringLiteral("DNS:") + name);
    for (const QString &address : ipAddresses)
        names.append(QStringLiteral("IP:") + address);
    return names.join(u',');
}

// Opens for writing with the mode given, so the file is never readable by others.
std::unique_ptr<FILE, Freed> openPrivate(const QString &path, mode_t mode)
{
    const QByteArray name = path.toLocal8Bit();
    ::unlink(name.constData());
    const int descriptor = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL, mode);
    if (descriptor < 0)
        fail("cannot create " + name.toStdString());
    ::fchmod(descriptor, mode);
    std::unique_ptr<FILE, Freed> file(::fdopen(descriptor, "w"));
    if (!file) {
        ::close(descriptor);
        fail("cannot open " + name.toStdString());
    }
    return file;
}

} // namespace

void SelfSignedCertificate::write(const QString &certificateFile, const QString &keyFile, const QString &commonName,
                                  const QStringList &dnsNames, const QStringList &ipAddresses, int days)
{
    std::unique_ptr<EVP_PKEY, Freed> key(EVP_EC_gen("P-256"));
    if (!key)
        fail("P-256 key generation");
    std::unique_ptr<X509, Freed> certificate(X509_new());
    if (!certificate)
        fail("X509_new");
    check(X509_set_version(certificate.get(), 2), "version");
    unsigned char serial[16];
    check(RAND_bytes(serial, sizeof serial), "serial number");
    serial[0] &= 0x7f; // a positive serial
    BIGNUM *serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    check(serialNumber && BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get())) ? 1 : 0, "serial");
    BN_free(serialNumber);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(days) * 24 * 3600);
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray cn = commonName.toUtf8();
    check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("VoucherDesk"), -1, -1, 0), "organisation");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0), "common name");
    check(X509_set_issuer_name(certificate.get(), name), "issuer");
    check(X509_set_pubkey(certificate.get(), key.get()), "public key");
    addExtension(certificate.get(), NID_basic_constraints, QStringLiteral("critical,CA:FALSE"));
    addExtension(certificate.get(), NID_key_usage, QStringLiteral("critical,digitalSignature"));
    addExtension(certificate.get(), NID_ext_key_usage, QStringLiteral("serverAuth"));
    if (!dnsNames.isEmpty() || !ipAddresses.isEmpty())
        addExtension(certificate.get(), NID_subject_alt_name, alternativeNames(dnsNames, ipAddresses));
    check(X509_sign(certificate.get(), key.get(), EVP_sha256()), "signing with SHA-256");

    {
        auto file = openPrivate(keyFile, 0600);
        check(PEM_write_PrivateKey(file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr), "writing the key");
    }
    auto file = openPrivate(certificateFile, 0644);
    check(PEM_write_X509(file.get(), certificate.get()), "writing the certificate");
}

} // namespace vd
