#include "casetransitions.h"

#include "applicationrepository.h"
#include "casefile.h"
#include "committeerepository.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "fundingrepository.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace vd {

namespace {

// The actions with consequences beyond the status (docs/casedesk.md).
const QString kApprove = QStringLiteral("approve");
const QString kStartScreening = QStringLiteral("start_screening");
const QString kApplicantRole = QStringLiteral("applicant");
const QString kSecretariatRole = QStringLiteral("secretariat");

TransitionResult refused(TransitionResult result, const QString &code, const QString &reason)
{
    result.applied = false;
    result.refusalCode = code;
    result.reason = reason;
    return result;
}

QString enterpriseName(Workspace &workspace, const QString &enterpriseId, const QLocale &locale)
{
    const std::optional<Enterprise> enterprise = EnterpriseRepository(workspace).find(enterpriseId);
    return enterprise ? enterprise->name.in(locale) : enterpriseId;
}

// The committee's latest recommended grant, if it recommended one.
std::optional<Money> recommendedGrant(Workspace &workspace, const QString &applicationId)
{
    std::optional<Money> grant;
    for (const CommitteeOutcome &outcome : CommitteeRepository(workspace).outcomes(applicationId)) {
        if (outcome.recommendedGrant)
            grant = outcome.recommendedGrant;
    }
    return grant;
}

QString caseName(const Application &application)
{
    return application.reference.isEmpty() ? application.id : application.reference;
}

} // namespace

// Refusals about the account and the revision the person saw, before the workflow is asked.
std::optional<CaseTransitions::Refusal> CaseTransitions::accountRefusal(const CaseContext &context)
{
    const User &actor = context.actor;
    const Application &application = context.application;
    if (!actor.active)
        return Refusal{QStringLiteral("USER_INACTIVE"),
                       tr("The account %1 is not active, so it cannot act on cases. Ask an administrator to "
                          "reactivate it, or sign in with your current account.").arg(actor.username)};
    const std::optional<qint64> &seen = context.request.revision;
    if (seen && *seen != application.revision)
        return Refusal{QStringLiteral("STALE_REVISION"),
                       tr("Case %1 was changed since you read it (you saw revision %2, it is now at revision %3). "
                          "Reload the case and decide again.").arg(caseName(application)).arg(*seen).arg(application.revision)};
    return std::nullopt;
}

// Whose case it is: an applicant acts for its own enterprise only, and no one
// else acts on a case of the enterprise they belong to.
std::optional<CaseTransitions::Refusal> CaseTransitions::enterpriseRefusal(const CaseContext &context,
                                                                           const Workflow &workflow)
{
    const User &actor = context.actor;
    const Application &application = context.application;
    const QString actionName = workflow.findAction(context.request.action)->name.in(context.locale);
    const QString applicant = enterpriseName(context.workspace, application.enterpriseId, context.locale);
    if (actor.role == kApplicantRole && actor.enterpriseId != application.enterpriseId)
        return Refusal{QStringLiteral("NOT_OWN_ENTERPRISE"),
                       tr("Case %1 is the application of %2; you act for %3, so you cannot take the action “%4” on it.")
                           .arg(caseName(application), applicant,
                                enterpriseName(context.workspace, actor.enterpriseId, context.locale), actionName)};
    if (actor.role != kApplicantRole && !actor.enterpriseId.isEmpty() && actor.enterpriseId == application.enterpriseId)
        return Refusal{QStringLiteral("CONFLICT_OF_INTEREST"),
                       tr("Case %1 is the application of %2, the enterprise you belong to: no one may take the action "
                          "“%3” on a case of their own enterprise. Ask another officer to take it.")
                           .arg(caseName(application), applicant, actionName)};
    return std::nullopt;
}

qsizetype TransitionBatch::appliedCount() const
{
    return std::count_if(results.begin(), results.end(), [](const TransitionResult &result) { return result.applied; });
}

CaseTransitions::CaseTransitions(Workspace &workspace, const Workflow &workflow, const RuleBook &rules,
                                 const HolidayCalendar &calendar)
    : m_workspace(workspace), m_workflow(workflow), m_rules(rules), m_calendar(calendar)
{
}

QDateTime CaseTransitions::now() const
{
    return m_at.isValid() ? m_at.toUTC() : QDateTime::currentDateTimeUtc();
}

User CaseTransitions::user(const QString &username) const
{
    std::optional<User> found = UserRepository(m_workspace).findByUsername(username);
    if (!found)
        throw DomainError(QStringLiteral("UNKNOWN_USER"), username,
                          tr("there is no user with this name in the workspace. Check the spelling of the username."));
    return *found;
}

void CaseTransitions::requireAction(const QString &action) const
{
    if (m_workflow.findAction(action))
        return;
    QStringList actions;
    for (const WorkflowAction &known : m_workflow.actions())
        actions << known.id;
    throw DomainError(QStringLiteral("UNKNOWN_ACTION"), action,
                      tr("this is not an action of the scheme's workflow. The actions are: %1.")
                          .arg(actions.join(QStringLiteral(", "))));
}

Application CaseTransitions::requireCase(const QString &caseKey) const
{
    std::optional<Application> found = findCase(m_workspace, caseKey);
    if (!found)
        throw DomainError(QStringLiteral("NOT_FOUND"), caseKey,
                          tr("no case in this workspace has this reference or id. Check the reference, or find "
                             "the case by searching for words of its title."));
    return *found;
}

QString CaseTransitions::nextReference(int year) const
{
    // References of one year sort together: PREFIX/YEAR/ up to (not including) PREFIX/YEAR0.
    const QString prefix = m_rules.scheme().referencePrefix() + u'/' + QString::number(year) + u'/';
    QSqlQuery &query = m_workspace.statement(QStringLiteral(
        "SELECT coalesce(max(CAST(substr(reference, ?) AS INTEGER)), 0) FROM applications "
        "WHERE reference >= ? AND reference < ?"));
    query.bindValue(0, prefix.size() + 1);
    query.bindValue(1, prefix);
    query.bindValue(2, prefix.chopped(1) + u'0');
    m_workspace.exec(query);
    const qint64 last = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return prefix + QString::number(last + 1).rightJustified(5, u'0');
}

TransitionResult CaseTransitions::apply(const TransitionRequest &request, const QLocale &locale)
{
    const User actor = user(request.username);
    requireAction(request.action);
    const Application application = requireCase(request.caseKey);
    return decideAndApply(actor, application.id, request, locale);
}

TransitionBatch CaseTransitions::applyToEach(const QStringList &caseKeys, const QString &action,
                                             const QString &username, const QString &reason, const QLocale &locale)
{
    const User actor = user(username);
    requireAction(action);
    QStringList keys, ids, unknown;
    QSet<QString> seen;
    for (const QString &key : caseKeys) {
        const std::optional<Application> application = findCase(m_workspace, key);
        if (!application) {
            unknown << key;
        } else if (!seen.contains(application->id)) {
            seen.insert(application->id);
            keys << key;
            ids << application->id;
        }
    }
    if (!unknown.isEmpty())
        throw DomainError(QStringLiteral("NOT_FOUND"), unknown.join(QStringLiteral(", ")),
                          tr("no case in this workspace has this reference or id, so no case was changed. Check "
                             "the references, or find the cases by searching for words of their titles."));
    TransitionBatch batch;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const TransitionRequest request{keys[i], action, username, reason, std::nullopt};
        try {
            batch.results.append(decideAndApply(actor, ids[i], request, locale));
        } catch (const DomainError &error) {
            TransitionResult failed;
            failed.caseKey = keys[i];
            failed.applicationId = ids[i];
            batch.results.append(refused(failed, error.code(), error.message()));
        }
    }
    return batch;
}

TransitionResult CaseTransitions::decideAndApply(const User &actor, const QString &applicationId,
                                                 const TransitionRequest &request, const QLocale &locale)
{
    // Read and decide inside the write transaction, so that no other writer
    // can change the case between the decision and the change.
    const QDateTime at = now();
    UnitOfWork work(m_workspace, actor.id);
    work.setTime(at);
    ApplicationRepository applications(m_workspace);
    const std::optional<Application> stored = applications.find(applicationId);
    if (!stored)
        throw DomainError(QStringLiteral("NOT_FOUND"), request.caseKey, tr("the case was removed from the workspace."));
    const Application &application = *stored;

    TransitionResult result;
    result.caseKey = request.caseKey;
    result.applicationId = application.id;
    result.reference = application.reference;
    result.fromStatus = application.status;
    const CaseContext context{m_workspace, actor, application, request, locale};
    const TransitionDecision decision = m_workflow.decide(application.status, request.action, actor.role, request.reason);
    std::optional<Refusal> refusal = accountRefusal(context);
    if (!refusal && !decision.allowed)
        refusal = Refusal{decision.refusalCode, decision.reason(locale)};
    if (!refusal)
        refusal = enterpriseRefusal(context, m_workflow);

    Application changed = application;
    changed.status = decision.targetStatus;
    if (!refusal)
        refusal = settle(context, changed, m_calendar.localDate(at), result.findings);
    if (refusal)
        return refused(result, refusal->code, refusal->reason);

    applications.save(work, changed, request.action);
    StatusChange change{QString(), changed.id, request.action, application.status, changed.status, actor.id, at,
                        request.reason.trimmed()};
    applications.recordStatusChange(work, change);
    if (request.action == kApprove) {
        Approval approval{QString(), changed.id, *changed.approvedGrant, actor.id, at};
        FundingRepository(m_workspace).save(work, approval, request.action);
    }
    work.commit();

    result.applied = true;
    result.reference = changed.reference;
    result.toStatus = changed.status;
    result.approvedGrant = changed.approvedGrant;
    return result;
}

std::optional<CaseTransitions::Refusal> CaseTransitions::settle(const CaseContext &context, Application &changed,
                                                                QDate today, QList<Finding> &findings) const
{
    const Application &application = context.application;
    const bool firstSubmission = application.status == m_workflow.initialStatus() && application.reference.isEmpty();
    const bool approval = context.request.action == kApprove;
    if (firstSubmission) {
        changed.submitted = today;
        changed.reference = nextReference(today.year());
    }
    if (context.request.action == kStartScreening && context.actor.role == kSecretariatRole
        && changed.caseOfficerId.isEmpty())
        changed.caseOfficerId = context.actor.id;
    if (!firstSubmission && !approval)
        return std::nullopt;

    const Assessment assessment = assess(caseAssessmentInput(m_workspace, changed, today), m_rules);
    if (!assessment.errors.isEmpty()) {
        findings = assessment.errors;
        const int problems = int(assessment.errors.size());
        const QString name = caseName(application);
        return Refusal{QStringLiteral("RULES_NOT_MET"),
                       firstSubmission
                           ? tr("Application %1 cannot be submitted: the rules find %n problem(s) in it. Correct them "
                                "and submit again.", nullptr, problems).arg(name)
                           : tr("Case %1 cannot be approved: the rules now find %n problem(s) with it. Refer it back "
                                "to the committee, giving the reason.", nullptr, problems).arg(name)};
    }
    if (approval) {
        // The committee may recommend less than the rules give, never more.
        const std::optional<Money> recommended = recommendedGrant(m_workspace, application.id);
        changed.approvedGrant = recommended ? min(*recommended, assessment.grant) : assessment.grant;
    }
    return std::nullopt;
}

QJsonObject transitionResultJson(const TransitionResult &result)
{
    QJsonArray findings;
    for (const Finding &finding : result.findings)
        findings.append(QJsonObject{{QStringLiteral("code"), finding.code},
                                    {QStringLiteral("path"), finding.path},
                                    {QStringLiteral("message"), finding.message()}});
    const auto optional = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {{QStringLiteral("case"), result.caseKey},
            {QStringLiteral("application_id"), result.applicationId},
            {QStringLiteral("reference"), optional(result.reference)},
            {QStringLiteral("applied"), result.applied},
            {QStringLiteral("from_status"), result.fromStatus},
            {QStringLiteral("to_status"), optional(result.toStatus)},
            {QStringLiteral("refusal_code"), optional(result.refusalCode)},
            {QStringLiteral("reason"), optional(result.reason)},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("approved_grant"),
             result.approvedGrant ? QJsonValue(result.approvedGrant->toDecimalString()) : QJsonValue()}};
}

} // namespace vd
