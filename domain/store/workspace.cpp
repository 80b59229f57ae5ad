#include "workspace.h"

#include "domainerror.h"
#include "recordjson.h"
#include "sql.h"
#include "uuid.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QtEndian>

#include <sqlite3.h>

namespace vd {

namespace {

// Messages of this file, filed by lupdate under the context they are looked up in.
struct WorkspaceText
{
    Q_DECLARE_TR_FUNCTIONS(vd::Workspace)
};

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("vd-workspace-%1").arg(counter.fetchAndAddRelaxed(1));
}

[[noreturn]] void notAWorkspace(const QString &file, const QString &detail)
{
    throw DomainError(QStringLiteral("NOT_A_WORKSPACE"), file,
                      WorkspaceText::tr("this file is not a VoucherDesk workspace (%1); choose the folder of a workspace, "
                         "or an empty folder for a new one").arg(detail));
}

// The 100-byte header of an SQLite file: user_version at offset 60 and
// application_id at offset 68, big-endian.
struct FileHeader
{
    qint32 userVersion = 0;
    qint32 applicationId = 0;
};

std::optional<FileHeader> readHeader(const QString &file)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        throw DomainError(QStringLiteral("WORKSPACE_UNREADABLE"), file,
                          WorkspaceText::tr("cannot read the workspace: %1").arg(input.errorString()));
    const QByteArray header = input.read(100);
    if (header.isEmpty())
        return std::nullopt; // an empty file is an empty database
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        notAWorkspace(file, WorkspaceText::tr("it is not an SQLite database"));
    return FileHeader{qFromBigEndian<qint32>(header.constData() + 60), qFromBigEndian<qint32>(header.constData() + 68)};
}

// With a -wal file beside it the header may be stale, so SQLite itself reads
// the version, over a read-only connection that cannot change the file.
int versionThroughReadOnlyConnection(const QString &file)
{
    const QString name = nextConnectionName();
    int version = 0;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        database.setDatabaseName(file);
        database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!database.open())
            sql::fail(database.lastError(), QStringLiteral("open"), file);
        try {
            const qint32 applicationId =
                sql::scalar(database, QStringLiteral("PRAGMA application_id")).toInt();
            version = sql::scalar(database, QStringLiteral("PRAGMA user_version")).toInt();
            if (applicationId != 0 && applicationId != kWorkspaceApplicationId)
                notAWorkspace(file, WorkspaceText::tr("another program made it"));
        } catch (...) {
            database.close();
            database = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            throw;
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

[[noreturn]] void schemaTooNew(const QString &where, int version, int latest)
{
    throw DomainError(QStringLiteral("SCHEMA_TOO_NEW"), where,
                      WorkspaceText::tr("this workspace was written by a newer VoucherDesk (schema version %1; this program "
                         "knows up to %2); install the newer program to open it. Nothing was changed.")
                          .arg(version).arg(latest));
}

[[noreturn]] void workspaceNotFound(const QString &where, bool database = false)
{
    throw DomainError(QStringLiteral("WORKSPACE_NOT_FOUND"), where,
                      database ? WorkspaceText::tr("this database holds no workspace yet; create one first "
                                                   "(voucherdesk-cli init, or start the back office on it)")
                               : WorkspaceText::tr("there is no workspace in this folder; create one first (voucherdesk-cli init)"));
}

} // namespace

bool Workspace::isDatabaseUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString Workspace::fileIn(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("workspace.sqlite"));
}

bool Workspace::existsIn(const QString &folder)
{
    return QFileInfo::exists(fileIn(folder)) || SealedWorkspace::isIn(folder);
}

int Workspace::schemaVersionOf(const QString &file)
{
    if (QFileInfo::exists(file + QStringLiteral("-wal")))
        return versionThroughReadOnlyConnection(file);
    const std::optional<FileHeader> header = readHeader(file);
    if (!header)
        return 0;
    if (header->applicationId != 0 && header->applicationId != kWorkspaceApplicationId)
        notAWorkspace(file, WorkspaceText::tr("another program made it"));
    return header->userVersion;
}

Workspace::Workspace(const QString &location, Mode mode, const Migrations &migrations)
{
    if (isDatabaseUrl(location)) {
        openPostgres(location, mode, migrations);
        return;
    }
    m_folder = QDir::cleanPath(QDir(location).absolutePath());
    if (SealedWorkspace::isIn(m_folder)) {
        openSealed(migrations);
        return;
    }
    m_file = fileIn(m_folder);
    if (QFileInfo::exists(m_file)) {
        const int version = schemaVersionOf(m_file);
        if (version > migrations.latestVersion())
            schemaTooNew(m_file, version, migrations.latestVersion());
    } else if (mode == Mode::OpenExisting) {
        workspaceNotFound(m_folder);
    } else if (!QDir().mkpath(m_folder)) {
        throw DomainError(QStringLiteral("WORKSPACE_UNREADABLE"), m_folder, WorkspaceText::tr("cannot create the workspace folder"));
    }

    openConnection();
    try {
        checkIsWorkspace(); // before anything writes, so another program's file is left as it was
        setPragmas();
        checkFullTextSearch();
        m_applied = migrations.applyTo(m_database);
        loadDeviceId();
        // A schema of other migrations (tests, older tools) has no change log to keep.
        m_keepsChangeLog = m_database.tables().contains(QStringLiteral("sync_change_log"))
                           && sql::scalar(m_database, QStringLiteral("SELECT count(*) FROM sync_change_log")).toInt() > 0;
    } catch (...) {
        closeConnection();
        throw;
    }
}

// The sealed database is filled in memory from its file, then checked and
// migrated as a file would be, and written back when anything changed.
void Workspace::openSealed(const Migrations &migrations)
{
    m_file = SealedWorkspace::fileIn(m_folder);
    m_sealed = SealedWorkspace::attach(m_folder);
    try {
        openConnection();
        m_sealed->load(m_connection);
        const int version = sql::scalar(m_database, QStringLiteral("PRAGMA user_version")).toInt();
        if (version > migrations.latestVersion())
            schemaTooNew(m_file, version, migrations.latestVersion());
        checkIsWorkspace();
        setPragmas();
        checkFullTextSearch();
        m_applied = migrations.applyTo(m_database);
        loadDeviceId();
        m_keepsChangeLog = false; // a desk's store, never the back office's
        m_sealed->persist(m_connection);
    } catch (...) {
        closeConnection();
        throw;
    }
}

void Workspace::committed()
{
    if (m_sealed)
        m_sealed->persist(m_connection);
}

// On PostgreSQL the database is the workspace: its version is read from
// schema_migrations (a SELECT, nothing written) before anything else, and a
// database with tables but no VoucherDesk schema is left alone.
void Workspace::openPostgres(const QString &location, Mode mode, const Migrations &migrations)
{
    const QUrl url(location);
    m_file = url.toString(QUrl::RemovePassword);
    m_dialect = sql::Dialect::PostgreSQL;
    m_connectionName = nextConnectionName();
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_database.setHostName(url.host());
    m_database.setPort(url.port(5432));
    m_database.setUserName(url.userName(QUrl::FullyDecoded));
    m_database.setPassword(url.password(QUrl::FullyDecoded));
    m_database.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
    m_database.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!m_database.open()) {
        const QSqlError error = m_database.lastError();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        sql::fail(error, QStringLiteral("open"), m_file);
    }
    try {
        setPostgresSession();
        const int version = Migrations::versionOf(m_database);
        if (version > migrations.latestVersion())
            schemaTooNew(m_file, version, migrations.latestVersion());
        if (version == 0 && !m_database.tables().isEmpty())
            notAWorkspace(m_file, WorkspaceText::tr("it holds tables of another program"));
        if (version == 0 && mode == Mode::OpenExisting)
            workspaceNotFound(m_file, true);
        m_applied = migrations.applyTo(m_database);
        loadDeviceId();
        m_keepsChangeLog = sql::scalar(m_database, QStringLiteral("SELECT count(*) FROM sync_change_log")).toInt() > 0;
    } catch (...) {
        closeConnection();
        throw;
    }
}

void Workspace::setPostgresSession()
{
    const QString encoding = sql::scalar(m_database, QStringLiteral("SHOW server_encoding")).toString();
    if (encoding != QLatin1String("UTF8"))
        throw DomainError(QStringLiteral("STORAGE_ERROR"), m_file,
                          WorkspaceText::tr("the database's encoding is %1; VoucherDesk needs a UTF8 database "
                                            "(CREATE DATABASE … ENCODING 'UTF8')").arg(encoding));
    // Waiting for the write lock as long as SQLite's busy timeout, then WORKSPACE_BUSY.
    for (const char *setting : {"SET lock_timeout = '5s'", "SET client_min_messages = warning"})
        sql::run(m_database, QString::fromLatin1(setting));
}

Workspace::~Workspace()
{
    closeConnection(true);
}

void Workspace::closeConnection(bool writeBack)
{
    // Writes made outside a transaction (there are few) reach the sealed file when the workspace closes.
    if (writeBack && m_sealed && m_connection) {
        try {
            m_sealed->persist(m_connection);
        } catch (const DomainError &error) {
            qWarning("%s", error.what());
        }
    }
    m_writesByText.clear();
    m_writes.clear(); // finalized before the connection closes
    m_statements.clear();
    m_database.close();
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connection = nullptr;
    m_sealed.reset(); // after the connection: the shared in-memory database goes with its last one
}

void Workspace::openConnection()
{
    m_connectionName = nextConnectionName();
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_database.setDatabaseName(m_sealed ? m_sealed->uri() : m_file);
    m_database.setConnectOptions(m_sealed ? QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000")
                                          : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_database.open()) {
        const QSqlError error = m_database.lastError();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        sql::fail(error, QStringLiteral("open"), m_file);
    }
    // QSQLITE hands out its sqlite3 handle (QSqlDriver::handle()); the program
    // links the same shared libsqlite3 as the driver, so the handle is ours to use.
    const QVariant handle = m_database.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_connection) {
        closeConnection();
        throw DomainError(QStringLiteral("STORAGE_ERROR"), m_file,
                          WorkspaceText::tr("the SQLite driver of Qt SQL gives no connection handle; VoucherDesk "
                                            "needs Qt's QSQLITE driver"));
    }
}

void Workspace::setPragmas()
{
    // WAL lets readers run beside the writer; with synchronous NORMAL a commit
    // is durable once the WAL is checkpointed and never corrupts on a crash.
    // 8 KiB pages hold a whole audit entry with its JSON; set before the
    // file has any content (a no-op afterwards).
    sql::run(m_database, QStringLiteral("PRAGMA page_size = 8192"));
    // A sealed database is in memory: its journal must be too, or it would reach the disk in the clear.
    const QLatin1String wanted = m_sealed ? QLatin1String("memory") : QLatin1String("wal");
    const QString mode = sql::scalar(m_database, QStringLiteral("PRAGMA journal_mode = ") + wanted).toString();
    if (mode.compare(wanted, Qt::CaseInsensitive) != 0)
        throw DomainError(QStringLiteral("STORAGE_ERROR"), m_file,
                          WorkspaceText::tr("the workspace cannot use write-ahead logging (journal mode stays \"%1\"); keep "
                             "workspaces on a local disk").arg(mode));
    // A checkpoint every 32 MiB of WAL rather than every 4 MiB writes hot
    // pages to the file less often in bulk work; the WAL is cut back to
    // 64 MiB after a checkpoint. Mapped pages count as the process's
    // resident memory, so the map stays at 64 MiB (the desktop's budget is
    // 300 MB at 100,000 applications; docs/storage.md).
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000",
                               "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY",
                               "PRAGMA mmap_size = 67108864", "PRAGMA wal_autocheckpoint = 4000",
                               "PRAGMA journal_size_limit = 67108864"})
        sql::run(m_database, QString::fromLatin1(pragma));
}

void Workspace::checkFullTextSearch()
{
    // The probe lives in the temp schema and never touches the workspace file.
    QSqlQuery probe(m_database);
    if (!probe.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.vd_trigram_probe USING fts5(text, tokenize = 'trigram')")))
        throw DomainError(QStringLiteral("SQLITE_WITHOUT_FTS5"), m_file,
                          WorkspaceText::tr("this SQLite has no FTS5 full-text search with the trigram tokenizer (SQLite 3.34 or "
                             "later built with FTS5 is needed): %1").arg(probe.lastError().text()));
    sql::run(m_database, QStringLiteral("DROP TABLE temp.vd_trigram_probe"));
}

void Workspace::checkIsWorkspace()
{
    // A version-0 file with tables in it belongs to some other program.
    if (sql::scalar(m_database, QStringLiteral("PRAGMA user_version")).toInt() == 0
        && sql::scalar(m_database, QStringLiteral("SELECT count(*) FROM sqlite_schema")).toInt() > 0)
        notAWorkspace(m_file, WorkspaceText::tr("it holds tables of another program"));
}

void Workspace::loadDeviceId()
{
    m_deviceId = sql::scalar(m_database, QStringLiteral("SELECT device_id FROM device")).toString();
    if (!m_deviceId.isEmpty())
        return;
    // Two programs opening a new workspace at once both get here; the first id stays.
    QSqlQuery insert = sql::prepare(m_database, QStringLiteral(
        "INSERT OR IGNORE INTO device (singleton, device_id, created_at) VALUES (1, ?, ?)"));
    insert.addBindValue(newUuid());
    insert.addBindValue(record::instantText(QDateTime::currentDateTimeUtc()));
    sql::exec(insert, m_file);
    m_deviceId = sql::scalar(m_database, QStringLiteral("SELECT device_id FROM device")).toString();
}

bool Workspace::hasUnresolvedReferences() const
{
    if (m_dialect == sql::Dialect::PostgreSQL)
        return postgresHasUnresolvedReferences();
    int current = 0, highest = 0;
    sqlite3_db_status(m_connection, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest, 0);
    return current > 0;
}

// PostgreSQL checks deferred references when they are made immediate: in a
// savepoint of its own, so that a refusal leaves the transaction usable.
bool Workspace::postgresHasUnresolvedReferences() const
{
    sql::run(m_database, QStringLiteral("SAVEPOINT vd_reference_check"));
    QSqlQuery check(m_database);
    const bool resolved = check.exec(QStringLiteral("SET CONSTRAINTS ALL IMMEDIATE"));
    if (!resolved && check.lastError().nativeErrorCode() != QLatin1String("23503")) // foreign_key_violation
        sql::fail(check.lastError(), check.lastQuery(), m_file);
    sql::run(m_database, resolved ? QStringLiteral("SET CONSTRAINTS ALL DEFERRED")
                                  : QStringLiteral("ROLLBACK TO SAVEPOINT vd_reference_check"));
    sql::run(m_database, QStringLiteral("RELEASE SAVEPOINT vd_reference_check"));
    if (!resolved)
        sql::run(m_database, QStringLiteral("SET CONSTRAINTS ALL DEFERRED"));
    return !resolved;
}

int Workspace::schemaVersion() const
{
    return Migrations::versionOf(m_database);
}

QSqlQuery &Workspace::statement(const QString &sql)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end())
        found = m_statements.emplace(sql, sql::prepare(m_database, sql::namedPlaceholders(sql))).first;
    return found->second;
}

sql::Write &Workspace::write(const QString &sql)
{
    const auto known = m_writesByText.find(sql.constData());
    if (known != m_writesByText.end() && known->second.first == sql)
        return *known->second.second;
    auto found = m_writes.find(sql);
    if (found == m_writes.end())
        found = m_writes.emplace(sql, m_dialect == sql::Dialect::PostgreSQL
                                          ? std::make_unique<sql::Write>(m_database, sql, m_file)
                                          : std::make_unique<sql::Write>(m_connection, sql, m_file)).first;
    // The copy shares the text, so its address cannot be reused for another while it is kept.
    m_writesByText[sql.constData()] = {sql, found->second.get()};
    return *found->second;
}

void Workspace::exec(QSqlQuery &query) const
{
    sql::exec(query, m_file);
}

QSqlQuery &Workspace::execute(const QString &sql, const QVariantList &values)
{
    QSqlQuery &query = statement(sql);
    for (int i = 0; i < values.size(); ++i)
        sql::bind(query, i, values[i]);
    exec(query);
    return query;
}

QSqlQuery Workspace::run(const QString &sql) const
{
    return sql::run(m_database, sql);
}

} // namespace vd
