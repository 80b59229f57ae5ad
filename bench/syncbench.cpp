// vd-sync-bench N BYTES BATCH: sync on loopback against a real back office
// (started here with an empty demo), with the PouchDB peer's shape: N
// applications of about BYTES bytes of JSON, pushed in batches of BATCH by one
// desk, pulled whole by another, then a sync with nothing new and one with
// 100 changed cases. Prints one JSON line (docs/sync.md; BENCHMARKS.md).
#include "applicationrepository.h"
#include "benchapplication.h"
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
#include <sys/resource.h>
#include <unistd.h>

using namespace vd;

namespace {

// The back office, its log in a file; the port from its "listening" line.
int startBackOffice(QProcess &server, const QString &data)
{
    server.setStandardOutputFile(data + QStringLiteral("/server.log"));
    QStringList command{QStringLiteral(VD_BACKOFFICE), QStringLiteral("--data"), data, QStringLiteral("--http"),
                        QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--demo-applications"),
                        QStringLiteral("0"), QStringLiteral("-D"), QStringLiteral("limits.requests_per_second=1000000"),
                        QStringLiteral("-D"), QStringLiteral("limits.burst=1000000")};
    // VD_SYNC_BENCH_WRAP runs the back office under a profiler, e.g.
    // "valgrind --tool=callgrind --callgrind-out-file=server.out".
    const QStringList wrap = qEnvironmentVariable("VD_SYNC_BENCH_WRAP").split(u' ', Qt::SkipEmptyParts);
    command = wrap + command;
    server.start(command.takeFirst(), command);
    const QDeadlineTimer deadline(wrap.isEmpty() ? 60000 : 600000);
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

// N draft applications of about `bytes` bytes of JSON each (benchapplication.h), and their applicant.
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
        Application application = bench::benchApplication(i, enterprise.id, bytes);
        applications.save(work, application);
        ids << application.id;
    }
    work.commit();
    return ids;
}

// CPU milliseconds (user + system) of this process.
double ownCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

// CPU milliseconds (user + system) of another process, from /proc/PID/stat.
double processCpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// Milliseconds to the tenth: wall time, and the CPU time of the desk (this
// process) and of the back office spent in the step, under NAME, NAME"DeskCpuMs"
// and NAME"ServerCpuMs".
double tenths(double ms)
{
    return double(qint64(ms * 10)) / 10.0;
}

void timed(QJsonObject &result, const QString &name, qint64 server, const std::function<void()> &step)
{
    QElapsedTimer timer;
    const double desk = ownCpuMs(), office = processCpuMs(server);
    timer.start();
    step();
    const double wall = double(timer.nsecsElapsed()) / 1e6;
    result.insert(name + QStringLiteral("Ms"), tenths(wall));
    result.insert(name + QStringLiteral("DeskCpuMs"), tenths(ownCpuMs() - desk));
    result.insert(name + QStringLiteral("ServerCpuMs"), tenths(processCpuMs(server) - office));
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
    QByteArray load;
    if (QFile average(QStringLiteral("/proc/loadavg")); average.open(QIODevice::ReadOnly))
        load = average.readAll().trimmed();
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
        puller.setPageSize(batch); // the peer's batch size is its pull's too
        pusher.signIn(url, user, QStringLiteral("voucherdesk-demo"));
        puller.signIn(url, user, QStringLiteral("voucherdesk-demo"));
        pusher.sync();
        const QStringList ids = seed(pusherWorkspace, pusher.session().user.id, n, bytes);
        const qint64 office = server.processId();
        timed(result, QStringLiteral("push"), office, [&] { pusher.push(); });
        SyncSummary pulled;
        timed(result, QStringLiteral("pull"), office, [&] { pulled = puller.pull(); });
        result.insert(QStringLiteral("pulledRecords"), pulled.pulled);
        result.insert(QStringLiteral("pullRequests"), pulled.requests);
        double noop = std::numeric_limits<double>::max();
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            puller.sync();
            noop = std::min(noop, double(timer.nsecsElapsed()) / 1e6);
        }
        result.insert(QStringLiteral("noopMs"), tenths(noop));
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
        // End to end: one desk's push of the 100 changes, then the other desk's sync that brings them.
        timed(result, QStringLiteral("changed100"), office, [&] {
            timed(result, QStringLiteral("changed100Push"), office, [&] { pusher.push(); });
            timed(result, QStringLiteral("changed100Pull"), office, [&] { puller.sync(); });
        });
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
    result.insert(QStringLiteral("loadAverage"), QString::fromLatin1(load.left(load.indexOf(' ', load.indexOf(' ', load.indexOf(' ') + 1) + 1))));
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
