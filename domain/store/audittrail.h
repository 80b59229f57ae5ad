#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace vd {

class Sha256;
class Workspace;

// One entry of the audit trail, as stored.
struct AuditEntry
{
    qint64 seq = 0;
    QString id;              // UUID
    QDateTime at;            // UTC
    QString actorId;
    QString action;          // create, update, delete, or a workflow action (submit, approve…)
    QString entityType;      // application, review… (RecordFields<…>::entity)
    QString entityId;
    QByteArray beforeJson;   // compact JSON; null for a creation
    QByteArray afterJson;    // compact JSON; null for a removal
    QByteArray previousHash; // 32 bytes
    QByteArray hash;         // 32 bytes
};

// The chain (docs/storage.md): hash = SHA-256 of the fields below in this
// order, each written as "~" when NULL, or as its length in bytes in ASCII
// decimal, ":", and its bytes: the previous entry's hash (32 raw bytes; 32
// zero bytes for the first entry), then id, at, actor_id, action,
// entity_type, entity_id, before_json and after_json exactly as stored
// (UTF-8). The same bytes can be built in SQL, which is how the trail is
// verified without converting any column.
struct AuditChainFields
{
    QByteArrayView previousHash;
    QByteArrayView id, at, actorId, action, entityType, entityId;
    std::optional<QByteArrayView> beforeJson, afterJson;
};
QByteArray auditChainHash(Sha256 &hasher, const AuditChainFields &fields);
QByteArray auditChainStart(); // 32 zero bytes

// One entry exactly as stored: its texts as their UTF-8 bytes, unconverted,
// so that it can be copied elsewhere (a workspace document, a restore) and
// still hash to the same value.
struct StoredAuditEntry
{
    qint64 seq = 0;
    QByteArray id, at, actorId, action, entityType, entityId;
    std::optional<QByteArray> beforeJson, afterJson;
    QByteArray previousHash, hash; // 32 raw bytes each

    AuditChainFields chainFields() const;
};

enum class AuditBreak {
    None,
    Edited,     // an entry's stored hash does not match its contents
    Deleted,    // an entry links to one that is no longer there
    Reordered,  // entries are all there, but not in the order they were chained
    Inserted,   // an entry was added between two that were chained together
};

struct AuditVerification
{
    bool intact = true;
    qint64 entriesChecked = 0;
    std::optional<qint64> firstBrokenSeq;
    QString brokenEntryId;
    AuditBreak reason = AuditBreak::None;
    QByteArray headHash;     // the hash of the last entry checked
    // What happened, for a person, in the current language.
    QString description() const;
};

// Walks the whole chain in order and stops at the first entry that does not
// fit, naming it and saying why. Forward-only and allocation-light: a million
// entries take about a second (docs/storage.md, bench/audit_bench.cpp).
// Deleting the newest entries leaves a shorter chain that is still intact;
// that is caught by comparing with a head kept elsewhere (the back office's
// signed tree head), not by this walk.
AuditVerification verifyAuditChain(Workspace &workspace);

// An entry's sequence number, id and the hash of its contents as they are
// now (from its stored previous_hash): what the audit log's Merkle tree is
// built from (docs/audit-trail.md).
struct AuditEntryHash
{
    qint64 seq = 0;
    QString id;
    QByteArray contentHash; // 32 bytes
};
// Every entry in seq order, with one forward-only query.
void forEachAuditEntry(Workspace &workspace, const std::function<void(const AuditEntryHash &)> &visit);

// Reading the trail.
class AuditTrail
{
public:
    explicit AuditTrail(Workspace &workspace) : m_workspace(workspace) {}

    // Every entry about one record, oldest first.
    QList<AuditEntry> forEntity(const QString &entityId) const;
    // Entries after a sequence number, oldest first, for export and sync.
    QList<AuditEntry> after(qint64 seq, int limit) const;
    // The same, exactly as stored, for copying the trail.
    QList<StoredAuditEntry> storedAfter(qint64 seq, int limit) const;
    qint64 count() const;
    std::optional<AuditEntry> last() const;

private:
    QList<AuditEntry> select(const QString &sql, const QVariantList &values) const;
    Workspace &m_workspace;
};

} // namespace vd
