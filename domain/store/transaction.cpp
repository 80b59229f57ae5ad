#include "transaction.h"

#include "domainerror.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace vd {

Transaction::Transaction(Workspace &workspace) : m_workspace(workspace)
{
    if (workspace.m_inTransaction)
        throw DomainError(QStringLiteral("TRANSACTION_NESTED"), workspace.file(),
                          QCoreApplication::translate("vd::Transaction",
                              "a change was started while another one is still open; finish the first one"));
    workspace.run(QStringLiteral("BEGIN IMMEDIATE"));
    m_open = true;
    workspace.m_inTransaction = true;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    // Nothing may throw from here; a failed ROLLBACK leaves SQLite to roll
    // the transaction back when the connection closes.
    QSqlQuery(m_workspace.database()).exec(QStringLiteral("ROLLBACK"));
    m_workspace.m_inTransaction = false;
}

void Transaction::commit()
{
    m_workspace.run(QStringLiteral("COMMIT"));
    m_open = false;
    m_workspace.m_inTransaction = false;
}

} // namespace vd
