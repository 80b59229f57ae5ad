#pragma once

#include "merkletree.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace vd {

// A tree head of the back office's audit log (docs/audit-trail.md): how many
// entries, their Merkle root, and when it was signed (milliseconds since the
// epoch, UTC).
struct TreeHead
{
    std::uint64_t size = 0;
    MerkleHash root = {};
    qint64 timestampMs = 0;

    // The bytes signed: RFC 6962 §3.5's TreeHeadSignature, big-endian:
    // version (1 byte, 0 = v1), signature_type (1 byte, 1 = tree_hash),
    // timestamp (8 bytes), tree_size (8 bytes), sha256_root_hash (32 bytes).
    QByteArray signedBytes() const;
    friend bool operator==(const TreeHead &, const TreeHead &) = default;
};

struct SignedTreeHead
{
    TreeHead head;
    QByteArray signature; // ECDSA P-256 over SHA-256 of signedBytes(), DER
};

// The key that signs tree heads: ECDSA P-256 through OpenSSL's EVP (SHA-256
// named explicitly). A key loaded from a public key alone only verifies.
// OpenSSL failures throw std::runtime_error naming the step.
class TreeHeadKey
{
public:
    static TreeHeadKey generate();
    static TreeHeadKey fromPrivateKeyPem(const QByteArray &pem);
    // A SubjectPublicKeyInfo (DER), as publicKeyDer() gives it; a P-256 key only.
    static TreeHeadKey fromPublicKeyDer(const QByteArray &der);

    TreeHeadKey(TreeHeadKey &&) noexcept;
    TreeHeadKey &operator=(TreeHeadKey &&) noexcept;
    ~TreeHeadKey();

    bool canSign() const { return m_private; }
    QByteArray privateKeyPem() const; // PKCS#8, unencrypted: the server's own file, mode 0600
    QByteArray publicKeyDer() const;

    SignedTreeHead sign(const TreeHead &head) const;
    bool verify(const SignedTreeHead &signedHead) const;

    // Reads the key in a file, or makes one and writes it there (mode 0600) when there is none.
    static TreeHeadKey loadOrCreate(const QString &path);

private:
    struct Key;
    TreeHeadKey(std::unique_ptr<Key> key, bool isPrivate);
    std::unique_ptr<Key> m_key;
    bool m_private = false;
};

} // namespace vd
