// vd-queue-bench WORKSPACE [LANGUAGE=en] [REPEATS=3]: the secretariat's case
// queue on a large workspace, offscreen. Measures, as a person meets them:
//   - launch: opening the workspace to the first painted queue;
//   - keystrokes: from a key typed in the search box to the queue updated and
//     painted (the debounce included: it is part of what the person waits);
//   - filter changes: from a filter chosen to the queue updated and painted;
// each next to the store's own query for the same question (the count up to
// the model's limit and the first page through CaseQueue, no widgets) timed in the same run, and to the
// 100 ms budget. Then resident memory. Prints Markdown for BENCHMARKS.md.
#include "batchactiondialog.h"
#include "casequeue.h"
#include "casequeuemodel.h"
#include "casequeueview.h"
#include "desksession.h"
#include "language.h"
#include "userrepository.h"
#include "workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <numeric>

namespace {

constexpr double kBudgetMs = 100;
constexpr qint64 kGiveUpMs = 60000;

double percentile(QList<double> values, int p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::min<qsizetype>(values.size() - 1, (values.size() * p + 99) / 100 - 1);
    return values[std::max<qsizetype>(0, rank)];
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

// Resident memory in MiB from /proc: all, peak, and the part that is the
// workspace file mapped by SQLite (clean pages the kernel can drop) rather
// than the program's own.
struct Resident
{
    double all = 0, peak = 0, anonymous = 0, file = 0;
};

Resident resident()
{
    QFile status(QStringLiteral("/proc/self/status"));
    Resident r;
    if (!status.open(QIODevice::ReadOnly))
        return r;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() < 2)
            continue;
        const double mib = parts[1].toDouble() / 1024;
        if (parts[0] == "VmRSS:")
            r.all = mib;
        else if (parts[0] == "VmHWM:")
            r.peak = mib;
        else if (parts[0] == "RssAnon:")
            r.anonymous = mib;
        else if (parts[0] == "RssFile:")
            r.file = mib;
    }
    return r;
}

// What one change costs: the view updated and painted, and the store alone.
struct Sample
{
    double viewMs = 0;
    double cpuMs = 0;   // of this process over viewMs: what the change costs without the other programs' load
    double storeMs = 0;
    double countedMs = 0; // until the count is shown too (it follows the painted cases)
};

double cpuNowMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

struct Series
{
    QString name;
    QList<double> view, store;
    QStringList labels;
    QList<double> cpu, counted;
    void add(const Sample &s, const QString &label)
    {
        cpu << s.cpuMs;
        counted << s.countedMs;
        view << s.viewMs;
        store << s.storeMs;
        labels << label;
    }
    // The slowest changes, to stderr: where the time goes.
    void printSlowest(int count) const
    {
        QList<qsizetype> order(view.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return view[a] > view[b]; });
        for (qsizetype i = 0; i < std::min<qsizetype>(count, order.size()); ++i)
            std::fprintf(stderr, "%s: %s %.1f ms (store %.1f ms)\n", qPrintable(name), qPrintable(labels[order[i]]),
                         view[order[i]], store[order[i]]);
    }
};

class Bench
{
public:
    Bench(vd::CaseQueueView &view) : m_view(view), m_table(view.findChild<QTableView *>(QStringLiteral("table")))
    {
        QObject::connect(view.model(), &QAbstractItemModel::modelReset, [this] { ++m_resets; });
    }

    // Waits for the queue to be asked again, then paints it: the time since
    // `start`. A change that asks nothing stops the bench rather than
    // leaving it waiting.
    double untilPainted(const QElapsedTimer &start, int resetsBefore)
    {
        if (m_resets == resetsBefore)
            waitFor(&QAbstractItemModel::modelReset);
        m_table->viewport()->repaint();
        return double(start.nsecsElapsed()) / 1e6;
    }

    // Then waits for the count to be shown: the time since `start`.
    double untilCounted(const QElapsedTimer &start)
    {
        if (m_view.model()->isCounting())
            waitFor(&vd::CaseQueueModel::countChanged);
        return double(start.nsecsElapsed()) / 1e6;
    }

    double storeTime(const vd::CaseQueueQuery &query, vd::Workspace &workspace)
    {
        QElapsedTimer timer;
        timer.start();
        vd::CaseQueue queue(workspace);
        queue.countUpTo(query, vd::CaseQueueModel::kCountLimit + 1); // as the model asks
        queue.rows(query, vd::Page{vd::CaseQueueModel::kPageSize, 0});
        return double(timer.nsecsElapsed()) / 1e6;
    }

    Sample keystroke(QLineEdit *search, QChar key, vd::Workspace &workspace)
    {
        const int before = m_resets;
        const double cpuBefore = cpuNowMs();
        QElapsedTimer timer;
        timer.start();
        // One key with its text (QTest::keyClicks takes Latin-1 only).
        QTest::sendKeyEvent(QTest::Click, search, Qt::Key_unknown, QString(key), Qt::NoModifier);
        Sample sample;
        sample.viewMs = untilPainted(timer, before);
        sample.cpuMs = cpuNowMs() - cpuBefore;
        sample.countedMs = untilCounted(timer);
        sample.storeMs = storeTime(m_view.currentQuery(), workspace);
        return sample;
    }

    Sample change(const std::function<void()> &choose, vd::Workspace &workspace)
    {
        const int before = m_resets;
        const double cpuBefore = cpuNowMs();
        QElapsedTimer timer;
        timer.start();
        choose();
        Sample sample;
        sample.viewMs = untilPainted(timer, before);
        sample.cpuMs = cpuNowMs() - cpuBefore;
        sample.countedMs = untilCounted(timer);
        sample.storeMs = storeTime(m_view.currentQuery(), workspace);
        return sample;
    }

private:
    // Runs the event loop until the model sends the signal: idle while it
    // waits, so that the CPU column counts the work and not the waiting.
    template<typename Signal>
    void waitFor(Signal signal)
    {
        QEventLoop loop;
        QObject::connect(m_view.model(), signal, &loop, &QEventLoop::quit);
        QTimer giveUp;
        giveUp.setSingleShot(true);
        QObject::connect(&giveUp, &QTimer::timeout, [] {
            std::fprintf(stderr, "the queue was not asked again within %lld ms of a change\n", kGiveUpMs);
            std::exit(1);
        });
        giveUp.start(int(kGiveUpMs));
        loop.exec();
    }

    vd::CaseQueueView &m_view;
    QTableView *m_table;
    int m_resets = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QElapsedTimer launch;
    launch.start();
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: vd-queue-bench WORKSPACE [LANGUAGE=en] [REPEATS=3]\n");
        return 2;
    }
    const QString language = args.value(2, QStringLiteral("en"));
    const int repeats = std::max(1, args.value(3, QStringLiteral("3")).toInt());
    vd::Language::apply(language);

    vd::Workspace workspace(args[1], vd::Workspace::Mode::OpenExisting);
    QList<vd::User> officers = vd::UserRepository(workspace).withRole(QStringLiteral("secretariat"));
    officers.removeIf([](const vd::User &user) { return !user.active; });
    if (officers.isEmpty()) {
        std::fprintf(stderr, "the workspace has no secretariat officer\n");
        return 1;
    }
    vd::DeskSession session(workspace, officers.first());
    vd::CaseQueueView view(session);
    view.resize(1280, 800);
    view.show();
    auto *table = view.findChild<QTableView *>(QStringLiteral("table"));
    table->viewport()->repaint();
    const double launchMs = double(launch.nsecsElapsed()) / 1e6;
    const QString total = (view.model()->totalIsExact() ? QString() : QStringLiteral("more than "))
        + QLocale(QLocale::English).toString(view.model()->totalIsExact() ? view.model()->totalCount()
                                                                          : view.model()->countLimit());

    // VD_QUEUE_SCREENSHOTS=DIR: the queue and the batch dialog as PNG files, to look at.
    const QString shots = qEnvironmentVariable("VD_QUEUE_SCREENSHOTS");
    if (!shots.isEmpty()) {
        table->selectRow(1);
        table->selectionModel()->select(view.model()->index(3, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCoreApplication::processEvents();
        view.grab().save(shots + QStringLiteral("/queue-%1.png").arg(language));
        vd::BatchActionDialog dialog(session, 2, &view);
        dialog.selectAction(QStringLiteral("return_ineligible"));
        dialog.show();
        QCoreApplication::processEvents();
        dialog.grab().save(shots + QStringLiteral("/batch-action-%1.png").arg(language));
        dialog.hide();
        table->clearSelection();
    }

    Bench bench(view);
    const QString keystrokeFilter = view.findChild<QComboBox *>(QStringLiteral("statusCombo"))->currentText();
    auto *search = view.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    // Words typed a key at a time, then taken back a key at a time.
    const QStringList typed{QStringLiteral("system"), QStringLiteral("系統"), QStringLiteral("有限公司"),
                            QStringLiteral("florist"), QStringLiteral("tvp/2025/"), QStringLiteral("雲端 erp")};
    Series keys{QStringLiteral("keystroke in search"), {}, {}, {}, {}, {}};
    // One pass first, not counted, so that the figures are those of a desk in
    // use (the queue's indexes in the page cache), not of the first minute.
    for (int r = -1; r < repeats; ++r) {
        if (r == 0)
            keys = Series{keys.name, {}, {}, {}, {}, {}};
        for (const QString &word : typed) {
            for (const QChar key : word) {
                const Sample sample = bench.keystroke(search, key, workspace);
                keys.add(sample, search->text());
            }
            while (!search->text().isEmpty()) {
                const Sample sample = bench.change([&] { QTest::keyClick(search, Qt::Key_Backspace); }, workspace);
                keys.add(sample, search->text() + QStringLiteral(" (backspace)"));
            }
        }
    }

    Series filters{QStringLiteral("filter change"), {}, {}, {}, {}, {}};
    // Every other entry of a combo, then back to the one it started on (the
    // queue opens on the open cases, not on the first entry): choosing the
    // entry already chosen asks nothing and would be waited for in vain.
    const auto cycle = [&](const char *name) {
        auto *combo = view.findChild<QComboBox *>(QLatin1String(name));
        const int start = combo->currentIndex();
        for (int i = 0; i < combo->count(); ++i) {
            if (i != start)
                filters.add(bench.change([&] { combo->setCurrentIndex(i); }, workspace), combo->itemText(i));
        }
        filters.add(bench.change([&] { combo->setCurrentIndex(start); }, workspace), combo->itemText(start));
    };
    auto *overdue = view.findChild<QCheckBox *>(QStringLiteral("overdueCheck"));
    for (int r = -1; r < repeats; ++r) {
        if (r == 0)
            filters = Series{filters.name, {}, {}, {}, {}, {}};
        for (const char *name : {"statusCombo", "sectorCombo", "categoryCombo", "officerCombo"})
            cycle(name);
        filters.add(bench.change([&] { overdue->setChecked(true); }, workspace), QStringLiteral("overdue on"));
        filters.add(bench.change([&] { overdue->setChecked(false); }, workspace), QStringLiteral("overdue off"));
    }

    // Scrolling on: the next page of the whole queue.
    QList<double> pages;
    for (int i = 0; i < 20 && view.model()->canFetchMore({}); ++i) {
        QElapsedTimer timer;
        timer.start();
        view.model()->fetchMore({});
        table->viewport()->repaint();
        pages << double(timer.nsecsElapsed()) / 1e6;
    }
    const Resident memory = resident();
    keys.printSlowest(8);
    filters.printSlowest(8);

    QTextStream out(stdout);
    out << "| what | samples | p50 ms | p95 ms | CPU p50 / p95 ms | store alone p50 / p95 ms | p95 ÷ store p95 | "
           "p95 ÷ 100 ms budget |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Series &s : {keys, filters}) {
        const double p95 = percentile(s.view, 95), store95 = percentile(s.store, 95);
        out << "| " << s.name << " | " << s.view.size() << " | " << ms(percentile(s.view, 50)) << " | " << ms(p95)
            << " | " << ms(percentile(s.cpu, 50)) << " / " << ms(percentile(s.cpu, 95)) << " | "
            << ms(percentile(s.store, 50)) << " / " << ms(store95) << " | "
            << QString::number(store95 > 0 ? p95 / store95 : 0, 'f', 1) << " | "
            << QString::number(p95 / kBudgetMs, 'f', 2) << " |\n";
    }
    for (const Series &s : {keys, filters}) {
        out << "| " << s.name << ", then its count shown | " << s.counted.size() << " | "
            << ms(percentile(s.counted, 50)) << " | " << ms(percentile(s.counted, 95)) << " | | | | |\n";
    }
    out << "| next page (fetchMore + paint) | " << pages.size() << " | " << ms(percentile(pages, 50)) << " | "
        << ms(percentile(pages, 95)) << " | | | | " << QString::number(percentile(pages, 95) / kBudgetMs, 'f', 2)
        << " |\n\n";
    out << "Keystrokes typed with the status filter on \"" << keystrokeFilter << "\". ";
    out << "Launch to the first painted queue (" << total << " cases, language " << language << "): " << ms(launchMs) << " ms. Search debounce: "
        << vd::CaseQueueView::kSearchDelayMs << " ms (inside the keystroke figures). Resident memory after the run: "
        << QString::number(memory.all, 'f', 0) << " MiB (peak " << QString::number(memory.peak, 'f', 0) << " MiB; "
        << QString::number(memory.anonymous, 'f', 0) << " MiB the program's own, "
        << QString::number(memory.file, 'f', 0) << " MiB mapped files, mostly the workspace through SQLite's mmap).\n";
    return 0;
}
