#include "deadlinewatch.h"

#include "casefile.h"
#include "caseworkrepository.h"
#include "domainerror.h"
#include "workflow.h"

#include <algorithm>
#include <limits>

namespace vd {

namespace {

// Statuses in which a case can have a clock running: submitted and not yet over.
QStringList runningStatuses(const Scheme &scheme)
{
    const Workflow workflow(scheme);
    QStringList statuses;
    for (const QString &status : workflow.statuses()) {
        if (status != workflow.initialStatus() && !workflow.isTerminal(status))
            statuses.append(status);
    }
    return statuses;
}

} // namespace

DeadlineWatch::DeadlineWatch(Workspace &workspace, const RuleBook &rules, const DeadlinePolicy &policy)
    : m_workspace(workspace), m_rules(rules), m_policy(policy),
      m_projectStartActions(rules.scheme().deadlines().value(QStringLiteral("project_start_actions")).toVariant()
                                .toStringList())
{
}

QList<ApplicationSummary> DeadlineWatch::casesOf(const User &user) const
{
    ApplicationFilter filter;
    if (user.role == QLatin1String("applicant") && !user.enterpriseId.isEmpty())
        filter.enterpriseId = user.enterpriseId;
    else if (user.role == QLatin1String("secretariat"))
        filter.caseOfficerId = user.id;
    else
        return {};
    filter.statuses = runningStatuses(m_rules.scheme());
    const ApplicationRepository applications(m_workspace);
    return applications.list(filter, Page{std::numeric_limits<int>::max(), 0});
}

// The policy reads the case's id, status and submission day; the full
// application is loaded only for a project under way, whose report dates
// come from the rules engine.
QList<CaseDeadline> DeadlineWatch::deadlinesOf(const ApplicationSummary &summary, QDate today) const
{
    const ApplicationRepository applications(m_workspace);
    const CaseworkRepository casework(m_workspace);
    const QList<StatusChange> history = applications.statusChanges(summary.id);
    const bool started = std::any_of(history.cbegin(), history.cend(), [&](const StatusChange &change) {
        return m_projectStartActions.contains(change.action);
    });
    Application application;
    ReportDueDates due;
    if (started) {
        application = applications.find(summary.id).value_or(Application{});
        due = reportDueDates(assess(caseAssessmentInput(m_workspace, application, today), m_rules));
    } else {
        application.id = summary.id;
        application.status = summary.status;
        application.submitted = summary.submitted;
    }
    return m_policy.caseDeadlines(application, history, casework.forApplication<ClarificationRequest>(summary.id),
                                  casework.forApplication<CorrespondenceEntry>(summary.id),
                                  casework.forApplication<ProjectReport>(summary.id), due, today);
}

QList<WatchedDeadline> DeadlineWatch::forPerson(const User &user, QDate today, int horizonDays) const
{
    const QDate horizon = today.addDays(horizonDays);
    QList<WatchedDeadline> watched;
    for (const ApplicationSummary &summary : casesOf(user)) {
        QList<CaseDeadline> deadlines;
        try {
            deadlines = deadlinesOf(summary, today);
        } catch (const DomainError &error) {
            if (error.code() != QLatin1String("CALENDAR_NOT_COVERED"))
                throw;
            continue;
        }
        for (const CaseDeadline &deadline : std::as_const(deadlines)) {
            const bool running = deadline.state == QLatin1String("overdue")
                || ((deadline.state == QLatin1String("due_soon") || deadline.state == QLatin1String("upcoming"))
                    && deadline.dueOn <= horizon);
            if (running && deadline.kind != QLatin1String("records_retention"))
                watched.append({summary, deadline});
        }
    }
    std::stable_sort(watched.begin(), watched.end(), [](const WatchedDeadline &a, const WatchedDeadline &b) {
        return a.deadline.dueOn < b.deadline.dueOn;
    });
    return watched;
}

} // namespace vd
