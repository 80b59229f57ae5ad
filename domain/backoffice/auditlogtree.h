#pragma once

#include "auditlog.h"
#include "merkletree.h"
#include "treehead.h"

#include <mutex>
#include <optional>

namespace vd {

class Workspace;

// The back office's audit log in memory, shared by its threads
// (docs/audit-trail.md): the Merkle tree of its audit trail, rebuilt from the
// entries' contents on start and brought up to date from the leaves that
// UnitOfWork writes with each entry, and the key that signs its tree heads.
class AuditLogTree
{
public:
    explicit AuditLogTree(TreeHeadKey key) : m_key(std::move(key)) {}

    // On start, before serving: the tree of the trail as it hashes now, and
    // what no longer fits what was logged or signed (empty when nothing).
    QString rebuild(Workspace &workspace);

    // The current signed head: the kept one while the tree has not grown,
    // else a new one signed now (and kept in audit_tree_heads).
    SignedTreeHead head(Workspace &workspace);
    // Proofs against a head of the given size; sizes beyond the tree throw std::out_of_range.
    std::vector<MerkleHash> inclusionProof(Workspace &workspace, std::uint64_t index, std::uint64_t size);
    std::vector<MerkleHash> consistencyProof(Workspace &workspace, std::uint64_t first, std::uint64_t second);
    MerkleHash leaf(Workspace &workspace, std::uint64_t index);
    QByteArray publicKeyDer() const { return m_key.publicKeyDer(); }

private:
    void catchUp(Workspace &workspace); // with m_mutex held

    std::mutex m_mutex;
    TreeHeadKey m_key;
    MerkleTree m_tree;
    std::uint64_t m_storedLeaves = 0; // the stored leaves taken in so far
    std::optional<SignedTreeHead> m_head;
};

} // namespace vd
