#pragma once

#include "application.h"
#include "enterprise.h"
#include "money.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace vd {

class RuleBook;

// Everything the rules look at: the applicant, its earlier applications, the
// enterprises sharing its owners, and the application itself.
struct AssessmentInput
{
    Enterprise applicant;
    QList<ApplicationHistoryEntry> history;
    QList<RelatedEnterprise> related;
    Application application;
    // The date a draft is assessed as of when application.submitted is
    // absent, such as today. Ignored once the application has been submitted.
    QDate draftDate;

    // The date whose rules apply: the submission date, or draftDate for a draft.
    QDate assessedOn() const { return application.submitted.value_or(draftDate); }
    friend bool operator==(const AssessmentInput &, const AssessmentInput &) = default;
};

// One thing the rules found, kept as a stable code with its arguments so that
// the message is written in whatever language is current when it is shown.
// Arguments are plain values: money as "120000.00", dates as "2024-03-31",
// counts as "3", percentages as "50"; message() formats them for the locale.
struct Finding
{
    QString code;           // SCHEME_NOT_OPEN, QUOTATIONS_INSUFFICIENT… (docs/rules.md)
    QString path;           // where, as a JSON path: application.items[1]
    QStringList arguments;

    // For the applicant: what is wrong and what to do, with the numbers.
    QString message() const;
    friend bool operator==(const Finding &, const Finding &) = default;
};

// The outcome of applying a rule set to an application (formats/assess.md).
struct Assessment
{
    QString ruleSet;                  // empty when no rule set applies
    bool eligible = false;
    Money totalCost;
    Money eligibleCost;
    Money grant;                      // zero when there is any error
    Money applicantContribution;      // total cost less the grant
    Money capRemainingBefore;         // never below zero
    int projectsUsedBefore = 0;
    Money initialPaymentMax;
    bool auditedAccountsRequired = false;
    QDate finalReportDue;             // invalid without a rule set or a project end
    QDate evaluationReportDue;
    QDate recordsRetainedUntil;
    QList<Finding> errors;
    QList<Finding> warnings;

    friend bool operator==(const Assessment &, const Assessment &) = default;
};

// Applies the rules in force on input.assessedOn() to the input, in the order
// of formats/assess.md, listing every error found. Pure: no clock, no files.
Assessment assess(const AssessmentInput &input, const RuleBook &rules);

} // namespace vd
