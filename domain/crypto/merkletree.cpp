#include "merkletree.h"

#include <openssl/evp.h>

#include <bit>
#include <cstring>
#include <stdexcept>

namespace vd {

namespace {

const EVP_MD *sha256Algorithm()
{
    static EVP_MD *algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return algorithm;
}

// One context per thread, reused: a tree of a million leaves hashes two
// million times, and a fresh context per hash cost more than the hash.
class Hasher
{
public:
    Hasher() : m_context(EVP_MD_CTX_new()) {}
    ~Hasher() { EVP_MD_CTX_free(m_context); }
    Hasher(const Hasher &) = delete;
    Hasher &operator=(const Hasher &) = delete;

    MerkleHash hash(std::uint8_t prefix, const void *first, size_t firstLength, const void *second = nullptr,
                    size_t secondLength = 0)
    {
        MerkleHash digest;
        unsigned int length = 0;
        if (EVP_DigestInit_ex(m_context, sha256Algorithm(), nullptr) != 1
            || EVP_DigestUpdate(m_context, &prefix, 1) != 1
            || (firstLength && EVP_DigestUpdate(m_context, first, firstLength) != 1)
            || (secondLength && EVP_DigestUpdate(m_context, second, secondLength) != 1)
            || EVP_DigestFinal_ex(m_context, digest.data(), &length) != 1)
            throw std::runtime_error("OpenSSL: SHA-256 failed");
        return digest;
    }

private:
    EVP_MD_CTX *m_context;
};

Hasher &threadHasher()
{
    thread_local Hasher hasher;
    return hasher;
}

// The largest power of two strictly below n (n >= 2): RFC 6962's split.
std::uint64_t split(std::uint64_t n)
{
    return std::bit_floor(n - 1);
}

void shiftWhileEven(std::uint64_t &fn, std::uint64_t &sn)
{
    while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
    }
}

} // namespace

namespace merkle {

MerkleHash leafHash(QByteArrayView entry)
{
    return threadHasher().hash(0x00, entry.data(), size_t(entry.size()));
}

MerkleHash nodeHash(const MerkleHash &left, const MerkleHash &right)
{
    return threadHasher().hash(0x01, left.data(), left.size(), right.data(), right.size());
}

MerkleHash emptyRoot()
{
    MerkleHash digest;
    unsigned int length = 0;
    EVP_Digest(nullptr, 0, digest.data(), &length, sha256Algorithm(), nullptr);
    return digest;
}

QByteArray bytes(const MerkleHash &hash)
{
    return QByteArray(reinterpret_cast<const char *>(hash.data()), qsizetype(hash.size()));
}

bool fromBytes(QByteArrayView bytes, MerkleHash *hash)
{
    if (bytes.size() != qsizetype(hash->size()))
        return false;
    std::memcpy(hash->data(), bytes.data(), hash->size());
    return true;
}

bool rootFromInclusionProof(std::uint64_t index, std::uint64_t size, const MerkleHash &leaf,
                            const std::vector<MerkleHash> &proof, MerkleHash *root)
{
    if (index >= size)
        return false;
    std::uint64_t fn = index, sn = size - 1;
    MerkleHash r = leaf;
    for (const MerkleHash &p : proof) {
        if (sn == 0)
            return false;
        if ((fn & 1) || fn == sn) {
            r = nodeHash(p, r);
            if (!(fn & 1))
                shiftWhileEven(fn, sn);
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    if (sn != 0)
        return false;
    *root = r;
    return true;
}

bool verifyInclusion(std::uint64_t index, std::uint64_t size, const MerkleHash &leaf,
                     const std::vector<MerkleHash> &proof, const MerkleHash &root)
{
    MerkleHash computed;
    return rootFromInclusionProof(index, size, leaf, proof, &computed) && computed == root;
}

bool verifyConsistency(std::uint64_t firstSize, std::uint64_t secondSize, const MerkleHash &firstRoot,
                       const MerkleHash &secondRoot, const std::vector<MerkleHash> &proof)
{
    if (secondSize < firstSize)
        return false;
    if (firstSize == secondSize)
        return proof.empty() && firstRoot == secondRoot;
    if (firstSize == 0) // the empty tree is a prefix of every tree
        return proof.empty();
    if (proof.empty())
        return false;
    std::vector<MerkleHash> path;
    path.reserve(proof.size() + 1);
    if (std::has_single_bit(firstSize))
        path.push_back(firstRoot);
    path.insert(path.end(), proof.begin(), proof.end());
    std::uint64_t fn = firstSize - 1, sn = secondSize - 1;
    while (fn & 1) {
        fn >>= 1;
        sn >>= 1;
    }
    MerkleHash fr = path.front(), sr = path.front();
    for (size_t i = 1; i < path.size(); ++i) {
        const MerkleHash &c = path[i];
        if (sn == 0)
            return false;
        if ((fn & 1) || fn == sn) {
            fr = nodeHash(c, fr);
            sr = nodeHash(c, sr);
            if (!(fn & 1))
                shiftWhileEven(fn, sn);
        } else {
            sr = nodeHash(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return fr == firstRoot && sr == secondRoot && sn == 0;
}

} // namespace merkle

void MerkleFrontier::append(const MerkleHash &leaf)
{
    m_subtrees.push_back(leaf);
    // Each trailing 1 bit of the old size is a complete subtree of the new leaf's height: merge them.
    for (std::uint64_t carry = m_size; carry & 1; carry >>= 1) {
        const MerkleHash right = m_subtrees.back();
        m_subtrees.pop_back();
        m_subtrees.back() = merkle::nodeHash(m_subtrees.back(), right);
    }
    ++m_size;
}

MerkleHash MerkleFrontier::root() const
{
    if (m_subtrees.empty())
        return merkle::emptyRoot();
    MerkleHash root = m_subtrees.back();
    for (auto it = m_subtrees.rbegin() + 1; it != m_subtrees.rend(); ++it)
        root = merkle::nodeHash(*it, root);
    return root;
}

void MerkleTree::reserve(std::uint64_t leaves)
{
    if (m_levels.empty())
        m_levels.emplace_back();
    m_levels.front().reserve(leaves);
}

void MerkleTree::append(const MerkleHash &leaf)
{
    if (m_levels.empty())
        m_levels.emplace_back();
    m_levels.front().push_back(leaf);
    for (size_t level = 0; m_levels[level].size() % 2 == 0; ++level) {
        const std::vector<MerkleHash> &below = m_levels[level];
        const MerkleHash parent = merkle::nodeHash(below[below.size() - 2], below.back());
        if (m_levels.size() == level + 1)
            m_levels.emplace_back();
        m_levels[level + 1].push_back(parent);
    }
}

MerkleHash MerkleTree::subtree(std::uint64_t begin, std::uint64_t end) const
{
    const std::uint64_t count = end - begin;
    if (std::has_single_bit(count) && begin % count == 0)
        return m_levels[std::countr_zero(count)][begin / count];
    const std::uint64_t k = split(count);
    return merkle::nodeHash(subtree(begin, begin + k), subtree(begin + k, end));
}

MerkleHash MerkleTree::root(std::uint64_t size) const
{
    if (size > this->size())
        throw std::out_of_range("Merkle tree: size beyond the tree");
    return size == 0 ? merkle::emptyRoot() : subtree(0, size);
}

void MerkleTree::path(std::uint64_t index, std::uint64_t begin, std::uint64_t end,
                      std::vector<MerkleHash> &proof) const
{
    if (end - begin == 1)
        return;
    const std::uint64_t k = split(end - begin);
    if (index < begin + k) {
        path(index, begin, begin + k, proof);
        proof.push_back(subtree(begin + k, end));
    } else {
        path(index, begin + k, end, proof);
        proof.push_back(subtree(begin, begin + k));
    }
}

std::vector<MerkleHash> MerkleTree::inclusionProof(std::uint64_t index, std::uint64_t size) const
{
    if (index >= size || size > this->size())
        throw std::out_of_range("Merkle tree: no such leaf in that size");
    std::vector<MerkleHash> proof;
    path(index, 0, size, proof);
    return proof;
}

void MerkleTree::subproof(std::uint64_t first, std::uint64_t begin, std::uint64_t end, bool whole,
                          std::vector<MerkleHash> &proof) const
{
    if (first == end) {
        if (!whole)
            proof.push_back(subtree(begin, end));
        return;
    }
    const std::uint64_t k = split(end - begin);
    if (first - begin <= k) {
        subproof(first, begin, begin + k, whole, proof);
        proof.push_back(subtree(begin + k, end));
    } else {
        subproof(first, begin + k, end, false, proof);
        proof.push_back(subtree(begin, begin + k));
    }
}

std::vector<MerkleHash> MerkleTree::consistencyProof(std::uint64_t first, std::uint64_t second) const
{
    if (first > second || second > size())
        throw std::out_of_range("Merkle tree: sizes out of order or beyond the tree");
    std::vector<MerkleHash> proof;
    if (first > 0 && first < second)
        subproof(first, 0, second, true, proof);
    return proof;
}

} // namespace vd
