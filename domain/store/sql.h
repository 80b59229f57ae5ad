#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// Running SQL with every result checked (STYLE.md 9): a failure throws
// DomainError with the statement and the driver's error, never passes silently.
namespace vd::sql {

// Runs a prepared statement with its bound values; `where` names the database in an error.
void exec(QSqlQuery &query, const QString &where);
// Prepares and runs one statement on the connection, for statements run once.
QSqlQuery run(const QSqlDatabase &database, const QString &statement);
// The value of the first column of the first row of a statement run once.
QVariant scalar(const QSqlDatabase &database, const QString &statement);
// Prepares a statement for reuse; reads are forward-only.
QSqlQuery prepare(const QSqlDatabase &database, const QString &statement);

// Prepared statements bind by name: QSqlQuery::bindValue(int) builds a
// placeholder string for every value it binds, which cost a fifth of a bulk
// write; binding by a name made once costs half as much. namedPlaceholders()
// turns each ? outside quotes into :p0, :p1… and bind() binds the i-th one.
QString namedPlaceholders(const QString &statement);
void bind(QSqlQuery &query, int index, const QVariant &value);

// Throws the DomainError for a failed statement: WORKSPACE_BUSY when another
// program holds the workspace, STORAGE_ERROR otherwise.
[[noreturn]] void fail(const QSqlError &error, const QString &statement, const QString &databaseName);

} // namespace vd::sql
