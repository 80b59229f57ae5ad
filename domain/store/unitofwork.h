#pragma once

#include "sha256.h"
#include "transaction.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace vd {

class Workspace;
struct StoredAuditEntry;

// Where a change comes from. A local change is queued in the outbox for the
// back office; a change applied from the back office (a sync pull, or the back
// office's own store) is audited but not queued again, and keeps the revision
// it arrived with. A restored record (a workspace document read into an empty
// workspace together with its audit trail) keeps its revision and is neither
// audited nor queued: the trail it came with is copied in with
// restoreAuditEntry() instead, and the back office has seen it already.
enum class ChangeOrigin { Local, Synced, Restored };

// One change to one record, as the audit trail and the outbox keep it.
struct RecordedChange
{
    QString action;          // create, update, delete, or a workflow action (submit, approve…)
    QString entityType;      // RecordFields<…>::entity
    QString entityId;
    QByteArray beforeJson;   // compact JSON of the record before; null for a creation
    QByteArray afterJson;    // compact JSON after; null for a removal
    qint64 baseRevision = 0; // the revision the change was made on; 0 for a new record
};

// Every change that matters, in one transaction (DESIGN.md §4): the records,
// one audit entry per record changed (hash-chained to the previous entry) and,
// for local changes, one outbox entry per record for sync. Nothing is kept
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
    UnitOfWork(Workspace &workspace, QString actorId, ChangeOrigin origin = ChangeOrigin::Local);

    Workspace &workspace() const { return m_workspace; }
    ChangeOrigin origin() const { return m_origin; }

    const QString &actorId() const { return m_actorId; }
    void setActor(QString actorId) { m_actorId = std::move(actorId); }
    // The time of the next audit entry: the one set, or now (UTC).
    QDateTime at() const;
    void setTime(QDateTime at) { m_at = std::move(at); }

    // Writes the audit entry (and, for a local change, the outbox entry);
    // writes nothing for a restored one. Repositories call this; call it
    // yourself only for a change no repository makes.
    void record(const RecordedChange &change);
    // Appends an entry of another trail exactly as it was stored there. It
    // must continue the chain (its sequence number next, its previous hash
    // the head's hash, its hash its own), else DomainError AUDIT_CHAIN_BROKEN.
    void restoreAuditEntry(const StoredAuditEntry &entry);
    qint64 changesRecorded() const { return m_recorded; }

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
};

} // namespace vd
