#include "auditlog.h"

#include "audittrail.h"
#include "sql.h"
#include "transaction.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace vd {

namespace {

struct AuditLogText
{
    Q_DECLARE_TR_FUNCTIONS(vd::AuditLog)
};

MerkleHash hashOf(const QVariant &value)
{
    MerkleHash hash{};
    merkle::fromBytes(value.toByteArray(), &hash);
    return hash;
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

struct StoredLeaf
{
    qint64 seq = 0;
    MerkleHash hash{};
};

// The stored leaves in order, read alongside the entries.
class StoredLeaves
{
public:
    explicit StoredLeaves(Workspace &workspace)
        : m_query(workspace.statement(QStringLiteral(
              "SELECT leaf_index, seq, leaf_hash FROM audit_log_leaves ORDER BY leaf_index")))
    {
        workspace.exec(m_query);
    }
    ~StoredLeaves() { m_query.finish(); }
    std::optional<StoredLeaf> next()
    {
        if (!m_query.next())
            return std::nullopt;
        return StoredLeaf{m_query.value(1).toLongLong(), hashOf(m_query.value(2))};
    }

private:
    QSqlQuery &m_query;
};

// The first entry that does not match its stored leaf (edited, moved or
// inserted after it was logged), or a leaf left without its entry.
QString leafMismatch(const AuditEntryHash &entry, std::uint64_t index, const std::optional<StoredLeaf> &stored)
{
    if (stored->seq != entry.seq)
        return AuditLogText::tr("Audit entry %1 (%2) is at leaf %3 of the audit log, where entry %4 was logged: "
                                "entries were deleted, moved or inserted.")
            .arg(entry.seq).arg(entry.id).arg(index).arg(stored->seq);
    return AuditLogText::tr("Audit entry %1 (%2) no longer matches leaf %3 of the audit log: it was changed after "
                            "it was logged.")
        .arg(entry.seq).arg(entry.id).arg(index);
}

} // namespace

bool AuditLog::present(Workspace &workspace)
{
    return workspace.schemaVersion() >= 8;
}

void AuditLog::appendLeaf(Workspace &workspace, qint64 seq, const QByteArray &entryId, const QByteArray &chainHash)
{
    sql::Write &leaf = workspace.write(QStringLiteral(
        "INSERT INTO audit_log_leaves (leaf_index, seq, entry_id, leaf_hash) "
        "VALUES ((SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_log_leaves), ?, ?, ?)"));
    leaf.bindInteger(0, seq);
    leaf.bindText(1, entryId);
    leaf.bind(2, merkle::bytes(merkle::leafHash(chainHash)));
    leaf.exec();
}

std::vector<MerkleHash> AuditLog::leavesFrom(Workspace &workspace, std::uint64_t index)
{
    QSqlQuery &query = workspace.statement(QStringLiteral(
        "SELECT leaf_hash FROM audit_log_leaves WHERE leaf_index >= ? ORDER BY leaf_index"));
    sql::bind(query, 0, qint64(index));
    workspace.exec(query);
    std::vector<MerkleHash> leaves;
    while (query.next())
        leaves.push_back(hashOf(query.value(0)));
    query.finish();
    return leaves;
}

AuditLog::Rebuilt AuditLog::rebuild(Workspace &workspace)
{
    Rebuilt rebuilt;
    std::vector<AuditEntryHash> unlogged;
    rebuilt.storedLeaves = std::uint64_t(sql::scalar(workspace.database(),
        QStringLiteral("SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_log_leaves")).toLongLong());
    {
        StoredLeaves stored(workspace);
        forEachAuditEntry(workspace, [&](const AuditEntryHash &entry) {
            const MerkleHash leaf = merkle::leafHash(entry.contentHash);
            const std::uint64_t index = rebuilt.tree.size();
            rebuilt.tree.append(leaf);
            const std::optional<StoredLeaf> kept = stored.next();
            if (!kept)
                unlogged.push_back(entry);
            else if (rebuilt.mismatch.isEmpty() && (kept->seq != entry.seq || kept->hash != leaf))
                rebuilt.mismatch = leafMismatch(entry, index, kept);
        });
    }
    if (unlogged.empty())
        return rebuilt;
    Transaction transaction(workspace);
    for (const AuditEntryHash &entry : unlogged)
        appendLeaf(workspace, entry.seq, entry.id.toUtf8(), entry.contentHash);
    transaction.commit();
    rebuilt.leavesWritten = qint64(unlogged.size());
    rebuilt.storedLeaves += unlogged.size();
    return rebuilt;
}

void AuditLog::keepHead(Workspace &workspace, const SignedTreeHead &head)
{
    QSqlQuery &insert = workspace.statement(QStringLiteral(
        "INSERT INTO audit_tree_heads (tree_size, root, timestamp_ms, signature) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (tree_size) DO NOTHING"));
    sql::bind(insert, 0, qint64(head.head.size));
    sql::bind(insert, 1, merkle::bytes(head.head.root));
    sql::bind(insert, 2, head.head.timestampMs);
    sql::bind(insert, 3, head.signature);
    workspace.exec(insert);
}

namespace {

QList<SignedTreeHead> selectHeads(Workspace &workspace, const QString &order)
{
    QSqlQuery query = workspace.run(QStringLiteral("SELECT tree_size, root, timestamp_ms, signature "
                                                   "FROM audit_tree_heads ORDER BY ") + order);
    QList<SignedTreeHead> heads;
    while (query.next())
        heads.append({{std::uint64_t(query.value(0).toLongLong()), hashOf(query.value(1)), query.value(2).toLongLong()},
                      query.value(3).toByteArray()});
    return heads;
}

} // namespace

std::optional<SignedTreeHead> AuditLog::latestHead(Workspace &workspace)
{
    const QList<SignedTreeHead> heads = selectHeads(workspace, QStringLiteral("tree_size DESC LIMIT 1"));
    return heads.isEmpty() ? std::nullopt : std::optional<SignedTreeHead>(heads.first());
}

QList<SignedTreeHead> AuditLog::heads(Workspace &workspace)
{
    return selectHeads(workspace, QStringLiteral("tree_size"));
}

QString AuditLog::headMismatch(Workspace &workspace, const MerkleTree &tree)
{
    std::uint64_t intactUpTo = 0;
    for (const SignedTreeHead &signedHead : heads(workspace)) {
        const TreeHead &head = signedHead.head;
        if (head.size > tree.size())
            return AuditLogText::tr("The back office signed a tree head of %1 entries at %2, but the audit trail now "
                                    "holds %3: entries were deleted.")
                .arg(head.size).arg(timeText(head.timestampMs)).arg(tree.size());
        if (tree.root(head.size) != head.root)
            return AuditLogText::tr("The tree head of %1 entries signed at %2 no longer matches the audit trail: an "
                                    "entry from %3 to %4 was rewritten.")
                .arg(head.size).arg(timeText(head.timestampMs)).arg(intactUpTo + 1).arg(head.size);
        intactUpTo = head.size;
    }
    return {};
}

AuditLogVerification verifyAuditLog(Workspace &workspace)
{
    AuditLogVerification result;
    MerkleTree tree;
    {
        StoredLeaves stored(workspace);
        forEachAuditEntry(workspace, [&](const AuditEntryHash &entry) {
            const MerkleHash leaf = merkle::leafHash(entry.contentHash);
            const std::uint64_t index = tree.size();
            tree.append(leaf);
            const std::optional<StoredLeaf> kept = stored.next();
            if (!result.intact || !kept)
                return;
            if (kept->seq != entry.seq || kept->hash != leaf) {
                result.intact = false;
                result.brokenSeq = entry.seq;
                result.brokenEntryId = entry.id;
                result.description = leafMismatch(entry, index, kept);
                return;
            }
            ++result.leavesChecked;
        });
        if (result.intact && stored.next()) {
            result.intact = false;
            result.description = AuditLogText::tr("The audit log has leaves after its last audit entry (%1): "
                                                  "entries were deleted.").arg(tree.size());
        }
    }
    if (result.intact) {
        result.description = AuditLog::headMismatch(workspace, tree);
        result.intact = result.description.isEmpty();
        result.headsChecked = result.intact ? AuditLog::heads(workspace).size() : 0;
    }
    if (result.intact)
        result.description = AuditLogText::tr("The audit log is intact: %1 leaves and %2 signed tree heads checked.")
                                 .arg(result.leavesChecked).arg(result.headsChecked);
    return result;
}

} // namespace vd
