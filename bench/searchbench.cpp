// vd-search-bench WORKSPACE [REPEATS]: latency of ApplicationSearch over
// Chinese and English words of one, two and three or more characters, common
// and rare, next to the same words through a plain LIKE '%word%' scan of the
// same search table by the sqlite3 shell, timed in the same run. Prints
// Markdown for BENCHMARKS.md.
#include "applicationsearch.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace {

struct Term
{
    const char *text;
    const char *kind;  // what the word is, for the reader
};

// Frequencies are those of the demo cohort (docs/demo-data.md); the table
// prints the real share of cases holding each word.
const Term kTerms[] = {
    {"系", "1 character, Chinese, common"},
    {"茶", "1 character, Chinese, rare"},
    {"x", "1 character, English, common"},
    {"q", "1 character, English"},
    {"系統", "2 characters, Chinese, common"},
    {"花店", "2 characters, Chinese, rare"},
    {"it", "2 characters, English, common"},
    {"hr", "2 characters, English"},
    {"企業資源規劃", "6 characters, Chinese, common"},
    {"有限公司", "4 characters, Chinese, common"},
    {"火鍋店", "3 characters, Chinese, rare"},
    {"中央廚房", "4 characters, Chinese, rare"},
    {"system", "6 characters, English, common"},
    {"erp", "3 characters, English, common"},
    {"florist", "7 characters, English, rare"},
    {"optical", "7 characters, English, rare"},
    {"tvp/2024/", "a reference's year"},
    {"zebra", "English, in no case"},
    {"鯨魚標本", "Chinese, in no case"},
    {"cloud erp", "two English words"},
    {"雲端 系統", "a long and a short Chinese word"},
};

constexpr int kPage = 50;

double percentile(QList<double> values, int p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::min<qsizetype>(values.size() - 1, (values.size() * p + 99) / 100 - 1);
    return values[std::max<qsizetype>(0, rank)];
}

QString milliseconds(double ms)
{
    return QString::number(ms, 'f', ms < 10 ? 2 : 1);
}

QString sqlText(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
}

// The same question without the index: every word as a substring, newest first, one page.
QString likeQuery(const QString &term)
{
    QStringList conditions;
    for (const QString &word : term.split(u' ', Qt::SkipEmptyParts))
        conditions << QStringLiteral("s.text LIKE %1").arg(sqlText(u'%' + word.toLower() + u'%'));
    return QStringLiteral("SELECT s.application_id, a.reference FROM application_search AS s "
                          "JOIN applications AS a ON a.id = s.application_id WHERE %1 ORDER BY s.rowid DESC LIMIT %2;")
        .arg(conditions.join(QStringLiteral(" AND ")))
        .arg(kPage);
}

// Runs every LIKE query `repeats` times in one sqlite3 shell with .timer on;
// returns the real times in milliseconds, per term.
QList<QList<double>> timeLikeScans(const QString &file, const QStringList &terms, int repeats)
{
    QString script = QStringLiteral(".output /dev/null\n");
    for (const QString &term : terms)
        script += likeQuery(term) + u'\n'; // warm-up, untimed
    script += QStringLiteral(".timer on\n");
    for (const QString &term : terms) {
        for (int i = 0; i < repeats; ++i)
            script += likeQuery(term) + u'\n';
    }
    QProcess shell;
    shell.setProcessChannelMode(QProcess::MergedChannels);
    shell.start(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), file});
    if (!shell.waitForStarted())
        qFatal("vd-search-bench: the sqlite3 shell cannot be started");
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    static const QRegularExpression runTime(QStringLiteral("Run Time: real ([0-9.]+)"));
    QList<double> times;
    auto match = runTime.globalMatch(QString::fromUtf8(shell.readAll()));
    while (match.hasNext())
        times << match.next().captured(1).toDouble() * 1000;
    if (times.size() != terms.size() * repeats)
        qFatal("vd-search-bench: expected %lld timings from sqlite3, got %lld", qlonglong(terms.size() * repeats),
               qlonglong(times.size()));
    QList<QList<double>> perTerm;
    for (qsizetype t = 0; t < terms.size(); ++t)
        perTerm << times.mid(t * repeats, repeats);
    return perTerm;
}

qint64 casesHolding(vd::Workspace &workspace, const QString &term)
{
    QStringList conditions;
    for (const QString &word : term.split(u' ', Qt::SkipEmptyParts))
        conditions << QStringLiteral("instr(text, %1) > 0").arg(sqlText(word.toLower()));
    QSqlQuery query = workspace.run(QStringLiteral("SELECT count(*) FROM application_search WHERE ")
                                    + conditions.join(QStringLiteral(" AND ")));
    return query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        QTextStream(stderr) << "usage: vd-search-bench WORKSPACE [REPEATS]\n";
        return 2;
    }
    const int repeats = arguments.size() > 2 ? arguments[2].toInt() : 30;
    vd::Workspace workspace(arguments[1], vd::Workspace::Mode::OpenExisting);
    vd::ApplicationSearch search(workspace);
    QSqlQuery total = workspace.run(QStringLiteral("SELECT count(*) FROM application_search"));
    const qint64 cases = total.next() ? total.value(0).toLongLong() : 0;
    total.finish();

    QStringList terms;
    for (const Term &term : kTerms)
        terms << QString::fromUtf8(term.text);

    QList<QList<double>> searchTimes;
    for (const QString &term : terms) {
        search.find(term, {kPage, 0}); // warm-up
        QList<double> times;
        for (int i = 0; i < repeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            const QList<vd::SearchHit> hits = search.find(term, {kPage, 0});
            times << timer.nsecsElapsed() / 1e6;
            Q_UNUSED(hits);
        }
        searchTimes << times;
    }
    const QList<QList<double>> likeTimes = timeLikeScans(workspace.file(), terms, repeats);

    out << "Search for one page (" << kPage << " newest hits) among " << cases << " cases, each word " << repeats
        << " times after a warm-up. LIKE: the same question as `" << likeQuery(QStringLiteral("word"))
        << "` in the sqlite3 shell (`.timer on`, real time, printed to the millisecond), same run, same file.\n\n";
    out << "| word | what | cases holding it | search p50 / p95 / p99 ms | LIKE scan p50 / p95 / p99 ms | LIKE p95 / search p95 |\n";
    out << "|---|---|---:|---:|---:|---:|\n";
    QList<double> allSearch, allLike;
    for (qsizetype t = 0; t < terms.size(); ++t) {
        const qint64 holding = casesHolding(workspace, terms[t]);
        const QList<double> &s = searchTimes[t];
        const QList<double> &l = likeTimes[t];
        allSearch += s;
        allLike += l;
        out << "| `" << terms[t] << "` | " << kTerms[t].kind << " | " << holding << " ("
            << QString::number(cases ? 100.0 * holding / cases : 0, 'f', 1) << "%) | " << milliseconds(percentile(s, 50))
            << " / " << milliseconds(percentile(s, 95)) << " / " << milliseconds(percentile(s, 99)) << " | "
            << milliseconds(percentile(l, 50)) << " / " << milliseconds(percentile(l, 95)) << " / "
            << milliseconds(percentile(l, 99)) << " | "
            << QString::number(percentile(l, 95) / std::max(percentile(s, 95), 0.001), 'f', 1) << " |\n";
    }
    out << "| **all words** | " << allSearch.size() << " queries each | | **" << milliseconds(percentile(allSearch, 50))
        << " / " << milliseconds(percentile(allSearch, 95)) << " / " << milliseconds(percentile(allSearch, 99)) << "** | "
        << milliseconds(percentile(allLike, 50)) << " / " << milliseconds(percentile(allLike, 95)) << " / "
        << milliseconds(percentile(allLike, 99)) << " | "
        << QString::number(percentile(allLike, 95) / std::max(percentile(allSearch, 95), 0.001), 'f', 1) << " |\n";
    out << "\nTarget: search p95 under 50 ms at 100,000 cases; measured p95 over all words: "
        << milliseconds(percentile(allSearch, 95)) << " ms.\n";
    return 0;
}
