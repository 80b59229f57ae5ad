#pragma once

#include "money.h"
#include "scheme.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace vd {

// How many quotations an item needs, by its amount: a band covers amounts
// below a limit (exclusive) or up to a limit (inclusive).
struct QuotationBand
{
    Money limit;
    bool inclusive = true;  // "up_to" when true, "below" when false
    int quotations = 0;

    bool covers(Money amount) const { return inclusive ? amount <= limit : amount < limit; }
};

// Small and medium enterprises: fewer employees than these.
struct SmeLimits
{
    int manufacturingEmployeesBelow = 0;
    int otherEmployeesBelow = 0;

    int limitFor(bool manufacturing) const { return manufacturing ? manufacturingEmployeesBelow : otherEmployeesBelow; }
};

// What a budget category may count for: subscriptions by months, the audit
// fee by amount, off-the-shelf products by their share of the project cost.
struct CategoryLimit
{
    std::optional<int> maxMonths;
    std::optional<Money> maxAmount;
    std::optional<Percentage> maxShare;
};

// Before this date, the history of enterprises sharing at least this much
// ownership with the applicant counts towards its cap.
struct RelatedEnterpriseRule
{
    QDate aggregateBefore;
    Percentage minCommonOwnership;
};

// Applications submitted from this date may receive this share of the grant on signing.
struct InitialPaymentRule
{
    QDate submittedFrom;
    Percentage maxShare;
};

// One version of a scheme's rules, in force for applications submitted from
// effectiveFrom until the next version. Every value comes from scheme data.
struct RuleSet
{
    QString id;
    QDate effectiveFrom;
    Ratio fundingRatio;
    Money cumulativeCap;
    int maxProjects = 0;

    QRegularExpression brNumberPattern;
    QStringList nullBrNumberAllowedFor;        // entity types
    std::optional<SmeLimits> smeLimits;
    std::optional<int> minOperatingYears;

    int maxDurationMonths = 0;
    QList<QuotationBand> quotationBands;       // ascending; above the last one: open tender
    bool platformQuotationSuffices = false;
    QMap<QString, CategoryLimit> categoryLimits; // by budget category

    std::optional<RelatedEnterpriseRule> relatedEnterprises;
    std::optional<InitialPaymentRule> initialPayment;
    Money auditedAccountsWhenGrantOver;
    int finalReportMonths = 0;
    int evaluationReportMonths = 0;
    int recordsRetentionYears = 0;

    QStringList openStatuses;                  // an application in one of these blocks a new one
    QStringList countedStatuses;               // one in these counts towards the cap and project limit

    // The band for an amount, or nothing when the amount needs an open tender.
    const QuotationBand *quotationBandFor(Money amount) const;
    CategoryLimit limitFor(const QString &category) const { return categoryLimits.value(category); }
};

// The `rules` section of a scheme, read and checked once: `defaults` merged
// under each of `rule_sets`, which are ordered by the date they take effect.
class RuleBook
{
    Q_DECLARE_TR_FUNCTIONS(vd::RuleBook)

public:
    // Throws DomainError (code SCHEME_INVALID) naming the JSON path of a bad
    // or missing value, such as rules.rule_sets[1].cumulative_cap.
    explicit RuleBook(const Scheme &scheme);
    // The rules of the Technology Voucher Programme shipped in the resources, read once.
    static const RuleBook &technologyVoucher();

    const Scheme &scheme() const { return m_scheme; }
    const QList<RuleSet> &ruleSets() const { return m_ruleSets; }
    // The rule set for an application submitted on that date; nullptr before the first.
    const RuleSet *ruleSetFor(QDate submitted) const;
    // Whether some rule set counts this category by months, so an item of it must say how many.
    bool countsMonths(const QString &category) const;

private:
    Scheme m_scheme;
    QList<RuleSet> m_ruleSets;
};

} // namespace vd
