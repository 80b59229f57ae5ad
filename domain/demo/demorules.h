#pragma once

#include "application.h"
#include "money.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vd {

class Scheme;

// One version of the money rules, chosen by an application's submission date.
struct DemoRuleSet
{
    QString id;
    QDate effectiveFrom;
    Ratio fundingRatio;
    Money cumulativeCap;
    int maxProjects = 0;
    bool smeOnly = false; // the rule set limits employees (and operating years)
    int manufacturingEmployeesBelow = 0;
    int otherEmployeesBelow = 0;
    int minOperatingYears = 0;
    int finalReportMonths = 0;      // after the project ends
    int evaluationReportMonths = 0; // after the project ends
};

// The scheme's rules as the demo needs them to make lawful cases: read from
// the scheme's rules and deadlines sections, never written into code.
class DemoRules
{
public:
    explicit DemoRules(const Scheme &scheme);

    const QList<DemoRuleSet> &ruleSets() const { return m_ruleSets; }
    const DemoRuleSet *ruleSetOn(QDate submitted) const; // none before the scheme opened
    QDate openedOn() const { return m_ruleSets.constFirst().effectiveFrom; }
    QDate smeLimitsEndOn() const; // the first day of a rule set open to enterprises of any size

    // Quotations an item of this amount needs; nothing when it needs an open tender.
    std::optional<int> quotationsNeeded(Money amount) const;
    Money eligibleAmount(const BudgetItem &item) const;
    Money grantByRatio(const QList<BudgetItem> &items, const DemoRuleSet &ruleSet) const;
    Money initialPaymentMax(Money grant, QDate submitted) const; // zero before the initial payment existed

    int maxDurationMonths = 12;
    QDate relatedAggregateBefore;
    Percentage relatedMinOwnership;
    Money auditedAccountsOver;
    QStringList countedStatuses;
    int clarificationResponseDays = 0;
    int reminderDaysBeforeDue = 0;
    int resultNoticeWorkingDays = 0;

private:
    struct QuotationBand
    {
        Money limit;
        bool below = false; // "below" the limit rather than "up to" it
        int quotations = 0;
    };

    QList<DemoRuleSet> m_ruleSets;
    QList<QuotationBand> m_bands;
    int m_subscriptionMaxMonths = 0;
    Money m_auditFeeMax;
    QDate m_initialPaymentFrom;
    Percentage m_initialPaymentShare;
};

} // namespace vd
