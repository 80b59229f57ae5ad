#include "signingkey.h"

#include "domainerror.h"
#include "opensslhandles.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstring>

namespace vd {

using namespace openssl;

namespace {

struct SigningKeyText
{
    Q_DECLARE_TR_FUNCTIONS(vd::SigningKey)
};

[[noreturn]] void refuse(const QString &code, const QString &where, const QString &message)
{
    ERR_clear_error();
    throw DomainError(code, where, message);
}

struct Passphrase
{
    QByteArrayView bytes;
};

int passphraseCallback(char *buffer, int size, int, void *data)
{
    const QByteArrayView bytes = static_cast<Passphrase *>(data)->bytes;
    if (bytes.size() > size)
        return -1;
    std::memcpy(buffer, bytes.data(), size_t(bytes.size()));
    return int(bytes.size());
}

EVP_PKEY *checkedP256(EVP_PKEY *key, const QString &where)
{
    if (!isP256(key)) {
        EVP_PKEY_free(key);
        refuse(QStringLiteral("KEY_NOT_P256"), where,
               SigningKeyText::tr("This is not an ECDSA P-256 key, the only kind VoucherDesk signs with."));
    }
    return key;
}

} // namespace

void SigningKey::Free::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

SigningKey::SigningKey(SigningKey &&) noexcept = default;
SigningKey &SigningKey::operator=(SigningKey &&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey SigningKey::generate()
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    if (!key)
        fail("EVP_EC_gen P-256");
    return SigningKey(key);
}

SigningKey SigningKey::fromEncryptedPem(QByteArrayView pem, QByteArrayView passphrase)
{
    const QString where = QStringLiteral("signing key");
    if (!pem.startsWith(QByteArrayView("-----BEGIN ENCRYPTED PRIVATE KEY-----")))
        refuse(QStringLiteral("KEY_FILE_INVALID"), where,
               SigningKeyText::tr("This is not an encrypted signing key (a PEM file beginning "
                                  "\"-----BEGIN ENCRYPTED PRIVATE KEY-----\")."));
    auto bio = readingBio(pem);
    Passphrase given{passphrase};
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &given);
    if (!key)
        refuse(QStringLiteral("KEY_PASSPHRASE_WRONG"), where,
               SigningKeyText::tr("The passphrase does not unlock this signing key. Check it and try again; "
                                  "the key file has not been changed."));
    return SigningKey(checkedP256(key, where));
}

SigningKey SigningKey::readFile(const QString &path, QByteArrayView passphrase)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        refuse(QStringLiteral("KEY_FILE_UNREADABLE"), path,
               SigningKeyText::tr("The signing key cannot be read: %1.").arg(file.errorString()));
    try {
        return fromEncryptedPem(file.readAll(), passphrase);
    } catch (const DomainError &error) {
        throw DomainError(error.code(), path, error.message());
    }
}

QByteArray SigningKey::encryptedPem(QByteArrayView passphrase) const
{
    if (passphrase.isEmpty())
        refuse(QStringLiteral("KEY_PASSPHRASE_EMPTY"), QStringLiteral("signing key"),
               SigningKeyText::tr("A signing key needs a passphrase."));
    Owned<PKCS8_PRIV_KEY_INFO> info(EVP_PKEY2PKCS8(m_key.get()));
    if (!info)
        fail("EVP_PKEY2PKCS8");
    // A random salt and IV; PBES2 with scrypt, as `openssl pkcs8 -topk8 -scrypt` makes.
    Owned<X509_ALGOR> scheme(PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), nullptr, 0, nullptr, kScryptN, 8, 1));
    if (!scheme)
        fail("PKCS5_pbe2_set_scrypt");
    Owned<X509_SIG> encrypted(PKCS8_set0_pbe(passphrase.data(), int(passphrase.size()), info.get(), scheme.get()));
    if (!encrypted)
        fail("PKCS8_set0_pbe");
    (void)scheme.release(); // now the X509_SIG's
    auto bio = writingBio();
    check(PEM_write_bio_PKCS8(bio.get(), encrypted.get()), "PEM_write_bio_PKCS8");
    return bioBytes(bio.get());
}

void SigningKey::writeFile(const QString &path, QByteArrayView passphrase) const
{
    const QByteArray pem = encryptedPem(passphrase);
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly)
        && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) && file.write(pem) == pem.size()
        && file.commit();
    if (!written)
        refuse(QStringLiteral("KEY_FILE_UNWRITABLE"), path,
               SigningKeyText::tr("The signing key cannot be saved: %1.").arg(file.errorString()));
}

QByteArray SigningKey::publicKeyPem() const
{
    auto bio = writingBio();
    check(PEM_write_bio_PUBKEY(bio.get(), m_key.get()), "PEM_write_bio_PUBKEY");
    return bioBytes(bio.get());
}

SigningKey SigningKey::fromPlainPem(QByteArrayView pem)
{
    auto bio = readingBio(pem);
    // Only an unencrypted PKCS#8 key: OpenSSL would ask the terminal for the passphrase of another.
    EVP_PKEY *key = pem.startsWith(QByteArrayView("-----BEGIN PRIVATE KEY-----"))
        ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
        : nullptr;
    if (!key)
        refuse(QStringLiteral("KEY_FILE_INVALID"), QStringLiteral("certificate authority key"),
               SigningKeyText::tr("The certificate authority's key file is damaged."));
    return SigningKey(checkedP256(key, QStringLiteral("certificate authority key")));
}

QByteArray SigningKey::plainPem() const
{
    auto bio = writingBio();
    check(PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr),
          "PEM_write_bio_PKCS8PrivateKey");
    return bioBytes(bio.get());
}

} // namespace vd
