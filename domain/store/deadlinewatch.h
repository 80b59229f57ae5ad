#pragma once

#include "applicationrepository.h"
#include "deadlines.h"
#include "rulebook.h"
#include "user.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace vd {

class Workspace;

// A deadline of one of a person's cases, with what a list needs to show the case.
struct WatchedDeadline
{
    ApplicationSummary application;
    CaseDeadline deadline;
};

// The deadlines a person has to watch as of a day: for an applicant, those of
// its enterprise's cases; for a secretariat officer, those of the cases
// assigned to them. Other roles own no case clocks and watch none. Only
// clocks still running are listed (overdue, or due within the horizon);
// keeping records until a day is not a task with a due date and is left out.
class DeadlineWatch
{
public:
    explicit DeadlineWatch(Workspace &workspace, const RuleBook &rules = RuleBook::technologyVoucher(),
                           const DeadlinePolicy &policy = DeadlinePolicy::technologyVoucher());

    // Earliest due first; cases whose days the holiday calendar does not cover are skipped.
    QList<WatchedDeadline> forPerson(const User &user, QDate today, int horizonDays) const;

private:
    QList<ApplicationSummary> casesOf(const User &user) const;
    QList<CaseDeadline> deadlinesOf(const ApplicationSummary &summary, QDate today) const;

    Workspace &m_workspace;
    const RuleBook &m_rules;
    const DeadlinePolicy &m_policy;
    QStringList m_projectStartActions;
};

} // namespace vd
