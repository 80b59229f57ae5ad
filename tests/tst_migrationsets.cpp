// The PostgreSQL migrations (resources/migrations/postgresql/) are kept by
// hand beside the SQLite ones: this pins down that both sets, applied, give
// the same tables with the same columns (names, order, types and NOT NULL)
// and the same indexes, so that the two cannot drift apart. It runs on the
// cluster of the `postgres` fixture (testdatabase.h).
#include "domainerror.h"
#include "migrations.h"
#include "testdatabase.h"
#include "workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

namespace {

struct Column
{
    QString name;
    QString type; // integer, text or bytes
    bool notNull = false;
    bool operator==(const Column &) const = default;
};

using Schema = std::map<QString, QList<Column>>;

// The SQLite tables that the FTS5 indexes are made of, which PostgreSQL has not.
bool isSearchIndex(const QString &table)
{
    return table.startsWith(QLatin1String("application_search_index"))
        || table.startsWith(QLatin1String("application_search_characters"));
}

QString family(const QString &declared)
{
    const QString type = declared.toLower();
    if (type == QLatin1String("integer") || type == QLatin1String("bigint"))
        return QStringLiteral("integer");
    if (type == QLatin1String("blob") || type == QLatin1String("bytea"))
        return QStringLiteral("bytes");
    return type;
}

Schema sqliteSchema(vd::Workspace &workspace)
{
    Schema schema;
    QSqlQuery tables(workspace.database());
    tables.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        if (isSearchIndex(table))
            continue;
        QSqlQuery columns(workspace.database());
        columns.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
        while (columns.next()) // a primary key is NOT NULL on PostgreSQL whatever it says
            schema[table].append({columns.value(1).toString(), family(columns.value(2).toString()),
                                  columns.value(3).toBool() || columns.value(5).toInt() > 0});
    }
    return schema;
}

Schema postgresSchema(vd::Workspace &workspace)
{
    Schema schema;
    QSqlQuery columns(workspace.database());
    columns.exec(QStringLiteral("SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                                "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"));
    while (columns.next())
        schema[columns.value(0).toString()].append({columns.value(1).toString(), family(columns.value(2).toString()),
                                                    columns.value(3).toString() == QLatin1String("NO")});
    return schema;
}

QStringList sqliteIndexes(vd::Workspace &workspace)
{
    QStringList names;
    QSqlQuery indexes(workspace.database());
    indexes.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"));
    while (indexes.next())
        names << indexes.value(0).toString();
    return names;
}

QStringList postgresIndexes(vd::Workspace &workspace)
{
    // The indexes CREATE INDEX made, not those of PRIMARY KEY and UNIQUE constraints.
    QStringList names;
    QSqlQuery indexes(workspace.database());
    indexes.exec(QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT IN "
                                "(SELECT conname FROM pg_constraint) ORDER BY indexname"));
    while (indexes.next())
        names << indexes.value(0).toString();
    return names;
}

QString describe(const QList<Column> &columns)
{
    QStringList parts;
    for (const Column &column : columns)
        parts << column.name + u' ' + column.type + (column.notNull ? QStringLiteral(" NOT NULL") : QString());
    return parts.join(QStringLiteral(", "));
}

} // namespace

class TestMigrationSets : public QObject
{
    Q_OBJECT

private slots:
    void bothSetsHaveTheSameFilesInTheSameOrder();
    void bothSetsMakeTheSameTablesAndColumns();
    void bothSetsMakeTheSameIndexes();
    void aPostgresDatabaseOfANewerProgramIsRefusedUntouched();
    void anEmptyDatabaseIsNotOpenedAsAnExistingWorkspace();
    void aDatabaseOfAnotherProgramIsRefused();
};

void TestMigrationSets::bothSetsHaveTheSameFilesInTheSameOrder()
{
    const vd::Migrations &shipped = vd::Migrations::shipped();
    QVERIFY(!shipped.postgres().isEmpty());
    QCOMPARE(shipped.postgres().size(), shipped.all().size());
    for (qsizetype i = 0; i < shipped.all().size(); ++i)
        QCOMPARE(shipped.postgres()[i].name, shipped.all()[i].name);
}

void TestMigrationSets::bothSetsMakeTheSameTablesAndColumns()
{
    QTemporaryDir folder, postgresFolder;
    vd::Workspace sqlite(folder.path());
    vd::Workspace postgres(TestDatabase::urlFor(postgresFolder.path()));
    QCOMPARE(postgres.dialect(), vd::sql::Dialect::PostgreSQL);
    QCOMPARE(postgres.schemaVersion(), sqlite.schemaVersion());
    const Schema expected = sqliteSchema(sqlite), actual = postgresSchema(postgres);
    QStringList expectedTables, actualTables;
    for (const auto &[table, columns] : expected)
        expectedTables << table;
    for (const auto &[table, columns] : actual)
        actualTables << table;
    QCOMPARE(actualTables, expectedTables);
    for (const auto &[table, columns] : expected)
        QVERIFY2(actual.at(table) == columns, qPrintable(table + QStringLiteral(": SQLite has ") + describe(columns)
                                                         + QStringLiteral("; PostgreSQL has ") + describe(actual.at(table))));
}

void TestMigrationSets::bothSetsMakeTheSameIndexes()
{
    QTemporaryDir folder, postgresFolder;
    vd::Workspace sqlite(folder.path());
    vd::Workspace postgres(TestDatabase::urlFor(postgresFolder.path()));
    QCOMPARE(postgresIndexes(postgres), sqliteIndexes(sqlite));
}

void TestMigrationSets::aPostgresDatabaseOfANewerProgramIsRefusedUntouched()
{
    QTemporaryDir postgresFolder;
    const QString url = TestDatabase::urlFor(postgresFolder.path());
    { vd::Workspace create(url); }
    {
        vd::Workspace newer(url);
        newer.run(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                 "VALUES (99, '0099_future.sql', '2030-01-01T00:00:00.000Z')"));
    }
    try {
        vd::Workspace refused(url);
        QFAIL("a database of schema version 99 was opened");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("SCHEMA_TOO_NEW"));
    }
    // Nothing was written: schema_migrations holds the shipped versions and 99, as before.
    {
        QSqlDatabase raw = TestDatabase::connect(QStringLiteral("look"), QUrl(url));
        QSqlQuery count(raw);
        QVERIFY(count.exec(QStringLiteral("SELECT count(*), max(version) FROM schema_migrations")) && count.next());
        QCOMPARE(count.value(0).toInt(), vd::Migrations::shipped().latestVersion() + 1);
        QCOMPARE(count.value(1).toInt(), 99);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("look"));
}

void TestMigrationSets::anEmptyDatabaseIsNotOpenedAsAnExistingWorkspace()
{
    QTemporaryDir postgresFolder;
    const QString url = TestDatabase::urlFor(postgresFolder.path());
    try {
        vd::Workspace workspace(url, vd::Workspace::Mode::OpenExisting);
        QFAIL("an empty database was opened as a workspace");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("WORKSPACE_NOT_FOUND"));
    }
    vd::Workspace created(url, vd::Workspace::Mode::CreateIfMissing);
    QCOMPARE(created.schemaVersion(), vd::Migrations::shipped().latestVersion());
    QCOMPARE(created.deviceId().size(), 36);
}

void TestMigrationSets::aDatabaseOfAnotherProgramIsRefused()
{
    QTemporaryDir postgresFolder;
    const QString url = TestDatabase::urlFor(postgresFolder.path());
    {
        QSqlDatabase other = TestDatabase::connect(QStringLiteral("other"), QUrl(url));
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("CREATE TABLE invoices (id BIGINT PRIMARY KEY)")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    try {
        vd::Workspace workspace(url);
        QFAIL("another program's database was opened as a workspace");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("NOT_A_WORKSPACE"));
    }
}

QTEST_GUILESS_MAIN(TestMigrationSets)
#include "tst_migrationsets.moc"
