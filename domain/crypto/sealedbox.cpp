#include "sealedbox.h"

#include "domainerror.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

namespace vd {

namespace {

constexpr int kKeyBytes = 32, kNonceBytes = 12, kTagBytes = 16, kSaltBytes = 16;
constexpr QByteArrayView kKeyMagic = "VDK1", kSealMagic = "VDS1";
constexpr std::uint64_t kScryptN = 1u << 15;
constexpr std::uint32_t kScryptR = 8, kScryptP = 1;

struct Freed
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        throw std::runtime_error("OpenSSL: no random bytes");
    return bytes;
}

const unsigned char *bytesOf(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

QByteArray keyFromPassphrase(const QString &passphrase, QByteArrayView salt)
{
    const QByteArray secret = passphrase.toUtf8();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (EVP_PBE_scrypt(secret.constData(), size_t(secret.size()), bytesOf(salt), size_t(salt.size()), kScryptN,
                       kScryptR, kScryptP, 64ull * 1024 * 1024, reinterpret_cast<unsigned char *>(key.data()),
                       size_t(key.size())) != 1)
        throw std::runtime_error("OpenSSL: scrypt failed");
    return key;
}

// nonce || ciphertext || tag
QByteArray gcmSeal(const QByteArray &key, QByteArrayView plain, QByteArrayView associated)
{
    const QByteArray nonce = randomBytes(kNonceBytes);
    std::unique_ptr<EVP_CIPHER_CTX, Freed> context(EVP_CIPHER_CTX_new());
    QByteArray out = nonce;
    out.resize(kNonceBytes + plain.size() + kTagBytes);
    auto *cipher = reinterpret_cast<unsigned char *>(out.data()) + kNonceBytes;
    int length = 0;
    if (!context || EVP_EncryptInit_ex2(context.get(), EVP_aes_256_gcm(), bytesOf(key), bytesOf(nonce), nullptr) != 1
        || (!associated.isEmpty()
            && EVP_EncryptUpdate(context.get(), nullptr, &length, bytesOf(associated), int(associated.size())) != 1)
        || EVP_EncryptUpdate(context.get(), cipher, &length, bytesOf(plain), int(plain.size())) != 1
        || EVP_EncryptFinal_ex(context.get(), cipher + length, &length) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, cipher + plain.size()) != 1)
        throw std::runtime_error("OpenSSL: AES-256-GCM failed");
    return out;
}

std::optional<QByteArray> gcmOpen(const QByteArray &key, QByteArrayView sealed, QByteArrayView associated)
{
    if (sealed.size() < kNonceBytes + kTagBytes)
        return std::nullopt;
    const qsizetype cipherBytes = sealed.size() - kNonceBytes - kTagBytes;
    std::unique_ptr<EVP_CIPHER_CTX, Freed> context(EVP_CIPHER_CTX_new());
    QByteArray plain(cipherBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(plain.data());
    QByteArray tag = sealed.sliced(kNonceBytes + cipherBytes).toByteArray();
    int length = 0;
    if (!context
        || EVP_DecryptInit_ex2(context.get(), EVP_aes_256_gcm(), bytesOf(key), bytesOf(sealed), nullptr) != 1
        || (!associated.isEmpty()
            && EVP_DecryptUpdate(context.get(), nullptr, &length, bytesOf(associated), int(associated.size())) != 1)
        || EVP_DecryptUpdate(context.get(), out, &length, bytesOf(sealed) + kNonceBytes, int(cipherBytes)) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1
        || EVP_DecryptFinal_ex(context.get(), out + length, &length) != 1) {
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        return std::nullopt;
    }
    return plain;
}

QByteArray wrap(const QByteArray &dataKey, const QString &passphrase)
{
    const QByteArray salt = randomBytes(kSaltBytes);
    QByteArray kek = keyFromPassphrase(passphrase, salt);
    const QByteArray wrapped = kKeyMagic.toByteArray() + salt + gcmSeal(kek, dataKey, kKeyMagic);
    OPENSSL_cleanse(kek.data(), size_t(kek.size()));
    return wrapped;
}

} // namespace

SealedBox::SealedBox(QByteArray dataKey, QByteArray wrapped) : m_dataKey(std::move(dataKey)), m_wrapped(std::move(wrapped)) {}

SealedBox::SealedBox(SealedBox &&other) noexcept
    : m_dataKey(std::exchange(other.m_dataKey, {})), m_wrapped(std::exchange(other.m_wrapped, {}))
{
}

SealedBox::~SealedBox()
{
    if (!m_dataKey.isEmpty())
        OPENSSL_cleanse(m_dataKey.data(), size_t(m_dataKey.size()));
}

SealedBox SealedBox::create(const QString &passphrase)
{
    QByteArray dataKey = randomBytes(kKeyBytes);
    QByteArray wrapped = wrap(dataKey, passphrase);
    return SealedBox(std::move(dataKey), std::move(wrapped));
}

SealedBox SealedBox::open(const QByteArray &wrappedKey, const QString &passphrase)
{
    const qsizetype expected = kKeyMagic.size() + kSaltBytes + kNonceBytes + kKeyBytes + kTagBytes;
    std::optional<QByteArray> dataKey;
    if (wrappedKey.size() == expected && wrappedKey.startsWith(kKeyMagic)) {
        QByteArray kek = keyFromPassphrase(passphrase, QByteArrayView(wrappedKey).sliced(kKeyMagic.size(), kSaltBytes));
        dataKey = gcmOpen(kek, QByteArrayView(wrappedKey).sliced(kKeyMagic.size() + kSaltBytes), kKeyMagic);
        OPENSSL_cleanse(kek.data(), size_t(kek.size()));
    }
    if (!dataKey)
        throw DomainError(QStringLiteral("PASSPHRASE_WRONG"), QString(),
                          tr("The passphrase does not open this workspace's sealed cases. Nothing was changed; try "
                             "again with the passphrase you chose for it."));
    return SealedBox(std::move(*dataKey), wrappedKey);
}

QByteArray SealedBox::rewrap(const QString &passphrase) const
{
    return wrap(m_dataKey, passphrase);
}

bool SealedBox::isSealed(QByteArrayView bytes)
{
    return bytes.size() >= kSealMagic.size() + kNonceBytes + kTagBytes && bytes.startsWith(kSealMagic);
}

QByteArray SealedBox::seal(QByteArrayView plain, QByteArrayView associated) const
{
    return kSealMagic.toByteArray() + gcmSeal(m_dataKey, plain, associated);
}

QByteArray SealedBox::unseal(QByteArrayView sealed, QByteArrayView associated) const
{
    std::optional<QByteArray> plain;
    if (isSealed(sealed))
        plain = gcmOpen(m_dataKey, sealed.sliced(kSealMagic.size()), associated);
    if (!plain)
        throw DomainError(QStringLiteral("SEALED_DATA_DAMAGED"), QString(),
                          tr("Sealed case content does not open with this workspace's key: it was changed or moved."));
    return *plain;
}

} // namespace vd
