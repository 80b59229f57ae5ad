#include "casefile.h"

#include "applicationrepository.h"
#include "caseworkrepository.h"
#include "committeerepository.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "fundingrepository.h"
#include "scheme.h"
#include "userrepository.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace vd {

namespace {

struct CaseFileText
{
    Q_DECLARE_TR_FUNCTIONS(vd::CaseFile)
};

// Whether an earlier entry of the history came before the application: the
// same day counts when its reference is lower (references grow with time).
bool before(const ApplicationHistoryEntry &entry, const Application &application)
{
    if (entry.reference == application.reference)
        return false;
    if (!application.submitted)
        return true;
    return entry.submitted < *application.submitted
        || (entry.submitted == *application.submitted && entry.reference < application.reference);
}

QList<ApplicationHistoryEntry> earlierThan(const QList<ApplicationHistoryEntry> &history, const Application &application)
{
    QList<ApplicationHistoryEntry> earlier;
    for (const ApplicationHistoryEntry &entry : history) {
        if (before(entry, application))
            earlier.append(entry);
    }
    return earlier;
}

// The ids of every record of the case, for its audit entries.
QStringList recordIds(const CaseFile &file)
{
    QStringList ids{file.application.id};
    const auto add = [&ids](const auto &records) {
        for (const auto &record : records)
            ids << record.id;
    };
    add(file.statusChanges);
    add(file.clarifications);
    add(file.correspondence);
    add(file.eligibilityChecks);
    add(file.agendaItems);
    add(file.declarations);
    add(file.reviews);
    add(file.outcomes);
    add(file.approvals);
    add(file.agreements);
    add(file.milestones);
    add(file.payments);
    add(file.changeRequests);
    add(file.siteChecks);
    add(file.reports);
    for (const CheckedSignature &checked : file.signatures)
        ids << checked.signature.id;
    return ids;
}

QSet<QString> meetingIds(const CaseFile &file)
{
    QSet<QString> ids;
    for (const AgendaItem &item : file.agendaItems)
        ids << item.meetingId;
    for (const Review &review : file.reviews)
        ids << review.meetingId;
    ids.remove(QString());
    return ids;
}

// The ids of the people the file names.
QSet<QString> peopleNamed(const CaseFile &file)
{
    QSet<QString> ids{file.application.caseOfficerId};
    for (const StatusChange &change : file.statusChanges)
        ids << change.actorId;
    for (const ClarificationRequest &request : file.clarifications)
        ids << request.askedBy << request.answeredBy;
    for (const CorrespondenceEntry &entry : file.correspondence)
        ids << entry.authorId;
    for (const EligibilityCheck &check : file.eligibilityChecks)
        ids << check.checkedBy;
    for (const InterestDeclaration &declaration : file.declarations)
        ids << declaration.userId << declaration.ruledBy;
    for (const Review &review : file.reviews)
        ids << review.reviewerId;
    for (const CommitteeOutcome &outcome : file.outcomes)
        ids << outcome.recordedBy;
    for (const Approval &approval : file.approvals)
        ids << approval.approvedBy;
    for (const Payment &payment : file.payments)
        ids << payment.proposedBy << payment.releasedBy;
    for (const CheckedSignature &checked : file.signatures)
        ids << checked.signature.signerId;
    for (const ChangeRequest &request : file.changeRequests)
        ids << request.requestedBy << request.decidedBy;
    for (const SiteCheck &check : file.siteChecks)
        ids << check.officerId;
    for (const ProjectReport &report : file.reports)
        ids << report.acceptedBy;
    for (const AuditEntry &entry : file.auditEntries)
        ids << entry.actorId;
    ids.remove(QString());
    return ids;
}

} // namespace

std::optional<Application> findCase(Workspace &workspace, const QString &referenceOrId)
{
    ApplicationRepository applications(workspace);
    if (std::optional<Application> byReference = applications.findByReference(referenceOrId))
        return byReference;
    return applications.find(referenceOrId);
}

AssessmentInput caseAssessmentInput(Workspace &workspace, const Application &application, QDate draftDate)
{
    EnterpriseRepository enterprises(workspace);
    AssessmentInput input;
    input.applicant = enterprises.find(application.enterpriseId).value_or(Enterprise{});
    input.history = earlierThan(enterprises.history(application.enterpriseId), application);
    for (RelatedEnterprise related : enterprises.relatedEnterprises(application.enterpriseId)) {
        related.history = earlierThan(related.history, application);
        input.related.append(related);
    }
    input.application = application;
    input.draftDate = draftDate;
    return input;
}

ReportDueDates reportDueDates(const Assessment &assessment)
{
    const auto valid = [](QDate date) { return date.isValid() ? std::optional<QDate>(date) : std::nullopt; };
    return {valid(assessment.finalReportDue), valid(assessment.evaluationReportDue),
            valid(assessment.recordsRetainedUntil)};
}

QString CaseFile::personName(const QString &userId) const
{
    const auto found = people.constFind(userId);
    return found == people.constEnd() ? userId : found->username;
}

QString CaseFile::personDisplayName(const QString &userId, const QLocale &locale) const
{
    const auto found = people.constFind(userId);
    if (found == people.constEnd())
        return userId;
    const QString name = found->displayName.in(locale);
    return name.isEmpty() ? found->username : name;
}

CaseFile CaseFile::load(Workspace &workspace, const QString &referenceOrId, QDate today, const RuleBook &rules,
                        const DeadlinePolicy &deadlines)
{
    std::optional<Application> application = findCase(workspace, referenceOrId);
    if (!application)
        throw DomainError(QStringLiteral("NOT_FOUND"), referenceOrId,
                          CaseFileText::tr("no %1 case in this workspace has this reference or id. Search for the "
                                           "case by words of its title or its applicant's name instead.")
                              .arg(rules.scheme().name().in(QLocale())));
    CaseFile file;
    file.application = std::move(*application);
    const QString &id = file.application.id;

    ApplicationRepository applications(workspace);
    CaseworkRepository casework(workspace);
    CommitteeRepository committee(workspace);
    FundingRepository funding(workspace);
    const AssessmentInput input = caseAssessmentInput(workspace, file.application, today);
    file.applicant = input.applicant;
    file.statusChanges = applications.statusChanges(id);
    file.clarifications = casework.forApplication<ClarificationRequest>(id);
    file.correspondence = casework.forApplication<CorrespondenceEntry>(id);
    file.eligibilityChecks = casework.forApplication<EligibilityCheck>(id);
    file.changeRequests = casework.forApplication<ChangeRequest>(id);
    file.siteChecks = casework.forApplication<SiteCheck>(id);
    file.reports = casework.forApplication<ProjectReport>(id);
    file.agendaItems = committee.agendaItemsFor(id);
    file.declarations = committee.declarationsFor(id);
    file.reviews = committee.reviews(id);
    file.outcomes = committee.outcomes(id);
    file.approvals = funding.forApplication<Approval>(id);
    file.agreements = funding.forApplication<FundingAgreement>(id);
    file.milestones = funding.forApplication<DisbursementMilestone>(id);
    file.payments = funding.forApplication<Payment>(id);
    for (const QString &meetingId : meetingIds(file)) {
        if (std::optional<Meeting> meeting = committee.find<Meeting>(meetingId))
            file.meetings.insert(meetingId, *meeting);
    }

    file.assessment = assess(input, rules);
    try {
        file.deadlines = deadlines.caseDeadlines(file.application, file.statusChanges, file.clarifications,
                                                 file.correspondence, file.reports, reportDueDates(file.assessment),
                                                 today);
    } catch (const DomainError &error) {
        if (error.code() != QLatin1String("CALENDAR_NOT_COVERED"))
            throw;
        file.deadlinesUnavailable = error.message();
    }

    file.signatures = CaseSignatures::of(workspace, file.application.id);
    AuditTrail trail(workspace);
    for (const QString &recordId : recordIds(file))
        file.auditEntries += trail.forEntity(recordId);
    std::sort(file.auditEntries.begin(), file.auditEntries.end(),
              [](const AuditEntry &a, const AuditEntry &b) { return a.seq < b.seq; });

    UserRepository users(workspace);
    for (const QString &userId : peopleNamed(file)) {
        if (std::optional<User> user = users.find(userId))
            file.people.insert(userId, *user);
    }
    return file;
}

} // namespace vd
