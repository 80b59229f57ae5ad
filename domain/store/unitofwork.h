#pragma once

#include "audittrail.h"
#include "sha256.h"
#include "transaction.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <vector>

namespace vd {

class Workspace;
struct StoredAuditEntry;

// Where a change comes from, which decides whether it is audited, queued for
// the back office, and how revisions are kept.
enum class ChangeOrigin {
    Local,    // made on this device: revisions checked and incremented; queued in the outbox
    Server,   // made where the records are authoritative (the back office's own store; demo data):
              // revisions checked and incremented; not queued
    Synced,   // received from the back office: stored with the revision it carries; not queued
    Restored, // read from a workspace document into an empty workspace together with its audit trail:
              // keeps its revision, neither audited (the trail it came with is copied in with
              // restoreAuditEntry()) nor queued (the back office has seen it already)
};

// One change to one record, as the audit trail and the outbox keep it.
struct RecordedChange
{
    QString action;          // create, update, delete, or a workflow action (submit, approve…)
    QString entityType;      // RecordFields<…>::entity
    QString entityId;
    QByteArray beforeJson;   // compact JSON of the record before; null for a creation
    QByteArray afterJson;    // compact JSON after; null for a removal
    qint64 baseRevision = 0; // the revision the change was made on; 0 for a new record
    // For the back office's change log (docs/sync.md): the revision after the
    // change (the last one, for a removal) and who the record belongs to.
    qint64 revision = 0;
    QString applicationId;   // the case: the application itself, or a child's application
    QString enterpriseId;    // the enterprise it belongs to directly
    QString ownerId;         // the user it belongs to where that decides who sees it
};

// Where an audit trail ends: its last entry's seq and hash (0 and
// auditChainStart() for an empty trail).
struct AuditChainHead
{
    qint64 seq = 0;
    QByteArray hash;
};

// The audit entry that continues the chain at `head` with a change made at
// `at` (UTC text) by `actor`: a new id, and its hash (docs/storage.md). Texts
// are the UTF-8 bytes stored and hashed.
StoredAuditEntry nextAuditEntry(Sha256 &hasher, const AuditChainHead &head, QByteArray at, QByteArray actor,
                                const RecordedChange &change);
// The statement that stores an entry, and its values in that order
// (Query: sql::Write, or BulkRows to store it later).
const QString &auditEntryInsert();
template <typename Query>
void bindAuditEntry(Query &query, const StoredAuditEntry &entry)
{
    query.bindInteger(0, entry.seq);
    query.bindText(1, entry.id);
    query.bindText(2, entry.at);
    query.bindText(3, entry.actorId);
    query.bindText(4, entry.action);
    query.bindText(5, entry.entityType);
    query.bindText(6, entry.entityId);
    query.bindBlob(7, entry.beforeJson.value_or(QByteArray()));
    query.bindBlob(8, entry.afterJson.value_or(QByteArray()));
    query.bindBlob(9, entry.previousHash);
    query.bindBlob(10, entry.hash);
}

// Every change that matters, in one transaction (DESIGN.md §4): the records,
// one audit entry per record changed (hash-chained to the previous entry) and,
// for local changes, one outbox entry per record for sync. Every origin is audited. Nothing is kept
// unless commit() is called; a throw or a crash at any point leaves all of it
// or none.
//
//   vd::UnitOfWork work(workspace, officerId);
//   applications.save(work, application, QStringLiteral("start_screening"));
//   applications.recordStatusChange(work, change);
//   work.commit();
//
// For backdated history (demo data, restores) set the time before each save:
// work.setTime(at). A batch may also change the actor between saves.
class UnitOfWork
{
public:
    // On a store that keeps the change log (the back office's), a Local change
    // is the server's own: it is made as ChangeOrigin::Server, never queued.
    UnitOfWork(Workspace &workspace, QString actorId, ChangeOrigin origin = ChangeOrigin::Local);

    Workspace &workspace() const { return m_workspace; }
    ChangeOrigin origin() const { return m_origin; }

    const QString &actorId() const { return m_actorId; }
    void setActor(QString actorId) { m_actorId = std::move(actorId); }
    // The time of the next audit entry: the one set, or now (UTC).
    QDateTime at() const;
    void setTime(QDateTime at) { m_at = std::move(at); }

    // Writes the audit entry (and, for a local change, the outbox entry;
    // on a store that keeps the change log, its change-log row: ChangeLog);
    // writes nothing for a restored one. Repositories call this; call it
    // yourself only for a change no repository makes.
    void record(const RecordedChange &change);
    // Appends an entry of another trail exactly as it was stored there. It
    // must continue the chain (its sequence number next, its previous hash
    // the head's hash, its hash its own), else DomainError AUDIT_CHAIN_BROKEN.
    void restoreAuditEntry(const StoredAuditEntry &entry);
    qint64 changesRecorded() const { return m_recorded; }
    // The head of the audit trail that this unit of work continues (read
    // inside its transaction, so no other writer extends it meanwhile).
    AuditChainHead chainHead();
    // Audit entries stored on this connection by other means (BulkRows)
    // continued the chain from `from` to `to`: `from` must be the head, else
    // DomainError AUDIT_CHAIN_BROKEN.
    void chainContinued(const AuditChainHead &from, const AuditChainHead &to, qint64 entries);

    // Work done once per unit of work just before COMMIT, inside the
    // transaction (such as bringing the search index up to date); a step
    // registered again under the same name is not added twice.
    void beforeCommit(const QString &name, std::function<void()> step);

    void commit();

private:
    void loadChainHead();

    Workspace &m_workspace;
    Transaction m_transaction;
    QString m_actorId;
    QDateTime m_at;
    ChangeOrigin m_origin;
    Sha256 m_hasher;
    qint64 m_lastSeq = -1; // -1 until the chain head is read
    QByteArray m_lastHash;
    qint64 m_recorded = 0;
    std::vector<std::pair<QString, std::function<void()>>> m_beforeCommit;
};

} // namespace vd
