// CaseTransitions: workflow actions applied to real cases in a real
// workspace, with the rules beyond the state machine, reference numbering,
// the approved grant, batches, and nothing written on a refusal.
#include "applicationrepository.h"
#include "audittrail.h"
#include "casetransitions.h"
#include "committeerepository.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "fundingrepository.h"
#include "language.h"
#include "outbox.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"

#include "rawconnection.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace vd;

namespace {

// 2 March 2026, 10:00 in Hong Kong.
const QDateTime kNow(QDate(2026, 3, 2), QTime(2, 0), Qt::UTC);

Quotation quotation(const char *supplier, qint64 dollars, bool selected)
{
    return {QString(), QString::fromLatin1(supplier), Money::fromDollars(dollars), selected, false};
}

BudgetItem item(const char *category, qint64 dollars, QList<Quotation> quotations)
{
    BudgetItem item;
    item.category = QString::fromLatin1(category);
    item.description = {QStringLiteral("Item"), QStringLiteral("項目")};
    item.amount = Money::fromDollars(dollars);
    item.quotations = std::move(quotations);
    return item;
}

// A workspace with two enterprises, their applicants and the staff. The
// application it makes passes the rules: HK$159,000 of eligible cost, a grant
// of HK$119,250 at 3/4 under TVP-2020-04.
class Programme
{
public:
    Programme() : workspace(std::make_unique<Workspace>(dir.path()))
    {
        UnitOfWork work(*workspace, QStringLiteral("setup"));
        wingFat = enterprise(work, QStringLiteral("Wing Fat Trading Ltd"), QStringLiteral("永發貿易有限公司"), QStringLiteral("31415926"));
        leeTat = enterprise(work, QStringLiteral("Lee Tat Engineering Ltd"), QStringLiteral("利達工程有限公司"), QStringLiteral("27182818"));
        user(work, QStringLiteral("alice"), QStringLiteral("applicant"), wingFat);
        user(work, QStringLiteral("bob"), QStringLiteral("applicant"), leeTat);
        officerId = user(work, QStringLiteral("officer"), QStringLiteral("secretariat"));
        user(work, QStringLiteral("retired"), QStringLiteral("secretariat"), QString(), false);
        user(work, QStringLiteral("chair"), QStringLiteral("committee_chair"));
        user(work, QStringLiteral("approver"), QStringLiteral("approving_officer"));
        user(work, QStringLiteral("conflicted"), QStringLiteral("approving_officer"), wingFat);
        work.commit();
    }

    Application draft(const QString &enterpriseId) const
    {
        Application application;
        application.enterpriseId = enterpriseId;
        application.title = {QStringLiteral("Cloud ERP"), QStringLiteral("雲端企業資源規劃")};
        application.solutionCategory = QStringLiteral("erp");
        application.start = QDate(2026, 6, 1);
        application.end = QDate(2027, 3, 31);
        application.items = {
            item("customised_software", 120000,
                 {quotation("Acme", 120000, true), quotation("Beta", 132000, false), quotation("Gamma", 144000, false)}),
            item("consultancy", 36000, {quotation("Kowloon", 36000, true), quotation("Harbour", 38500, false)}),
            item("audit_fee", 3000, {quotation("Lam CPA", 3000, true), quotation("Wong CPA", 3200, false)})};
        return application;
    }

    // Saves an application as it is (status, reference, grants), as if its history had happened.
    QString save(Application application)
    {
        UnitOfWork work(*workspace, QStringLiteral("setup"));
        ApplicationRepository(*workspace).save(work, application);
        work.commit();
        return application.id;
    }

    QString saveIn(const QString &status, const QString &reference, QDate submitted, const QString &enterpriseId)
    {
        Application application = draft(enterpriseId);
        application.status = status;
        application.reference = reference;
        application.submitted = submitted;
        return save(application);
    }

    void recommend(const QString &applicationId, std::optional<Money> grant)
    {
        UnitOfWork work(*workspace, QStringLiteral("setup"));
        CommitteeOutcome outcome;
        outcome.applicationId = applicationId;
        outcome.outcome = QStringLiteral("supported");
        outcome.recommendedGrant = grant;
        outcome.recordedAt = kNow.addDays(-7);
        CommitteeRepository(*workspace).save(work, outcome);
        work.commit();
    }

    Application application(const QString &id) const { return *ApplicationRepository(*workspace).find(id); }
    qint64 auditEntries() const { return AuditTrail(*workspace).count(); }
    qint64 outboxEntries() const { return Outbox(*workspace).pendingCount(); }

    CaseTransitions transitions() const
    {
        CaseTransitions transitions(*workspace);
        transitions.setTime(kNow);
        return transitions;
    }

    QTemporaryDir dir;
    std::unique_ptr<Workspace> workspace;
    QString wingFat, leeTat, officerId;

private:
    QString enterprise(UnitOfWork &work, const QString &en, const QString &zh, const QString &br)
    {
        Enterprise enterprise;
        enterprise.brNumber = br;
        enterprise.name = {en, zh};
        enterprise.entityType = QStringLiteral("company");
        enterprise.businessCommenced = QDate(2012, 4, 1);
        enterprise.employees = 18;
        enterprise.sector = QStringLiteral("wholesale_retail");
        EnterpriseRepository(*workspace).save(work, enterprise);
        return enterprise.id;
    }

    QString user(UnitOfWork &work, const QString &username, const QString &role, const QString &enterpriseId = {},
                 bool active = true)
    {
        User user;
        user.username = username;
        user.role = role;
        user.enterpriseId = enterpriseId;
        user.active = active;
        UserRepository(*workspace).save(work, user);
        return user.id;
    }
};

// Prepares a case in the programme and says who asks for what on it.
using Scenario = std::function<TransitionRequest(Programme &)>;

TransitionRequest request(const QString &caseKey, const char *action, const char *username, const char *reason = "")
{
    return {caseKey, QString::fromLatin1(action), QString::fromLatin1(username), QString::fromUtf8(reason), std::nullopt};
}

} // namespace

Q_DECLARE_METATYPE(Scenario)
Q_DECLARE_METATYPE(std::optional<qint64>)

class CaseTransitionsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::apply(QStringLiteral("en")); }

    void firstSubmissionGetsTheNextReferenceOfItsYear_data();
    void firstSubmissionGetsTheNextReferenceOfItsYear();
    void anAppliedActionWritesStatusHistoryAuditAndOutboxTogether();
    void refusesWithACodeAndAReasonAndWritesNothing_data();
    void refusesWithACodeAndAReasonAndWritesNothing();
    void refusalsSpeakTheLanguageAsked();
    void approvalTakesTheCommitteeGrantNeverAboveTheRules_data();
    void approvalTakesTheCommitteeGrantNeverAboveTheRules();
    void startingScreeningMakesTheOfficerTheCaseOfficer();
    void unknownUserActionOrCaseIsAnError_data();
    void unknownUserActionOrCaseIsAnError();
    void batchAppliesEachCaseOnItsOwnAndSummarises();
    void batchWithAnUnknownCaseChangesNothing();
};

void CaseTransitionsTest::firstSubmissionGetsTheNextReferenceOfItsYear_data()
{
    QTest::addColumn<QStringList>("existing");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QDate>("submitted");

    const QDate march2 = kNow.date();
    QTest::newRow("first of the year") << QStringList{} << kNow << "TVP/2026/00001" << march2;
    QTest::newRow("after the last one") << QStringList{QStringLiteral("TVP/2026/00041"), QStringLiteral("TVP/2026/00007")}
                                        << kNow << "TVP/2026/00042" << march2;
    QTest::newRow("other years do not count") << QStringList{QStringLiteral("TVP/2025/00099"), QStringLiteral("TVP/2027/00003")}
                                              << kNow << "TVP/2026/00001" << march2;
    QTest::newRow("a gap is not reused") << QStringList{QStringLiteral("TVP/2026/00003"), QStringLiteral("TVP/2026/00010")}
                                         << kNow << "TVP/2026/00011" << march2;
    QTest::newRow("past five digits") << QStringList{QStringLiteral("TVP/2026/99999")} << kNow << "TVP/2026/100000" << march2;
    // 31 December 17:30 UTC is 1 January 01:30 in Hong Kong.
    QTest::newRow("the year in Hong Kong")
        << QStringList{QStringLiteral("TVP/2026/00500")} << QDateTime(QDate(2026, 12, 31), QTime(17, 30), Qt::UTC)
        << "TVP/2027/00001" << QDate(2027, 1, 1);
}

void CaseTransitionsTest::firstSubmissionGetsTheNextReferenceOfItsYear()
{
    QFETCH(QStringList, existing);
    QFETCH(QDateTime, at);
    QFETCH(QString, reference);
    QFETCH(QDate, submitted);

    Programme programme;
    for (const QString &taken : existing)
        programme.saveIn(QStringLiteral("closed"), taken, QDate(2020, 1, 1), programme.leeTat);
    Application draft = programme.draft(programme.wingFat);
    draft.start = submitted.addMonths(2);
    draft.end = draft.start.addMonths(10);
    const QString id = programme.save(draft);

    CaseTransitions transitions = programme.transitions();
    transitions.setTime(at);
    const TransitionResult result = transitions.apply(request(id, "submit", "alice"));
    QVERIFY2(result.applied, qPrintable(result.reason));
    QCOMPARE(result.reference, reference);
    const Application stored = programme.application(id);
    QCOMPARE(stored.reference, reference);
    QCOMPARE(stored.submitted, std::optional<QDate>(submitted));
    QCOMPARE(stored.status, QStringLiteral("submitted"));
}

void CaseTransitionsTest::anAppliedActionWritesStatusHistoryAuditAndOutboxTogether()
{
    Programme programme;
    const QString id = programme.saveIn(QStringLiteral("screening"), QStringLiteral("TVP/2026/00001"), QDate(2026, 2, 2),
                                        programme.wingFat);
    const qint64 revision = programme.application(id).revision;
    const qint64 audit = programme.auditEntries();
    const qint64 outbox = programme.outboxEntries();

    const TransitionResult result =
        programme.transitions().apply(request(QStringLiteral("TVP/2026/00001"), "return_ineligible", "officer",
                                              "  The applicant is a listed company.  "));
    QVERIFY2(result.applied, qPrintable(result.reason));
    QCOMPARE(result.fromStatus, QStringLiteral("screening"));
    QCOMPARE(result.toStatus, QStringLiteral("returned"));
    QVERIFY(result.refusalCode.isEmpty());

    const Application stored = programme.application(id);
    QCOMPARE(stored.status, QStringLiteral("returned"));
    QCOMPARE(stored.revision, revision + 1);
    const QList<StatusChange> history = ApplicationRepository(*programme.workspace).statusChanges(id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().action, QStringLiteral("return_ineligible"));
    QCOMPARE(history.first().fromStatus, QStringLiteral("screening"));
    QCOMPARE(history.first().toStatus, QStringLiteral("returned"));
    QCOMPARE(history.first().actorId, programme.officerId);
    QCOMPARE(history.first().at, kNow);
    QCOMPARE(history.first().reason, QStringLiteral("The applicant is a listed company."));

    // One audit entry and one outbox entry each for the application and its status change.
    QCOMPARE(programme.auditEntries(), audit + 2);
    QCOMPARE(programme.outboxEntries(), outbox + 2);
    const QList<AuditEntry> entries = AuditTrail(*programme.workspace).after(audit, 10);
    QCOMPARE(entries.size(), 2);
    for (const AuditEntry &entry : entries) {
        QCOMPARE(entry.action, QStringLiteral("return_ineligible"));
        QCOMPARE(entry.actorId, programme.officerId);
    }
    QCOMPARE(entries[0].entityId, id);
    QCOMPARE(entries[1].entityType, QStringLiteral("status_change"));
    QVERIFY(verifyAuditChain(*programme.workspace).intact);
}

void CaseTransitionsTest::refusesWithACodeAndAReasonAndWritesNothing_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("findings");

    const auto submitted = [](Programme &p) {
        return p.saveIn(QStringLiteral("submitted"), QStringLiteral("TVP/2026/00001"), QDate(2026, 2, 2), p.wingFat);
    };
    const auto supported = [](Programme &p) {
        return p.saveIn(QStringLiteral("supported"), QStringLiteral("TVP/2026/00001"), QDate(2026, 1, 5), p.wingFat);
    };

    QTest::newRow("inactive account") << Scenario([=](Programme &p) {
        return request(submitted(p), "start_screening", "retired");
    }) << "USER_INACTIVE" << QStringList{};
    QTest::newRow("a revision read before a change") << Scenario([=](Programme &p) {
        TransitionRequest r = request(submitted(p), "start_screening", "officer");
        r.revision = 0;
        return r;
    }) << "STALE_REVISION" << QStringList{};
    QTest::newRow("a status the scheme does not know") << Scenario([](Programme &p) {
        return request(p.saveIn(QStringLiteral("pondering"), QStringLiteral("TVP/2026/00001"), QDate(2026, 2, 2), p.wingFat),
                       "start_screening", "officer");
    }) << "UNKNOWN_STATUS" << QStringList{};
    QTest::newRow("status is final") << Scenario([](Programme &p) {
        return request(p.saveIn(QStringLiteral("withdrawn"), QStringLiteral("TVP/2026/00001"), QDate(2026, 2, 2), p.wingFat),
                       "start_screening", "officer");
    }) << "STATUS_IS_TERMINAL" << QStringList{};
    QTest::newRow("action not available in the status") << Scenario([=](Programme &p) {
        return request(submitted(p), "approve", "approver");
    }) << "ACTION_NOT_AVAILABLE_IN_STATUS" << QStringList{};
    QTest::newRow("role not permitted") << Scenario([=](Programme &p) {
        return request(submitted(p), "start_screening", "alice");
    }) << "ROLE_NOT_PERMITTED" << QStringList{};
    QTest::newRow("reason required") << Scenario([=](Programme &p) {
        return request(submitted(p), "return_ineligible", "officer", " \t ");
    }) << "REASON_REQUIRED" << QStringList{};
    QTest::newRow("another enterprise's case") << Scenario([=](Programme &p) {
        return request(submitted(p), "withdraw", "bob");
    }) << "NOT_OWN_ENTERPRISE" << QStringList{};
    QTest::newRow("approving one's own enterprise") << Scenario([=](Programme &p) {
        return request(supported(p), "approve", "conflicted");
    }) << "CONFLICT_OF_INTEREST" << QStringList{};
    QTest::newRow("submission with too few quotations") << Scenario([](Programme &p) {
        Application draft = p.draft(p.wingFat);
        draft.items[0].quotations.removeLast();
        return request(p.save(draft), "submit", "alice");
    }) << "RULES_NOT_MET" << QStringList{QStringLiteral("QUOTATIONS_INSUFFICIENT")};
    QTest::newRow("submission while another case is open") << Scenario([](Programme &p) {
        p.saveIn(QStringLiteral("in_progress"), QStringLiteral("TVP/2025/00007"), QDate(2025, 3, 3), p.wingFat);
        return request(p.save(p.draft(p.wingFat)), "submit", "alice");
    }) << "RULES_NOT_MET" << QStringList{QStringLiteral("PREVIOUS_APPLICATION_OPEN")};
    QTest::newRow("approval when the cap is used up") << Scenario([=](Programme &p) {
        Application earlier = p.draft(p.wingFat);
        earlier.status = QStringLiteral("closed");
        earlier.reference = QStringLiteral("TVP/2024/00003");
        earlier.submitted = QDate(2024, 1, 3);
        earlier.approvedGrant = Money::fromDollars(600000);
        p.save(earlier);
        return request(supported(p), "approve", "approver");
    }) << "RULES_NOT_MET" << QStringList{QStringLiteral("CAP_EXHAUSTED")};
}

void CaseTransitionsTest::refusesWithACodeAndAReasonAndWritesNothing()
{
    QFETCH(Scenario, scenario);
    QFETCH(QString, code);
    QFETCH(QStringList, findings);

    Programme programme;
    const TransitionRequest asked = scenario(programme);
    const Application before = programme.application(asked.caseKey);
    const qint64 audit = programme.auditEntries();
    const qint64 outbox = programme.outboxEntries();

    const TransitionResult result = programme.transitions().apply(asked);
    QVERIFY(!result.applied);
    QCOMPARE(result.refusalCode, code);
    QVERIFY(!result.reason.trimmed().isEmpty());
    QStringList found;
    for (const Finding &finding : result.findings)
        found << finding.code;
    QCOMPARE(found, findings);

    QCOMPARE(programme.application(before.id), before);
    QCOMPARE(programme.auditEntries(), audit);
    QCOMPARE(programme.outboxEntries(), outbox);
    QVERIFY(ApplicationRepository(*programme.workspace).statusChanges(before.id).isEmpty());
}

void CaseTransitionsTest::refusalsSpeakTheLanguageAsked()
{
    Programme programme;
    const QString id = programme.saveIn(QStringLiteral("submitted"), QStringLiteral("TVP/2026/00001"), QDate(2026, 2, 2),
                                        programme.wingFat);
    CaseTransitions transitions = programme.transitions();
    const TransitionRequest asked = request(id, "start_screening", "alice");
    const TransitionResult english = transitions.apply(asked, Language::localeFor(QStringLiteral("en")));
    const TransitionResult chinese = transitions.apply(asked, Language::localeFor(QStringLiteral("zh_HK")));
    QVERIFY2(english.reason.contains(QStringLiteral("Start screening")), qPrintable(english.reason));
    QVERIFY2(chinese.reason.contains(QStringLiteral("開始初步審查")), qPrintable(chinese.reason));
    QVERIFY2(chinese.reason.contains(QStringLiteral("已遞交")), qPrintable(chinese.reason));
}

void CaseTransitionsTest::approvalTakesTheCommitteeGrantNeverAboveTheRules_data()
{
    QTest::addColumn<std::optional<qint64>>("recommended");
    QTest::addColumn<qint64>("usedBefore");   // grants of the enterprise's earlier projects
    QTest::addColumn<qint64>("grant");

    QTest::newRow("no recommendation: the rules' grant") << std::optional<qint64>() << qint64(0) << qint64(119250);
    QTest::newRow("the committee's lower grant") << std::optional<qint64>(100000) << qint64(0) << qint64(100000);
    QTest::newRow("a recommendation above the rules") << std::optional<qint64>(150000) << qint64(0) << qint64(119250);
    QTest::newRow("what is left of the cap") << std::optional<qint64>(119250) << qint64(550000) << qint64(50000);
}

void CaseTransitionsTest::approvalTakesTheCommitteeGrantNeverAboveTheRules()
{
    QFETCH(std::optional<qint64>, recommended);
    QFETCH(qint64, usedBefore);
    QFETCH(qint64, grant);

    Programme programme;
    if (usedBefore > 0) {
        Application earlier = programme.draft(programme.wingFat);
        earlier.status = QStringLiteral("closed");
        earlier.reference = QStringLiteral("TVP/2023/00009");
        earlier.submitted = QDate(2023, 4, 4);
        earlier.approvedGrant = Money::fromDollars(usedBefore);
        programme.save(earlier);
    }
    const QString id = programme.saveIn(QStringLiteral("supported"), QStringLiteral("TVP/2026/00001"), QDate(2026, 1, 5),
                                        programme.wingFat);
    programme.recommend(id, recommended ? std::optional<Money>(Money::fromDollars(*recommended)) : std::nullopt);

    const TransitionResult result = programme.transitions().apply(request(id, "approve", "approver"));
    QVERIFY2(result.applied, qPrintable(result.reason));
    QCOMPARE(result.approvedGrant, std::optional<Money>(Money::fromDollars(grant)));
    QCOMPARE(programme.application(id).approvedGrant, std::optional<Money>(Money::fromDollars(grant)));
    const QList<Approval> approvals = FundingRepository(*programme.workspace).forApplication<Approval>(id);
    QCOMPARE(approvals.size(), 1);
    QCOMPARE(approvals.first().approvedGrant, Money::fromDollars(grant));
    QCOMPARE(approvals.first().approvedAt, kNow);
}

void CaseTransitionsTest::startingScreeningMakesTheOfficerTheCaseOfficer()
{
    Programme programme;
    const QString unassigned = programme.saveIn(QStringLiteral("submitted"), QStringLiteral("TVP/2026/00001"),
                                                QDate(2026, 2, 2), programme.wingFat);
    Application assigned = programme.draft(programme.leeTat);
    assigned.status = QStringLiteral("submitted");
    assigned.reference = QStringLiteral("TVP/2026/00002");
    assigned.submitted = QDate(2026, 2, 2);
    assigned.caseOfficerId = QStringLiteral("someone-else");
    const QString assignedId = programme.save(assigned);

    const TransitionBatch batch = programme.transitions().applyToEach(
        {QStringLiteral("TVP/2026/00001"), QStringLiteral("TVP/2026/00002")}, QStringLiteral("start_screening"),
        QStringLiteral("officer"), QString());
    QCOMPARE(batch.appliedCount(), 2);
    QCOMPARE(programme.application(unassigned).caseOfficerId, programme.officerId);
    QCOMPARE(programme.application(assignedId).caseOfficerId, QStringLiteral("someone-else"));
}

void CaseTransitionsTest::unknownUserActionOrCaseIsAnError_data()
{
    QTest::addColumn<QString>("caseKey");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");

    QTest::newRow("unknown user") << "TVP/2026/00001" << "start_screening" << "nobody" << "UNKNOWN_USER" << "nobody";
    QTest::newRow("unknown action") << "TVP/2026/00001" << "fly" << "officer" << "UNKNOWN_ACTION" << "fly";
    QTest::newRow("unknown case") << "TVP/1999/00001" << "start_screening" << "officer" << "NOT_FOUND" << "TVP/1999/00001";
}

void CaseTransitionsTest::unknownUserActionOrCaseIsAnError()
{
    QFETCH(QString, caseKey);
    QFETCH(QString, action);
    QFETCH(QString, username);
    QFETCH(QString, code);
    QFETCH(QString, where);

    Programme programme;
    programme.saveIn(QStringLiteral("submitted"), QStringLiteral("TVP/2026/00001"), QDate(2026, 2, 2), programme.wingFat);
    const qint64 audit = programme.auditEntries();
    try {
        programme.transitions().apply({caseKey, action, username, QString(), std::nullopt});
        QFAIL("no error");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), code);
        QCOMPARE(error.where(), where);
        QVERIFY(!error.message().isEmpty());
    }
    QCOMPARE(programme.auditEntries(), audit);
}

void CaseTransitionsTest::batchAppliesEachCaseOnItsOwnAndSummarises()
{
    Programme programme;
    programme.saveIn(QStringLiteral("submitted"), QStringLiteral("TVP/2026/00001"), QDate(2026, 2, 2), programme.wingFat);
    const QString draft = programme.save(programme.draft(programme.leeTat));
    programme.saveIn(QStringLiteral("submitted"), QStringLiteral("TVP/2026/00002"), QDate(2026, 2, 3), programme.leeTat);
    const qint64 audit = programme.auditEntries();

    // The first case is named twice (by reference, then again): it is taken once.
    const TransitionBatch batch = programme.transitions().applyToEach(
        {QStringLiteral("TVP/2026/00001"), draft, QStringLiteral("TVP/2026/00002"), QStringLiteral("TVP/2026/00001")},
        QStringLiteral("start_screening"), QStringLiteral("officer"), QString());
    QCOMPARE(batch.results.size(), 3);
    QCOMPARE(batch.appliedCount(), 2);
    QCOMPARE(batch.refusedCount(), 1);
    QCOMPARE(batch.results[0].caseKey, QStringLiteral("TVP/2026/00001"));
    QVERIFY(batch.results[0].applied);
    QCOMPARE(batch.results[1].caseKey, draft);
    QVERIFY(!batch.results[1].applied);
    QCOMPARE(batch.results[1].refusalCode, QStringLiteral("ACTION_NOT_AVAILABLE_IN_STATUS"));
    QVERIFY(!batch.results[1].reason.isEmpty());
    QVERIFY(batch.results[2].applied);
    QCOMPARE(batch.results[2].toStatus, QStringLiteral("screening"));
    QCOMPARE(programme.application(draft).status, QStringLiteral("draft"));
    QCOMPARE(programme.auditEntries(), audit + 4);
}

void CaseTransitionsTest::batchWithAnUnknownCaseChangesNothing()
{
    Programme programme;
    programme.saveIn(QStringLiteral("submitted"), QStringLiteral("TVP/2026/00001"), QDate(2026, 2, 2), programme.wingFat);
    const qint64 audit = programme.auditEntries();
    try {
        programme.transitions().applyToEach({QStringLiteral("TVP/2026/00001"), QStringLiteral("TVP/2026/00404")},
                                            QStringLiteral("start_screening"), QStringLiteral("officer"), QString());
        QFAIL("no error");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(error.where(), QStringLiteral("TVP/2026/00404"));
    }
    QCOMPARE(programme.auditEntries(), audit);
    QCOMPARE(ApplicationRepository(*programme.workspace).findByReference(QStringLiteral("TVP/2026/00001"))->status,
             QStringLiteral("submitted"));
}

QTEST_GUILESS_MAIN(CaseTransitionsTest)
#include "tst_casetransitions.moc"
