#include "migrations.h"

#include "domainerror.h"
#include "recordjson.h"
#include "sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>

namespace vd {

namespace {

// Messages of this file, filed by lupdate under the context they are looked up in.
struct MigrationsText
{
    Q_DECLARE_TR_FUNCTIONS(vd::Migrations)
};

[[noreturn]] void refuse(const QString &where, const QString &message)
{
    throw DomainError(QStringLiteral("MIGRATION_INVALID"), where, message);
}

// Statement boundaries: a small scanner over quotes, comments and the
// BEGIN/CASE … END blocks of trigger bodies.
class StatementScanner
{
public:
    explicit StatementScanner(QStringView sql) : m_sql(sql) {}

    QStringList statements()
    {
        QStringList result;
        qsizetype start = 0;
        for (m_pos = 0; m_pos < m_sql.size(); ++m_pos) {
            const QChar c = m_sql[m_pos];
            if (c == u'\'' || c == u'"' || c == u'`')
                skipQuoted(c);
            else if (c == u'[')
                skipQuoted(u']');
            else if (c == u'$' && next() == u'$') // a PostgreSQL function body
                skipUntil(u"$$");
            else if (c == u'-' && next() == u'-')
                skipUntil(u"\n");
            else if (c == u'/' && next() == u'*')
                skipUntil(u"*/");
            else if (c.isLetter() || c == u'_')
                readWord();
            else if (c == u';' && statementEnds()) {
                appendStatement(result, start, m_pos);
                start = m_pos + 1;
                resetStatement();
            }
        }
        appendStatement(result, start, m_sql.size());
        return result;
    }

private:
    QChar next() const { return m_pos + 1 < m_sql.size() ? m_sql[m_pos + 1] : QChar(); }

    void skipQuoted(QChar close)
    {
        for (++m_pos; m_pos < m_sql.size(); ++m_pos) {
            if (m_sql[m_pos] != close)
                continue;
            if (close != u']' && next() == close) // a doubled quote stands for itself
                ++m_pos;
            else
                return;
        }
    }

    void skipUntil(QStringView end)
    {
        const qsizetype found = m_sql.indexOf(end, m_pos + 2);
        m_pos = found < 0 ? m_sql.size() : found + end.size() - 1;
    }

    void readWord()
    {
        const qsizetype begin = m_pos;
        while (m_pos + 1 < m_sql.size() && (m_sql[m_pos + 1].isLetterOrNumber() || m_sql[m_pos + 1] == u'_'))
            ++m_pos;
        const QString word = m_sql.sliced(begin, m_pos - begin + 1).toString().toUpper();
        if (m_leadingWords.size() < 3)
            m_leadingWords.append(word);
        if (!isTrigger())
            return;
        if (word == QLatin1String("BEGIN") || word == QLatin1String("CASE")) {
            ++m_depth;
            m_sawBody = true;
        } else if (word == QLatin1String("END")) {
            --m_depth;
        } else if (word == QLatin1String("EXECUTE") && m_depth == 0) {
            m_sawBody = true; // PostgreSQL's trigger: EXECUTE FUNCTION f(), no body of its own
        }
    }

    bool isTrigger() const
    {
        return m_leadingWords.size() >= 2 && m_leadingWords[0] == QLatin1String("CREATE")
            && (m_leadingWords[1] == QLatin1String("TRIGGER")
                || (m_leadingWords.size() >= 3 && m_leadingWords[2] == QLatin1String("TRIGGER")));
    }

    bool statementEnds() const { return !isTrigger() || (m_sawBody && m_depth <= 0); }

    void resetStatement()
    {
        m_leadingWords.clear();
        m_depth = 0;
        m_sawBody = false;
    }

    void appendStatement(QStringList &result, qsizetype from, qsizetype to) const
    {
        const QString statement = m_sql.sliced(from, to - from).trimmed().toString();
        if (!statement.isEmpty() && !isOnlyComments(statement))
            result.append(statement);
    }

    static bool isOnlyComments(const QString &statement)
    {
        static const QRegularExpression comments(QStringLiteral("^(\\s*(--[^\\n]*(\\n|$)|/\\*.*?\\*/))*\\s*$"),
                                                 QRegularExpression::DotMatchesEverythingOption);
        return comments.match(statement).hasMatch();
    }

    QStringView m_sql;
    qsizetype m_pos = 0;
    QStringList m_leadingWords;
    int m_depth = 0;
    bool m_sawBody = false;
};

QList<Migration> load(const QString &path)
{
    static const QRegularExpression fileName(QStringLiteral("^([0-9]{4})_[a-z0-9_]+\\.sql$"));
    const QDir folder(path);
    if (!folder.exists())
        refuse(path, MigrationsText::tr("the folder of migrations does not exist"));
    QList<Migration> migrations;
    for (const QString &name : folder.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = fileName.match(name);
        if (!match.hasMatch())
            refuse(folder.filePath(name), MigrationsText::tr("a migration must be named like 0001_initial.sql"));
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            refuse(file.fileName(), MigrationsText::tr("cannot read the migration: %1").arg(file.errorString()));
        migrations.append({match.captured(1).toInt(), name, QString::fromUtf8(file.readAll())});
    }
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != i + 1)
            refuse(folder.filePath(migrations[i].name),
                   MigrationsText::tr("migrations must be numbered 1, 2, 3… without gaps; expected number %1").arg(i + 1));
    }
    return migrations;
}

int userVersion(const QSqlDatabase &database)
{
    return Migrations::versionOf(database);
}

// The PostgreSQL set must be the SQLite set in the other dialect: the same numbers and names.
void checkInStep(const QString &path, const QList<Migration> &sqlite, const QList<Migration> &postgres)
{
    for (qsizetype i = 0; i < std::max(sqlite.size(), postgres.size()); ++i) {
        if (i >= sqlite.size() || i >= postgres.size() || sqlite[i].name != postgres[i].name)
            refuse(path, MigrationsText::tr("the PostgreSQL migrations must have the same files as the SQLite ones; "
                                            "%1 differs").arg(i < sqlite.size() ? sqlite[i].name : postgres[i].name));
    }
}

void recordMigration(const QSqlDatabase &database, const Migration &migration)
{
    QSqlQuery record = sql::prepare(database, QStringLiteral(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
    record.addBindValue(migration.version);
    record.addBindValue(migration.name);
    record.addBindValue(record::instantText(QDateTime::currentDateTimeUtc()));
    sql::exec(record, database.databaseName());
}

} // namespace

QStringList splitStatements(QStringView sql)
{
    return StatementScanner(sql).statements();
}

const Migrations &Migrations::shipped()
{
    static const Migrations migrations = fromDirectory(QStringLiteral(":/voucherdesk/migrations"));
    return migrations;
}

Migrations Migrations::fromDirectory(const QString &path)
{
    Migrations result;
    result.m_migrations = load(path);
    const QString postgres = QDir(path).filePath(QStringLiteral("postgresql"));
    if (QDir(postgres).exists()) {
        result.m_postgres = load(postgres);
        checkInStep(postgres, result.m_migrations, result.m_postgres);
    }
    return result;
}

int Migrations::versionOf(const QSqlDatabase &database)
{
    if (sql::dialectOf(database) == sql::Dialect::SQLite)
        return sql::scalar(database, QStringLiteral("PRAGMA user_version")).toInt();
    if (sql::scalar(database, QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL")).toBool())
        return sql::scalar(database, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")).toInt();
    return 0;
}

QList<int> Migrations::applyTo(const QSqlDatabase &database) const
{
    if (sql::dialectOf(database) == sql::Dialect::PostgreSQL)
        return applyToPostgres(database);
    QList<int> applied;
    if (userVersion(database) >= latestVersion())
        return applied;
    // Foreign keys are off while a migration runs, so that a table can be
    // rebuilt (SQLite's 12-step ALTER); they are checked before each COMMIT.
    sql::run(database, QStringLiteral("PRAGMA foreign_keys = OFF"));
    for (const Migration &migration : m_migrations) {
        sql::run(database, QStringLiteral("BEGIN IMMEDIATE"));
        try {
            if (userVersion(database) >= migration.version) { // another program got here first
                sql::run(database, QStringLiteral("ROLLBACK"));
                continue;
            }
            for (const QString &statement : splitStatements(migration.sql))
                sql::run(database, statement);
            QSqlQuery violations = sql::run(database, QStringLiteral("PRAGMA foreign_key_check"));
            if (violations.next())
                throw DomainError(QStringLiteral("STORAGE_ERROR"), violations.value(0).toString(),
                                  MigrationsText::tr("the migration leaves records that refer to missing records"));
            violations.finish();
            sql::run(database, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                              "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
            recordMigration(database, migration);
            sql::run(database, QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
            sql::run(database, QStringLiteral("PRAGMA application_id = %1").arg(kWorkspaceApplicationId));
            sql::run(database, QStringLiteral("COMMIT"));
        } catch (const DomainError &error) {
            QSqlQuery(database).exec(QStringLiteral("ROLLBACK"));
            sql::run(database, QStringLiteral("PRAGMA foreign_keys = ON"));
            throw DomainError(QStringLiteral("MIGRATION_FAILED"), migration.name,
                              MigrationsText::tr("the workspace could not be brought to schema version %1 and stays at version "
                                 "%2: %3").arg(migration.version).arg(userVersion(database)).arg(error.message()));
        }
        applied.append(migration.version);
    }
    sql::run(database, QStringLiteral("PRAGMA foreign_keys = ON"));
    return applied;
}

// On PostgreSQL: each file in a transaction that first takes the workspace's
// write lock (so that two back offices starting at once migrate one after
// the other), with the version read again under it. DDL is transactional and
// references are always enforced (deferred ones at COMMIT), so nothing is
// switched off.
QList<int> Migrations::applyToPostgres(const QSqlDatabase &database) const
{
    QList<int> applied;
    if (m_postgres.isEmpty() && !m_migrations.isEmpty())
        throw DomainError(QStringLiteral("MIGRATION_INVALID"), database.databaseName(),
                          MigrationsText::tr("these migrations have no PostgreSQL set (a postgresql/ folder)"));
    if (userVersion(database) >= latestVersion())
        return applied;
    for (const Migration &migration : m_postgres) {
        sql::run(database, QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"));
        try {
            sql::run(database, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWorkspaceWriteLock));
            if (userVersion(database) >= migration.version) { // another program got here first
                sql::run(database, QStringLiteral("ROLLBACK"));
                continue;
            }
            for (const QString &statement : splitStatements(migration.sql))
                sql::run(database, statement);
            sql::run(database, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                              "version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
            recordMigration(database, migration);
            sql::run(database, QStringLiteral("COMMIT"));
        } catch (const DomainError &error) {
            QSqlQuery(database).exec(QStringLiteral("ROLLBACK"));
            throw DomainError(QStringLiteral("MIGRATION_FAILED"), migration.name,
                              MigrationsText::tr("the workspace could not be brought to schema version %1 and stays at version "
                                 "%2: %3").arg(migration.version).arg(userVersion(database)).arg(error.message()));
        }
        applied.append(migration.version);
    }
    return applied;
}

} // namespace vd
