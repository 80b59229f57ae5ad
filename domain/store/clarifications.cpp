#include "clarifications.h"

#include "applicationrepository.h"
#include "caseworkrepository.h"
#include "domainerror.h"
#include "unitofwork.h"
#include "uuid.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vd {

namespace {

// The roles that may take any of these actions.
QStringList rolesOf(const Workflow &workflow, const QStringList &actions)
{
    QStringList roles;
    for (const WorkflowAction &action : workflow.actions()) {
        if (!actions.contains(action.id))
            continue;
        for (const QString &role : action.roles) {
            if (!roles.contains(role))
                roles << role;
        }
    }
    return roles;
}

// The actions that put a case into the clarification status.
QStringList askingActions(const Workflow &workflow, const QString &clarificationStatus)
{
    QStringList actions;
    for (const WorkflowAction &action : workflow.actions()) {
        if (action.to == clarificationStatus)
            actions << action.id;
    }
    return actions;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &each : value.toArray())
        list << each.toString();
    return list;
}

} // namespace

Clarifications::Clarifications(Workspace &workspace, const Workflow &workflow, const DeadlinePolicy &deadlines)
    : m_workspace(workspace), m_workflow(workflow), m_deadlines(deadlines)
{
    const QJsonObject &section = Scheme::technologyVoucher().deadlines();
    m_askingRoles = rolesOf(workflow, askingActions(workflow, section.value(QLatin1String("clarification_status")).toString()));
    m_answeringRoles = rolesOf(workflow, stringList(section.value(QLatin1String("clarification_answer_actions"))));
}

QDateTime Clarifications::now() const
{
    return m_at.isValid() ? m_at : QDateTime::currentDateTimeUtc();
}

QDate Clarifications::today() const
{
    return m_deadlines.calendar().localDate(now());
}

ClarificationRequest Clarifications::ask(const User &officer, const QString &applicationId, const QString &question,
                                         QDate dueOn)
{
    if (!mayAsk(officer))
        throw DomainError(QStringLiteral("ROLE_NOT_PERMITTED"), officer.username,
                          tr("only the secretariat asks applicants for clarification."));
    const std::optional<Application> application = ApplicationRepository(m_workspace).find(applicationId);
    if (!application)
        throw DomainError(QStringLiteral("NOT_FOUND"), applicationId, tr("this case is not in the workspace."));
    if (m_workflow.isTerminal(application->status))
        throw DomainError(QStringLiteral("CASE_CLOSED"), application->reference,
                          tr("the case is closed: a closed case takes no more questions."));
    const QString trimmed = question.trimmed();
    if (trimmed.isEmpty())
        throw DomainError(QStringLiteral("QUESTION_EMPTY"), QStringLiteral("question"),
                          tr("write the question the applicant is to answer."));
    if (!dueOn.isValid() || dueOn <= today())
        throw DomainError(QStringLiteral("DUE_DATE_INVALID"), QStringLiteral("due_on"),
                          tr("the due date must be after today: give the applicant time to answer."));

    const QDateTime at = now();
    ClarificationRequest request;
    request.id = newUuid();
    request.applicationId = applicationId;
    request.question = trimmed;
    request.askedBy = officer.id;
    request.askedAt = at;
    request.dueOn = dueOn;

    CorrespondenceEntry letter;
    letter.id = newUuid();
    letter.applicationId = applicationId;
    letter.direction = QStringLiteral("outgoing");
    letter.channel = QStringLiteral("portal");
    letter.subject = tr("Request for clarification: %1").arg(application->reference);
    letter.body = trimmed;
    letter.authorId = officer.id;
    letter.at = at;
    letter.clarificationId = request.id;

    UnitOfWork work(m_workspace, officer.id);
    work.setTime(at);
    CaseworkRepository casework(m_workspace);
    casework.save(work, request);
    casework.save(work, letter);
    work.commit();
    return request;
}

ClarificationRequest Clarifications::answer(const User &applicant, const QString &requestId, const QString &answer)
{
    if (!mayAnswer(applicant))
        throw DomainError(QStringLiteral("ROLE_NOT_PERMITTED"), applicant.username,
                          tr("only the applicant answers its clarification requests."));
    CaseworkRepository casework(m_workspace);
    std::optional<ClarificationRequest> request = casework.find<ClarificationRequest>(requestId);
    const std::optional<Application> application =
        request ? ApplicationRepository(m_workspace).find(request->applicationId) : std::nullopt;
    if (!request || !application)
        throw DomainError(QStringLiteral("NOT_FOUND"), requestId, tr("this clarification request is not in the workspace."));
    if (application->enterpriseId != applicant.enterpriseId)
        throw DomainError(QStringLiteral("NOT_OWN_ENTERPRISE"), application->reference,
                          tr("you can answer only your own enterprise's clarification requests."));
    if (request->answeredAt)
        throw DomainError(QStringLiteral("ALREADY_ANSWERED"), application->reference,
                          tr("this request has been answered already. To add anything, write to the secretariat."));
    if (today() > request->dueOn)
        throw DomainError(QStringLiteral("CLARIFICATION_OVERDUE"), application->reference,
                          tr("the answer was due by %1 and can no longer be given here. Please contact the "
                             "secretariat case officer about your application.")
                              .arg(QLocale().toString(request->dueOn, QLocale::LongFormat)));
    const QString trimmed = answer.trimmed();
    if (trimmed.isEmpty())
        throw DomainError(QStringLiteral("ANSWER_EMPTY"), QStringLiteral("answer"),
                          tr("write your answer to the question before sending it."));

    const QDateTime at = now();
    request->answer = trimmed;
    request->answeredBy = applicant.id;
    request->answeredAt = at;

    CorrespondenceEntry letter;
    letter.id = newUuid();
    letter.applicationId = application->id;
    letter.direction = QStringLiteral("incoming");
    letter.channel = QStringLiteral("portal");
    letter.subject = tr("Reply to request for clarification (%1)").arg(application->reference);
    letter.body = trimmed;
    letter.authorId = applicant.id;
    letter.at = at;
    letter.clarificationId = request->id;

    UnitOfWork work(m_workspace, applicant.id);
    work.setTime(at);
    casework.save(work, *request, QStringLiteral("answer_clarification"));
    casework.save(work, letter);
    work.commit();
    return *request;
}

} // namespace vd
