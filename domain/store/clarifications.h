#pragma once

#include "casework.h"
#include "deadlines.h"
#include "user.h"
#include "workflow.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace vd {

class Workspace;

// Asking and answering clarification requests on a case. Each call writes
// one unit of work: the request and the letter that carries it (outgoing with
// the question, incoming with the answer), each with its audit and outbox
// entries. Who may ask is whoever may put a case into the scheme's
// clarification status; who may answer, whoever may take its answer actions
// (the scheme's `deadlines` section names both) — and an applicant answers
// only for its own enterprise, on or before the due date.
class Clarifications
{
    Q_DECLARE_TR_FUNCTIONS(vd::Clarifications)

public:
    explicit Clarifications(Workspace &workspace, const Workflow &workflow = Workflow::technologyVoucher(),
                            const DeadlinePolicy &deadlines = DeadlinePolicy::technologyVoucher());

    // The time requests are asked and answered at (tests); by default the clock's.
    void setTime(const QDateTime &at) { m_at = at; }

    // The due date a request asked on that day gets unless the officer sets another.
    QDate defaultDueDate(QDate asked) const { return m_deadlines.clarificationDueDate(asked); }
    bool mayAsk(const User &user) const { return user.active && m_askingRoles.contains(user.role); }
    bool mayAnswer(const User &user) const { return user.active && m_answeringRoles.contains(user.role); }

    // Throws DomainError ROLE_NOT_PERMITTED, NOT_FOUND, CASE_CLOSED (the case
    // is in a terminal status), QUESTION_EMPTY or DUE_DATE_INVALID (none, or
    // not after today), each with a message saying what to do; nothing is
    // written then.
    ClarificationRequest ask(const User &officer, const QString &applicationId, const QString &question, QDate dueOn);

    // Throws DomainError ROLE_NOT_PERMITTED, NOT_FOUND, NOT_OWN_ENTERPRISE,
    // ALREADY_ANSWERED, CLARIFICATION_OVERDUE (after the due date) or
    // ANSWER_EMPTY; nothing is written then.
    ClarificationRequest answer(const User &applicant, const QString &requestId, const QString &answer);

private:
    QDateTime now() const;
    QDate today() const;

    Workspace &m_workspace;
    const Workflow &m_workflow;
    const DeadlinePolicy &m_deadlines;
    QStringList m_askingRoles;
    QStringList m_answeringRoles;
    QDateTime m_at;
};

} // namespace vd
