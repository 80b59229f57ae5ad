// Two voucherdesk-backoffice processes on one PostgreSQL database, as a
// deployment of several back-office instances runs (docs/backoffice.md):
// both serve, desks write through both at once, and the change log hands
// out its sequence numbers in commit order, so every client pulls the same
// changes in the same order and one that pulls while the writes go on misses
// nothing. Runs on the cluster of the `postgres` fixture (testdatabase.h).
#include "backofficeprocess.h"
#include "clirunner.h"
#include "entitystore.h"
#include "rawconnection.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace vd;

namespace {

const QString kPassword = QStringLiteral("voucherdesk-demo");
const std::map<std::string, std::string> kProtocol{{"VoucherDesk-Protocol", "1"}};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// One row of a pull, as a client sees it.
struct Pulled
{
    qint64 seq = 0;
    QString type;
    QString id;
    qint64 revision = 0;
    QString title; // an application's English title
    bool operator==(const Pulled &) const = default;
};

} // namespace

class TestBackOfficeCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void bothProcessesServeTheSameDatabase();
    void writesThroughBothArePulledInOneOrderAndNoneIsMissedMeanwhile();

private:
    QString file() const { return m_data.filePath(QStringLiteral("workspace.sqlite")); }
    QString url(const BackOfficeProcess &server) const { return QStringLiteral("http://127.0.0.1:%1").arg(server.port()); }
    QString secretariat(int which) const;
    QString token(const BackOfficeProcess &server, const QString &user) const;
    // A page of the change log after the cursor: its rows, the next cursor and whether there is more.
    QList<Pulled> pull(const BackOfficeProcess &server, const QString &token, qint64 &cursor, int limit, bool &more) const;
    QList<Pulled> pullAll(const BackOfficeProcess &server, const QString &token) const;
    // A desk made by a first sync through a server, with the English titles of some cases changed offline.
    void prepareDesk(const QTemporaryDir &desk, const BackOfficeProcess &server, const QString &user,
                     const QStringList &cases, const QString &title) const;

    QTemporaryDir m_data;
    BackOfficeProcess m_first, m_second;
};

void TestBackOfficeCluster::initTestCase()
{
    QVERIFY(TestDatabase::onPostgres());
    qputenv("VOUCHERDESK_PASSWORD", kPassword.toUtf8()); // for voucherdesk-cli sync
    QFile config(m_data.filePath(QStringLiteral("test.properties")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("limits.requests_per_second = 100000\nlimits.burst = 100000\nsignin.failure_delay_ms = 10\n");
    config.close();
    const QStringList arguments{QStringLiteral("--data"), m_data.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                                QStringLiteral("0"), QStringLiteral("--demo-applications"), QStringLiteral("30"),
                                QStringLiteral("--config"), config.fileName()};
    // The first start makes the demo; the second finds the database made and only serves it.
    QVERIFY2(m_first.start(arguments, m_data.filePath(QStringLiteral("first.log"))), m_first.log().constData());
    QVERIFY2(m_second.start(arguments, m_data.filePath(QStringLiteral("second.log"))), m_second.log().constData());
    QVERIFY(m_first.log().contains("demo_created"));
    QVERIFY(!m_second.log().contains("demo_created"));
}

void TestBackOfficeCluster::cleanupTestCase()
{
    QCOMPARE(m_second.stop(), 0);
    QCOMPARE(m_first.stop(), 0);
}

QString TestBackOfficeCluster::secretariat(int which) const
{
    return RawConnection(file())
        .scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 "
                               "ORDER BY username LIMIT 1 OFFSET %1").arg(which))
        .toString();
}

QString TestBackOfficeCluster::token(const BackOfficeProcess &server, const QString &user) const
{
    const HttpAnswer login = httpRequest(server.port(), "POST", "/api/v1/login",
                                         compact({{QStringLiteral("username"), user}, {QStringLiteral("password"), kPassword}}));
    if (login.status != 200)
        qFatal("login of %s: %d %s", qPrintable(user), login.status, login.body.constData());
    return login.json().value(QStringLiteral("token")).toString();
}

QList<Pulled> TestBackOfficeCluster::pull(const BackOfficeProcess &server, const QString &token, qint64 &cursor, int limit,
                                          bool &more) const
{
    const HttpAnswer page = httpRequest(server.port(), "POST", "/api/v1/sync/pull",
                                        compact({{QStringLiteral("device_id"), QStringLiteral("cluster-test")},
                                                 {QStringLiteral("cursor"), cursor}, {QStringLiteral("limit"), limit}}),
                                        token, kProtocol);
    if (page.status != 200)
        qFatal("pull: %d %s", page.status, page.body.constData());
    QList<Pulled> rows;
    for (const QJsonValue &value : page.json().value(QStringLiteral("changes")).toArray()) {
        const QJsonObject change = value.toObject();
        rows.append({change.value(QStringLiteral("seq")).toInteger(), change.value(QStringLiteral("type")).toString(),
                     change.value(QStringLiteral("id")).toString(), change.value(QStringLiteral("revision")).toInteger(),
                     change.value(QStringLiteral("record")).toObject().value(QStringLiteral("title")).toObject()
                         .value(QStringLiteral("en")).toString()});
    }
    cursor = page.json().value(QStringLiteral("cursor")).toInteger();
    more = page.json().value(QStringLiteral("more")).toBool();
    return rows;
}

QList<Pulled> TestBackOfficeCluster::pullAll(const BackOfficeProcess &server, const QString &token) const
{
    QList<Pulled> rows;
    qint64 cursor = 0;
    bool more = true;
    while (more)
        rows += pull(server, token, cursor, 2000, more);
    return rows;
}

void TestBackOfficeCluster::prepareDesk(const QTemporaryDir &desk, const BackOfficeProcess &server, const QString &user,
                                        const QStringList &cases, const QString &title) const
{
    { Workspace create(desk.path()); }
    const CliRun first = runCli({QStringLiteral("sync"), QStringLiteral("--server"), url(server), QStringLiteral("--user"),
                                 user, QStringLiteral("--workspace"), desk.path()});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    Workspace workspace(desk.path());
    QSqlQuery actor = workspace.run(QStringLiteral("SELECT id FROM users WHERE username = '%1'").arg(user));
    QVERIFY(actor.next());
    UnitOfWork work(workspace, actor.value(0).toString());
    for (const QString &id : cases) {
        QJsonObject record = EntityStore(workspace).find(QStringLiteral("application"), id).value();
        QJsonObject english = record.value(QStringLiteral("title")).toObject();
        english.insert(QStringLiteral("en"), title + u' ' + id);
        record.insert(QStringLiteral("title"), english);
        EntityStore(workspace).save(work, QStringLiteral("application"), record);
    }
    work.commit();
}

void TestBackOfficeCluster::bothProcessesServeTheSameDatabase()
{
    const QString user = secretariat(0);
    const HttpAnswer first = httpRequest(m_first.port(), "GET", "/api/v1/cases?limit=500", {}, token(m_first, user));
    const HttpAnswer second = httpRequest(m_second.port(), "GET", "/api/v1/cases?limit=500", {}, token(m_second, user));
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(QStringLiteral("cases")), first.json().value(QStringLiteral("cases")));
    QCOMPARE(first.json().value(QStringLiteral("cases")).toArray().size(), 30);
    // A token made by one is good on the other: the sign-in records are in the database.
    QCOMPARE(httpRequest(m_second.port(), "GET", "/api/v1/cases", {}, token(m_first, user)).status, 200);
}

void TestBackOfficeCluster::writesThroughBothArePulledInOneOrderAndNoneIsMissedMeanwhile()
{
    const QString firstUser = secretariat(0), secondUser = secretariat(1);
    QVERIFY(!firstUser.isEmpty() && !secondUser.isEmpty() && firstUser != secondUser);
    QStringList firstCases, secondCases;
    {
        const RawConnection raw(file());
        QSqlQuery ids = raw.select(QStringLiteral("SELECT id FROM applications ORDER BY id LIMIT 20"));
        for (int i = 0; ids.next(); ++i)
            (i % 2 == 0 ? firstCases : secondCases) << ids.value(0).toString();
    }
    QCOMPARE(firstCases.size() + secondCases.size(), 20);
    QTemporaryDir firstDesk, secondDesk;
    prepareDesk(firstDesk, m_first, firstUser, firstCases, QStringLiteral("Through the first"));
    prepareDesk(secondDesk, m_second, secondUser, secondCases, QStringLiteral("Through the second"));
    QVERIFY(!QTest::currentTestFailed());

    // Both desks push, one operation per request, through different processes at once;
    // meanwhile a client pulls small pages, from either process in turn.
    const QString watcher = token(m_first, firstUser);
    qint64 cursor = 0;
    bool more = true;
    while (more)
        pull(m_first, watcher, cursor, 2000, more);
    QProcess firstSync, secondSync;
    firstSync.start(QStringLiteral(VD_CLI), {QStringLiteral("sync"), QStringLiteral("--server"), url(m_first),
                                             QStringLiteral("--user"), firstUser, QStringLiteral("--batch"),
                                             QStringLiteral("1"), QStringLiteral("--workspace"), firstDesk.path()});
    secondSync.start(QStringLiteral(VD_CLI), {QStringLiteral("sync"), QStringLiteral("--server"), url(m_second),
                                              QStringLiteral("--user"), secondUser, QStringLiteral("--batch"),
                                              QStringLiteral("1"), QStringLiteral("--workspace"), secondDesk.path()});
    QVERIFY(firstSync.waitForStarted() && secondSync.waitForStarted());
    std::map<QString, Pulled> seenMeanwhile; // the latest row of each record
    int turn = 0;
    const auto watch = [&] {
        for (const Pulled &row : pull(++turn % 2 ? m_second : m_first, watcher, cursor, 3, more))
            seenMeanwhile[row.type + u'/' + row.id] = row;
    };
    QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired()
           && (firstSync.state() != QProcess::NotRunning || secondSync.state() != QProcess::NotRunning)) {
        watch();
        firstSync.waitForFinished(5);
        secondSync.waitForFinished(5);
    }
    QVERIFY(firstSync.state() == QProcess::NotRunning && secondSync.state() == QProcess::NotRunning);
    QVERIFY2(firstSync.exitCode() == 0, firstSync.readAllStandardError().constData());
    QVERIFY2(secondSync.exitCode() == 0, secondSync.readAllStandardError().constData());
    do
        watch();
    while (more);

    // One order, whichever process answers.
    const QList<Pulled> throughFirst = pullAll(m_first, watcher);
    const QList<Pulled> throughSecond = pullAll(m_second, token(m_second, secondUser));
    QCOMPARE(throughSecond, throughFirst);
    for (qsizetype i = 1; i < throughFirst.size(); ++i)
        QVERIFY(throughFirst[i].seq > throughFirst[i - 1].seq);
    // Every write of both, once, and the client that pulled meanwhile has each record as it ends.
    int firstTitles = 0, secondTitles = 0;
    for (const Pulled &row : throughFirst) {
        firstTitles += row.title.startsWith(QLatin1String("Through the first ")) ? 1 : 0;
        secondTitles += row.title.startsWith(QLatin1String("Through the second ")) ? 1 : 0;
        const auto seen = seenMeanwhile.find(row.type + u'/' + row.id);
        if (row.seq > 0 && seen != seenMeanwhile.end())
            QCOMPARE(seen->second, row);
    }
    QCOMPARE(firstTitles, 10);
    QCOMPARE(secondTitles, 10);
    for (const QString &id : firstCases + secondCases)
        QVERIFY2(seenMeanwhile.count(QStringLiteral("application/") + id), qPrintable(id + QStringLiteral(" was missed")));
    QCOMPARE(RawConnection(file()).scalar(QStringLiteral("SELECT count(*) FROM sync_operations")).toInt(), 20);
    // The audit chain stays one chain with two writers.
    const CliRun verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"),
                                  TestDatabase::workspaceOf(m_data.path())});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
}

QTEST_GUILESS_MAIN(TestBackOfficeCluster)
#include "tst_backofficecluster.moc"
