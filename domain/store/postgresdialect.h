#pragma once

#include <QString>

class QSqlDatabase;

// The store's SQL is written once, in SQLite's dialect; a workspace on
// PostgreSQL (docs/storage.md, "PostgreSQL") runs it through this seam:
// the few SQLite forms the store uses are rewritten when a statement is
// prepared (once per statement, statements are kept), and everything that
// differs in behaviour rather than in spelling (transactions, the schema
// version, deferred references) asks dialectOf().
namespace vd::sql {

enum class Dialect { SQLite, PostgreSQL };

Dialect dialectOf(const QSqlDatabase &database);

// The statement as PostgreSQL reads it:
//   BEGIN (a read transaction)  → BEGIN ISOLATION LEVEL REPEATABLE READ
//   INSERT OR IGNORE INTO … → INSERT INTO … ON CONFLICT DO NOTHING
//   CAST(x AS BLOB)         → vd_bytes(x) (text as its UTF-8 bytes, a bytea as it is)
//   temp.table              → pg_temp.table
//   a condition of just 1/0 → TRUE/FALSE (WHERE 1, AND (0), …)
//   group_concat(x)         → string_agg(CAST(x AS TEXT), ',')
// Everything else is the same in both (instr() is a function of the PostgreSQL schema).
QString forPostgres(const QString &statement);

// The statement as the database's dialect reads it.
QString inDialect(const QString &statement, Dialect dialect);

} // namespace vd::sql
