// Malformed files and arguments, command by command: each gives a clear
// message naming what and where, a non-zero exit, and leaves the workspace
// byte-for-byte unchanged.
#include "clirunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class CliBadInputTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusesBadInputLeavingTheWorkspaceUnchanged_data();
    void refusesBadInputLeavingTheWorkspaceUnchanged();
    void refusesAWorkspaceWithANewerSchemaUntouched();
    void answersInTheChosenLanguage();

private:
    QByteArray workspaceFingerprint() const;
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    QString m_workspace;
    QString m_reference;     // a case in screening
    QString m_applicantUser; // a user with the applicant role
    bool m_importAvailable = false; // `import` is written on branch exchange
    QTemporaryDir m_dir;
};

QByteArray CliBadInputTest::workspaceFingerprint() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *suffix : {"", "-wal"}) {
        QFile file(QDir(m_workspace).filePath(QStringLiteral("workspace.sqlite") + QString::fromLatin1(suffix)));
        if (file.open(QIODevice::ReadOnly))
            hash.addData(file.readAll());
    }
    return hash.result().toHex();
}

QString CliBadInputTest::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    return path;
}

void CliBadInputTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_importAvailable = runCli({QStringLiteral("import"), QStringLiteral("--help")}).exitCode == 0;
    m_workspace = m_dir.filePath(QStringLiteral("ws"));
    const CliRun demo = runCli({QStringLiteral("demo"), QStringLiteral("--workspace"), m_workspace,
                                QStringLiteral("--applications"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.errText()));
    const CliRun list = runCli({QStringLiteral("list"), QStringLiteral("--workspace"), m_workspace, QStringLiteral("--json"),
                                QStringLiteral("--status"), QStringLiteral("screening"), QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray cases = QJsonDocument::fromJson(list.out).object().value(QStringLiteral("applications")).toArray();
    QVERIFY(!cases.isEmpty());
    m_reference = cases.first().toObject().value(QStringLiteral("reference")).toString();
    QVERIFY(!m_reference.isEmpty());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("users"));
        db.setDatabaseName(QDir(m_workspace).filePath(QStringLiteral("workspace.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT username FROM users WHERE role = 'applicant' LIMIT 1")));
        QVERIFY(query.next());
        m_applicantUser = query.value(0).toString();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("users"));
    // Let SQLite fold the WAL into the file so later fingerprints compare like with like.
    runCli({QStringLiteral("stats"), QStringLiteral("--workspace"), m_workspace});
}

void CliBadInputTest::refusesBadInputLeavingTheWorkspaceUnchanged_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");   // standard input, for "-"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");   // what stderr must name

    const auto importDoc = [](const QJsonObject &extra) {
        QJsonObject doc{{QStringLiteral("format"), QStringLiteral("voucherdesk.workspace/1")},
                        {QStringLiteral("scheme"), QStringLiteral("TVP")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            doc.insert(it.key(), it.value());
        return QJsonDocument(doc).toJson();
    };
    const QJsonObject applicant{{QStringLiteral("id"), QStringLiteral("0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01")},
                                {QStringLiteral("br_number"), QStringLiteral("31415926")},
                                {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Wing Fat Trading Ltd")},
                                                                     {QStringLiteral("zh"), QStringLiteral("永發貿易有限公司")}}},
                                {QStringLiteral("entity_type"), QStringLiteral("company")},
                                {QStringLiteral("listed"), false},
                                {QStringLiteral("government_subvented"), false},
                                {QStringLiteral("substantive_business_in_hk"), true},
                                {QStringLiteral("business_commenced"), QStringLiteral("2012-04-01")},
                                {QStringLiteral("employees"), 18},
                                {QStringLiteral("manufacturing"), false}};
    auto applicantWith = [&](const QString &key, const QJsonValue &value) {
        QJsonObject changed = applicant;
        if (value.isUndefined())
            changed.remove(key);
        else
            changed.insert(key, value);
        return QJsonArray{changed};
    };
    const QJsonObject item{{QStringLiteral("category"), QStringLiteral("consultancy")},
                           {QStringLiteral("description"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Review")}, {QStringLiteral("zh"), QString()}}},
                           {QStringLiteral("amount"), QStringLiteral("1500")},
                           {QStringLiteral("quotations"), QJsonArray()}};
    auto applicationWith = [&](const QString &key, const QJsonValue &value) {
        QJsonObject application{{QStringLiteral("id"), QStringLiteral("7a0d3c55-3b7e-4e0b-a2d9-5b9f0c1d2e01")},
                                {QStringLiteral("applicant_id"), applicant.value(QStringLiteral("id"))},
                                {QStringLiteral("status"), QStringLiteral("draft")},
                                {QStringLiteral("start"), QStringLiteral("2027-01-01")},
                                {QStringLiteral("end"), QStringLiteral("2027-06-30")},
                                {QStringLiteral("items"), QJsonArray{item}}};
        application.insert(key, value);
        return QJsonArray{application};
    };
    const QStringList import{QStringLiteral("import"), QStringLiteral("-")};

    QTest::newRow("import: not JSON") << import << QByteArray("{\"format\": ") << 2 << "line 1";
    QTest::newRow("import: a list, not an object") << import << QByteArray("[]") << 2 << "object";
    QTest::newRow("import: unknown format") << import
        << QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("other/1")}}).toJson() << 2 << "format";
    QTest::newRow("import: applicant without a name") << import
        << importDoc({{QStringLiteral("applicants"), applicantWith(QStringLiteral("name"), QJsonValue::Undefined)}}) << 2 << "applicants[0].name";
    QTest::newRow("import: employees as text") << import
        << importDoc({{QStringLiteral("applicants"), applicantWith(QStringLiteral("employees"), QStringLiteral("many"))}}) << 2 << "applicants[0].employees";
    QTest::newRow("import: a date that does not exist") << import
        << importDoc({{QStringLiteral("applicants"), applicantWith(QStringLiteral("business_commenced"), QStringLiteral("2023-02-30"))}})
        << 2 << "applicants[0].business_commenced";
    QTest::newRow("import: unknown entity type") << import
        << importDoc({{QStringLiteral("applicants"), applicantWith(QStringLiteral("entity_type"), QStringLiteral("guild"))}})
        << 2 << "applicants[0].entity_type";
    QTest::newRow("import: money with three decimals") << import
        << importDoc({{QStringLiteral("applicants"), QJsonArray{applicant}},
                      {QStringLiteral("applications"), applicationWith(QStringLiteral("items"), QJsonArray{QJsonObject{
                          {QStringLiteral("category"), QStringLiteral("consultancy")},
                          {QStringLiteral("description"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Review")}}},
                          {QStringLiteral("amount"), QStringLiteral("1500.123")},
                          {QStringLiteral("quotations"), QJsonArray()}}})}})
        << 2 << "applications[0].items[0].amount";
    QTest::newRow("import: unknown status") << import
        << importDoc({{QStringLiteral("applicants"), QJsonArray{applicant}},
                      {QStringLiteral("applications"), applicationWith(QStringLiteral("status"), QStringLiteral("pondering"))}})
        << 2 << "applications[0].status";
    QTest::newRow("import: application of an unknown applicant") << import
        << importDoc({{QStringLiteral("applications"), applicationWith(QStringLiteral("applicant_id"), QStringLiteral("5e3a1b2c-0000-4000-8000-000000000000"))}})
        << 2 << "applications[0].applicant_id";
    QTest::newRow("import: no such file") << QStringList{QStringLiteral("import"), QStringLiteral("/nonexistent/cases.json")}
        << QByteArray() << 2 << "/nonexistent/cases.json";

    QTest::newRow("list: unknown status") << QStringList{QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("pondering")}
        << QByteArray() << 2 << "--status";
    QTest::newRow("list: limit not a number") << QStringList{QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("ten")}
        << QByteArray() << 2 << "--limit";
    QTest::newRow("list: a date that does not exist") << QStringList{QStringLiteral("list"), QStringLiteral("--submitted-from"), QStringLiteral("2023-02-30")}
        << QByteArray() << 2 << "--submitted-from";
    QTest::newRow("list: unknown option") << QStringList{QStringLiteral("list"), QStringLiteral("--colour")}
        << QByteArray() << 2 << "colour";
    QTest::newRow("show: no such case") << QStringList{QStringLiteral("show"), QStringLiteral("TVP/1999/00001")}
        << QByteArray() << 2 << "TVP/1999/00001";
    QTest::newRow("search: nothing to search for") << QStringList{QStringLiteral("search"), QStringLiteral("  ")}
        << QByteArray() << 2 << "search";
    QTest::newRow("transition: unknown user") << QStringList{QStringLiteral("transition"), QStringLiteral("@REF"), QStringLiteral("start_screening"),
                                                            QStringLiteral("--as"), QStringLiteral("nobody")}
        << QByteArray() << 2 << "nobody";
    QTest::newRow("transition: unknown action") << QStringList{QStringLiteral("transition"), QStringLiteral("@REF"), QStringLiteral("fly"),
                                                              QStringLiteral("--as"), QStringLiteral("@APPLICANT")}
        << QByteArray() << 2 << "fly";
    QTest::newRow("transition: role not permitted") << QStringList{QStringLiteral("transition"), QStringLiteral("@REF"), QStringLiteral("refer_to_committee"),
                                                                  QStringLiteral("--as"), QStringLiteral("@APPLICANT")}
        << QByteArray() << 1 << "refer_to_committee";
    QTest::newRow("transition: no --as") << QStringList{QStringLiteral("transition"), QStringLiteral("@REF"), QStringLiteral("refer_to_committee")}
        << QByteArray() << 2 << "--as";
    QTest::newRow("demo: into a workspace with data") << QStringList{QStringLiteral("demo"), QStringLiteral("--applications"), QStringLiteral("5")}
        << QByteArray() << 2 << "workspace";
    QTest::newRow("demo: zero applications") << QStringList{QStringLiteral("demo"), QStringLiteral("--applications"), QStringLiteral("0")}
        << QByteArray() << 2 << "--applications";
    QTest::newRow("audit: unknown subcommand") << QStringList{QStringLiteral("audit"), QStringLiteral("repair")}
        << QByteArray() << 2 << "repair";
    QTest::newRow("unknown language") << QStringList{QStringLiteral("stats"), QStringLiteral("--lang"), QStringLiteral("fr")}
        << QByteArray() << 2 << "fr";
}

void CliBadInputTest::refusesBadInputLeavingTheWorkspaceUnchanged()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    if (arguments.first() == QLatin1String("import") && !m_importAvailable)
        QSKIP("this build has no import command (it comes with branch exchange)");
    arguments.replaceInStrings(QStringLiteral("@REF"), m_reference);
    arguments.replaceInStrings(QStringLiteral("@APPLICANT"), m_applicantUser);
    arguments << QStringLiteral("--workspace") << m_workspace << QStringLiteral("--lang") << QStringLiteral("en");
    if (arguments.contains(QStringLiteral("fr")))
        arguments.removeLast(), arguments.removeLast();

    const QByteArray before = workspaceFingerprint();
    const CliRun run = runCli(arguments, input);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.errText().contains(mentions), qPrintable(QStringLiteral("stderr does not name \"%1\": %2").arg(mentions, run.errText())));
    QVERIFY2(!run.errText().contains(QStringLiteral("Segmentation")), "crashed");
    QCOMPARE(workspaceFingerprint(), before);
}

void CliBadInputTest::refusesAWorkspaceWithANewerSchemaUntouched()
{
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("newer"));
    QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("--workspace"), workspace}).exitCode, 0);
    const QString file = QDir(workspace).filePath(QStringLiteral("workspace.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 9999")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    QFile sqlite(file);
    QVERIFY(sqlite.open(QIODevice::ReadOnly));
    const QByteArray before = sqlite.readAll();
    sqlite.close();
    const QDateTime modified = QFileInfo(file).lastModified();

    for (const QStringList &command : {QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("init")},
                                       QStringList{QStringLiteral("import"), QStringLiteral("-")}}) {
        if (command.first() == QLatin1String("import") && !m_importAvailable)
            continue;
        const CliRun run = runCli(command + QStringList{QStringLiteral("--workspace"), workspace},
                                  QByteArray(R"({"format":"voucherdesk.workspace/1","scheme":"TVP"})"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errText().contains(QStringLiteral("newer")), qPrintable(run.errText()));
    }
    QVERIFY(sqlite.open(QIODevice::ReadOnly));
    QCOMPARE(sqlite.readAll(), before);
    QCOMPARE(QFileInfo(file).lastModified(), modified);
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
}

void CliBadInputTest::answersInTheChosenLanguage()
{
    const CliRun english = runCli({QStringLiteral("show"), QStringLiteral("TVP/1999/00001"), QStringLiteral("--workspace"), m_workspace,
                                   QStringLiteral("--lang"), QStringLiteral("en")});
    const CliRun chinese = runCli({QStringLiteral("show"), QStringLiteral("TVP/1999/00001"), QStringLiteral("--workspace"), m_workspace,
                                   QStringLiteral("--lang"), QStringLiteral("zh_HK")});
    QCOMPARE(english.exitCode, 2);
    QCOMPARE(chinese.exitCode, 2);
    QVERIFY(english.errText() != chinese.errText());
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    QVERIFY2(chinese.errText().contains(han), qPrintable(chinese.errText()));
    QVERIFY2(!english.errText().contains(han), qPrintable(english.errText()));
}

QTEST_GUILESS_MAIN(CliBadInputTest)
#include "tst_clibadinput.moc"
