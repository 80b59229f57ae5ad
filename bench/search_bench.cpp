// Fills a workspace the way the demo command does (default 100,000
// applications), then times bilingual search: the FTS5 trigram index for
// words of three or more characters, the character index for shorter ones,
// and, as the yardstick measured in the same run, a naive LIKE over every
// searchable column. Then verifies the audit trail. Prints Markdown for
// BENCHMARKS.md.
//
//   search_bench [APPLICATIONS] [FOLDER [fill|all] [server]]
//     FOLDER is kept (default: a temporary one); "fill" stops after filling;
//     "server" writes as ChangeOrigin::Server (audited, not queued for sync),
//     as demo data should be; by default every change is also queued.
//     VD_BENCH_BATCH sets the applications per unit of work (1000).

#include "applicationsearch.h"
#include "audittrail.h"
#include "benchworkspace.h"
#include "sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace vd;

namespace {

struct Latency
{
    double p50 = 0;
    double p95 = 0;
    int hits = 0;
};

template <typename Query>
Latency measure(Query &&query, int runs = 40)
{
    QList<double> times;
    int hits = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        hits = query();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[qsizetype(times.size() * 95 / 100)], hits};
}

// The yardstick: what a LIKE over the application columns costs, without any index.
int naiveScan(Workspace &workspace, const QString &text)
{
    QSqlQuery &query = workspace.statement(QStringLiteral(
        "SELECT a.id FROM applications AS a JOIN enterprises AS e ON e.id = a.enterprise_id "
        "WHERE a.reference LIKE ? OR a.title_en LIKE ? OR a.title_zh LIKE ? OR a.description_en LIKE ? "
        "OR a.description_zh LIKE ? OR e.name_en LIKE ? OR e.name_zh LIKE ? OR e.br_number LIKE ? "
        "ORDER BY a.rowid DESC LIMIT 50"));
    for (int i = 0; i < 8; ++i)
        sql::bind(query, i, u'%' + text + u'%');
    workspace.exec(query);
    int hits = 0;
    while (query.next())
        ++hits;
    query.finish();
    return hits;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QTextStream out(stdout);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QTemporaryDir temporary;
    const QString folder = argc > 2 ? QString::fromLocal8Bit(argv[2]) : temporary.path();

    Workspace workspace(folder);
    bench::FillFigures figures;
    if (ApplicationRepository(workspace).count() == 0) {
        const bool server = argc > 4 && qstrcmp(argv[4], "server") == 0;
        const int batch = qEnvironmentVariableIntValue("VD_BENCH_BATCH");
        figures = bench::Filler(workspace, server ? ChangeOrigin::Server : ChangeOrigin::Local)
                      .fill(count, batch > 0 ? batch : 1000);
        out << "## Store: filling a workspace\n\n"
            << QStringLiteral("%1 applications (with %2 status changes, each audited%5) in %3 s: %4 applications/s\n\n")
                   .arg(figures.applications).arg(figures.statusChanges).arg(figures.milliseconds / 1000.0, 0, 'f', 1)
                   .arg(figures.applications * 1000.0 / std::max<qint64>(1, figures.milliseconds), 0, 'f', 0)
                   .arg(server ? QString() : QStringLiteral(" and queued"));
        out.flush();
    }
    if (argc > 3 && qstrcmp(argv[3], "fill") == 0)
        return 0;

    // Words of three or more characters go through the trigram index, short
    // words of letters and digits through the character index, anything
    // else through a scan (ApplicationSearch).
    const QList<std::pair<QString, const char *>> queries{
        {QStringLiteral("inventory"), "trigrams"}, {QStringLiteral("erp"), "trigrams"},
        {QStringLiteral("cloud analytics"), "trigrams"}, {QStringLiteral("企業資源規劃"), "trigrams"},
        {QStringLiteral("tvp/2023/0421"), "trigrams"}, {QStringLiteral("golden dragon"), "trigrams"},
        {QStringLiteral("zzzz"), "trigrams"}, {QStringLiteral("\"near*"), "trigrams"},
        {QStringLiteral("科技"), "characters"}, {QStringLiteral("IT"), "characters"},
        {QStringLiteral("券"), "characters"}, {QStringLiteral("金龍"), "characters"},
        {QStringLiteral("qz"), "characters"}, {QStringLiteral("erp 龍"), "trigrams + text"},
        {QStringLiteral("/2"), "characters"}, {QStringLiteral("*"), "characters"}};
    ApplicationSearch search(workspace);
    out << "## Store: search over " << ApplicationRepository(workspace).count() << " applications\n\n"
        << "First page of 50, newest first; 40 runs each. The yardstick is a LIKE over the same columns\n"
        << "without any index, measured in the same run.\n\n"
        << "| query | path | hits | p50 ms | p95 ms | LIKE p50 ms | LIKE ÷ search |\n"
        << "|---|---|---|---|---|---|---|\n";
    double worstP95 = 0;
    for (const auto &[text, path] : queries) {
        const Latency indexed = measure([&] { return int(search.find(text, Page{50, 0}).size()); });
        const Latency naive = measure([&] { return naiveScan(workspace, text); }, 5);
        worstP95 = std::max(worstP95, indexed.p95);
        out << "| `" << text << "` | " << path << " | " << indexed.hits << " | " << QString::number(indexed.p50, 'f', 2)
            << " | " << QString::number(indexed.p95, 'f', 2) << " | " << QString::number(naive.p50, 'f', 1) << " | "
            << QString::number(naive.p50 / std::max(indexed.p50, 0.001), 'f', 1) << " |\n";
    }
    out << "\nWorst p95: " << QString::number(worstP95, 'f', 2) << " ms\n\n";
    out.flush();

    QElapsedTimer timer;
    timer.start();
    const AuditVerification verification = verifyAuditChain(workspace);
    out << "## Store: audit verification\n\n" << verification.entriesChecked << " entries verified ("
        << (verification.intact ? "intact" : "BROKEN") << ") in " << timer.elapsed() << " ms\n";
    return verification.intact ? 0 : 1;
}
