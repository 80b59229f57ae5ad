#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <array>
#include <cstdint>
#include <vector>

namespace vd {

// RFC 6962 §2.1 (RFC 9162 §2.1) Merkle hash trees over SHA-256, as Certificate
// Transparency and Trillian build them (docs/audit-trail.md):
//   MTH({})      = SHA-256()
//   leaf hash    = SHA-256(0x00 || entry)
//   node hash    = SHA-256(0x01 || left || right)
//   MTH(D[0:n])  = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n
using MerkleHash = std::array<std::uint8_t, 32>;

namespace merkle {
MerkleHash leafHash(QByteArrayView entry);
MerkleHash nodeHash(const MerkleHash &left, const MerkleHash &right);
MerkleHash emptyRoot();
QByteArray bytes(const MerkleHash &hash);
// A 32-byte value as a hash; false when it has another length.
bool fromBytes(QByteArrayView bytes, MerkleHash *hash);

// The checks of RFC 9162 §2.1.3.2 and §2.1.4.2. They decide from the proof
// alone; a proof of the wrong length or with any hash changed fails.
bool rootFromInclusionProof(std::uint64_t index, std::uint64_t size, const MerkleHash &leaf,
                            const std::vector<MerkleHash> &proof, MerkleHash *root);
bool verifyInclusion(std::uint64_t index, std::uint64_t size, const MerkleHash &leaf,
                     const std::vector<MerkleHash> &proof, const MerkleHash &root);
bool verifyConsistency(std::uint64_t firstSize, std::uint64_t secondSize, const MerkleHash &firstRoot,
                       const MerkleHash &secondRoot, const std::vector<MerkleHash> &proof);
} // namespace merkle

// The right edge of a tree (a compact range from 0): the roots of its largest
// complete subtrees, one per bit of its size, so that appending a leaf costs
// one hash plus one per carry, and the root at any moment log2(n) hashes.
class MerkleFrontier
{
public:
    void append(const MerkleHash &leaf);
    std::uint64_t size() const { return m_size; }
    MerkleHash root() const;

private:
    std::uint64_t m_size = 0;
    std::vector<MerkleHash> m_subtrees; // largest (leftmost) first
};

// A whole tree kept in memory, level by level (the leaf hashes, then the
// hashes of every complete pair, and so on: about 64 bytes a leaf), so that
// the root of any earlier size and any proof take O(log² n) hashes at most.
// Appending is amortised O(1); a tree is rebuilt from its leaf hashes on start.
class MerkleTree
{
public:
    void append(const MerkleHash &leaf);
    void appendEntry(QByteArrayView entry) { append(merkle::leafHash(entry)); }
    void reserve(std::uint64_t leaves);
    std::uint64_t size() const { return m_levels.empty() ? 0 : m_levels.front().size(); }
    const MerkleHash &leaf(std::uint64_t index) const { return m_levels.front()[index]; }

    // Each of these requires sizes no larger than size() (and index < size,
    // first <= second); they throw std::out_of_range otherwise.
    MerkleHash root() const { return root(size()); }
    MerkleHash root(std::uint64_t size) const;
    // PATH(index, D[0:size]) of RFC 6962 §2.1.1.
    std::vector<MerkleHash> inclusionProof(std::uint64_t index, std::uint64_t size) const;
    // PROOF(first, D[0:second]) of RFC 6962 §2.1.2; empty when first is 0 or first == second.
    std::vector<MerkleHash> consistencyProof(std::uint64_t first, std::uint64_t second) const;

private:
    MerkleHash subtree(std::uint64_t begin, std::uint64_t end) const;
    void path(std::uint64_t index, std::uint64_t begin, std::uint64_t end, std::vector<MerkleHash> &proof) const;
    void subproof(std::uint64_t first, std::uint64_t begin, std::uint64_t end, bool whole,
                  std::vector<MerkleHash> &proof) const;

    std::vector<std::vector<MerkleHash>> m_levels;
};

} // namespace vd
