// vd-sync-bench N BYTES BATCH: sync on loopback against a real back office
// (started here with an empty demo), with the PouchDB peer's shape: N
// applications of about BYTES bytes of JSON, pushed in batches of BATCH by one
// desk, pulled whole by another, then a sync with nothing new and one with
// 100 changed cases. Prints one JSON line (docs/sync.md; BENCHMARKS.md).
#include "applicationrepository.h"
#include "enterpriserepository.h"
#include "recordjson.h"
#include "syncclient.h"
#include "unitofwork.h"
#include "uuid.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace vd;

namespace {

// The back office, its log in a file; the port from its "listening" line.
int startBackOffice(QProcess &server, const QString &data)
{
    server.setStandardOutputFile(data + QStringLiteral("/server.log"));
    server.start(QStringLiteral(VD_BACKOFFICE),
                 {QStringLiteral("--data"), data, QStringLiteral("--http"), QStringLiteral("--port"), QStringLiteral("0"),
                  QStringLiteral("--demo-applications"), QStringLiteral("0"), QStringLiteral("-D"),
                  QStringLiteral("limits.requests_per_second=1000000"), QStringLiteral("-D"), QStringLiteral("limits.burst=1000000")});
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && server.state() != QProcess::NotRunning) {
        server.waitForFinished(50);
        QFile log(data + QStringLiteral("/server.log"));
        if (!log.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value(QStringLiteral("event")).toString() == QLatin1String("listening"))
                return event.value(QStringLiteral("port")).toInt();
        }
    }
    return 0;
}

QString secretariatOf(const QString &data)
{
    QString username;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        database.setDatabaseName(data + QStringLiteral("/workspace.sqlite"));
        database.open();
        QSqlQuery query(database);
        query.exec(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 ORDER BY username LIMIT 1"));
        if (query.next())
            username = query.value(0).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return username;
}

// N draft applications of about `bytes` bytes of JSON each, and their applicant.
// The bulk is in budget items with quotations, as in a real application, and
// the last item's justification makes up the size; the searchable text (title,
// description) stays the length of a real one.
QStringList seed(Workspace &workspace, const QString &actor, int n, int bytes)
{
    UnitOfWork work(workspace, actor);
    Enterprise enterprise;
    enterprise.brNumber = QStringLiteral("12345678");
    enterprise.name = {QStringLiteral("Benchmark Trading Limited"), QStringLiteral("基準貿易有限公司")};
    enterprise.entityType = QStringLiteral("company");
    enterprise.businessCommenced = QDate(2015, 4, 1);
    enterprise.employees = 12;
    enterprise.sector = QStringLiteral("retail");
    EnterpriseRepository(workspace).save(work, enterprise);
    ApplicationRepository applications(workspace);
    QStringList ids;
    for (int i = 0; i < n; ++i) {
        Application application;
        application.enterpriseId = enterprise.id;
        application.title = {QStringLiteral("Case %1").arg(i), QStringLiteral("個案 %1").arg(i)};
        application.solutionCategory = QStringLiteral("erp");
        application.description = {QStringLiteral("A cloud ERP for stock, orders and invoices."),
                                   QStringLiteral("以雲端企業資源規劃系統管理存貨、訂單及發票。")};
        application.start = QDate(2027, 1, 1);
        application.end = QDate(2027, 12, 31);
        for (int item = 0; item < 4; ++item) {
            BudgetItem budget;
            budget.category = QStringLiteral("customised_software");
            budget.description = {QStringLiteral("Module %1: design, build and training").arg(item),
                                  QStringLiteral("模組 %1：設計、開發及培訓").arg(item)};
            budget.amount = Money::fromCents(4500000 + item * 100000);
            for (int quote = 0; quote < 2; ++quote)
                budget.quotations.append({QString(), QStringLiteral("Supplier %1 Limited").arg(quote),
                                          Money::fromCents(4500000 + item * 100000 + quote * 50000), quote == 0, false});
            application.items.append(budget);
        }
        const qsizetype base = record::toCompactJson(application).size();
        application.items.last().justification = QString(qMax<qsizetype>(0, bytes - base), u'x');
        applications.save(work, application);
        ids << application.id;
    }
    work.commit();
    return ids;
}

// Milliseconds, to the tenth.
double timed(const std::function<void()> &step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    return double(timer.nsecsElapsed() / 100000) / 10.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int n = args.value(1, QStringLiteral("10000")).toInt();
    const int bytes = args.value(2, QStringLiteral("2000")).toInt();
    const int batch = args.value(3, QStringLiteral("500")).toInt();
    if (n < 100 || bytes < 300 || batch < 1) {
        std::fprintf(stderr, "usage: vd-sync-bench N(>=100) BYTES(>=300) BATCH\n");
        return 2;
    }
    QTemporaryDir data, first, second;
    QProcess server;
    const int port = startBackOffice(server, data.path());
    if (port == 0) {
        std::fprintf(stderr, "the back office did not start\n");
        return 3;
    }
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    const QString user = secretariatOf(data.path());
    QJsonObject result{{QStringLiteral("n"), n}, {QStringLiteral("bytes"), bytes}, {QStringLiteral("batch"), batch}};
    try {
        Workspace pusherWorkspace(first.path()), pullerWorkspace(second.path());
        SyncClient pusher(pusherWorkspace), puller(pullerWorkspace);
        pusher.setBatchSize(batch);
        pusher.signIn(url, user, QStringLiteral("voucherdesk-demo"));
        puller.signIn(url, user, QStringLiteral("voucherdesk-demo"));
        pusher.sync();
        const QStringList ids = seed(pusherWorkspace, pusher.session().user.id, n, bytes);
        result.insert(QStringLiteral("pushMs"), timed([&] { pusher.push(); }));
        result.insert(QStringLiteral("pullMs"), timed([&] { puller.pull(); }));
        double noop = std::numeric_limits<double>::max();
        for (int i = 0; i < 5; ++i)
            noop = std::min(noop, timed([&] { puller.sync(); }));
        result.insert(QStringLiteral("noopMs"), noop);
        pusher.pull(); // its own pushed changes, once
        {
            UnitOfWork work(pusherWorkspace, pusher.session().user.id);
            ApplicationRepository applications(pusherWorkspace);
            for (int i = 0; i < 100; ++i) {
                Application application = *applications.find(ids[i * (n / 100)]);
                application.title.en += QStringLiteral(" (changed)");
                applications.save(work, application);
            }
            work.commit();
        }
        result.insert(QStringLiteral("changed100PushMs"), timed([&] { pusher.push(); }));
        result.insert(QStringLiteral("changed100PullMs"), timed([&] { puller.sync(); }));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "%s\n", e.what());
        server.kill();
        server.waitForFinished();
        return 1;
    }
    server.terminate();
    server.waitForFinished(30000);
    // The back office's request log (each request's milliseconds), when asked for.
    if (const QString keep = qEnvironmentVariable("VD_SYNC_BENCH_LOG"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(data.filePath(QStringLiteral("server.log")), keep);
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
