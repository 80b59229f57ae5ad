#pragma once

#include "migrations.h"
#include "sealedworkspace.h"
#include "sql.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>

namespace vd {

// A workspace: one folder with one SQLite file, DIR/workspace.sqlite, opened
// through its own uniquely named Qt SQL connection (closed and removed when
// the object goes). On opening it refuses a file written by a newer program
// (DomainError SCHEMA_TOO_NEW, the file left untouched), checks that SQLite
// has FTS5 with the trigram tokenizer, switches to WAL with foreign keys on,
// and runs the migrations the file has not had yet.
//
// A committee member's workspace can be sealed at rest (SealedWorkspace):
// DIR/workspace.sealed instead, unlocked once per process with its passphrase;
// it is then opened and used as any other, in memory, and written back
// sealed after each commit.
//
// A workspace can also live in a PostgreSQL database, opened through Qt's
// QPSQL driver from a URL (postgresql://user[:password]@host[:port]/database),
// for a back office that runs as several processes (docs/storage.md,
// "PostgreSQL"). It has no folder then.
//
// A Workspace belongs to the thread that opened it. Repositories, units of
// work and searches borrow it and must not outlive it.
class Workspace
{
public:
    enum class Mode { CreateIfMissing, OpenExisting };

    // `location` is a folder, or a postgresql:// URL (isDatabaseUrl()).
    explicit Workspace(const QString &location, Mode mode = Mode::CreateIfMissing,
                       const Migrations &migrations = Migrations::shipped());
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    static QString fileIn(const QString &folder); // DIR/workspace.sqlite
    // Whether the folder holds a workspace, plain or sealed.
    static bool existsIn(const QString &folder);
    // Whether a location names a PostgreSQL database (postgresql:// or postgres://).
    static bool isDatabaseUrl(const QString &location);
    // The schema version of a workspace file, read without writing anything
    // to it (not even a WAL switch). 0 for an empty file; throws
    // NOT_A_WORKSPACE for a file that is not a VoucherDesk workspace.
    static int schemaVersionOf(const QString &file);

    const QString &folder() const { return m_folder; }   // empty on PostgreSQL
    const QString &file() const { return m_file; }       // on PostgreSQL the URL without its password
    bool isSealed() const { return m_sealed != nullptr; }
    sql::Dialect dialect() const { return m_dialect; }
    int schemaVersion() const;
    // The migrations this opening applied (empty when the file was current).
    const QList<int> &appliedMigrations() const { return m_applied; }
    // This installation's device id (UUID), made when the workspace was created.
    const QString &deviceId() const { return m_deviceId; }

    QSqlDatabase database() const { return m_database; }

    // A statement prepared once per workspace and reused (forward-only for
    // reads), written with ? placeholders. Bind its values with sql::bind()
    // (sql.h), run it with exec(), and read every row you need before running
    // another statement that could reuse it.
    QSqlQuery &statement(const QString &sql);
    // Runs a prepared statement; a failure throws DomainError (STORAGE_ERROR
    // or WORKSPACE_BUSY) with the statement and the driver's error.
    void exec(QSqlQuery &query) const;
    // An INSERT prepared once per workspace through SQLite's own API (sql.h,
    // sql::Write), for the paths that write in bulk; bind its values with
    // sql::bind() and run it with its exec().
    sql::Write &write(const QString &sql);
    // The statement, prepared once, run with these values bound in order;
    // read its rows, then finish() it.
    QSqlQuery &execute(const QString &sql, const QVariantList &values);
    // Runs a statement once.
    QSqlQuery run(const QString &sql) const;

    // Whether a Transaction is open on this workspace (they do not nest,
    // except inside a WriteBatch, where each is a savepoint).
    bool inTransaction() const { return m_inTransaction; }

    // Whether this store keeps the back office's change log (ChangeLog,
    // docs/sync.md): read when it opens, set by ChangeLog::enable.
    bool keepsChangeLog() const { return m_keepsChangeLog; }
    // Whether the open transaction has references that do not resolve yet
    // (deferred foreign keys that COMMIT would refuse), so that a savepoint
    // can be rolled back before it spoils the whole transaction.
    bool hasUnresolvedReferences() const;

private:
    friend class Transaction;
    friend class WriteBatch;
    friend class ChangeLog;
    friend class UnitOfWork;
    void openConnection();
    void closeConnection(bool writeBack = false);
    void openSealed(const Migrations &migrations);
    // After a commit: a sealed workspace is written back.
    void committed();
    void openPostgres(const QString &url, Mode mode, const Migrations &migrations);
    void setPragmas();
    void setPostgresSession();
    bool postgresHasUnresolvedReferences() const;
    void checkFullTextSearch();
    void checkIsWorkspace();
    void loadDeviceId();

    QString m_folder;
    QString m_file;
    QString m_connectionName;
    QSqlDatabase m_database;
    sql::Dialect m_dialect = sql::Dialect::SQLite;
    std::unordered_map<QString, QSqlQuery> m_statements;
    sqlite3 *m_connection = nullptr; // the handle of m_database's connection
    std::unordered_map<QString, std::unique_ptr<sql::Write>> m_writes;
    // The same, found by where the statement's text lives (and then compared):
    // the bulk paths pass the same few strings millions of times.
    std::unordered_map<const QChar *, std::pair<QString, sql::Write *>> m_writesByText;
    QList<int> m_applied;
    QString m_deviceId;
    std::shared_ptr<SealedWorkspace::Open> m_sealed;
    bool m_inTransaction = false;
    bool m_keepsChangeLog = false;
    int m_batches = 0;        // WriteBatch scopes open
    int m_savepoints = 0;     // Transactions open inside them
    // The before-commit steps of the units of work committed inside a batch
    // (by name, once each), run when the batch commits.
    std::vector<std::pair<QString, std::function<void()>>> m_batchSteps;
};

} // namespace vd
