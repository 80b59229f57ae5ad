#include "sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace vd {

namespace {

// Fetched once: the implicit fetch behind EVP_sha256() in every init cost
// more than hashing a short message (a million audit entries verified).
const EVP_MD *sha256Algorithm()
{
    static EVP_MD *algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return algorithm;
}

} // namespace

struct Sha256::Context
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256() : m_context(std::make_unique<Context>())
{
    if (!m_context->md || EVP_DigestInit_ex(m_context->md, sha256Algorithm(), nullptr) != 1)
        throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
}

Sha256::~Sha256() = default;

void Sha256::add(QByteArrayView bytes)
{
    EVP_DigestUpdate(m_context->md, bytes.data(), size_t(bytes.size()));
}

QByteArray Sha256::result()
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->md, reinterpret_cast<unsigned char *>(digest.data()), &length);
    EVP_DigestInit_ex(m_context->md, sha256Algorithm(), nullptr);
    return digest;
}

QByteArray Sha256::of(QByteArrayView bytes)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_Digest(bytes.data(), size_t(bytes.size()), reinterpret_cast<unsigned char *>(digest.data()), &length,
               sha256Algorithm(), nullptr);
    return digest;
}

} // namespace vd
