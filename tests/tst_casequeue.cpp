// The case queue's query against a real demo workspace of 400 cases: every
// filter, search, the overdue cases and each sort give exactly the cases a
// walk over all of them finds, page after page.
#include "applicationrepository.h"
#include "applicationsearch.h"
#include "casefile.h"
#include "casequeue.h"
#include "casetransitions.h"
#include "userrepository.h"
#include "workflow.h"
#include "clirunner.h"
#include "workspace.h"

#include <QDir>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace vd;

Q_DECLARE_METATYPE(vd::CaseQueueSort)

namespace {

const QDate kAsOf(2026, 11, 23); // the demo's "now"

using Predicate = std::function<bool(const ApplicationSummary &)>;

// The secretariat's "open cases": neither terminal nor a draft.
QStringList openStatuses()
{
    QStringList open;
    for (const QString &status : Workflow::technologyVoucher().statuses()) {
        if (!Workflow::technologyVoucher().isTerminal(status) && status != QLatin1String("draft"))
            open << status;
    }
    return open;
}

} // namespace

class TestCaseQueue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filtersGiveWhatAWalkFinds_data();
    void filtersGiveWhatAWalkFinds();
    void searchGivesWhatApplicationSearchFinds_data();
    void searchGivesWhatApplicationSearchFinds();
    void overdueCasesAreThoseWithAnOverdueDeadline_data();
    void overdueCasesAreThoseWithAnOverdueDeadline();
    void committeeOutcomeWithoutNoticeIsOverdueAfterTwoWorkingDays();
    void searchPagesAreTheQueueWithoutTheOtherCases_data();
    void searchPagesAreTheQueueWithoutTheOtherCases();
    void countUpToStopsAtTheLimit_data();
    void countUpToStopsAtTheLimit();
    void sortsPageWithoutRepeatsOrGaps_data();
    void sortsPageWithoutRepeatsOrGaps();

private:
    QStringList allIds(const CaseQueueQuery &query, int pageSize = 37) const;
    QList<ApplicationSummary> walk(const Predicate &keep) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QList<ApplicationSummary> m_all;
    QString m_officerId;
};

void TestCaseQueue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString folder = m_dir.filePath(QStringLiteral("demo"));
    const CliRun demo = runCli({QStringLiteral("demo"), QStringLiteral("--workspace"), folder,
                                QStringLiteral("--applications"), QStringLiteral("400"), QStringLiteral("--seed"),
                                QStringLiteral("7")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.errText()));
    m_workspace = std::make_unique<Workspace>(folder, Workspace::Mode::OpenExisting);
    ApplicationRepository applications(*m_workspace);
    m_all = applications.list({}, Page{100000, 0});
    QCOMPARE(m_all.size(), 400);
    for (const ApplicationSummary &summary : std::as_const(m_all)) {
        if (!summary.caseOfficerId.isEmpty()) {
            m_officerId = summary.caseOfficerId;
            break;
        }
    }
    QVERIFY(!m_officerId.isEmpty());
}

QStringList TestCaseQueue::allIds(const CaseQueueQuery &query, int pageSize) const
{
    CaseQueue queue(*m_workspace);
    QStringList ids;
    for (int offset = 0;; offset += pageSize) {
        const QList<CaseQueueRow> rows = queue.rows(query, Page{pageSize, offset});
        for (const CaseQueueRow &row : rows)
            ids << row.summary.id;
        if (rows.size() < pageSize)
            return ids;
    }
}

QList<ApplicationSummary> TestCaseQueue::walk(const Predicate &keep) const
{
    QList<ApplicationSummary> kept;
    for (const ApplicationSummary &summary : m_all) {
        if (keep(summary))
            kept << summary;
    }
    return kept;
}

void TestCaseQueue::filtersGiveWhatAWalkFinds_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QString>("sector");
    QTest::addColumn<QString>("category");
    QTest::addColumn<bool>("byOfficer");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");

    const QStringList none;
    QTest::newRow("nothing") << none << QString() << QString() << false << QDate() << QDate();
    QTest::newRow("one status") << QStringList{QStringLiteral("screening")} << QString() << QString() << false
                                << QDate() << QDate();
    QTest::newRow("several statuses") << QStringList{QStringLiteral("approved"), QStringLiteral("completed"),
                                                     QStringLiteral("draft")}
                                      << QString() << QString() << false << QDate() << QDate();
    QTest::newRow("sector") << none << QStringLiteral("wholesale_retail") << QString() << false << QDate() << QDate();
    QTest::newRow("category") << none << QString() << QStringLiteral("pos") << false << QDate() << QDate();
    QTest::newRow("officer") << none << QString() << QString() << true << QDate() << QDate();
    QTest::newRow("from a day") << none << QString() << QString() << false << QDate(2024, 1, 1) << QDate();
    QTest::newRow("up to a day") << none << QString() << QString() << false << QDate() << QDate(2020, 6, 30);
    QTest::newRow("all together") << QStringList{QStringLiteral("completed"), QStringLiteral("screening")}
                                  << QStringLiteral("wholesale_retail") << QStringLiteral("erp") << false
                                  << QDate(2018, 1, 1) << QDate(2026, 12, 31);
}

void TestCaseQueue::filtersGiveWhatAWalkFinds()
{
    QFETCH(QStringList, statuses);
    QFETCH(QString, sector);
    QFETCH(QString, category);
    QFETCH(bool, byOfficer);
    QFETCH(QDate, from);
    QFETCH(QDate, to);

    CaseQueueQuery query;
    query.asOf = kAsOf;
    query.filter.statuses = statuses;
    query.filter.sector = sector;
    query.filter.solutionCategory = category;
    if (byOfficer)
        query.filter.caseOfficerId = m_officerId;
    if (from.isValid())
        query.filter.submittedFrom = from;
    if (to.isValid())
        query.filter.submittedTo = to;

    const QList<ApplicationSummary> expected = walk([&](const ApplicationSummary &s) {
        return (statuses.isEmpty() || statuses.contains(s.status)) && (sector.isEmpty() || s.sector == sector)
            && (category.isEmpty() || s.solutionCategory == category)
            && (!byOfficer || s.caseOfficerId == m_officerId)
            && (!from.isValid() || (s.submitted && *s.submitted >= from))
            && (!to.isValid() || (s.submitted && *s.submitted <= to));
    });
    QVERIFY(!expected.isEmpty());
    QCOMPARE(CaseQueue(*m_workspace).count(query), expected.size());
    QStringList expectedIds;
    for (const ApplicationSummary &summary : expected)
        expectedIds << summary.id;
    QStringList ids = allIds(query);
    ids.sort();
    expectedIds.sort();
    QCOMPARE(ids, expectedIds);
}

void TestCaseQueue::searchGivesWhatApplicationSearchFinds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("statuses");
    QTest::newRow("English word") << QStringLiteral("system") << QStringList();
    QTest::newRow("Chinese word") << QStringLiteral("系統") << QStringList();
    QTest::newRow("one character") << QStringLiteral("店") << QStringList();
    QTest::newRow("two words in two languages") << QStringLiteral("limited 有限") << QStringList();
    QTest::newRow("reference part") << QStringLiteral("/2025/") << QStringList();
    QTest::newRow("with a status") << QStringLiteral("系統") << QStringList{QStringLiteral("completed")};
    QTest::newRow("nothing matches") << QStringLiteral("zzzqqq") << QStringList();
    // The queue's default filter with each kind of word the queue bench types.
    QTest::newRow("open cases, one letter") << QStringLiteral("s") << openStatuses();
    QTest::newRow("open cases, English word") << QStringLiteral("system") << openStatuses();
    QTest::newRow("open cases, Chinese words") << QStringLiteral("有限公司") << openStatuses();
    QTest::newRow("open cases, reference prefix") << QStringLiteral("tvp/202") << openStatuses();
    QTest::newRow("open cases, reference year") << QStringLiteral("tvp/2025/") << openStatuses();
    QTest::newRow("open cases, long and short words") << QStringLiteral("雲端 erp") << openStatuses();
    QTest::newRow("open cases, rare word") << QStringLiteral("florist") << openStatuses();
    QTest::newRow("reference prefix") << QStringLiteral("tvp/202") << QStringList();
}

void TestCaseQueue::searchGivesWhatApplicationSearchFinds()
{
    QFETCH(QString, text);
    QFETCH(QStringList, statuses);
    QSet<QString> found;
    for (const SearchHit &hit : ApplicationSearch(*m_workspace).find(text, Page{100000, 0}))
        found.insert(hit.applicationId);
    QStringList expected;
    for (const ApplicationSummary &s : walk([&](const ApplicationSummary &s) {
             return found.contains(s.id) && (statuses.isEmpty() || statuses.contains(s.status));
         }))
        expected << s.id;

    CaseQueueQuery query;
    query.asOf = kAsOf;
    query.searchText = text;
    query.filter.statuses = statuses;
    QCOMPARE(CaseQueue(*m_workspace).count(query), expected.size());
    QStringList ids = allIds(query);
    ids.sort();
    expected.sort();
    QCOMPARE(ids, expected);
}

void TestCaseQueue::searchPagesAreTheQueueWithoutTheOtherCases_data()
{
    // Common words are found among the queue's first cases (their text
    // checked), rare ones and deep pages through the indexes: every page
    // size and order gives the queue without words, less the cases that
    // do not match, in the same order.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<vd::CaseQueueSort>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("common word, by submission") << QStringLiteral("tvp") << QStringList() << CaseQueueSort::Submitted
                                                << false << 23;
    QTest::newRow("common short word, newest first") << QStringLiteral("/2") << QStringList()
                                                     << CaseQueueSort::Submitted << true << 17;
    QTest::newRow("common character, by title") << QStringLiteral("a") << QStringList() << CaseQueueSort::Title
                                                << true << 29;
    QTest::newRow("common words in two languages") << QStringLiteral("tvp 有") << QStringList()
                                                   << CaseQueueSort::EnterpriseName << false << 31;
    QTest::newRow("common word with a status") << QStringLiteral("tvp") << QStringList{QStringLiteral("closed")}
                                               << CaseQueueSort::Reference << false << 7;
    QTest::newRow("rare word") << QStringLiteral("系統") << QStringList() << CaseQueueSort::Status << false << 5;
    QTest::newRow("common word, pages past the window") << QStringLiteral("tvp") << QStringList()
                                                        << CaseQueueSort::Submitted << false << 300;
    QTest::newRow("nothing matches") << QStringLiteral("zzzqqq") << QStringList() << CaseQueueSort::Submitted
                                     << false << 10;
    QTest::newRow("reference prefix, by submission") << QStringLiteral("tvp/202") << QStringList()
                                                     << CaseQueueSort::Submitted << false << 100;
    QTest::newRow("reference prefix, newest first") << QStringLiteral("tvp/2025") << QStringList()
                                                    << CaseQueueSort::Submitted << true << 100;
    QTest::newRow("open cases, common word") << QStringLiteral("tvp") << openStatuses() << CaseQueueSort::Submitted
                                             << false << 23;
    QTest::newRow("open cases, reference prefix") << QStringLiteral("tvp/202") << openStatuses()
                                                  << CaseQueueSort::Submitted << false << 100;
    QTest::newRow("open cases, reference year, by reference") << QStringLiteral("tvp/2025/") << openStatuses()
                                                              << CaseQueueSort::Reference << false << 100;
    QTest::newRow("open cases, short words, by applicant") << QStringLiteral("sy") << openStatuses()
                                                           << CaseQueueSort::EnterpriseName << false << 100;
    QTest::newRow("open cases, long and short words") << QStringLiteral("雲端 erp") << openStatuses()
                                                      << CaseQueueSort::Submitted << true << 100;
    QTest::newRow("open cases, rare word") << QStringLiteral("florist") << openStatuses()
                                           << CaseQueueSort::Submitted << false << 100;
}

void TestCaseQueue::searchPagesAreTheQueueWithoutTheOtherCases()
{
    QFETCH(QString, text);
    QFETCH(QStringList, statuses);
    QFETCH(vd::CaseQueueSort, sort);
    QFETCH(bool, descending);
    QFETCH(int, pageSize);
    QSet<QString> found;
    for (const SearchHit &hit : ApplicationSearch(*m_workspace).find(text, Page{100000, 0}))
        found.insert(hit.applicationId);
    CaseQueueQuery query;
    query.asOf = kAsOf;
    query.filter.statuses = statuses;
    query.sort = sort;
    query.descending = descending;
    QStringList expected;
    for (const QString &id : allIds(query, 100000)) {
        if (found.contains(id))
            expected << id;
    }
    query.searchText = text;
    QCOMPARE(allIds(query, pageSize), expected);
}

void TestCaseQueue::countUpToStopsAtTheLimit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("statuses");
    QTest::newRow("all cases") << QString() << QStringList();
    QTest::newRow("one status") << QString() << QStringList{QStringLiteral("closed")};
    QTest::newRow("two statuses") << QString() << QStringList{QStringLiteral("closed"), QStringLiteral("withdrawn")};
    QTest::newRow("words alone") << QStringLiteral("tvp") << QStringList();
    QTest::newRow("words and a status") << QStringLiteral("tvp") << QStringList{QStringLiteral("closed")};
}

void TestCaseQueue::countUpToStopsAtTheLimit()
{
    QFETCH(QString, text);
    QFETCH(QStringList, statuses);
    CaseQueueQuery query;
    query.asOf = kAsOf;
    query.searchText = text;
    query.filter.statuses = statuses;
    const CaseQueue queue(*m_workspace);
    const qint64 all = queue.count(query);
    QVERIFY(all > 1);
    for (const qint64 limit : {qint64(1), all - 1, all, all + 1, qint64(100000)})
        QCOMPARE(queue.countUpTo(query, limit), std::min(all, limit));
}

void TestCaseQueue::overdueCasesAreThoseWithAnOverdueDeadline_data()
{
    // Days after the demo's "now" too: nothing has happened since, so every
    // clock still running falls due in turn.
    QTest::addColumn<QDate>("asOf");
    QTest::addColumn<int>("kindsAtLeast");
    QTest::newRow("the demo's day") << kAsOf << 0;
    QTest::newRow("a fortnight later") << QDate(2026, 12, 7) << 2;
    QTest::newRow("half a year later") << QDate(2027, 5, 31) << 2;
}

void TestCaseQueue::overdueCasesAreThoseWithAnOverdueDeadline()
{
    QFETCH(QDate, asOf);
    QFETCH(int, kindsAtLeast);
    // Each case's deadlines as the case page counts them, one case at a time.
    const QStringList watched{QStringLiteral("clarification_response"), QStringLiteral("vetting_decision"),
                              QStringLiteral("result_notice")};
    QSet<QString> expected;
    QSet<QString> kinds;
    for (const ApplicationSummary &summary : std::as_const(m_all)) {
        const CaseFile file = CaseFile::load(*m_workspace, summary.id, asOf);
        for (const CaseDeadline &deadline : file.deadlines) {
            if (deadline.state == QLatin1String("overdue") && watched.contains(deadline.kind)) {
                expected.insert(summary.id);
                kinds.insert(deadline.kind);
            }
        }
    }
    QVERIFY2(kinds.size() >= kindsAtLeast, qPrintable(QStringList(kinds.values()).join(u' ')));

    CaseQueueQuery query;
    query.asOf = asOf;
    query.overdueOnly = true;
    const QStringList ids = allIds(query);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()), expected);
    QCOMPARE(CaseQueue(*m_workspace).count(query), expected.size());

    // Every row of the whole queue says whether it is overdue.
    CaseQueueQuery everything;
    everything.asOf = asOf;
    QSet<QString> flagged;
    const QList<CaseQueueRow> rows = CaseQueue(*m_workspace).rows(everything, Page{1000, 0});
    for (const CaseQueueRow &row : rows) {
        if (row.overdue)
            flagged.insert(row.summary.id);
    }
    QCOMPARE(flagged, expected);
}

void TestCaseQueue::committeeOutcomeWithoutNoticeIsOverdueAfterTwoWorkingDays()
{
    // The demo always tells applicants in time; here a chair records an
    // outcome on a copy and no one writes.
    QTemporaryDir copy;
    QVERIFY(copy.isValid());
    const QString folder = m_workspace->folder();
    for (const QString &name : QDir(folder).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(folder).filePath(name), copy.filePath(name)));
    Workspace workspace(copy.path(), Workspace::Mode::OpenExisting);
    CaseQueueQuery assessed;
    assessed.filter.statuses = {QStringLiteral("committee_assessment")};
    const QList<CaseQueueRow> waiting = CaseQueue(workspace).rows(assessed, Page{50, 0});
    QVERIFY(!waiting.isEmpty());
    QList<User> chairs = UserRepository(workspace).withRole(QStringLiteral("committee_chair"));
    chairs.removeIf([](const User &user) { return !user.active; });
    QVERIFY(!chairs.isEmpty());
    CaseTransitions transitions(workspace);
    transitions.setTime(QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC)); // Monday, 09:00 in Hong Kong
    QString decided;
    for (const CaseQueueRow &row : waiting) {
        const TransitionResult result = transitions.apply(
            {row.summary.id, QStringLiteral("record_supported"), chairs.first().username, {}, std::nullopt});
        if (result.applied) {
            decided = row.summary.id;
            break;
        }
    }
    QVERIFY(!decided.isEmpty());

    // Due on Wednesday the 25th: overdue from Thursday.
    for (const auto &[day, late] : {std::pair{QDate(2026, 11, 25), false}, std::pair{QDate(2026, 11, 26), true}}) {
        const CaseFile file = CaseFile::load(workspace, decided, day);
        const bool noticeLate = std::any_of(file.deadlines.begin(), file.deadlines.end(), [](const CaseDeadline &d) {
            return d.kind == QLatin1String("result_notice") && d.state == QLatin1String("overdue");
        });
        QCOMPARE(noticeLate, late);
        CaseQueueQuery query;
        query.asOf = day;
        query.overdueOnly = true;
        query.filter.statuses = {QStringLiteral("supported")};
        QStringList ids;
        for (const CaseQueueRow &row : CaseQueue(workspace).rows(query, Page{1000, 0}))
            ids << row.summary.id;
        QCOMPARE(ids.contains(decided), late);
    }
}

void TestCaseQueue::sortsPageWithoutRepeatsOrGaps_data()
{
    QTest::addColumn<vd::CaseQueueSort>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<bool>("chinese");
    QTest::newRow("submitted") << CaseQueueSort::Submitted << false << false;
    QTest::newRow("submitted, newest first") << CaseQueueSort::Submitted << true << false;
    QTest::newRow("reference") << CaseQueueSort::Reference << false << false;
    QTest::newRow("status, descending") << CaseQueueSort::Status << true << false;
    QTest::newRow("enterprise in English") << CaseQueueSort::EnterpriseName << false << false;
    QTest::newRow("enterprise in Chinese") << CaseQueueSort::EnterpriseName << false << true;
    QTest::newRow("title in Chinese, descending") << CaseQueueSort::Title << true << true;
}

void TestCaseQueue::sortsPageWithoutRepeatsOrGaps()
{
    QFETCH(vd::CaseQueueSort, sort);
    QFETCH(bool, descending);
    QFETCH(bool, chinese);
    CaseQueueQuery query;
    query.asOf = kAsOf;
    query.sort = sort;
    query.descending = descending;
    query.chineseNames = chinese;

    QHash<QString, ApplicationSummary> byId;
    for (const ApplicationSummary &summary : std::as_const(m_all))
        byId.insert(summary.id, summary);
    const auto key = [&](const ApplicationSummary &s) {
        switch (sort) {
        case CaseQueueSort::Submitted:
            return s.submitted ? s.submitted->toString(Qt::ISODate) : QString();
        case CaseQueueSort::Reference:
            return s.reference;
        case CaseQueueSort::Status:
            return s.status;
        case CaseQueueSort::EnterpriseName:
            return chinese ? s.enterpriseName.zh : s.enterpriseName.en;
        case CaseQueueSort::Title:
            return chinese ? s.title.zh : s.title.en;
        }
        return QString();
    };
    const QStringList ids = allIds(query, 23);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), m_all.size());
    QCOMPARE(ids.size(), m_all.size());
    for (qsizetype i = 1; i < ids.size(); ++i) {
        const QString before = key(byId[ids[i - 1]]), after = key(byId[ids[i]]);
        const int order = descending ? -QString::compare(before, after) : QString::compare(before, after);
        QVERIFY2(order <= 0,
                 qPrintable(QStringLiteral("%1 then %2").arg(before, after)));
    }
}

QTEST_GUILESS_MAIN(TestCaseQueue)
#include "tst_casequeue.moc"
