#pragma once

#include "user.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vd {

struct RecordedChange;
class Workspace;

// One row of the change log: a record's latest change.
struct LoggedChange
{
    qint64 seq = 0;
    QString entityType;
    QString entityId;
    qint64 revision = 0;
    bool deleted = false;
    QByteArray payload; // compact JSON of the record; empty for a tombstone
};

// What the back office's change log answers to one pull (docs/sync.md).
struct ChangePage
{
    QList<LoggedChange> changes;
    QStringList removedCases;
    qint64 cursor = 0;
    bool more = false;
    qint64 head = 0;
};

// The back office's change log (docs/sync.md, table sync_changes): every
// change recorded on a store that keeps it gets a row, in the transaction of
// the change, replacing the record's earlier row with a new sequence number.
// Who receives which rows is decided here, from the signed-in user
// (CaseAccess's view of cases, plus the records each role may see).
class ChangeLog
{
public:
    explicit ChangeLog(Workspace &workspace) : m_workspace(workspace) {}

    // Makes this store keep the change log. The first time, in one
    // transaction, every record it holds gets its row (parents before the
    // records that refer to them), so that data written before (the demo)
    // is pulled like any other. Does nothing on a store that keeps it already.
    static void enable(Workspace &workspace);
    // Writes the row of one change (UnitOfWork::record calls this).
    static void append(Workspace &workspace, const RecordedChange &change);

    // The last sequence number given (0 when there is none).
    qint64 head() const;
    // The changes after `cursor` the user may see, at most `limit`; for a
    // user who sees only some cases, the held cases no longer in view
    // (removedCases), and the whole of each visible case it does not hold.
    ChangePage pull(const User &user, qint64 cursor, int limit, const QStringList &heldCases) const;
    // The record's row, if the user may see it.
    std::optional<LoggedChange> find(const QString &entityType, const QString &entityId) const;

    // Whether the user receives anything at all (every role but an unknown one).
    static bool maySync(const User &user);
    // Whether the user receives only some cases (and sends the cases it holds).
    static bool isPartitioned(const User &user);

private:
    QList<LoggedChange> select(const QString &sql, const QVariantList &values) const;

    Workspace &m_workspace;
};

} // namespace vd
