#pragma once

#include "postgresdialect.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace vd {

// One numbered SQL file: 0001_initial.sql is version 1.
struct Migration
{
    int version = 0;
    QString name;   // the file name, for messages
    QString sql;
};

// The schema's history as numbered SQL files, run in order, each in its own
// transaction (STYLE.md 9). A workspace records the version it has reached in
// PRAGMA user_version and in the schema_migrations table (on PostgreSQL in
// the table alone). A folder of migrations may hold a postgresql/ folder with
// the same files (the same numbers and names) in PostgreSQL's dialect,
// which a database on PostgreSQL runs instead (docs/storage.md).
class Migrations
{
public:
    // The migrations shipped in the resources (:/voucherdesk/migrations).
    static const Migrations &shipped();
    // NNNN_name.sql files from a folder, numbered 1, 2, 3… without gaps;
    // anything else in the folder is refused with DomainError MIGRATION_INVALID.
    static Migrations fromDirectory(const QString &path);

    const QList<Migration> &all() const { return m_migrations; }
    // The PostgreSQL set (empty when the folder has none).
    const QList<Migration> &postgres() const { return m_postgres; }
    int latestVersion() const { return m_migrations.isEmpty() ? 0 : m_migrations.last().version; }

    // Brings the database from its version up to latestVersion(). Each file
    // runs in its own BEGIN IMMEDIATE transaction with foreign keys checked
    // before COMMIT; the first failure rolls that file back and throws
    // DomainError MIGRATION_FAILED naming the file, the statement and the
    // error, leaving the previous version intact. Returns the versions applied.
    QList<int> applyTo(const QSqlDatabase &database) const;

    // The schema version a database has reached (0 for a new one), read
    // without writing anything.
    static int versionOf(const QSqlDatabase &database);

private:
    QList<int> applyToPostgres(const QSqlDatabase &database) const;

    QList<Migration> m_migrations;
    QList<Migration> m_postgres;
};

// Splits a migration into statements at the semicolons that end them: not
// inside quotes or comments, and inside CREATE TRIGGER only after the END
// that closes its BEGIN (CASE … END is counted too), or after its EXECUTE
// FUNCTION on PostgreSQL; $$-quoted function bodies are skipped whole.
QStringList splitStatements(QStringView sql);

// PRAGMA application_id of a VoucherDesk workspace ("VDWS").
inline constexpr qint32 kWorkspaceApplicationId = 0x56445753;
// The key of PostgreSQL's transaction-level advisory lock that every write
// transaction on a workspace takes (docs/storage.md): writers from several
// processes go one at a time, as SQLite's write lock makes them.
inline constexpr qint64 kWorkspaceWriteLock = 0x56445753;

} // namespace vd
