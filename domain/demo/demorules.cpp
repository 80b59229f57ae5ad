#include "demorules.h"

#include "jsonreader.h"
#include "scheme.h"

#include <QCoreApplication>

#include <algorithm>

namespace vd {

namespace {

const QString kRules = QStringLiteral("rules");

// A rule-set field, or the scheme's default when the rule set leaves it out.
JsonReader fieldOf(const JsonReader &ruleSet, const JsonReader &defaults, const QString &key)
{
    return ruleSet.has(key) && !ruleSet.isNull(key) ? ruleSet : defaults;
}

QStringList stringList(const JsonReader &reader, const QString &key)
{
    QStringList values;
    for (const JsonReader &element : reader.array(key)) {
        if (!element.value().isString())
            element.failHere(QCoreApplication::translate("vd::DemoRules", "expected text"));
        values.append(element.value().toString());
    }
    return values;
}

} // namespace

DemoRules::DemoRules(const Scheme &scheme)
{
    const JsonReader rules(scheme.rules(), kRules);
    const JsonReader defaults = rules.object(QStringLiteral("defaults"));

    for (const JsonReader &set : rules.array(QStringLiteral("rule_sets"))) {
        DemoRuleSet ruleSet;
        ruleSet.id = set.string(QStringLiteral("id"));
        ruleSet.effectiveFrom = set.date(QStringLiteral("effective_from"));
        const JsonReader ratio = set.object(QStringLiteral("funding_ratio"));
        ruleSet.fundingRatio = {ratio.integer(QStringLiteral("numerator"), 1, 1000),
                                ratio.integer(QStringLiteral("denominator"), 1, 1000)};
        ruleSet.cumulativeCap = set.money(QStringLiteral("cumulative_cap"), true);
        ruleSet.maxProjects = int(set.integer(QStringLiteral("max_projects"), 1, 1000));
        const QString sme = QStringLiteral("sme_limits");
        if (const auto limits = fieldOf(set, defaults, sme).optionalObject(sme)) {
            ruleSet.smeOnly = true;
            ruleSet.manufacturingEmployeesBelow = int(limits->integer(QStringLiteral("manufacturing_employees_below"), 1, 100000));
            ruleSet.otherEmployeesBelow = int(limits->integer(QStringLiteral("other_employees_below"), 1, 100000));
        }
        const QString years = QStringLiteral("min_operating_years");
        ruleSet.minOperatingYears = int(fieldOf(set, defaults, years).optionalInteger(years, 0, 100).value_or(0));
        const QString finalMonths = QStringLiteral("final_report_months");
        ruleSet.finalReportMonths = int(fieldOf(set, defaults, finalMonths).integer(finalMonths, 1, 120));
        const QString evaluationMonths = QStringLiteral("evaluation_report_months");
        ruleSet.evaluationReportMonths = int(fieldOf(set, defaults, evaluationMonths).integer(evaluationMonths, 1, 120));
        m_ruleSets.append(ruleSet);
    }
    if (m_ruleSets.isEmpty())
        rules.fail(QStringLiteral("rule_sets"),
                   QCoreApplication::translate("vd::DemoRules", "a scheme needs at least one rule set: add one with its effective date"));
    std::sort(m_ruleSets.begin(), m_ruleSets.end(),
              [](const DemoRuleSet &a, const DemoRuleSet &b) { return a.effectiveFrom < b.effectiveFrom; });

    for (const JsonReader &band : defaults.array(QStringLiteral("quotation_bands"))) {
        const bool below = band.has(QStringLiteral("below"));
        m_bands.append({band.money(below ? QStringLiteral("below") : QStringLiteral("up_to"), true), below,
                        int(band.integer(QStringLiteral("quotations"), 0, 100))});
    }
    maxDurationMonths = int(defaults.integer(QStringLiteral("max_duration_months"), 1, 120));
    const JsonReader limits = defaults.object(QStringLiteral("category_limits"));
    m_subscriptionMaxMonths = int(limits.object(QStringLiteral("subscription")).integer(QStringLiteral("max_months"), 1, 120));
    m_auditFeeMax = limits.object(QStringLiteral("audit_fee")).money(QStringLiteral("max_amount"), true);
    const JsonReader related = defaults.object(QStringLiteral("related_enterprises"));
    relatedAggregateBefore = related.date(QStringLiteral("aggregate_before"));
    relatedMinOwnership = related.percentage(QStringLiteral("min_common_ownership_pct"));
    const JsonReader initial = defaults.object(QStringLiteral("initial_payment"));
    m_initialPaymentFrom = initial.date(QStringLiteral("submitted_from"));
    m_initialPaymentShare = initial.percentage(QStringLiteral("max_share_pct"));
    auditedAccountsOver = defaults.money(QStringLiteral("audited_accounts_when_grant_over"), true);
    countedStatuses = stringList(defaults, QStringLiteral("counted_statuses"));

    const JsonReader deadlines(scheme.deadlines(), QStringLiteral("deadlines"));
    clarificationResponseDays = int(deadlines.integer(QStringLiteral("clarification_response_days"), 1, 365));
    reminderDaysBeforeDue = int(deadlines.integer(QStringLiteral("reminder_days_before_due"), 0, 365));
    resultNoticeWorkingDays = int(deadlines.integer(QStringLiteral("result_notice_working_days_after_committee"), 1, 365));
}

const DemoRuleSet *DemoRules::ruleSetOn(QDate submitted) const
{
    const DemoRuleSet *inForce = nullptr;
    for (const DemoRuleSet &ruleSet : m_ruleSets) {
        if (ruleSet.effectiveFrom <= submitted)
            inForce = &ruleSet;
    }
    return inForce;
}

QDate DemoRules::smeLimitsEndOn() const
{
    for (const DemoRuleSet &ruleSet : m_ruleSets) {
        if (!ruleSet.smeOnly)
            return ruleSet.effectiveFrom;
    }
    return {};
}

std::optional<int> DemoRules::quotationsNeeded(Money amount) const
{
    for (const QuotationBand &band : m_bands) {
        if (band.below ? amount < band.limit : amount <= band.limit)
            return band.quotations;
    }
    return std::nullopt;
}

Money DemoRules::eligibleAmount(const BudgetItem &item) const
{
    if (item.category == QLatin1String("subscription") && item.months && *item.months > m_subscriptionMaxMonths)
        return item.amount.multipliedBy(Ratio{m_subscriptionMaxMonths, *item.months}, Rounding::Down);
    if (item.category == QLatin1String("audit_fee"))
        return min(item.amount, m_auditFeeMax);
    return item.amount;
}

Money DemoRules::grantByRatio(const QList<BudgetItem> &items, const DemoRuleSet &ruleSet) const
{
    Money eligible;
    for (const BudgetItem &item : items)
        eligible += eligibleAmount(item);
    return eligible.multipliedBy(ruleSet.fundingRatio, Rounding::Down).roundedToDollar(Rounding::Down);
}

Money DemoRules::initialPaymentMax(Money grant, QDate submitted) const
{
    if (submitted < m_initialPaymentFrom)
        return {};
    return grant.multipliedBy(m_initialPaymentShare.ratio(), Rounding::Down).roundedToDollar(Rounding::Down);
}

} // namespace vd
