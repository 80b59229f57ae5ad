#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace vd {

class Workspace;

// One change pulled from the back office (docs/sync.md).
struct PulledChange
{
    qint64 seq = 0;
    QString entityType;
    QString entityId;
    qint64 revision = 0;
    bool deleted = false;
    QJsonObject record; // empty for a tombstone
};

// The back office's answer to one pushed operation.
struct PushAnswer
{
    qint64 operationNumber = 0;
    QString state;        // applied | duplicate | conflict | rejected
    QString code;         // for conflict and rejected
    QString reason;       // for conflict and rejected, for a person
    qint64 revision = 0;  // applied, duplicate: the record's revision on the back office
    bool merged = false;
    std::optional<QJsonObject> serverRecord; // conflict (and rejected, when the user may see it)
    qint64 serverRevision = 0;
};

// An operation the back office found in conflict: both versions, for a person.
struct SyncConflict
{
    qint64 operationNumber = 0;
    QString entityType;
    QString entityId;
    QByteArray localRecord;   // compact JSON of this device's version; empty when it removed the record
    QByteArray serverRecord;  // compact JSON of the back office's version; empty when it was removed there
    qint64 serverRevision = 0;
    QString code;
    QString reason;
    QDateTime foundAt;
};

// What applying one pulled page did.
struct AppliedPage
{
    qint64 stored = 0;        // records stored (and tombstones applied)
    qint64 keptLocal = 0;     // records not overwritten: a local change of them is still waiting
    qint64 parked = 0;        // records waiting for a record they refer to
    qint64 removedCases = 0;
};

// This device's copy of the back office's records, as sync keeps it
// (docs/sync.md): pulled pages applied with the cursor in one transaction,
// the back office's answers recorded, conflicts kept for a person.
class SyncReplica
{
    Q_DECLARE_TR_FUNCTIONS(vd::SyncReplica)

public:
    explicit SyncReplica(Workspace &workspace) : m_workspace(workspace) {}

    // Records only the back office makes (status changes, approvals): a local
    // one is provisional, never pushed, and replaced by the back office's.
    static bool isMadeByServer(const QString &entityType);

    // The cases this device holds (with those it has records of waiting for
    // their application), for a partitioned pull.
    QStringList heldCases() const;

    // Applies a page in ONE transaction with the new cursor: records stored
    // with ChangeOrigin::Synced and the revision they carry, tombstones
    // removed, removed cases deleted with every record of theirs. A record
    // with a local change still waiting (pending, or in conflict) is not
    // overwritten; a record whose references have not arrived is parked and
    // stored when they have. `serverUrl` and `userId` are kept in the sync state.
    AppliedPage applyPage(const QList<PulledChange> &changes, const QStringList &removedCases, qint64 cursor,
                          const QString &serverUrl, const QString &userId);

    // Records the back office's answers to the operations sent (and settles
    // the provisional records made by the server that were not sent: those
    // among `settledNumbers`), in one transaction: applied and duplicate
    // leave the outbox; a conflict is kept with both versions; a rejection
    // stays in the outbox with its reason, and the back office's version,
    // when it sent one, replaces the local record.
    void recordAnswers(const QList<PushAnswer> &answers, const QList<qint64> &settledNumbers);

    QList<SyncConflict> conflicts() const;
    qint64 conflictCount() const;
    // Keep this device's version: re-queued on the back office's revision.
    void keepMine(qint64 operationNumber, const QString &actorId);
    // Take the back office's version: the local change is dropped.
    void takeTheirs(qint64 operationNumber);
    // A rejected operation the person has seen: removed from the outbox.
    void dismissRejected(qint64 operationNumber);

private:
    bool storeOrPark(const PulledChange &change, class UnitOfWork &work, const QSet<QString> &waiting);
    // The first reference of the record that is not stored here: (table, id).
    std::optional<std::pair<QString, QString>> missingReference(const QString &entityType, const QJsonObject &record);
    void removeCase(const QString &applicationId);
    void retryParked(class UnitOfWork &work, const QSet<QString> &waiting, AppliedPage &applied);
    QSet<QString> entitiesWithLocalChanges() const;
    void storeServerVersion(class UnitOfWork &work, const QString &entityType, const QString &entityId,
                            const std::optional<QJsonObject> &record);
    SyncConflict conflict(qint64 operationNumber) const;

    Workspace &m_workspace;
    // Per table: its references to other records (column, referenced table).
    QHash<QString, QList<std::pair<QString, QString>>> m_references;
};

} // namespace vd
