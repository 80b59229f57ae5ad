#include "deadlines.h"
#include "domainerror.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using vd::CaseDeadline;
using vd::DeadlinePolicy;

namespace {

const QLocale english(QLocale::English, QLocale::UnitedKingdom);
const QLocale traditional(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong);

QDate day(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// An instant given in Hong Kong time, kept in UTC as the store keeps it.
QDateTime hk(const char *iso, int hour = 10)
{
    return QDateTime(day(iso), QTime(hour, 0), Qt::OffsetFromUTC, 8 * 3600).toUTC();
}

vd::StatusChange change(const char *id, const char *action, const char *from, const char *to, const QDateTime &at)
{
    vd::StatusChange result;
    result.id = QString::fromLatin1(id);
    result.applicationId = QStringLiteral("app-1");
    result.action = QString::fromLatin1(action);
    result.fromStatus = QString::fromLatin1(from);
    result.toStatus = QString::fromLatin1(to);
    result.at = at;
    return result;
}

vd::Application application(const char *status, const char *submitted = "2024-01-02")
{
    vd::Application result;
    result.id = QStringLiteral("app-1");
    result.status = QString::fromLatin1(status);
    if (submitted)
        result.submitted = day(submitted);
    return result;
}

vd::ClarificationRequest question(const QDateTime &askedAt)
{
    vd::ClarificationRequest request;
    request.id = QStringLiteral("q-1");
    request.applicationId = QStringLiteral("app-1");
    request.question = QStringLiteral("Please send the second quotation.");
    request.askedAt = askedAt;
    return request;
}

vd::CorrespondenceEntry letter(const char *direction, const QDateTime &at)
{
    vd::CorrespondenceEntry entry;
    entry.id = QStringLiteral("c-1");
    entry.applicationId = QStringLiteral("app-1");
    entry.direction = QString::fromLatin1(direction);
    entry.channel = QStringLiteral("email");
    entry.at = at;
    return entry;
}

vd::ProjectReport report(const char *kind, const QDateTime &submittedAt)
{
    vd::ProjectReport result;
    result.id = QStringLiteral("r-1");
    result.applicationId = QStringLiteral("app-1");
    result.kind = QString::fromLatin1(kind);
    result.submittedAt = submittedAt;
    return result;
}

QList<CaseDeadline> ofKind(const QList<CaseDeadline> &deadlines, const char *kind)
{
    QList<CaseDeadline> found;
    for (const CaseDeadline &deadline : deadlines) {
        if (deadline.kind == QLatin1String(kind))
            found.append(deadline);
    }
    return found;
}

// The one deadline expected of a kind, or none when it is not listed.
void compareOne(const QList<CaseDeadline> &found, bool listed, QDate dueOn, const QString &state,
                const std::optional<QDate> &metOn, const QString &subjectId)
{
    QCOMPARE(found.size(), listed ? 1 : 0);
    if (!listed)
        return;
    QCOMPARE(found.first().dueOn, dueOn);
    QCOMPARE(found.first().state, state);
    QCOMPARE(found.first().metOn, metOn);
    QCOMPARE(found.first().subjectId, subjectId);
}

const QList<vd::StatusChange> submittedAndScreened{
    change("s-1", "submit", "draft", "submitted", hk("2024-01-02")),
    change("s-2", "start_screening", "submitted", "screening", hk("2024-01-03")),
};

using Changes = QList<vd::StatusChange>;
using Questions = QList<vd::ClarificationRequest>;
using Letters = QList<vd::CorrespondenceEntry>;
using Reports = QList<vd::ProjectReport>;
using OptionalDate = std::optional<QDate>;

} // namespace

Q_DECLARE_METATYPE(Changes)
Q_DECLARE_METATYPE(Questions)
Q_DECLARE_METATYPE(Letters)
Q_DECLARE_METATYPE(Reports)
Q_DECLARE_METATYPE(OptionalDate)

class DeadlinesTest : public QObject
{
    Q_OBJECT

private slots:
    void readsTheSchemeDeadlines();
    void computesDueDates_data();
    void computesDueDates();
    void statesAtTheBoundaries_data();
    void statesAtTheBoundaries();
    void tracksClarificationAnswers_data();
    void tracksClarificationAnswers();
    void remindsBeforeTheDueDate_data();
    void remindsBeforeTheDueDate();
    void tracksTheResultNotice_data();
    void tracksTheResultNotice();
    void tracksTheVettingClock_data();
    void tracksTheVettingClock();
    void tracksReports_data();
    void tracksReports();
    void listsAWholeCaseInDueDateOrder();
    void labelsInTheLocale();
    void refusesDatesBeyondTheCalendar();
    void refusesABadDeadlinesSection_data();
    void refusesABadDeadlinesSection();
};

void DeadlinesTest::readsTheSchemeDeadlines()
{
    const DeadlinePolicy &policy = DeadlinePolicy::technologyVoucher();
    QCOMPARE(policy.clarificationResponseDays(), 14);
    QCOMPARE(policy.reminderDaysBeforeDue(), 3);
    QCOMPARE(policy.resultNoticeWorkingDays(), 2);
    QCOMPARE(policy.vettingWorkingDays(), 60);
}

void DeadlinesTest::computesDueDates_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("clarification, 14 days") << "clarification" << day("2024-03-01") << day("2024-03-15");
    QTest::newRow("clarification, off Easter 2024") << "clarification" << day("2024-03-15") << day("2024-04-02");
    QTest::newRow("clarification, off a Sunday") << "clarification" << day("2024-03-03") << day("2024-03-18");
    QTest::newRow("clarification, a Saturday stays") << "clarification" << day("2024-03-02") << day("2024-03-16");
    QTest::newRow("reminder, 3 days before") << "reminder" << day("2024-03-15") << day("2024-03-12");
    QTest::newRow("result notice over Lunar New Year") << "result" << day("2024-02-08") << day("2024-02-14");
    QTest::newRow("result notice over a weekend") << "result" << day("2024-03-07") << day("2024-03-11");
    QTest::newRow("vetting, 60 working days") << "vetting" << day("2024-01-02") << day("2024-03-28");
    QTest::newRow("vetting from an answer on a Saturday") << "vetting" << day("2024-01-20") << day("2024-04-19");
}

void DeadlinesTest::computesDueDates()
{
    QFETCH(QString, which);
    QFETCH(QDate, from);
    QFETCH(QDate, expected);
    const DeadlinePolicy &policy = DeadlinePolicy::technologyVoucher();
    if (which == QLatin1String("clarification"))
        QCOMPARE(policy.clarificationDueDate(from), expected);
    else if (which == QLatin1String("reminder"))
        QCOMPARE(policy.reminderDate(from), expected);
    else if (which == QLatin1String("result"))
        QCOMPARE(policy.resultNoticeDueDate(from), expected);
    else
        QCOMPARE(policy.vettingDueDate(from), expected);
}

void DeadlinesTest::statesAtTheBoundaries_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<OptionalDate>("metOn");
    QTest::addColumn<QString>("state");
    // Due on 2024-03-15; the reminder day is 2024-03-12.
    QTest::newRow("the day before the reminder") << day("2024-03-11") << OptionalDate() << "upcoming";
    QTest::newRow("the reminder day") << day("2024-03-12") << OptionalDate() << "due_soon";
    QTest::newRow("the day before the due date") << day("2024-03-14") << OptionalDate() << "due_soon";
    QTest::newRow("the due date") << day("2024-03-15") << OptionalDate() << "due_soon";
    QTest::newRow("the day after") << day("2024-03-16") << OptionalDate() << "overdue";
    QTest::newRow("met on the due date") << day("2024-03-15") << OptionalDate(day("2024-03-15")) << "met";
    QTest::newRow("met late") << day("2024-03-20") << OptionalDate(day("2024-03-18")) << "met";
    QTest::newRow("met only after today") << day("2024-03-16") << OptionalDate(day("2024-03-18")) << "overdue";
}

void DeadlinesTest::statesAtTheBoundaries()
{
    QFETCH(QDate, today);
    QFETCH(OptionalDate, metOn);
    QFETCH(QString, state);
    QCOMPARE(DeadlinePolicy::technologyVoucher().stateOn(day("2024-03-15"), metOn, today), state);
}

void DeadlinesTest::tracksClarificationAnswers_data()
{
    QTest::addColumn<Questions>("questions");
    QTest::addColumn<Changes>("changes");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("listed");
    QTest::addColumn<QDate>("dueOn");
    QTest::addColumn<QString>("state");
    QTest::addColumn<OptionalDate>("metOn");

    // Asked on Friday 2024-03-01, due on 2024-03-15, reminder on 2024-03-12.
    const vd::ClarificationRequest open = question(hk("2024-03-01"));
    Changes asked = submittedAndScreened;
    asked << change("s-3", "request_clarification", "screening", "clarification_requested", hk("2024-03-01"));
    vd::ClarificationRequest onTime = open;
    onTime.answeredAt = hk("2024-03-14");
    vd::ClarificationRequest late = open;
    late.answeredAt = hk("2024-03-18");
    vd::ClarificationRequest ownDate = open;
    ownDate.dueOn = day("2024-03-22");

    QTest::newRow("the day before the reminder")
        << Questions{open} << asked << day("2024-03-11") << true << day("2024-03-15") << "upcoming" << OptionalDate();
    QTest::newRow("the reminder day")
        << Questions{open} << asked << day("2024-03-12") << true << day("2024-03-15") << "due_soon" << OptionalDate();
    QTest::newRow("the due date")
        << Questions{open} << asked << day("2024-03-15") << true << day("2024-03-15") << "due_soon" << OptionalDate();
    QTest::newRow("the day after")
        << Questions{open} << asked << day("2024-03-16") << true << day("2024-03-15") << "overdue" << OptionalDate();
    QTest::newRow("answered on time")
        << Questions{onTime} << asked << day("2024-03-20") << true << day("2024-03-15") << "met"
        << OptionalDate(day("2024-03-14"));
    QTest::newRow("answered late")
        << Questions{late} << asked << day("2024-03-20") << true << day("2024-03-15") << "met"
        << OptionalDate(day("2024-03-18"));
    QTest::newRow("answer not yet given as of today")
        << Questions{late} << asked << day("2024-03-17") << true << day("2024-03-15") << "overdue" << OptionalDate();
    QTest::newRow("answered, seen in the status history only")
        << Questions{open}
        << (Changes(asked) << change("s-4", "answer_clarification", "clarification_requested", "screening", hk("2024-03-13")))
        << day("2024-03-20") << true << day("2024-03-15") << "met" << OptionalDate(day("2024-03-13"));
    QTest::newRow("its own due date")
        << Questions{ownDate} << asked << day("2024-03-16") << true << day("2024-03-22") << "upcoming" << OptionalDate();
    QTest::newRow("questions closed by the secretariat")
        << Questions{open}
        << (Changes(asked) << change("s-4", "resume_screening", "clarification_requested", "screening", hk("2024-03-05")))
        << day("2024-03-20") << false << QDate() << QString() << OptionalDate();
    QTest::newRow("case returned while waiting")
        << Questions{open}
        << (Changes(asked) << change("s-4", "return_ineligible", "clarification_requested", "returned", hk("2024-03-05")))
        << day("2024-03-20") << false << QDate() << QString() << OptionalDate();
    QTest::newRow("asked after today")
        << Questions{open} << asked << day("2024-02-29") << false << QDate() << QString() << OptionalDate();
}

void DeadlinesTest::tracksClarificationAnswers()
{
    QFETCH(Questions, questions);
    QFETCH(Changes, changes);
    QFETCH(QDate, today);
    QFETCH(bool, listed);
    QFETCH(QDate, dueOn);
    QFETCH(QString, state);
    QFETCH(OptionalDate, metOn);
    const QList<CaseDeadline> found = ofKind(DeadlinePolicy::technologyVoucher().caseDeadlines(
        application("screening"), changes, questions, {}, {}, {}, today), "clarification_response");
    compareOne(found, listed, dueOn, state, metOn, QStringLiteral("q-1"));
}

void DeadlinesTest::remindsBeforeTheDueDate_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<OptionalDate>("answered");
    QTest::addColumn<OptionalDate>("reminded");
    QTest::addColumn<bool>("needed");
    // Asked 2024-03-01, due 2024-03-15, reminders from 2024-03-12.
    QTest::newRow("before the reminder day") << day("2024-03-11") << OptionalDate() << OptionalDate() << false;
    QTest::newRow("on the reminder day") << day("2024-03-12") << OptionalDate() << OptionalDate() << true;
    QTest::newRow("on the due date") << day("2024-03-15") << OptionalDate() << OptionalDate() << true;
    QTest::newRow("after the due date") << day("2024-03-16") << OptionalDate() << OptionalDate() << false;
    QTest::newRow("already answered") << day("2024-03-12") << OptionalDate(day("2024-03-10")) << OptionalDate() << false;
    QTest::newRow("already reminded") << day("2024-03-13") << OptionalDate() << OptionalDate(day("2024-03-12")) << false;
    QTest::newRow("reminded before the reminder day")
        << day("2024-03-12") << OptionalDate() << OptionalDate(day("2024-03-05")) << true;
}

void DeadlinesTest::remindsBeforeTheDueDate()
{
    QFETCH(QDate, today);
    QFETCH(OptionalDate, answered);
    QFETCH(OptionalDate, reminded);
    QFETCH(bool, needed);
    vd::ClarificationRequest request = question(hk("2024-03-01"));
    if (answered)
        request.answeredAt = QDateTime(*answered, QTime(10, 0), Qt::UTC);
    if (reminded)
        request.remindedAt = QDateTime(*reminded, QTime(1, 0), Qt::UTC);
    QCOMPARE(DeadlinePolicy::technologyVoucher().needsReminder(request, today), needed);
}

void DeadlinesTest::tracksTheResultNotice_data()
{
    QTest::addColumn<Changes>("changes");
    QTest::addColumn<Letters>("letters");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("state");
    QTest::addColumn<OptionalDate>("metOn");
    // Not supported on Thursday 2024-02-08: due 2024-02-14 over Lunar New Year, reminder 2024-02-11.
    Changes notSupported = submittedAndScreened;
    notSupported << change("s-3", "refer_to_committee", "screening", "committee_assessment", hk("2024-01-20"))
                 << change("s-4", "record_not_supported", "committee_assessment", "not_supported", hk("2024-02-08"));
    Changes supportedThenApproved = submittedAndScreened;
    supportedThenApproved
        << change("s-3", "refer_to_committee", "screening", "committee_assessment", hk("2024-01-20"))
        << change("s-4", "record_supported_with_conditions", "committee_assessment", "supported", hk("2024-02-08"))
        << change("s-5", "approve", "supported", "approved", hk("2024-02-09"));

    QTest::newRow("the day before the reminder") << notSupported << Letters() << day("2024-02-10") << "upcoming" << OptionalDate();
    QTest::newRow("the reminder day") << notSupported << Letters() << day("2024-02-11") << "due_soon" << OptionalDate();
    QTest::newRow("the due date") << notSupported << Letters() << day("2024-02-14") << "due_soon" << OptionalDate();
    QTest::newRow("the day after") << notSupported << Letters() << day("2024-02-15") << "overdue" << OptionalDate();
    QTest::newRow("told by letter") << notSupported << Letters{letter("outgoing", hk("2024-02-09", 15))}
                                    << day("2024-02-15") << "met" << OptionalDate(day("2024-02-09"));
    QTest::newRow("a letter from the applicant does not count")
        << notSupported << Letters{letter("incoming", hk("2024-02-09"))} << day("2024-02-15") << "overdue" << OptionalDate();
    QTest::newRow("a letter before the outcome does not count")
        << notSupported << Letters{letter("outgoing", hk("2024-02-08", 9))} << day("2024-02-15") << "overdue" << OptionalDate();
    QTest::newRow("told by the next status")
        << supportedThenApproved << Letters() << day("2024-02-15") << "met" << OptionalDate(day("2024-02-09"));
}

void DeadlinesTest::tracksTheResultNotice()
{
    QFETCH(Changes, changes);
    QFETCH(Letters, letters);
    QFETCH(QDate, today);
    QFETCH(QString, state);
    QFETCH(OptionalDate, metOn);
    const QList<CaseDeadline> found = ofKind(DeadlinePolicy::technologyVoucher().caseDeadlines(
        application(qPrintable(changes.last().toStatus)), changes, {}, letters, {}, {}, today), "result_notice");
    compareOne(found, true, day("2024-02-14"), state, metOn, QStringLiteral("s-4"));
}

void DeadlinesTest::tracksTheVettingClock_data()
{
    QTest::addColumn<Changes>("changes");
    QTest::addColumn<Questions>("questions");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("listed");
    QTest::addColumn<QDate>("dueOn");
    QTest::addColumn<QString>("state");
    QTest::addColumn<OptionalDate>("metOn");
    // Submitted 2024-01-02: due 2024-03-28 (60 working days), reminder 2024-03-25.
    const Changes screened = submittedAndScreened;
    const Changes referred = Changes(screened)
        << change("s-3", "refer_to_committee", "screening", "committee_assessment", hk("2024-01-10"));
    const Changes askedAgain = Changes(screened)
        << change("s-3", "request_clarification", "screening", "clarification_requested", hk("2024-01-10"));
    vd::ClarificationRequest answered = question(hk("2024-01-10"));
    answered.answeredAt = hk("2024-01-20");

    QTest::newRow("the day before the reminder")
        << screened << Questions() << day("2024-03-24") << true << day("2024-03-28") << "upcoming" << OptionalDate();
    QTest::newRow("the reminder day")
        << screened << Questions() << day("2024-03-25") << true << day("2024-03-28") << "due_soon" << OptionalDate();
    QTest::newRow("the due date")
        << referred << Questions() << day("2024-03-28") << true << day("2024-03-28") << "due_soon" << OptionalDate();
    QTest::newRow("the day after")
        << referred << Questions() << day("2024-03-29") << true << day("2024-03-28") << "overdue" << OptionalDate();
    QTest::newRow("decided by the committee")
        << (Changes(referred) << change("s-4", "record_supported", "committee_assessment", "supported", hk("2024-03-01")))
        << Questions() << day("2024-04-10") << true << day("2024-03-28") << "met" << OptionalDate(day("2024-03-01"));
    QTest::newRow("returned as ineligible")
        << (Changes(screened) << change("s-3", "return_ineligible", "screening", "returned", hk("2024-01-05")))
        << Questions() << day("2024-04-10") << true << day("2024-03-28") << "met" << OptionalDate(day("2024-01-05"));
    QTest::newRow("paused while the applicant owes answers")
        << askedAgain << Questions{question(hk("2024-01-10"))} << day("2024-01-15") << false << QDate() << QString()
        << OptionalDate();
    QTest::newRow("restarted by the answer")
        << (Changes(askedAgain) << change("s-4", "answer_clarification", "clarification_requested", "screening", hk("2024-01-20")))
        << Questions{answered} << day("2024-02-01") << true << day("2024-04-19") << "upcoming" << OptionalDate();
    QTest::newRow("withdrawn")
        << (Changes(screened) << change("s-3", "withdraw", "screening", "withdrawn", hk("2024-01-05")))
        << Questions() << day("2024-02-01") << false << QDate() << QString() << OptionalDate();
    QTest::newRow("still a draft")
        << Changes() << Questions() << day("2024-02-01") << false << QDate() << QString() << OptionalDate();
}

void DeadlinesTest::tracksTheVettingClock()
{
    QFETCH(Changes, changes);
    QFETCH(Questions, questions);
    QFETCH(QDate, today);
    QFETCH(bool, listed);
    QFETCH(QDate, dueOn);
    QFETCH(QString, state);
    QFETCH(OptionalDate, metOn);
    const vd::Application app = changes.isEmpty() ? application("draft", nullptr)
                                                  : application(qPrintable(changes.last().toStatus));
    const QList<CaseDeadline> found = ofKind(
        DeadlinePolicy::technologyVoucher().caseDeadlines(app, changes, questions, {}, {}, {}, today), "vetting_decision");
    compareOne(found, listed, dueOn, state, metOn, QStringLiteral("app-1"));
}

void DeadlinesTest::tracksReports_data()
{
    QTest::addColumn<Changes>("changes");
    QTest::addColumn<Reports>("reports");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QStringList>("expected"); // kind:state for each report deadline listed
    const Changes signedOnly{change("s-1", "sign_agreement", "agreement_pending", "agreement_signed", hk("2024-05-20"))};
    const Changes started = Changes(signedOnly)
        << change("s-2", "start_project", "agreement_signed", "in_progress", hk("2024-06-03"));
    const Changes terminated = Changes(started)
        << change("s-3", "terminate", "in_progress", "terminated", hk("2024-12-02"));
    // Final report due 2025-05-31 (reminder 2025-05-28), evaluation 2025-09-30, records until 2031-03-31.
    const auto expect = [](std::initializer_list<const char *> items) {
        QStringList list;
        for (const char *item : items)
            list.append(QString::fromLatin1(item));
        return list;
    };
    QTest::newRow("not started") << signedOnly << Reports() << day("2024-06-01") << QStringList();
    QTest::newRow("started")
        << started << Reports() << day("2024-06-10")
        << expect({"final_report:upcoming", "evaluation_report:upcoming", "records_retention:upcoming"});
    QTest::newRow("the day before the reminder")
        << started << Reports() << day("2025-05-27")
        << expect({"final_report:upcoming", "evaluation_report:upcoming", "records_retention:upcoming"});
    QTest::newRow("the final report's reminder day")
        << started << Reports() << day("2025-05-28")
        << expect({"final_report:due_soon", "evaluation_report:upcoming", "records_retention:upcoming"});
    QTest::newRow("the final report's due date")
        << started << Reports() << day("2025-05-31")
        << expect({"final_report:due_soon", "evaluation_report:upcoming", "records_retention:upcoming"});
    QTest::newRow("the day after")
        << started << Reports() << day("2025-06-01")
        << expect({"final_report:overdue", "evaluation_report:upcoming", "records_retention:upcoming"});
    QTest::newRow("final report in")
        << started << Reports{report("final", hk("2025-05-20"))} << day("2025-06-01")
        << expect({"final_report:met", "evaluation_report:upcoming", "records_retention:upcoming"});
    QTest::newRow("both reports in")
        << started << Reports{report("final", hk("2025-05-20")), report("evaluation", hk("2025-10-02"))} << day("2025-10-03")
        << expect({"final_report:met", "evaluation_report:met", "records_retention:upcoming"});
    QTest::newRow("records kept to the end")
        << started << Reports{report("final", hk("2025-05-20")), report("evaluation", hk("2025-10-02"))} << day("2031-04-01")
        << expect({"final_report:met", "evaluation_report:met", "records_retention:met"});
    QTest::newRow("terminated before the reports")
        << terminated << Reports() << day("2025-06-01") << expect({"records_retention:upcoming"});
}

void DeadlinesTest::tracksReports()
{
    QFETCH(Changes, changes);
    QFETCH(Reports, reports);
    QFETCH(QDate, today);
    QFETCH(QStringList, expected);
    const vd::ReportDueDates due{day("2025-05-31"), day("2025-09-30"), day("2031-03-31")};
    QStringList listed;
    const QList<CaseDeadline> deadlines = DeadlinePolicy::technologyVoucher().caseDeadlines(
        application(qPrintable(changes.last().toStatus), "2023-11-01"), changes, {}, {}, reports, due, today);
    for (const CaseDeadline &deadline : deadlines)
        listed.append(deadline.kind + u':' + deadline.state);
    QCOMPARE(listed, expected);
}

void DeadlinesTest::listsAWholeCaseInDueDateOrder()
{
    vd::ClarificationRequest answered = question(hk("2024-01-10"));
    answered.answeredAt = hk("2024-01-19");
    const Changes changes = Changes(submittedAndScreened)
        << change("s-3", "request_clarification", "screening", "clarification_requested", hk("2024-01-10"))
        << change("s-4", "answer_clarification", "clarification_requested", "screening", hk("2024-01-19"))
        << change("s-5", "refer_to_committee", "screening", "committee_assessment", hk("2024-02-20"))
        << change("s-6", "record_supported", "committee_assessment", "supported", hk("2024-03-07"));
    const QList<CaseDeadline> deadlines = DeadlinePolicy::technologyVoucher().caseDeadlines(
        application("supported"), changes, {answered}, {}, {}, {}, day("2024-03-12"));
    const QList<CaseDeadline> expected{
        {QStringLiteral("clarification_response"), day("2024-01-24"), QStringLiteral("met"), QStringLiteral("q-1"),
         day("2024-01-19")},
        {QStringLiteral("result_notice"), day("2024-03-11"), QStringLiteral("overdue"), QStringLiteral("s-6"),
         std::nullopt},
        {QStringLiteral("vetting_decision"), day("2024-04-19"), QStringLiteral("met"), QStringLiteral("app-1"),
         day("2024-03-07")},
    };
    QCOMPARE(deadlines.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(deadlines.at(i).kind, expected.at(i).kind);
        QCOMPARE(deadlines.at(i).dueOn, expected.at(i).dueOn);
        QVERIFY(deadlines.at(i) == expected.at(i));
    }
}

void DeadlinesTest::labelsInTheLocale()
{
    const CaseDeadline deadline{QStringLiteral("final_report"), day("2025-05-31"), QStringLiteral("upcoming"),
                                QStringLiteral("app-1"), std::nullopt};
    QVERIFY2(deadline.label(english).contains(QStringLiteral("31 May 2025")), qPrintable(deadline.label(english)));
    QVERIFY2(deadline.label(english).startsWith(QStringLiteral("Final report")), qPrintable(deadline.label(english)));
    QVERIFY2(deadline.label(traditional).contains(QStringLiteral("2025年5月31日")), qPrintable(deadline.label(traditional)));
}

void DeadlinesTest::refusesDatesBeyondTheCalendar()
{
    const Changes changes{change("s-1", "record_not_supported", "committee_assessment", "not_supported", hk("2027-12-30"))};
    try {
        DeadlinePolicy::technologyVoucher().caseDeadlines(application("not_supported"), changes, {}, {}, {}, {},
                                                           day("2028-01-02"));
        QFAIL("a working-day deadline past the calendar was counted");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("CALENDAR_NOT_COVERED"));
    }
}

void DeadlinesTest::refusesABadDeadlinesSection_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");
    QTest::newRow("no number of days") << "clarification_response_days" << QJsonValue() << "INPUT_ERROR"
                                       << "deadlines.clarification_response_days";
    QTest::newRow("days as text") << "vetting_working_days_after_documents_complete" << QJsonValue(QStringLiteral("60"))
                                  << "INPUT_ERROR" << "deadlines.vetting_working_days_after_documents_complete";
    QTest::newRow("an unknown action")
        << "committee_outcome_actions" << QJsonValue(QJsonArray{QStringLiteral("record_supported"), QStringLiteral("applaud")})
        << "SCHEME_INVALID" << "deadlines.committee_outcome_actions[1]";
    QTest::newRow("an unknown status") << "clarification_status" << QJsonValue(QStringLiteral("waiting"))
                                       << "SCHEME_INVALID" << "deadlines.clarification_status";
}

void DeadlinesTest::refusesABadDeadlinesSection()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QFETCH(QString, where);
    QFile file(QStringLiteral(":/voucherdesk/schemes/tvp.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject scheme = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject deadlines = scheme.value(QStringLiteral("deadlines")).toObject();
    if (value.isUndefined() || value.isNull())
        deadlines.remove(key);
    else
        deadlines.insert(key, value);
    scheme.insert(QStringLiteral("deadlines"), deadlines);
    try {
        const DeadlinePolicy policy(vd::Scheme::fromJson(QJsonDocument(scheme).toJson(), QStringLiteral("test.json")),
                                    vd::HolidayCalendar::hongKong());
        QFAIL("a bad deadlines section was accepted");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), code);
        QCOMPARE(error.where(), where);
    }
}

QTEST_GUILESS_MAIN(DeadlinesTest)
#include "tst_deadlines.moc"
