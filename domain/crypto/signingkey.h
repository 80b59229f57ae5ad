#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace vd {

// A person's signing key: ECDSA over P-256, made on their own machine (DESIGN.md §6), kept as an
// encrypted PKCS#8 PEM file ("ENCRYPTED PRIVATE KEY": PBES2 with scrypt and AES-256-CBC, what
// `openssl pkcs8 -topk8 -scrypt` writes and reads) and unlocked with the person's passphrase.
class SigningKey
{
public:
    // scrypt's cost: N = 2^14, r = 8, p = 1 (16 MiB), the most `openssl pkcs8` opens by default.
    static constexpr quint64 kScryptN = 1u << 14;

    static SigningKey generate();
    // Throws a DomainError: KEY_PASSPHRASE_WRONG, KEY_FILE_INVALID (not an encrypted PKCS#8 key),
    // KEY_NOT_P256 (a key of another kind).
    static SigningKey fromEncryptedPem(QByteArrayView pem, QByteArrayView passphrase);
    // As above, and KEY_FILE_UNREADABLE. The file is only read.
    static SigningKey readFile(const QString &path, QByteArrayView passphrase);

    // Throws KEY_PASSPHRASE_EMPTY for an empty passphrase.
    QByteArray encryptedPem(QByteArrayView passphrase) const;
    // Written whole or not at all (QSaveFile), readable by the owner only; KEY_FILE_UNWRITABLE.
    void writeFile(const QString &path, QByteArrayView passphrase) const;

    QByteArray publicKeyPem() const;
    evp_pkey_st *handle() const { return m_key.get(); }

    SigningKey(SigningKey &&) noexcept;
    SigningKey &operator=(SigningKey &&) noexcept;
    ~SigningKey();

private:
    struct Free
    {
        void operator()(evp_pkey_st *key) const;
    };
    explicit SigningKey(evp_pkey_st *key) : m_key(key) {}
    std::unique_ptr<evp_pkey_st, Free> m_key;

    friend class CertificateAuthority; // keeps its own key in a file only the back office can read
    static SigningKey fromPlainPem(QByteArrayView pem);
    QByteArray plainPem() const;
};

} // namespace vd
