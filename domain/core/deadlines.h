#pragma once

#include "application.h"
#include "casework.h"
#include "holidaycalendar.h"
#include "scheme.h"
#include "workflow.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace vd {

// Report dates the rules engine works out for an approved case (final report,
// evaluation report, how long records are kept); deadlines only track them.
struct ReportDueDates
{
    std::optional<QDate> finalReport;
    std::optional<QDate> evaluationReport;
    std::optional<QDate> recordsRetainedUntil;
};

// One deadline of a case as of a given day.
struct CaseDeadline
{
    // clarification_response | result_notice | vetting_decision |
    // final_report | evaluation_report | records_retention
    QString kind;
    QDate dueOn;
    // upcoming | due_soon (from the reminder date to the due date) | overdue | met
    QString state;
    // The clarification request, the status change that recorded the
    // committee's outcome, or the application itself.
    QString subjectId;
    std::optional<QDate> metOn;  // when the clock stopped, if it has

    // "Final report, due 31 May 2025": what is due and when, dates in the
    // locale's format, the words from the installed translator.
    QString label(const QLocale &locale) const;
    friend bool operator==(const CaseDeadline &, const CaseDeadline &) = default;
};

// The scheme's deadlines (its `deadlines` section) counted on a holiday
// calendar. Which actions start and stop each clock is scheme data too; see
// docs/deadlines.md for the rules. Instants are read as dates in the
// calendar's time zone.
class DeadlinePolicy
{
public:
    // Throws DomainError when the deadlines section is incomplete or names an
    // action or status the scheme's workflow does not have.
    DeadlinePolicy(const Scheme &scheme, const HolidayCalendar &calendar);
    // The Technology Voucher scheme on the Hong Kong calendar, built once.
    static const DeadlinePolicy &technologyVoucher();

    const HolidayCalendar &calendar() const { return m_calendar; }
    int clarificationResponseDays() const { return m_clarificationDays; }
    int reminderDaysBeforeDue() const { return m_reminderDays; }
    int resultNoticeWorkingDays() const { return m_resultNoticeWorkingDays; }
    int vettingWorkingDays() const { return m_vettingWorkingDays; }
    // Which events start and stop the clocks, for queries that find overdue
    // cases without loading each one (the case queue).
    const QString &clarificationStatus() const { return m_clarificationStatus; }
    const QStringList &documentsCompleteActions() const { return m_documentsCompleteActions; }
    const QStringList &committeeOutcomeActions() const { return m_committeeOutcomeActions; }
    const QStringList &vettingOutcomeActions() const { return m_vettingOutcomeActions; }
    const QStringList &vettingStatuses() const { return m_vettingStatuses; }

    // The day asked plus the scheme's calendar days; a due date that falls on
    // a Sunday or a general holiday moves to the next day that is neither.
    QDate clarificationDueDate(QDate asked) const;
    // The day the reminder goes out: the scheme's number of calendar days before.
    QDate reminderDate(QDate dueOn) const;
    // The committee's outcome plus the scheme's working days (2 for the TVP).
    QDate resultNoticeDueDate(QDate outcome) const;
    // The day all documents were in plus the scheme's working days (60 for the TVP).
    QDate vettingDueDate(QDate documentsComplete) const;
    // upcoming, due_soon, overdue or met, as of today.
    QString stateOn(QDate dueOn, const std::optional<QDate> &metOn, QDate today) const;
    // An unanswered request whose reminder day has come and that has not been reminded since.
    bool needsReminder(const ClarificationRequest &request, QDate today) const;

    // The case's deadlines as of `today`: events after today are ignored.
    // Clocks that have stopped are listed as met; clocks made moot (a question
    // closed without an answer, a withdrawn case) are left out. The lists all
    // belong to the one application. Sorted by due date.
    QList<CaseDeadline> caseDeadlines(const Application &application, const QList<StatusChange> &statusChanges,
                                      const QList<ClarificationRequest> &clarifications,
                                      const QList<CorrespondenceEntry> &correspondence,
                                      const QList<ProjectReport> &reports, const ReportDueDates &due,
                                      QDate today) const;

private:
    void clarificationDeadlines(const QList<StatusChange> &history, const QList<ClarificationRequest> &clarifications,
                                QDate today, QList<CaseDeadline> &out) const;
    void resultNoticeDeadlines(const QList<StatusChange> &history, const QList<CorrespondenceEntry> &correspondence,
                               QDate today, QList<CaseDeadline> &out) const;
    void vettingDeadline(const Application &application, const QList<StatusChange> &history,
                         const QList<ClarificationRequest> &clarifications, QDate today, QList<CaseDeadline> &out) const;
    void reportDeadlines(const Application &application, const QList<StatusChange> &history,
                         const QList<ProjectReport> &reports, const ReportDueDates &due, QDate today,
                         QList<CaseDeadline> &out) const;
    CaseDeadline deadline(const QString &kind, QDate dueOn, const QString &subjectId,
                          const std::optional<QDate> &metOn, QDate today) const;
    bool isOver(const QList<StatusChange> &history, const Application &application) const;

    Workflow m_workflow;
    HolidayCalendar m_calendar;
    int m_clarificationDays = 0;
    int m_reminderDays = 0;
    int m_resultNoticeWorkingDays = 0;
    int m_vettingWorkingDays = 0;
    QString m_clarificationStatus;
    QStringList m_clarificationAnswerActions;
    QStringList m_documentsCompleteActions;
    QStringList m_committeeOutcomeActions;
    QStringList m_vettingOutcomeActions;
    QStringList m_vettingStatuses;  // where a vetting outcome can be recorded from
    QStringList m_projectStartActions;
};

} // namespace vd
