#include "applicationrepository.h"
#include "caseworkrepository.h"
#include "enterpriserepository.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vd;

namespace {

const QString kOfficerOne = QStringLiteral("officer-1");
const QString kOfficerTwo = QStringLiteral("officer-2");

Enterprise enterprise(const QString &label, const QString &br, const QString &sector)
{
    Enterprise e;
    e.id = QStringLiteral("enterprise-") + label;
    e.brNumber = br;
    e.name = {QStringLiteral("Enterprise ") + label, QStringLiteral("企業") + label};
    e.sector = sector;
    return e;
}

struct Case
{
    QString label;
    QString enterprise;
    QString status;
    QString solution;
    QString officer;
    QString submitted;      // empty for a draft
    QString reference;
    qint64 totalDollars;
    std::optional<qint64> approvedDollars;
    std::optional<qint64> finalDollars;
};

Application application(const Case &c)
{
    Application a;
    a.id = QStringLiteral("application-") + c.label;
    a.title = {c.label, QString()};
    a.enterpriseId = QStringLiteral("enterprise-") + c.enterprise;
    a.status = c.status;
    a.solutionCategory = c.solution;
    a.caseOfficerId = c.officer;
    a.reference = c.reference;
    if (!c.submitted.isEmpty())
        a.submitted = QDate::fromString(c.submitted, Qt::ISODate);
    BudgetItem first;
    first.category = QStringLiteral("consultancy");
    first.amount = Money::fromDollars(c.totalDollars - 1000);
    BudgetItem second;
    second.category = QStringLiteral("training");
    second.amount = Money::fromDollars(1000);
    a.items = {first, second};
    if (c.approvedDollars)
        a.approvedGrant = Money::fromDollars(*c.approvedDollars);
    if (c.finalDollars)
        a.finalGrant = Money::fromDollars(*c.finalDollars);
    return a;
}

ClarificationRequest clarification(const QString &label, const QString &due, bool answered)
{
    ClarificationRequest request;
    request.applicationId = QStringLiteral("application-") + label;
    request.question = QStringLiteral("Please send the quotations.");
    request.dueOn = QDate::fromString(due, Qt::ISODate);
    if (answered)
        request.answeredAt = QDateTime(request.dueOn.addDays(-2), QTime(10, 0), Qt::UTC);
    return request;
}

QStringList names(const char *spaced)
{
    return QString::fromLatin1(spaced).split(u' ', Qt::SkipEmptyParts);
}

QStringList labels(const QList<ApplicationSummary> &summaries)
{
    QStringList result;
    for (const ApplicationSummary &summary : summaries)
        result << summary.title.en;
    return result;
}

} // namespace

Q_DECLARE_METATYPE(ApplicationFilter)
Q_DECLARE_METATYPE(ApplicationOrder)
Q_DECLARE_METATYPE(Page)

class ApplicationRepositoryTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void filtersTheCaseQueue_data();
    void filtersTheCaseQueue();
    void ordersAndPages_data();
    void ordersAndPages();
    void countsAndSumsByStatus();
    void summarisesInTheOrderAsked();
    void findsByReference();
    void givesAnEnterpriseItsHistoryAndRelations();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void ApplicationRepositoryTest::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = std::make_unique<Workspace>(m_dir->path());
    UnitOfWork work(*m_workspace, QStringLiteral("tester"));
    EnterpriseRepository enterprises(*m_workspace);
    for (Enterprise e : {enterprise(QStringLiteral("E1"), QStringLiteral("11111111"), QStringLiteral("wholesale_retail")),
                         enterprise(QStringLiteral("E2"), QStringLiteral("22222222"), QStringLiteral("education")),
                         enterprise(QStringLiteral("E3"), QStringLiteral("33333333"), QStringLiteral("engineering"))})
        enterprises.save(work, e);
    EnterpriseRelation relation{{}, QStringLiteral("enterprise-E1"), QStringLiteral("enterprise-E3"),
                                Percentage::fromHundredths(4000)};
    enterprises.save(work, relation);
    ApplicationRepository applications(*m_workspace);
    const QList<Case> cases{
        {QStringLiteral("A1"), QStringLiteral("E1"), QStringLiteral("screening"), QStringLiteral("erp"), kOfficerOne,
         QStringLiteral("2026-01-10"), QStringLiteral("TVP/2026/00001"), 100000, {}, {}},
        {QStringLiteral("A2"), QStringLiteral("E2"), QStringLiteral("clarification_requested"), QStringLiteral("pos"),
         kOfficerOne, QStringLiteral("2026-02-01"), QStringLiteral("TVP/2026/00002"), 50000, {}, {}},
        {QStringLiteral("A3"), QStringLiteral("E1"), QStringLiteral("approved"), QStringLiteral("erp"), kOfficerTwo,
         QStringLiteral("2026-02-20"), QStringLiteral("TVP/2026/00003"), 100000, 75000, {}},
        {QStringLiteral("A4"), QStringLiteral("E3"), QStringLiteral("closed"), QStringLiteral("inventory"), kOfficerTwo,
         QStringLiteral("2025-06-01"), QStringLiteral("TVP/2025/00004"), 200000, 150000, 142500},
        {QStringLiteral("A5"), QStringLiteral("E2"), QStringLiteral("draft"), QStringLiteral("erp"), QString(), QString(),
         QString(), 30000, {}, {}},
        {QStringLiteral("A6"), QStringLiteral("E3"), QStringLiteral("clarification_requested"), QStringLiteral("erp"),
         kOfficerOne, QStringLiteral("2026-03-01"), QStringLiteral("TVP/2026/00006"), 80000, {}, {}},
    };
    for (const Case &c : cases) {
        Application a = application(c);
        applications.save(work, a);
    }
    CaseworkRepository casework(*m_workspace);
    for (ClarificationRequest request : {clarification(QStringLiteral("A2"), QStringLiteral("2026-02-15"), false),
                                         clarification(QStringLiteral("A6"), QStringLiteral("2026-03-05"), true),
                                         clarification(QStringLiteral("A6"), QStringLiteral("2026-03-20"), false)})
        casework.save(work, request);
    work.commit();
}

void ApplicationRepositoryTest::cleanupTestCase()
{
    m_workspace.reset();
    m_dir.reset();
}

void ApplicationRepositoryTest::filtersTheCaseQueue_data()
{
    QTest::addColumn<ApplicationFilter>("filter");
    QTest::addColumn<QStringList>("expected");
    const auto filter = [](auto change) {
        ApplicationFilter f;
        change(f);
        return f;
    };
    const auto date = [](const char *text) { return QDate::fromString(QLatin1String(text), Qt::ISODate); };
    QTest::newRow("everything, drafts first") << ApplicationFilter()
                                              << names("A5 A4 A1 A2 A3 A6");
    QTest::newRow("one status") << filter([](ApplicationFilter &f) { f.statuses = {QStringLiteral("clarification_requested")}; })
                                << names("A2 A6");
    QTest::newRow("two statuses") << filter([](ApplicationFilter &f) {
        f.statuses = {QStringLiteral("screening"), QStringLiteral("approved")};
    }) << names("A1 A3");
    QTest::newRow("sector of the enterprise") << filter([](ApplicationFilter &f) { f.sector = QStringLiteral("education"); })
                                              << names("A5 A2");
    QTest::newRow("solution category") << filter([](ApplicationFilter &f) { f.solutionCategory = QStringLiteral("erp"); })
                                       << names("A5 A1 A3 A6");
    QTest::newRow("case officer") << filter([](ApplicationFilter &f) { f.caseOfficerId = kOfficerOne; })
                                  << names("A1 A2 A6");
    QTest::newRow("enterprise") << filter([](ApplicationFilter &f) { f.enterpriseId = QStringLiteral("enterprise-E3"); })
                                << names("A4 A6");
    QTest::newRow("submitted in February, both ends included") << filter([&](ApplicationFilter &f) {
        f.submittedFrom = date("2026-02-01");
        f.submittedTo = date("2026-02-20");
    }) << names("A2 A3");
    QTest::newRow("submitted from a day") << filter([&](ApplicationFilter &f) { f.submittedFrom = date("2026-02-20"); })
                                          << names("A3 A6");
    QTest::newRow("clarification overdue") << filter([&](ApplicationFilter &f) { f.clarificationOverdueOn = date("2026-03-01"); })
                                           << names("A2");
    QTest::newRow("answered clarifications are never overdue") << filter([&](ApplicationFilter &f) {
        f.clarificationOverdueOn = date("2026-03-10");
    }) << names("A2");
    QTest::newRow("later, both overdue") << filter([&](ApplicationFilter &f) { f.clarificationOverdueOn = date("2026-03-21"); })
                                         << names("A2 A6");
    QTest::newRow("sector and status together") << filter([](ApplicationFilter &f) {
        f.sector = QStringLiteral("wholesale_retail");
        f.statuses = {QStringLiteral("approved")};
    }) << names("A3");
    QTest::newRow("nothing matches") << filter([](ApplicationFilter &f) { f.caseOfficerId = QStringLiteral("nobody"); })
                                     << QStringList();
}

void ApplicationRepositoryTest::filtersTheCaseQueue()
{
    QFETCH(ApplicationFilter, filter);
    QFETCH(QStringList, expected);
    ApplicationRepository applications(*m_workspace);
    QCOMPARE(labels(applications.list(filter, Page{100, 0})), expected);
    QCOMPARE(applications.count(filter), expected.size());
}

void ApplicationRepositoryTest::ordersAndPages_data()
{
    QTest::addColumn<ApplicationOrder>("order");
    QTest::addColumn<Page>("page");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("oldest first, second page") << ApplicationOrder::SubmittedOldestFirst << Page{2, 2}
                                               << names("A1 A2");
    QTest::newRow("newest first") << ApplicationOrder::SubmittedNewestFirst << Page{3, 0}
                                  << names("A6 A3 A2");
    QTest::newRow("by reference, drafts first") << ApplicationOrder::Reference << Page{10, 0}
                                                << names("A5 A4 A1 A2 A3 A6");
    QTest::newRow("past the end") << ApplicationOrder::Reference << Page{10, 6} << QStringList();
}

void ApplicationRepositoryTest::ordersAndPages()
{
    QFETCH(ApplicationOrder, order);
    QFETCH(Page, page);
    QFETCH(QStringList, expected);
    QCOMPARE(labels(ApplicationRepository(*m_workspace).list({}, page, order)), expected);
}

void ApplicationRepositoryTest::countsAndSumsByStatus()
{
    const QList<StatusCount> counts = ApplicationRepository(*m_workspace).countByStatus();
    const QList<StatusCount> expected{
        {QStringLiteral("approved"), 1, Money::fromDollars(100000), Money::fromDollars(75000)},
        {QStringLiteral("clarification_requested"), 2, Money::fromDollars(130000), Money()},
        {QStringLiteral("closed"), 1, Money::fromDollars(200000), Money::fromDollars(150000)},
        {QStringLiteral("draft"), 1, Money::fromDollars(30000), Money()},
        {QStringLiteral("screening"), 1, Money::fromDollars(100000), Money()},
    };
    QCOMPARE(counts, expected);
    ApplicationFilter officerTwo;
    officerTwo.caseOfficerId = kOfficerTwo;
    QCOMPARE(ApplicationRepository(*m_workspace).countByStatus(officerTwo).size(), 2);
}

void ApplicationRepositoryTest::summarisesInTheOrderAsked()
{
    const QList<ApplicationSummary> summaries = ApplicationRepository(*m_workspace).summaries(
        {QStringLiteral("application-A3"), QStringLiteral("missing"), QStringLiteral("application-A1")});
    QCOMPARE(labels(summaries), names("A3 A1"));
    const ApplicationSummary &a3 = summaries.first();
    QCOMPARE(a3.reference, QStringLiteral("TVP/2026/00003"));
    QCOMPARE(a3.status, QStringLiteral("approved"));
    QCOMPARE(a3.enterpriseName.zh, QStringLiteral("企業E1"));
    QCOMPARE(a3.sector, QStringLiteral("wholesale_retail"));
    QCOMPARE(a3.totalCost, Money::fromDollars(100000));
    QCOMPARE(a3.approvedGrant, std::optional<Money>(Money::fromDollars(75000)));
    QCOMPARE(a3.submitted, std::optional<QDate>(QDate(2026, 2, 20)));
    QCOMPARE(a3.revision, 1);
    QVERIFY(a3.updatedAt.isValid());
}

void ApplicationRepositoryTest::findsByReference()
{
    const std::optional<Application> found =
        ApplicationRepository(*m_workspace).findByReference(QStringLiteral("TVP/2025/00004"));
    QVERIFY(found);
    QCOMPARE(found->title.en, QStringLiteral("A4"));
    QCOMPARE(found->items.size(), 2);
    QCOMPARE(found->totalCost(), Money::fromDollars(200000));
}

void ApplicationRepositoryTest::givesAnEnterpriseItsHistoryAndRelations()
{
    EnterpriseRepository enterprises(*m_workspace);
    const QList<ApplicationHistoryEntry> history = enterprises.history(QStringLiteral("enterprise-E3"));
    const QList<ApplicationHistoryEntry> expected{
        {QStringLiteral("TVP/2025/00004"), QDate(2025, 6, 1), QStringLiteral("closed"), Money::fromDollars(150000),
         Money::fromDollars(142500)},
        {QStringLiteral("TVP/2026/00006"), QDate(2026, 3, 1), QStringLiteral("clarification_requested"), Money(),
         std::nullopt},
    };
    QCOMPARE(history, expected);
    QCOMPARE(enterprises.history(QStringLiteral("enterprise-E2")).size(), 1); // the draft has no reference
    const QList<RelatedEnterprise> related = enterprises.relatedEnterprises(QStringLiteral("enterprise-E1"));
    QCOMPARE(related.size(), 1);
    QCOMPARE(related.first().brNumber, QStringLiteral("33333333"));
    QCOMPARE(related.first().commonOwnership, Percentage::fromHundredths(4000));
    QCOMPARE(related.first().history, expected);
    QCOMPARE(enterprises.relatedEnterprises(QStringLiteral("enterprise-E3")).first().brNumber, QStringLiteral("11111111"));
}

QTEST_GUILESS_MAIN(ApplicationRepositoryTest)
#include "tst_applicationrepository.moc"
