#pragma once

#include "application.h"
#include "assessment.h"
#include "audittrail.h"
#include "casesignatures.h"
#include "casework.h"
#include "committee.h"
#include "deadlines.h"
#include "enterprise.h"
#include "funding.h"
#include "rulebook.h"
#include "user.h"

#include <QDate>
#include <QHash>
#include <QLocale>
#include <QList>
#include <QString>

#include <optional>

namespace vd {

class Workspace;

// A case by its reference (TVP/2024/00042) or, for a draft that has none yet, its id.
std::optional<Application> findCase(Workspace &workspace, const QString &referenceOrId);

// What the rules engine is given for a case: its applicant, the applications
// the enterprise and the enterprises related to it submitted before this one
// (as they stand now), and the case itself. A draft is assessed as of
// draftDate, with every earlier submission as its history.
AssessmentInput caseAssessmentInput(Workspace &workspace, const Application &application, QDate draftDate);

// The report dates of an assessment, for the case's deadlines.
ReportDueDates reportDueDates(const Assessment &assessment);

// Everything kept about one case, read in one go for a case page or `show`:
// the application, its applicant, its history and casework, the committee's
// and the funding records, the rules engine's assessment, its deadlines as of
// a day, and its audit entries.
struct CaseFile
{
    Application application;
    Enterprise applicant;
    QList<StatusChange> statusChanges;               // oldest first
    QList<ClarificationRequest> clarifications;
    QList<CorrespondenceEntry> correspondence;
    QList<EligibilityCheck> eligibilityChecks;         // the items checked so far
    QList<AgendaItem> agendaItems;
    QHash<QString, Meeting> meetings;                // of the agenda items and reviews, by id
    QList<InterestDeclaration> declarations;         // members' conflicts declared on the case
    QList<Review> reviews;
    QList<CommitteeOutcome> outcomes;
    QList<Approval> approvals;
    QList<FundingAgreement> agreements;
    QList<DisbursementMilestone> milestones;
    QList<Payment> payments;
    QList<ChangeRequest> changeRequests;
    QList<SiteCheck> siteChecks;
    QList<ProjectReport> reports;
    Assessment assessment;
    QList<CaseDeadline> deadlines;
    // Why there are no deadlines, when the holiday calendar does not cover the days they need.
    QString deadlinesUnavailable;
    QList<CheckedSignature> signatures;              // over its items, each checked, oldest first
    QList<AuditEntry> auditEntries;                  // about the case and each of its records, in chain order
    QHash<QString, User> people;                     // every user the file names, by id

    // The user's name for a person: the username, or the id when the workspace does not know the user.
    QString personName(const QString &userId) const; // the username, for machines
    // The person's name in the locale's language, for people (the username when unnamed).
    QString personDisplayName(const QString &userId, const QLocale &locale) const;

    // Throws DomainError NOT_FOUND naming the reference when there is no such case.
    static CaseFile load(Workspace &workspace, const QString &referenceOrId, QDate today,
                         const RuleBook &rules = RuleBook::technologyVoucher(),
                         const DeadlinePolicy &deadlines = DeadlinePolicy::technologyVoucher());
};

} // namespace vd
