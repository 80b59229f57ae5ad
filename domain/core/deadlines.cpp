#include "deadlines.h"

#include "domainerror.h"
#include "jsonreader.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace vd {

namespace {

// Gives lupdate the context the strings are looked up under at run time.
struct CaseDeadlineText
{
    Q_DECLARE_TR_FUNCTIONS(vd::CaseDeadline)
};

const char *const kindOrder[] = {"clarification_response", "result_notice", "vetting_decision",
                                 "final_report", "evaluation_report", "records_retention"};

int kindRank(const QString &kind)
{
    for (int i = 0; i < int(std::size(kindOrder)); ++i) {
        if (kind == QLatin1String(kindOrder[i]))
            return i;
    }
    return int(std::size(kindOrder));
}

// Reads a list of action ids of the deadlines section, each one the workflow knows.
QStringList readActions(const JsonReader &section, const QString &key, const Workflow &workflow)
{
    QStringList ids;
    for (const JsonReader &item : section.array(key)) {
        const QString id = item.value().toString();
        if (!item.value().isString() || !workflow.findAction(id))
            throw DomainError(QStringLiteral("SCHEME_INVALID"), item.path(),
                              QCoreApplication::translate("vd::DeadlinePolicy", "\"%1\" is not an action of this scheme")
                                  .arg(item.value().toVariant().toString()));
        ids.append(id);
    }
    return ids;
}

// The earlier of two optional dates.
std::optional<QDate> earliest(const std::optional<QDate> &a, const std::optional<QDate> &b)
{
    if (!a || (b && *b < *a))
        return b;
    return a;
}

} // namespace

QString CaseDeadline::label(const QLocale &locale) const
{
    const QString date = locale.toString(dueOn, QLocale::LongFormat);
    if (kind == QLatin1String("clarification_response"))
        return CaseDeadlineText::tr("Applicant's answer to the clarification request, due %1").arg(date);
    if (kind == QLatin1String("result_notice"))
        return CaseDeadlineText::tr("Tell the applicant the committee's result, due %1").arg(date);
    if (kind == QLatin1String("vetting_decision"))
        return CaseDeadlineText::tr("Result of vetting for the applicant, due %1").arg(date);
    if (kind == QLatin1String("final_report"))
        return CaseDeadlineText::tr("Final report, due %1").arg(date);
    if (kind == QLatin1String("evaluation_report"))
        return CaseDeadlineText::tr("Evaluation report, due %1").arg(date);
    if (kind == QLatin1String("records_retention"))
        return CaseDeadlineText::tr("Keep the project's accounts and records until %1").arg(date);
    return CaseDeadlineText::tr("%1, due %2").arg(kind, date);
}

DeadlinePolicy::DeadlinePolicy(const Scheme &scheme, const HolidayCalendar &calendar)
    : m_workflow(scheme), m_calendar(calendar)
{
    const JsonReader section(scheme.deadlines(), QStringLiteral("deadlines"));
    m_clarificationDays = int(section.integer(QStringLiteral("clarification_response_days"), 1, 366));
    m_reminderDays = int(section.integer(QStringLiteral("reminder_days_before_due"), 0, 60));
    m_resultNoticeWorkingDays = int(section.integer(QStringLiteral("result_notice_working_days_after_committee"), 1, 250));
    m_vettingWorkingDays = int(section.integer(QStringLiteral("vetting_working_days_after_documents_complete"), 1, 1000));
    m_clarificationStatus = section.string(QStringLiteral("clarification_status"));
    if (!m_workflow.statusName(m_clarificationStatus))
        throw DomainError(QStringLiteral("SCHEME_INVALID"), section.pathOf(QStringLiteral("clarification_status")),
                          QCoreApplication::translate("vd::DeadlinePolicy", "\"%1\" is not a status of this scheme")
                              .arg(m_clarificationStatus));
    m_clarificationAnswerActions = readActions(section, QStringLiteral("clarification_answer_actions"), m_workflow);
    m_documentsCompleteActions = readActions(section, QStringLiteral("documents_complete_actions"), m_workflow);
    m_committeeOutcomeActions = readActions(section, QStringLiteral("committee_outcome_actions"), m_workflow);
    m_vettingOutcomeActions = readActions(section, QStringLiteral("vetting_outcome_actions"), m_workflow);
    for (const QString &id : std::as_const(m_vettingOutcomeActions)) {
        for (const QString &status : m_workflow.findAction(id)->from) {
            if (!m_vettingStatuses.contains(status))
                m_vettingStatuses.append(status);
        }
    }
    m_projectStartActions = readActions(section, QStringLiteral("project_start_actions"), m_workflow);
}

const DeadlinePolicy &DeadlinePolicy::technologyVoucher()
{
    static const DeadlinePolicy policy(Scheme::technologyVoucher(), HolidayCalendar::hongKong());
    return policy;
}

QDate DeadlinePolicy::clarificationDueDate(QDate asked) const
{
    QDate due = asked.addDays(m_clarificationDays);
    while (due.dayOfWeek() == Qt::Sunday || m_calendar.isHoliday(due))
        due = due.addDays(1);
    return due;
}

QDate DeadlinePolicy::reminderDate(QDate dueOn) const
{
    return dueOn.addDays(-m_reminderDays);
}

QDate DeadlinePolicy::resultNoticeDueDate(QDate outcome) const
{
    return m_calendar.addWorkingDays(outcome, m_resultNoticeWorkingDays);
}

QDate DeadlinePolicy::vettingDueDate(QDate documentsComplete) const
{
    return m_calendar.addWorkingDays(documentsComplete, m_vettingWorkingDays);
}

QString DeadlinePolicy::stateOn(QDate dueOn, const std::optional<QDate> &metOn, QDate today) const
{
    if (metOn && *metOn <= today)
        return QStringLiteral("met");
    if (today > dueOn)
        return QStringLiteral("overdue");
    if (today >= reminderDate(dueOn))
        return QStringLiteral("due_soon");
    return QStringLiteral("upcoming");
}

bool DeadlinePolicy::needsReminder(const ClarificationRequest &request, QDate today) const
{
    const QDate due = request.dueOn.isValid() ? request.dueOn : clarificationDueDate(m_calendar.localDate(request.askedAt));
    const QDate remindFrom = reminderDate(due);
    const bool answered = request.answeredAt && m_calendar.localDate(*request.answeredAt) <= today;
    const bool reminded = request.remindedAt && m_calendar.localDate(*request.remindedAt) >= remindFrom;
    return !answered && !reminded && today >= remindFrom && today <= due;
}

CaseDeadline DeadlinePolicy::deadline(const QString &kind, QDate dueOn, const QString &subjectId,
                                      const std::optional<QDate> &metOn, QDate today) const
{
    return {kind, dueOn, stateOn(dueOn, metOn, today), subjectId, metOn};
}

// The case is over when its status as of today is terminal.
bool DeadlinePolicy::isOver(const QList<StatusChange> &history, const Application &application) const
{
    return m_workflow.isTerminal(history.isEmpty() ? application.status : history.last().toStatus);
}

QList<CaseDeadline> DeadlinePolicy::caseDeadlines(const Application &application,
                                                  const QList<StatusChange> &statusChanges,
                                                  const QList<ClarificationRequest> &clarifications,
                                                  const QList<CorrespondenceEntry> &correspondence,
                                                  const QList<ProjectReport> &reports, const ReportDueDates &due,
                                                  QDate today) const
{
    QList<StatusChange> history;
    for (const StatusChange &change : statusChanges) {
        if (m_calendar.localDate(change.at) <= today)
            history.append(change);
    }
    std::stable_sort(history.begin(), history.end(),
                     [](const StatusChange &a, const StatusChange &b) { return a.at < b.at; });

    QList<CaseDeadline> deadlines;
    clarificationDeadlines(history, clarifications, today, deadlines);
    resultNoticeDeadlines(history, correspondence, today, deadlines);
    vettingDeadline(application, history, clarifications, today, deadlines);
    reportDeadlines(application, history, reports, due, today, deadlines);
    std::stable_sort(deadlines.begin(), deadlines.end(), [](const CaseDeadline &a, const CaseDeadline &b) {
        if (a.dueOn != b.dueOn)
            return a.dueOn < b.dueOn;
        if (kindRank(a.kind) != kindRank(b.kind))
            return kindRank(a.kind) < kindRank(b.kind);
        return a.subjectId < b.subjectId;
    });
    return deadlines;
}

// Each question runs from the day asked to its due date. It is met when
// answered; a case that leaves the clarification status by another action
// (the secretariat closed the questions, the case was returned or withdrawn)
// makes an unanswered question moot.
void DeadlinePolicy::clarificationDeadlines(const QList<StatusChange> &history,
                                            const QList<ClarificationRequest> &clarifications, QDate today,
                                            QList<CaseDeadline> &out) const
{
    for (const ClarificationRequest &request : clarifications) {
        const QDate asked = m_calendar.localDate(request.askedAt);
        if (!asked.isValid() || asked > today)
            continue;
        const QDate dueOn = request.dueOn.isValid() ? request.dueOn : clarificationDueDate(asked);
        std::optional<QDate> metOn;
        if (request.answeredAt && m_calendar.localDate(*request.answeredAt) <= today)
            metOn = m_calendar.localDate(*request.answeredAt);
        const auto left = std::find_if(history.cbegin(), history.cend(), [&](const StatusChange &change) {
            return change.fromStatus == m_clarificationStatus && change.at >= request.askedAt;
        });
        if (!metOn && left != history.cend()) {
            if (!m_clarificationAnswerActions.contains(left->action))
                continue;
            metOn = m_calendar.localDate(left->at);
        }
        out.append(deadline(QStringLiteral("clarification_response"), dueOn, request.id, metOn, today));
    }
}

// After each committee outcome the applicant is to be told within the
// scheme's working days; the first outgoing correspondence or the next status
// change after the outcome stops the clock.
void DeadlinePolicy::resultNoticeDeadlines(const QList<StatusChange> &history,
                                           const QList<CorrespondenceEntry> &correspondence, QDate today,
                                           QList<CaseDeadline> &out) const
{
    for (qsizetype i = 0; i < history.size(); ++i) {
        const StatusChange &outcome = history[i];
        if (!m_committeeOutcomeActions.contains(outcome.action))
            continue;
        std::optional<QDate> metOn;
        if (i + 1 < history.size())
            metOn = m_calendar.localDate(history[i + 1].at);
        for (const CorrespondenceEntry &entry : correspondence) {
            const QDate sent = m_calendar.localDate(entry.at);
            if (entry.direction == QLatin1String("outgoing") && entry.at >= outcome.at && sent <= today)
                metOn = earliest(metOn, sent);
        }
        out.append(deadline(QStringLiteral("result_notice"), resultNoticeDueDate(m_calendar.localDate(outcome.at)),
                            outcome.id, metOn, today));
    }
}

// The vetting clock starts when all documents are in (submission, an answer,
// the secretariat closing its questions) and restarts at each later one; it
// stops at the first vetting outcome. It runs only while the case is in a
// status a vetting outcome can be recorded from, and not while the applicant
// owes answers; a case that leaves vetting otherwise (withdrawn) drops it.
void DeadlinePolicy::vettingDeadline(const Application &application, const QList<StatusChange> &history,
                                     const QList<ClarificationRequest> &clarifications, QDate today,
                                     QList<CaseDeadline> &out) const
{
    struct Moment
    {
        QDateTime at;
        bool outcome;
    };
    QList<Moment> moments;
    for (const StatusChange &change : history) {
        if (m_documentsCompleteActions.contains(change.action))
            moments.append({change.at, false});
        if (m_vettingOutcomeActions.contains(change.action))
            moments.append({change.at, true});
    }
    for (const ClarificationRequest &request : clarifications) {
        if (request.answeredAt && m_calendar.localDate(*request.answeredAt) <= today)
            moments.append({*request.answeredAt, false});
    }
    std::stable_sort(moments.begin(), moments.end(), [](const Moment &a, const Moment &b) { return a.at < b.at; });

    std::optional<QDate> documentsComplete;
    if (application.submitted && *application.submitted <= today)
        documentsComplete = application.submitted;
    for (const Moment &moment : moments) {
        const QDate date = m_calendar.localDate(moment.at);
        if (!moment.outcome) {
            documentsComplete = date;
            continue;
        }
        if (documentsComplete)
            out.append(deadline(QStringLiteral("vetting_decision"), vettingDueDate(*documentsComplete), application.id,
                                date, today));
        return;
    }
    const QString statusToday = history.isEmpty() ? application.status : history.last().toStatus;
    if (documentsComplete && statusToday != m_clarificationStatus && m_vettingStatuses.contains(statusToday))
        out.append(deadline(QStringLiteral("vetting_decision"), vettingDueDate(*documentsComplete), application.id,
                            std::nullopt, today));
}

// The report dates come from the rules engine; they are tracked once the
// project has started. A report is met by its first submission; a report
// still outstanding when the case ends (terminated) is dropped, while the
// records must be kept until their date whatever happened.
void DeadlinePolicy::reportDeadlines(const Application &application, const QList<StatusChange> &history,
                                     const QList<ProjectReport> &reports, const ReportDueDates &due, QDate today,
                                     QList<CaseDeadline> &out) const
{
    const bool started = std::any_of(history.cbegin(), history.cend(), [this](const StatusChange &change) {
        return m_projectStartActions.contains(change.action);
    });
    if (!started)
        return;
    const bool over = isOver(history, application);
    const auto track = [&](const char *kind, const char *reportKind, const std::optional<QDate> &dueOn) {
        if (!dueOn)
            return;
        std::optional<QDate> metOn;
        for (const ProjectReport &report : reports) {
            const QDate submitted = m_calendar.localDate(report.submittedAt);
            if (report.kind == QLatin1String(reportKind) && submitted.isValid() && submitted <= today)
                metOn = earliest(metOn, submitted);
        }
        if (metOn || !over)
            out.append(deadline(QString::fromLatin1(kind), *dueOn, application.id, metOn, today));
    };
    track("final_report", "final", due.finalReport);
    track("evaluation_report", "evaluation", due.evaluationReport);
    if (due.recordsRetainedUntil) {
        const QDate until = *due.recordsRetainedUntil;
        out.append(deadline(QStringLiteral("records_retention"), until, application.id,
                            today > until ? std::optional<QDate>(until) : std::nullopt, today));
    }
}

} // namespace vd
