// vd-queue-probe WORKSPACE all|open [WORD…]: the case queue's store alone,
// without widgets, for each word as it is typed a key at a time (by default
// the words vd-queue-bench types): the count up to the model's limit and the
// first page, each in wall time and in this thread's CPU time (the part that
// does not depend on the other programs on the machine). `open` filters on the
// open cases the secretariat's queue opens on, `all` on every status. Each
// question is asked twice and the second answer printed (the indexes in the
// page cache, as on a desk in use). To see the plans, trace the statements
// (docs/casequeue.md, "Finding the plans").
#include "casequeue.h"
#include "casequeuemodel.h"
#include "workflow.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <ctime>

namespace {

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// The time a question takes, in wall and CPU milliseconds, and what it answered.
struct Timed
{
    double wallMs = 0;
    double cpuMs = 0;
    qint64 answer = 0;
};

template<typename Ask>
Timed timed(Ask ask)
{
    QElapsedTimer wall;
    wall.start();
    const double cpu = threadCpuMs();
    const qint64 answer = ask();
    return {double(wall.nsecsElapsed()) / 1e6, threadCpuMs() - cpu, answer};
}

QStringList openStatuses()
{
    QStringList open;
    for (const QString &status : vd::Workflow::technologyVoucher().statuses()) {
        if (!vd::Workflow::technologyVoucher().isTerminal(status) && status != QLatin1String("draft"))
            open << status;
    }
    return open;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3 || (args[2] != QLatin1String("all") && args[2] != QLatin1String("open"))) {
        std::fprintf(stderr, "usage: vd-queue-probe WORKSPACE all|open [WORD…]\n");
        return 2;
    }
    QStringList typed = args.mid(3);
    if (typed.isEmpty()) {
        typed = {QStringLiteral("system"), QStringLiteral("系統"), QStringLiteral("有限公司"), QStringLiteral("florist"),
                 QStringLiteral("tvp/2025/"), QStringLiteral("雲端 erp")};
    }
    vd::Workspace workspace(args[1], vd::Workspace::Mode::OpenExisting);
    const vd::CaseQueue queue(workspace);
    std::printf("| search | count | count ms (CPU) | first page ms (CPU) |\n|---|---:|---:|---:|\n");
    for (const QString &word : typed) {
        for (qsizetype keys = word.isEmpty() ? 0 : 1; keys <= word.size(); ++keys) {
            vd::CaseQueueQuery query;
            query.searchText = word.left(keys);
            if (args[2] == QLatin1String("open"))
                query.filter.statuses = openStatuses();
            Timed count, rows;
            for (int pass = 0; pass < 2; ++pass) {
                count = timed([&] { return queue.countUpTo(query, vd::CaseQueueModel::kCountLimit + 1); });
                rows = timed([&] { return qint64(queue.rows(query, vd::Page{vd::CaseQueueModel::kPageSize, 0}).size()); });
            }
            std::printf("| `%s` | %lld | %.1f (%.1f) | %.1f (%.1f) |\n", qPrintable(query.searchText),
                        static_cast<long long>(count.answer), count.wallMs, count.cpuMs, rows.wallMs, rows.cpuMs);
        }
    }
    return 0;
}
