#pragma once

#include <QString>

namespace vd {

class Workspace;

// A scoped write transaction (STYLE.md 10): BEGIN IMMEDIATE takes the write
// lock at once (waiting up to the busy timeout, then WORKSPACE_BUSY; on
// PostgreSQL a transaction-level advisory lock does the same), and the
// destructor rolls back unless commit() succeeded. Transactions do not nest,
// except inside a WriteBatch: there each Transaction is a SAVEPOINT, its
// commit() a RELEASE and its rollback undoes only its own work.
class Transaction
{
public:
    explicit Transaction(Workspace &workspace);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Deferred foreign keys are checked here; if COMMIT fails it throws and
    // the transaction stays open, to be rolled back by the destructor.
    void commit();
    bool isOpen() const { return m_open; }
    // Whether this is a savepoint of a WriteBatch.
    bool isSavepoint() const { return !m_savepoint.isEmpty(); }

private:
    void beginOnPostgres();

    Workspace &m_workspace;
    QString m_savepoint; // inside a WriteBatch
    bool m_open = false;
};

// One write transaction holding many units of work that each succeed or fail
// on their own (a pushed batch of operations, a resolved conflict): every
// Transaction opened on the workspace while the batch is open becomes a
// savepoint of it. Nothing is kept unless commit() is called. The work their
// units of work do just before COMMIT (bringing the search index up to date)
// is done once, when the batch commits: an FTS5 index touched at every
// savepoint flushes each time, which made a push of 500 operations several
// times slower.
//
//   vd::WriteBatch batch(workspace);
//   for (…) { try { vd::UnitOfWork work(workspace, actor); …; work.commit(); } catch (…) { … } }
//   batch.commit();
class WriteBatch
{
public:
    explicit WriteBatch(Workspace &workspace);
    ~WriteBatch();
    WriteBatch(const WriteBatch &) = delete;
    WriteBatch &operator=(const WriteBatch &) = delete;

    void commit();

private:
    Workspace &m_workspace;
    Transaction m_transaction;
};

} // namespace vd
