// Clarifications: asking and answering on a real demo workspace; who may,
// until when, what is refused, and that each call writes the request, its
// letter and their audit entries together or nothing.
#include "audittrail.h"
#include "caseworkrepository.h"
#include "clarifications.h"
#include "domainerror.h"
#include "language.h"

#include "demodesk.h"

#include <QTest>

using namespace vd;

namespace {

QDate today()
{
    return HolidayCalendar::hongKong().localDate(QDateTime::currentDateTimeUtc());
}

} // namespace

class ClarificationsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void askWritesTheRequestAndItsLetter();
    void askRefuses_data();
    void askRefuses();
    void answerWritesTheAnswerAndItsLetter();
    void answerRefuses_data();
    void answerRefuses();
    void defaultDueDateFollowsTheScheme();

private:
    // Each test (and each row) asks on a case of its own.
    Application screeningCase(int index) const { return test::caseIn(*m_workspace, QStringLiteral("screening"), index); }
    User officer() const { return test::staff(*m_workspace, QStringLiteral("secretariat")); }

    std::unique_ptr<test::DemoDesk> m_demo;
    Workspace *m_workspace = nullptr;
};

void ClarificationsTest::initTestCase()
{
    Language::apply(QStringLiteral("en"));
    m_demo = std::make_unique<test::DemoDesk>();
    m_workspace = &m_demo->workspace();
}

void ClarificationsTest::askWritesTheRequestAndItsLetter()
{
    const Application application = screeningCase(0);
    const qint64 entriesBefore = AuditTrail(*m_workspace).count();
    const ClarificationRequest asked =
        Clarifications(*m_workspace).ask(officer(), application.id, QStringLiteral("  Which POS model?  "), today().addDays(7));

    CaseworkRepository casework(*m_workspace);
    QCOMPARE(casework.find<ClarificationRequest>(asked.id)->question, QStringLiteral("Which POS model?"));
    QCOMPARE(casework.find<ClarificationRequest>(asked.id)->askedBy, officer().id);
    const CorrespondenceEntry letter = casework.forApplication<CorrespondenceEntry>(application.id).last();
    QCOMPARE(letter.clarificationId, asked.id);
    QCOMPARE(letter.direction, QStringLiteral("outgoing"));
    QCOMPARE(letter.body, QStringLiteral("Which POS model?"));
    QCOMPARE(AuditTrail(*m_workspace).count(), entriesBefore + 2);
}

void ClarificationsTest::askRefuses_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("question");
    QTest::addColumn<int>("dueInDays");
    QTest::addColumn<QString>("code");

    QTest::newRow("not the secretariat") << "finance" << "screening" << "Which?" << 7 << "ROLE_NOT_PERMITTED";
    QTest::newRow("closed case") << "secretariat" << "withdrawn" << "Which?" << 7 << "CASE_CLOSED";
    QTest::newRow("no question") << "secretariat" << "screening" << " \n " << 7 << "QUESTION_EMPTY";
    QTest::newRow("due today") << "secretariat" << "screening" << "Which?" << 0 << "DUE_DATE_INVALID";
    QTest::newRow("due in the past") << "secretariat" << "screening" << "Which?" << -3 << "DUE_DATE_INVALID";
}

void ClarificationsTest::askRefuses()
{
    QFETCH(QString, role);
    QFETCH(QString, status);
    QFETCH(QString, question);
    QFETCH(int, dueInDays);
    QFETCH(QString, code);
    const Application application = test::caseIn(*m_workspace, status);
    const qint64 entriesBefore = AuditTrail(*m_workspace).count();
    try {
        Clarifications(*m_workspace)
            .ask(test::staff(*m_workspace, role), application.id, question, today().addDays(dueInDays));
        QFAIL("the request was accepted");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), code);
        QCOMPARE(error.message().isEmpty(), false);
    }
    QCOMPARE(AuditTrail(*m_workspace).count(), entriesBefore);
}

void ClarificationsTest::answerWritesTheAnswerAndItsLetter()
{
    const Application application = screeningCase(1);
    const ClarificationRequest asked =
        Clarifications(*m_workspace).ask(officer(), application.id, QStringLiteral("Which POS model?"), today().addDays(7));
    const User applicant = test::applicantOf(*m_workspace, application);

    const ClarificationRequest answered = Clarifications(*m_workspace).answer(applicant, asked.id, QStringLiteral("Model X"));

    CaseworkRepository casework(*m_workspace);
    QCOMPARE(casework.find<ClarificationRequest>(asked.id), std::optional<ClarificationRequest>(answered));
    QCOMPARE(answered.answer, QStringLiteral("Model X"));
    QCOMPARE(answered.answeredBy, applicant.id);
    QCOMPARE(AuditTrail(*m_workspace).last()->entityType, QStringLiteral("correspondence_entry"));
    const CorrespondenceEntry letter = casework.forApplication<CorrespondenceEntry>(application.id).last();
    QCOMPARE(letter.direction, QStringLiteral("incoming"));
    QCOMPARE(letter.authorId, applicant.id);
}

void ClarificationsTest::answerRefuses_data()
{
    QTest::addColumn<QString>("who");       // own applicant, other applicant, officer
    QTest::addColumn<int>("dueInDays");
    QTest::addColumn<bool>("answeredBefore");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("caseIndex");

    QTest::newRow("an officer") << "officer" << 7 << false << "Model X" << "ROLE_NOT_PERMITTED" << 2;
    QTest::newRow("another enterprise") << "other" << 7 << false << "Model X" << "NOT_OWN_ENTERPRISE" << 3;
    QTest::newRow("after the due date") << "own" << -1 << false << "Model X" << "CLARIFICATION_OVERDUE" << 4;
    QTest::newRow("answered already") << "own" << 7 << true << "Model Y" << "ALREADY_ANSWERED" << 5;
    QTest::newRow("no answer") << "own" << 7 << false << "  " << "ANSWER_EMPTY" << 6;
}

void ClarificationsTest::answerRefuses()
{
    QFETCH(QString, who);
    QFETCH(int, dueInDays);
    QFETCH(bool, answeredBefore);
    QFETCH(QString, answer);
    QFETCH(QString, code);
    QFETCH(int, caseIndex);
    const Application application = screeningCase(caseIndex);
    Clarifications asking(*m_workspace);
    asking.setTime(QDateTime::currentDateTimeUtc().addDays(-10));
    const ClarificationRequest asked =
        asking.ask(officer(), application.id, QStringLiteral("Which POS model?"), today().addDays(dueInDays));
    const User own = test::applicantOf(*m_workspace, application);
    if (answeredBefore)
        Clarifications(*m_workspace).answer(own, asked.id, QStringLiteral("Model X"));
    User answering = own;
    if (who == QLatin1String("officer"))
        answering = officer();
    if (who == QLatin1String("other"))
        answering = test::applicantOf(*m_workspace, test::caseIn(*m_workspace, QStringLiteral("withdrawn")));
    const qint64 entriesBefore = AuditTrail(*m_workspace).count();

    try {
        Clarifications(*m_workspace).answer(answering, asked.id, answer);
        QFAIL("the answer was accepted");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), code);
        QCOMPARE(error.message().isEmpty(), false);
    }
    QCOMPARE(AuditTrail(*m_workspace).count(), entriesBefore);
}

void ClarificationsTest::defaultDueDateFollowsTheScheme()
{
    const Clarifications clarifications(*m_workspace);
    // Tuesday 1 December 2026 + 14 days is Tuesday 15 December, a working day.
    QCOMPARE(clarifications.defaultDueDate(QDate(2026, 12, 1)), QDate(2026, 12, 15));
    // Friday 11 December 2026 + 14 days is Christmas Day: the next day that is not a holiday or Sunday.
    QCOMPARE(clarifications.defaultDueDate(QDate(2026, 12, 11)), QDate(2026, 12, 28));
}

QTEST_MAIN(ClarificationsTest)
#include "tst_clarifications.moc"
