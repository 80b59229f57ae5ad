#include "auditlogtree.h"

#include <QDateTime>

namespace vd {

QString AuditLogTree::rebuild(Workspace &workspace)
{
    const std::lock_guard lock(m_mutex);
    AuditLog::Rebuilt rebuilt = AuditLog::rebuild(workspace);
    m_tree = std::move(rebuilt.tree);
    m_storedLeaves = rebuilt.storedLeaves;
    m_head = AuditLog::latestHead(workspace);
    const QString heads = AuditLog::headMismatch(workspace, m_tree);
    if (m_head && (m_head->head.size != m_tree.size() || m_head->head.root != m_tree.root()))
        m_head.reset(); // a new head for the tree as it is
    return rebuilt.mismatch.isEmpty() ? heads : rebuilt.mismatch;
}

void AuditLogTree::catchUp(Workspace &workspace)
{
    for (const MerkleHash &leaf : AuditLog::leavesFrom(workspace, m_storedLeaves)) {
        m_tree.append(leaf);
        ++m_storedLeaves;
    }
}

SignedTreeHead AuditLogTree::head(Workspace &workspace)
{
    const std::lock_guard lock(m_mutex);
    catchUp(workspace);
    if (!m_head || m_head->head.size != m_tree.size()) {
        m_head = m_key.sign({m_tree.size(), m_tree.root(), QDateTime::currentMSecsSinceEpoch()});
        AuditLog::keepHead(workspace, *m_head);
    }
    return *m_head;
}

std::vector<MerkleHash> AuditLogTree::inclusionProof(Workspace &workspace, std::uint64_t index, std::uint64_t size)
{
    const std::lock_guard lock(m_mutex);
    catchUp(workspace);
    return m_tree.inclusionProof(index, size);
}

std::vector<MerkleHash> AuditLogTree::consistencyProof(Workspace &workspace, std::uint64_t first, std::uint64_t second)
{
    const std::lock_guard lock(m_mutex);
    catchUp(workspace);
    return m_tree.consistencyProof(first, second);
}

MerkleHash AuditLogTree::leaf(Workspace &workspace, std::uint64_t index)
{
    const std::lock_guard lock(m_mutex);
    catchUp(workspace);
    if (index >= m_tree.size())
        throw std::out_of_range("no such leaf");
    return m_tree.leaf(index);
}

} // namespace vd
