#pragma once

#include "merkletree.h"
#include "treehead.h"

#include <QList>
#include <QString>

#include <optional>

namespace vd {

class Workspace;

// The back office's audit log (docs/audit-trail.md): its audit trail as the
// leaves of an RFC 6962 Merkle tree, in the trail's order, and the tree heads
// it signed. The leaf of an entry is leafHash(the entry's chain hash), the
// chain hash being that of its contents (docs/storage.md), so a tree head
// commits to every byte of every entry up to its size.
//
// Tables (migration 0008): audit_log_leaves (leaf_index, seq, entry_id,
// leaf_hash), written by UnitOfWork in the transaction of the entry on a
// store that keeps the change log, and audit_tree_heads (tree_size, root,
// timestamp_ms, signature).
class AuditLog
{
public:
    // The leaf of a new entry; the caller's transaction is the entry's.
    static void appendLeaf(Workspace &workspace, qint64 seq, const QByteArray &entryId, const QByteArray &chainHash);

    // The stored leaves from an index on, in order: what a running server
    // appends to its tree as entries are written.
    static std::vector<MerkleHash> leavesFrom(Workspace &workspace, std::uint64_t index);

    // On start: the tree of the trail as its entries hash now (not as the
    // leaves were stored), in one pass; stored leaves missing (a store older
    // than the log) are written. A stored leaf that no longer matches its
    // entry is reported, not rewritten.
    struct Rebuilt
    {
        MerkleTree tree;
        qint64 leavesWritten = 0;
        std::uint64_t storedLeaves = 0; // stored leaves after it, written ones included
        QString mismatch; // for a person, the first entry that no longer matches its leaf; empty when none
    };
    static Rebuilt rebuild(Workspace &workspace);

    // The first head kept that does not fit the tree (its size beyond it, or
    // its root not the tree's at that size), for a person; empty when none.
    static QString headMismatch(Workspace &workspace, const MerkleTree &tree);

    static void keepHead(Workspace &workspace, const SignedTreeHead &head);
    static std::optional<SignedTreeHead> latestHead(Workspace &workspace);
    static QList<SignedTreeHead> heads(Workspace &workspace);
    // Whether this store has the log's tables (a workspace at schema 8 or later).
    static bool present(Workspace &workspace);
};

// The back office's own check of its log, after the hash chain
// (verifyAuditChain): every entry against its stored leaf, and every tree head
// it signed against the tree of the trail as it is now.
struct AuditLogVerification
{
    bool intact = true;
    qint64 leavesChecked = 0;
    qint64 headsChecked = 0;
    std::optional<qint64> brokenSeq; // the entry named, when one can be
    QString brokenEntryId;
    QString description; // for a person, in the current language
};
AuditLogVerification verifyAuditLog(Workspace &workspace);

} // namespace vd
