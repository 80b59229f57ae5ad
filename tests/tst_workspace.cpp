#include "domainerror.h"
#include "migrations.h"
#include "rawconnection.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vd;

namespace {

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(contents);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class WorkspaceTest : public QObject
{
    Q_OBJECT

private slots:
    void createsTheWholeSchemaFromEmpty();
    void opensWithWalAndForeignKeys();
    void reopeningRunsNoMigration();
    void keepsItsDeviceId();
    void givesEachWorkspaceItsOwnConnection();
    void splitsMigrationsIntoStatements_data();
    void splitsMigrationsIntoStatements();
    void failingMigrationStopsAtThatFileAndKeepsTheOldVersion();
    void refusesANewerSchemaLeavingTheFileUntouched_data();
    void refusesANewerSchemaLeavingTheFileUntouched();
    void refusesFilesOfOtherPrograms_data();
    void refusesFilesOfOtherPrograms();
    void refusesToOpenAMissingWorkspaceWhenAskedToOpenOnly();
    void refusesBadlyNumberedMigrations_data();
    void refusesBadlyNumberedMigrations();
    void reportsAFailedStatementWithItsText();
};

void WorkspaceTest::createsTheWholeSchemaFromEmpty()
{
    QTemporaryDir dir;
    Workspace workspace(dir.filePath(QStringLiteral("new/folder")));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("new/folder/workspace.sqlite"))));
    QCOMPARE(workspace.schemaVersion(), Migrations::shipped().latestVersion());
    QCOMPARE(workspace.appliedMigrations(), QList<int>({1, 2, 3, 4, 5, 6, 7, 8, 9}));
    QSqlQuery tables = workspace.run(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const char *table : {"enterprises", "enterprise_owners", "enterprise_relations", "users", "applications",
                              "application_items", "budget_item_quotations", "application_attachments",
                              "application_declarations", "status_changes", "clarification_requests",
                              "correspondence_entries", "eligibility_checks", "change_requests", "site_checks", "project_reports", "committees",
                              "committee_terms", "committee_memberships", "interest_declarations", "meetings",
                              "agenda_items", "meeting_attendance", "reviews", "review_scores", "committee_outcomes",
                              "committee_outcome_conditions", "approvals", "funding_agreements", "disbursement_milestones",
                              "payments", "audit_entries", "outbox", "device", "application_search",
                              "application_search_index", "schema_migrations", "user_credentials", "demo_password",
                              "sign_in_failures", "access_tokens", "audit_log_leaves", "audit_tree_heads"})
        QVERIFY2(names.contains(QLatin1String(table)), table);
    QSqlQuery migrations = workspace.run(QStringLiteral("SELECT version, name FROM schema_migrations"));
    QVERIFY(migrations.next());
    QCOMPARE(migrations.value(0).toInt(), 1);
    QCOMPARE(migrations.value(1).toString(), QStringLiteral("0001_initial.sql"));
}

void WorkspaceTest::opensWithWalAndForeignKeys()
{
    QTemporaryDir dir;
    Workspace workspace(dir.path());
    QCOMPARE(workspace.run(QStringLiteral("PRAGMA journal_mode")).next(), true);
    QSqlQuery mode = workspace.run(QStringLiteral("PRAGMA journal_mode"));
    mode.next();
    QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
    QSqlQuery keys = workspace.run(QStringLiteral("PRAGMA foreign_keys"));
    keys.next();
    QCOMPARE(keys.value(0).toInt(), 1);
    QSqlQuery synchronous = workspace.run(QStringLiteral("PRAGMA synchronous"));
    synchronous.next();
    QCOMPARE(synchronous.value(0).toInt(), 1); // NORMAL
    QCOMPARE(Workspace::schemaVersionOf(workspace.file()), Migrations::shipped().latestVersion());
}

void WorkspaceTest::reopeningRunsNoMigration()
{
    QTemporaryDir dir;
    QString appliedAt;
    {
        Workspace workspace(dir.path());
        QSqlQuery query = workspace.run(QStringLiteral("SELECT max(applied_at) FROM schema_migrations"));
        QVERIFY(query.next());
        appliedAt = query.value(0).toString();
    }
    Workspace again(dir.path(), Workspace::Mode::OpenExisting);
    QVERIFY(again.appliedMigrations().isEmpty());
    QSqlQuery query = again.run(QStringLiteral("SELECT count(*), max(applied_at) FROM schema_migrations"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), Migrations::shipped().latestVersion());
    QCOMPARE(query.value(1).toString(), appliedAt);
}

void WorkspaceTest::keepsItsDeviceId()
{
    QTemporaryDir dir;
    QString deviceId;
    {
        Workspace workspace(dir.path());
        deviceId = workspace.deviceId();
    }
    QCOMPARE(deviceId.size(), 36);
    QCOMPARE(Workspace(dir.path()).deviceId(), deviceId);
    QTemporaryDir other;
    QVERIFY(Workspace(other.path()).deviceId() != deviceId);
}

void WorkspaceTest::givesEachWorkspaceItsOwnConnection()
{
    QTemporaryDir dir;
    const QStringList before = QSqlDatabase::connectionNames();
    {
        Workspace first(dir.path());
        Workspace second(dir.path());
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        QVERIFY(first.database().connectionName() != second.database().connectionName());
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void WorkspaceTest::splitsMigrationsIntoStatements_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("two statements") << "CREATE TABLE a (x); CREATE TABLE b (y);"
                                    << QStringList{QStringLiteral("CREATE TABLE a (x)"), QStringLiteral("CREATE TABLE b (y)")};
    QTest::newRow("no final semicolon") << "SELECT 1;\nSELECT 2"
                                        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::newRow("semicolons in text") << "INSERT INTO a VALUES ('x;y', \"z;\", `w;`, [v;]); SELECT 'it''s;'"
                                        << QStringList{QStringLiteral("INSERT INTO a VALUES ('x;y', \"z;\", `w;`, [v;])"),
                                                       QStringLiteral("SELECT 'it''s;'")};
    QTest::newRow("comments") << "-- a; comment\nSELECT 1; /* b; */ SELECT 2; -- only a comment;"
                              << QStringList{QStringLiteral("-- a; comment\nSELECT 1"), QStringLiteral("/* b; */ SELECT 2")};
    QTest::newRow("trigger body") << "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); "
                                     "DELETE FROM c; END; SELECT 1"
                                  << QStringList{QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b "
                                                                "VALUES (1); DELETE FROM c; END"),
                                                 QStringLiteral("SELECT 1")};
    QTest::newRow("case inside a trigger") << "create temp trigger t after update on a begin update b set x = case "
                                              "when 1 then 2 else 3 end; end;"
                                           << QStringList{QStringLiteral("create temp trigger t after update on a begin "
                                                                         "update b set x = case when 1 then 2 else 3 "
                                                                         "end; end")};
    QTest::newRow("words that only look like keywords") << "CREATE TABLE t (\"end\" TEXT, end_date TEXT); SELECT 1"
                                                        << QStringList{QStringLiteral("CREATE TABLE t (\"end\" TEXT, end_date TEXT)"),
                                                                       QStringLiteral("SELECT 1")};
}

void WorkspaceTest::splitsMigrationsIntoStatements()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, statements);
    QCOMPARE(splitStatements(sql), statements);
}

void WorkspaceTest::failingMigrationStopsAtThatFileAndKeepsTheOldVersion()
{
    QTemporaryDir migrations, dir;
    writeFile(migrations.filePath(QStringLiteral("0001_first.sql")),
              "CREATE TABLE device (singleton INTEGER PRIMARY KEY, device_id TEXT NOT NULL, created_at TEXT NOT NULL);"
              "CREATE TABLE one (x);");
    {
        Workspace workspace(dir.path(), Workspace::Mode::CreateIfMissing, Migrations::fromDirectory(migrations.path()));
        QCOMPARE(workspace.schemaVersion(), 1);
    }
    writeFile(migrations.filePath(QStringLiteral("0002_broken.sql")),
              "CREATE TABLE two (x); INSERT INTO one VALUES (1); CREATE TABLE oops (;");
    writeFile(migrations.filePath(QStringLiteral("0003_later.sql")), "CREATE TABLE three (x);");
    try {
        Workspace workspace(dir.path(), Workspace::Mode::OpenExisting, Migrations::fromDirectory(migrations.path()));
        QFAIL("a broken migration was accepted");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("MIGRATION_FAILED"));
        QCOMPARE(error.where(), QStringLiteral("0002_broken.sql"));
        QVERIFY2(error.message().contains(QLatin1String("CREATE TABLE oops (")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("stays at version 1")), qPrintable(error.message()));
    }
    {
        RawConnection raw(Workspace::fileIn(dir.path()));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN ('two', 'three')")).toInt(), 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM one")).toInt(), 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT group_concat(version) FROM schema_migrations")).toString(),
                 QStringLiteral("1"));
    }
    writeFile(migrations.filePath(QStringLiteral("0002_broken.sql")), "CREATE TABLE two (x);");
    Workspace mended(dir.path(), Workspace::Mode::OpenExisting, Migrations::fromDirectory(migrations.path()));
    QCOMPARE(mended.appliedMigrations(), QList<int>({2, 3}));
    QCOMPARE(mended.schemaVersion(), 3);
}

void WorkspaceTest::refusesANewerSchemaLeavingTheFileUntouched_data()
{
    QTest::addColumn<bool>("heldOpenElsewhere");
    QTest::newRow("closed") << false;
    QTest::newRow("open in another program, with a WAL") << true;
}

void WorkspaceTest::refusesANewerSchemaLeavingTheFileUntouched()
{
    QFETCH(bool, heldOpenElsewhere);
    QTemporaryDir dir;
    const QString file = Workspace::fileIn(dir.path());
    {
        Workspace workspace(dir.path());
    }
    std::optional<RawConnection> newerProgram(std::in_place, file);
    newerProgram->run(QStringLiteral("PRAGMA user_version = 99"));
    newerProgram->run(QStringLiteral("CREATE TABLE from_the_future (x)"));
    if (heldOpenElsewhere)
        QVERIFY(QFileInfo::exists(file + QStringLiteral("-wal")));
    else
        newerProgram.reset();
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
    const QByteArray bytesBefore = fileHash(file);
    const QDateTime modifiedBefore = QFileInfo(file).lastModified();
    QTest::qWait(20); // so that a write would show in the modification time

    try {
        Workspace workspace(dir.path());
        QFAIL("a workspace from a newer program was opened");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("SCHEMA_TOO_NEW"));
        QVERIFY2(error.message().contains(QLatin1String("99")), qPrintable(error.message()));
    }
    QCOMPARE(fileHash(file), bytesBefore);
    QCOMPARE(QFileInfo(file).lastModified(), modifiedBefore);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name), filesBefore);
    QCOMPARE(Workspace::schemaVersionOf(file), 99);
}

void WorkspaceTest::refusesFilesOfOtherPrograms_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::newRow("not SQLite") << QByteArray("this is a text file, not a database, and long enough to have a header. "
                                              "padding padding padding padding");
    QTest::newRow("SQLite with other tables") << QByteArray("CREATE TABLE customers (name TEXT)");
    QTest::newRow("SQLite of another application") << QByteArray("PRAGMA application_id = 1234");
}

void WorkspaceTest::refusesFilesOfOtherPrograms()
{
    QFETCH(QByteArray, setup);
    QTemporaryDir dir;
    const QString file = Workspace::fileIn(dir.path());
    if (setup.startsWith("this is"))
        writeFile(file, setup);
    else
        RawConnection(file).run(QString::fromLatin1(setup));
    const QByteArray before = fileHash(file);
    try {
        Workspace workspace(dir.path());
        QFAIL("a file of another program was opened as a workspace");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("NOT_A_WORKSPACE"));
    }
    if (setup.startsWith("this is"))
        QCOMPARE(fileHash(file), before);
}

void WorkspaceTest::refusesToOpenAMissingWorkspaceWhenAskedToOpenOnly()
{
    QTemporaryDir dir;
    try {
        Workspace workspace(dir.filePath(QStringLiteral("absent")), Workspace::Mode::OpenExisting);
        QFAIL("a missing workspace was opened");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("WORKSPACE_NOT_FOUND"));
    }
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("absent"))));
}

void WorkspaceTest::refusesBadlyNumberedMigrations_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::newRow("gap") << QStringList{QStringLiteral("0001_a.sql"), QStringLiteral("0003_c.sql")};
    QTest::newRow("not starting at one") << QStringList{QStringLiteral("0002_b.sql")};
    QTest::newRow("stray file") << QStringList{QStringLiteral("0001_a.sql"), QStringLiteral("notes.txt")};
    QTest::newRow("duplicate number") << QStringList{QStringLiteral("0001_a.sql"), QStringLiteral("0001_b.sql")};
}

void WorkspaceTest::refusesBadlyNumberedMigrations()
{
    QFETCH(QStringList, files);
    QTemporaryDir migrations;
    for (const QString &name : files)
        writeFile(migrations.filePath(name), "SELECT 1;");
    try {
        Migrations::fromDirectory(migrations.path());
        QFAIL("badly numbered migrations were accepted");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("MIGRATION_INVALID"));
    }
}

void WorkspaceTest::reportsAFailedStatementWithItsText()
{
    QTemporaryDir dir;
    Workspace workspace(dir.path());
    try {
        workspace.run(QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
        QFAIL("a failing statement passed");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("STORAGE_ERROR"));
        QCOMPARE(error.where(), workspace.file());
        QVERIFY2(error.message().contains(QLatin1String("no_such_table")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("INSERT INTO")), qPrintable(error.message()));
    }
}

QTEST_GUILESS_MAIN(WorkspaceTest)
#include "tst_workspace.moc"
