#pragma once

#include "bilingualtext.h"
#include "money.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace vd {

// Ownership shared between two applicants; counted for the cap before 2020-08-14.
struct EnterpriseRelation
{
    QString id;
    QString enterpriseId;
    QString relatedEnterpriseId;
    Percentage commonOwnership;
    friend bool operator==(const EnterpriseRelation &, const EnterpriseRelation &) = default;
};

// One step of a case through the workflow, kept for deadlines and reports.
struct StatusChange
{
    QString id;
    QString applicationId;
    QString action;
    QString fromStatus;
    QString toStatus;
    QString actorId;
    QDateTime at;
    QString reason;
    friend bool operator==(const StatusChange &, const StatusChange &) = default;
};

// Questions the secretariat puts to the applicant, answered by a due date.
struct ClarificationRequest
{
    QString id;
    qint64 revision = 0;
    QString applicationId;
    QString question;
    QString askedBy;
    QDateTime askedAt;
    QDate dueOn;
    QString answer;
    QString answeredBy;
    std::optional<QDateTime> answeredAt;
    std::optional<QDateTime> remindedAt;
    friend bool operator==(const ClarificationRequest &, const ClarificationRequest &) = default;
};

// A letter, e-mail or note kept with the case.
struct CorrespondenceEntry
{
    QString id;
    QString applicationId;
    QString direction;      // incoming | outgoing
    QString channel;        // email | letter | portal | phone
    QString subject;
    QString body;
    QString authorId;
    QDateTime at;
    QString clarificationId; // when it belongs to a clarification request
    friend bool operator==(const CorrespondenceEntry &, const CorrespondenceEntry &) = default;
};

// An officer's finding on one item of the scheme's eligibility checklist
// (registered in Hong Kong, not listed…) for one case: one record per item,
// changed in place, so the audit trail keeps every tick and untick.
struct EligibilityCheck
{
    QString id;
    qint64 revision = 0;
    QString applicationId;
    QString item;            // scheme vocabulary: eligibility_checks
    bool confirmed = false;
    QString note;
    QString checkedBy;
    QDateTime checkedAt;
    friend bool operator==(const EligibilityCheck &, const EligibilityCheck &) = default;
};

// A change to an approved project, needing the secretariat's prior approval.
struct ChangeRequest
{
    QString id;
    qint64 revision = 0;
    QString applicationId;
    QString description;
    QString requestedBy;
    QDateTime requestedAt;
    QString status;          // pending | approved | rejected
    bool committeeConsulted = false;
    QString decidedBy;
    std::optional<QDateTime> decidedAt;
    QString decisionNote;
    friend bool operator==(const ChangeRequest &, const ChangeRequest &) = default;
};

// A random visit by the secretariat to a project in progress.
struct SiteCheck
{
    QString id;
    QString applicationId;
    QDate checkedOn;
    QString officerId;
    QString result;          // satisfactory | issues_found | suspicious
    bool referredToLawEnforcement = false;
    QString notes;
    friend bool operator==(const SiteCheck &, const SiteCheck &) = default;
};

// The final report (within 2 months of completion) or the evaluation report (6 months).
struct ProjectReport
{
    QString id;
    qint64 revision = 0;
    QString applicationId;
    QString kind;            // final | evaluation
    QDateTime submittedAt;
    bool auditedStatement = false;
    QString summary;
    QString acceptedBy;
    std::optional<QDateTime> acceptedAt;
    friend bool operator==(const ProjectReport &, const ProjectReport &) = default;
};

} // namespace vd
