#include "passwordhash.h"

#include <QList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace vd {

namespace {

QByteArray scrypt(QByteArrayView password, const QByteArray &salt, quint64 n, quint32 r, quint32 p)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    EVP_KDF_CTX *context = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    if (!context)
        throw std::runtime_error("OpenSSL: scrypt is not available");
    uint64_t cost = n;
    uint32_t blockSize = r, parallelism = p;
    uint64_t maxMemory = 128 * 1024 * 1024 + 128ull * r * (n + p + 2); // scrypt needs 128·r·N bytes and a little
    QByteArray passwordBytes = password.toByteArray();
    QByteArray saltBytes = salt;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, passwordBytes.data(), size_t(passwordBytes.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltBytes.data(), size_t(saltBytes.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &cost),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &blockSize),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &parallelism),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
        OSSL_PARAM_construct_end(),
    };
    QByteArray key(32, '\0');
    const int derived = EVP_KDF_derive(context, reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()), params);
    EVP_KDF_CTX_free(context);
    OPENSSL_cleanse(passwordBytes.data(), size_t(passwordBytes.size()));
    if (derived != 1)
        throw std::runtime_error("OpenSSL: scrypt failed (cost parameters out of range?)");
    return key;
}

} // namespace

PasswordHash PasswordHash::of(QByteArrayView password, quint64 n, quint32 r, quint32 p)
{
    PasswordHash hash;
    hash.salt = randomBytes(16);
    hash.n = n;
    hash.r = r;
    hash.p = p;
    hash.key = scrypt(password, hash.salt, n, r, p);
    return hash;
}

bool PasswordHash::matches(QByteArrayView password) const
{
    return constantTimeEqual(scrypt(password, salt, n, r, p), key);
}

QString PasswordHash::encoded() const
{
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(n).arg(r).arg(p)
        .arg(QString::fromLatin1(salt.toHex()), QString::fromLatin1(key.toHex()));
}

std::optional<PasswordHash> PasswordHash::decoded(QStringView text)
{
    const QList<QStringView> parts = text.split(u'$');
    if (parts.size() != 6 || parts[0] != QLatin1String("scrypt"))
        return std::nullopt;
    bool nOk = false, rOk = false, pOk = false;
    PasswordHash hash;
    hash.n = parts[1].toULongLong(&nOk);
    hash.r = parts[2].toUInt(&rOk);
    hash.p = parts[3].toUInt(&pOk);
    hash.salt = QByteArray::fromHex(parts[4].toLatin1());
    hash.key = QByteArray::fromHex(parts[5].toLatin1());
    const bool powerOfTwo = hash.n >= 2 && (hash.n & (hash.n - 1)) == 0;
    if (!nOk || !rOk || !pOk || !powerOfTwo || hash.n > (1u << 20) || hash.r == 0 || hash.r > 32 || hash.p == 0
        || hash.p > 16 || hash.salt.size() < 8 || hash.key.size() != 32)
        return std::nullopt;
    return hash;
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        throw std::runtime_error("OpenSSL: no random bytes");
    return bytes;
}

bool constantTimeEqual(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace vd
