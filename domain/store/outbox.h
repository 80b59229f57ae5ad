#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace vd {

class Workspace;

// An operation queued for the back office (DESIGN.md §5).
struct OutboxEntry
{
    qint64 operationNumber = 0; // this device's operation number (its audit entry's seq): increasing, never reused
    QString operationId;        // UUID
    QString entityType;
    QString entityId;
    QString operation;          // upsert | delete
    QByteArray payload;         // compact JSON of the record (before it, for a delete), from its audit entry
    QByteArray before;          // compact JSON of the record before the change; null for a creation
    QString action;             // the audit entry's action: create, update, delete, or a workflow action
    qint64 baseRevision = 0;
    QDateTime createdAt;
    QString state;              // pending | conflict | rejected
    int attempts = 0;
    QString resultReason;
};

// The back office's answer to one operation.
struct OutboxAcknowledgement
{
    qint64 operationNumber = 0;
    QString state;              // applied | duplicate | conflict | rejected
    QString reason;             // for conflict and rejected: shown to the person
};

// The queue of local changes waiting to be pushed. Entries are written by
// UnitOfWork; the sync client reads them in order and records the answers.
class Outbox
{
public:
    explicit Outbox(Workspace &workspace) : m_workspace(workspace) {}

    // Pending operations, oldest first.
    QList<OutboxEntry> pending(int limit) const;
    qint64 pendingCount() const;
    // Operations the back office refused or found in conflict, for a person to see.
    QList<OutboxEntry> needingAttention() const;
    // Records the answers, in one transaction: an applied (or duplicate)
    // operation leaves the queue; one in conflict or rejected stays, with the
    // reason, for a person to see. Neither is pending or sent again.
    void acknowledge(const QList<OutboxAcknowledgement> &answers);
    // Counts an attempt to send these operations (for the person's view of a stuck queue).
    void countAttempt(const QList<qint64> &operationNumbers);

private:
    QList<OutboxEntry> select(const QString &sql, const QVariantList &values) const;
    Workspace &m_workspace;
};

} // namespace vd
