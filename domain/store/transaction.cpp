#include "transaction.h"

#include "domainerror.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace vd {

namespace {

// SAVEPOINT and RELEASE, prepared once on SQLite; PostgreSQL prepares no
// transaction control, so there they run as they are.
void runSavepointStatement(Workspace &workspace, const QString &sql)
{
    if (workspace.dialect() == sql::Dialect::PostgreSQL)
        workspace.run(sql);
    else
        workspace.exec(workspace.statement(sql));
}

} // namespace

Transaction::Transaction(Workspace &workspace) : m_workspace(workspace)
{
    if (workspace.m_inTransaction && workspace.m_batches > 0) {
        // Named by depth, so that the few statements are prepared once and reused.
        m_savepoint = QStringLiteral("vd_savepoint_%1").arg(++workspace.m_savepoints);
        runSavepointStatement(workspace, QStringLiteral("SAVEPOINT ") + m_savepoint);
        m_open = true;
        return;
    }
    if (workspace.m_inTransaction)
        throw DomainError(QStringLiteral("TRANSACTION_NESTED"), workspace.file(),
                          QCoreApplication::translate("vd::Transaction",
                              "a change was started while another one is still open; finish the first one"));
    if (workspace.dialect() == sql::Dialect::PostgreSQL) {
        beginOnPostgres();
        return;
    }
    workspace.run(QStringLiteral("BEGIN IMMEDIATE"));
    m_open = true;
    workspace.m_inTransaction = true;
}

// BEGIN IMMEDIATE's counterpart: the workspace's advisory write lock, held
// until COMMIT or ROLLBACK, so that writers from every process go one at a
// time: each unit of work extends the audit chain from the head it reads, and
// the change log's seq is handed out in commit order (docs/storage.md).
void Transaction::beginOnPostgres()
{
    m_workspace.run(QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"));
    try {
        m_workspace.run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWorkspaceWriteLock));
    } catch (...) {
        QSqlQuery(m_workspace.database()).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    m_open = true;
    m_workspace.m_inTransaction = true;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    // Nothing may throw from here; a failed ROLLBACK leaves SQLite to roll
    // the transaction back when the connection closes.
    QSqlQuery rollback(m_workspace.database());
    if (!m_savepoint.isEmpty()) {
        rollback.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        rollback.exec(QStringLiteral("RELEASE ") + m_savepoint);
        --m_workspace.m_savepoints;
        return;
    }
    rollback.exec(QStringLiteral("ROLLBACK"));
    m_workspace.m_inTransaction = false;
}

void Transaction::commit()
{
    if (!m_savepoint.isEmpty()) {
        runSavepointStatement(m_workspace, QStringLiteral("RELEASE ") + m_savepoint);
        --m_workspace.m_savepoints;
        m_open = false;
        return;
    }
    m_workspace.run(QStringLiteral("COMMIT"));
    m_open = false;
    m_workspace.m_inTransaction = false;
    m_workspace.committed();
}

WriteBatch::WriteBatch(Workspace &workspace) : m_workspace(workspace), m_transaction(workspace)
{
    ++m_workspace.m_batches;
}

WriteBatch::~WriteBatch()
{
    --m_workspace.m_batches;
    if (m_workspace.m_batches == 0)
        m_workspace.m_batchSteps.clear();
}

void WriteBatch::commit()
{
    if (m_workspace.m_batches == 1) {
        // Steps may register further steps: run until none is left.
        while (!m_workspace.m_batchSteps.empty()) {
            const auto steps = std::move(m_workspace.m_batchSteps);
            m_workspace.m_batchSteps.clear();
            for (const auto &step : steps)
                step.second();
        }
    }
    m_transaction.commit();
}

} // namespace vd
