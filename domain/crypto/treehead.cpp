#include "treehead.h"

#include <QFile>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <stdexcept>
#include <string>

namespace vd {

namespace {

struct Freed
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
    void operator()(BIO *bio) const { BIO_free(bio); }
};

[[noreturn]] void fail(const std::string &step)
{
    throw std::runtime_error("tree head key: " + step);
}

void appendBigEndian(QByteArray &bytes, std::uint64_t value)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        bytes.append(char((value >> shift) & 0xff));
}

bool isP256(EVP_PKEY *key)
{
    char group[32] = {};
    size_t length = 0;
    return EVP_PKEY_is_a(key, "EC")
           && EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &length) == 1
           && std::string(group) == "prime256v1";
}

} // namespace

QByteArray TreeHead::signedBytes() const
{
    QByteArray bytes;
    bytes.reserve(2 + 8 + 8 + 32);
    bytes.append(char(0)); // version v1
    bytes.append(char(1)); // signature_type tree_hash
    appendBigEndian(bytes, std::uint64_t(timestampMs));
    appendBigEndian(bytes, size);
    bytes.append(merkle::bytes(root));
    return bytes;
}

struct TreeHeadKey::Key
{
    std::unique_ptr<EVP_PKEY, Freed> pkey;
};

TreeHeadKey::TreeHeadKey(std::unique_ptr<Key> key, bool isPrivate) : m_key(std::move(key)), m_private(isPrivate) {}
TreeHeadKey::TreeHeadKey(TreeHeadKey &&) noexcept = default;
TreeHeadKey &TreeHeadKey::operator=(TreeHeadKey &&) noexcept = default;
TreeHeadKey::~TreeHeadKey() = default;

TreeHeadKey TreeHeadKey::generate()
{
    auto key = std::make_unique<Key>();
    key->pkey.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key->pkey)
        fail("cannot make a P-256 key");
    return TreeHeadKey(std::move(key), true);
}

TreeHeadKey TreeHeadKey::fromPrivateKeyPem(const QByteArray &pem)
{
    std::unique_ptr<BIO, Freed> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    auto key = std::make_unique<Key>();
    key->pkey.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key->pkey || !isP256(key->pkey.get()))
        fail("not a P-256 private key in PEM");
    return TreeHeadKey(std::move(key), true);
}

TreeHeadKey TreeHeadKey::fromPublicKeyDer(const QByteArray &der)
{
    const auto *data = reinterpret_cast<const unsigned char *>(der.constData());
    auto key = std::make_unique<Key>();
    key->pkey.reset(d2i_PUBKEY(nullptr, &data, long(der.size())));
    if (!key->pkey || !isP256(key->pkey.get()))
        fail("not a P-256 public key");
    return TreeHeadKey(std::move(key), false);
}

QByteArray TreeHeadKey::privateKeyPem() const
{
    if (!m_private)
        fail("no private key");
    std::unique_ptr<BIO, Freed> bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(bio.get(), m_key->pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        fail("cannot write the private key");
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

QByteArray TreeHeadKey::publicKeyDer() const
{
    const int length = i2d_PUBKEY(m_key->pkey.get(), nullptr);
    if (length <= 0)
        fail("cannot write the public key");
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_PUBKEY(m_key->pkey.get(), &out);
    return der;
}

SignedTreeHead TreeHeadKey::sign(const TreeHead &head) const
{
    if (!m_private)
        fail("a public key cannot sign");
    const QByteArray message = head.signedBytes();
    std::unique_ptr<EVP_MD_CTX, Freed> context(EVP_MD_CTX_new());
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(message.constData());
    if (!context || EVP_DigestSignInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr, m_key->pkey.get(), nullptr) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, data, size_t(message.size())) != 1)
        fail("cannot sign");
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                       size_t(message.size())) != 1)
        fail("cannot sign");
    signature.resize(qsizetype(length));
    return {head, signature};
}

bool TreeHeadKey::verify(const SignedTreeHead &signedHead) const
{
    const QByteArray message = signedHead.head.signedBytes();
    std::unique_ptr<EVP_MD_CTX, Freed> context(EVP_MD_CTX_new());
    if (!context || EVP_DigestVerifyInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr, m_key->pkey.get(), nullptr) != 1)
        fail("cannot start verifying");
    return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signedHead.signature.constData()),
                            size_t(signedHead.signature.size()),
                            reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()))
           == 1;
}

TreeHeadKey TreeHeadKey::loadOrCreate(const QString &path)
{
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            fail("cannot read " + path.toStdString());
        return fromPrivateKeyPem(existing.readAll());
    }
    TreeHeadKey key = generate();
    QFile file(path);
    const QByteArray pem = key.privateKeyPem();
    // Created with mode 0600 before any key byte is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(pem) != pem.size() || !file.flush())
        fail("cannot write " + path.toStdString());
    return key;
}

} // namespace vd
