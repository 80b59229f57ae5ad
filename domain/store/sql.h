#pragma once

#include "postgresdialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

// Running SQL with every result checked (STYLE.md 9): a failure throws
// DomainError with the statement and the driver's error, never passes silently.
namespace vd::sql {

// Runs a prepared statement with its bound values; `where` names the database in an error.
void exec(QSqlQuery &query, const QString &where);
// Prepares and runs one statement on the connection, for statements run once.
QSqlQuery run(const QSqlDatabase &database, const QString &statement);
// The value of the first column of the first row of a statement run once.
QVariant scalar(const QSqlDatabase &database, const QString &statement);
// Prepares a statement for reuse; reads are forward-only. Statements are
// written in SQLite's dialect; on PostgreSQL they go through forPostgres().
QSqlQuery prepare(const QSqlDatabase &database, const QString &statement);

// Prepared statements bind by name: QSqlQuery::bindValue(int) builds a
// placeholder string for every value it binds, which cost a fifth of a bulk
// write; binding by a name made once costs half as much. namedPlaceholders()
// turns each ? outside quotes into :p0, :p1… and bind() binds the i-th one.
QString namedPlaceholders(const QString &statement);
void bind(QSqlQuery &query, int index, const QVariant &value);

// A write statement (INSERT) run through SQLite's own API on the connection
// Qt SQL opened, for the bulk paths (records, their parts, audit entries):
// binding a QVariant through Qt SQL costs a hash lookup and a copy per value
// and its exec another layer of QVariants, together about a fifth of a demo
// run (docs/ARCHITECTURE.md). Prepared once, reset after every run; indexes
// count from 0 like sql::bind(). Text binds as UTF-8, a QByteArray as a BLOB,
// a null QVariant as NULL, numbers as integers, exactly as Qt's QSQLITE does.
// On a database without an SQLite handle (PostgreSQL) the same calls go
// through a prepared QSqlQuery instead.
class Write
{
public:
    Write(sqlite3 *connection, const QString &statement, const QString &where);
    Write(const QSqlDatabase &database, const QString &statement, const QString &where);
    ~Write();
    Write(const Write &) = delete;
    Write &operator=(const Write &) = delete;

    void bind(int index, const QVariant &value);
    // Text given as its UTF-8 bytes, stored exactly so (empty as '', never NULL).
    void bindText(int index, const QByteArray &utf8);
    // The same values as bind() gives for them, without a QVariant around
    // each (the bulk paths bind every column of millions of rows): a null
    // QString as NULL, any other as its UTF-8; an integer as an integer.
    void bindString(int index, const QString &text);
    void bindInteger(int index, qint64 value);
    void bindNull(int index);
    // Bytes as a BLOB; a null QByteArray as NULL.
    void bindBlob(int index, const QByteArray &bytes);
    // Text (UTF-8) or a BLOB read in place, not copied nor kept: the bytes
    // must stay where they are until exec() (BulkRows, which owns them).
    void bindInPlace(int index, QByteArrayView bytes, bool text);
    // Runs the statement with the values bound; throws DomainError as exec() does.
    void exec();
    // Rows the last exec() inserted or changed.
    qint64 rowsAffected() const { return m_changes; }

private:
    void bindBytes(int index, QByteArray bytes, bool text);
    void bindThroughQt(int index, const QVariant &value);
    [[noreturn]] void fail(int code, const QString &message);

    sqlite3 *m_connection;
    sqlite3_stmt *m_statement = nullptr;
    QString m_sql;
    QString m_where;
    qint64 m_changes = 0;
    // The bytes bound to each parameter, kept until they are bound again, so
    // that SQLite reads them in place (SQLITE_STATIC) instead of copying them.
    std::vector<QByteArray> m_bound;
    std::unique_ptr<QSqlQuery> m_query; // without an SQLite handle
};

inline void bind(Write &statement, int index, const QVariant &value) { statement.bind(index, value); }

// Throws the DomainError for a failed statement: WORKSPACE_BUSY when another
// program holds the workspace, STORAGE_ERROR otherwise.
[[noreturn]] void fail(const QSqlError &error, const QString &statement, const QString &databaseName);

} // namespace vd::sql
