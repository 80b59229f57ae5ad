#include "assessment.h"

#include "rulebook.h"

#include <QSet>

#include <algorithm>

namespace vd {

namespace {

QString moneyArgument(Money amount) { return amount.toDecimalString(); }
QString dateArgument(QDate date) { return date.toString(Qt::ISODate); }
QString countArgument(qint64 count) { return QString::number(count); }

QString itemPath(qsizetype index)
{
    return QStringLiteral("application.items[%1]").arg(index);
}

// Suppliers count once each, whatever their case or surrounding spaces.
int distinctSuppliers(const QList<Quotation> &quotations)
{
    QSet<QString> suppliers;
    for (const Quotation &quotation : quotations)
        suppliers.insert(quotation.supplier.trimmed().toCaseFolded());
    return int(suppliers.size());
}

// Applies one rule set to one input, collecting findings in the order of the
// rules (formats/assess.md), then the money that follows from them.
class Assessor
{
public:
    Assessor(const AssessmentInput &input, const RuleSet &rules) : m_input(input), m_rules(rules), m_on(input.assessedOn()) {}

    Assessment run()
    {
        m_result.ruleSet = m_rules.id;
        checkApplicant();
        checkOneAtATime();
        checkPeriod();
        assessItems();
        const Money grantByRatio = m_result.eligibleCost.multipliedBy(m_rules.fundingRatio, Rounding::Down)
                                       .roundedToDollar(Rounding::Down);
        applyCap(grantByRatio);
        settleConsequences();
        return m_result;
    }

private:
    void error(const QString &code, const QString &path, const QStringList &arguments = {})
    {
        m_result.errors.append(Finding{code, path, arguments});
    }
    void warning(const QString &code, const QString &path, const QStringList &arguments = {})
    {
        m_result.warnings.append(Finding{code, path, arguments});
    }

    void checkApplicant();
    void checkOneAtATime();
    void checkPeriod();
    void assessItems();
    void checkQuotationCount(qsizetype index, const BudgetItem &item);
    void checkSelection(qsizetype index, const BudgetItem &item);
    Money eligibleAmount(qsizetype index, const BudgetItem &item);
    void checkCategoryShares();
    void applyCap(Money grantByRatio);
    void settleConsequences();

    const AssessmentInput &m_input;
    const RuleSet &m_rules;
    const QDate m_on;
    Assessment m_result;
};

void Assessor::checkApplicant()
{
    const Enterprise &applicant = m_input.applicant;
    if (!applicant.brNumber) {
        if (!m_rules.nullBrNumberAllowedFor.contains(applicant.entityType))
            error(QStringLiteral("INVALID_BR_NUMBER"), QStringLiteral("applicant.br_number"));
    } else if (!m_rules.brNumberPattern.match(*applicant.brNumber).hasMatch()) {
        error(QStringLiteral("INVALID_BR_NUMBER"), QStringLiteral("applicant.br_number"), {*applicant.brNumber});
    }
    if (applicant.listed)
        error(QStringLiteral("LISTED_ENTITY"), QStringLiteral("applicant.listed"));
    if (applicant.governmentSubvented)
        error(QStringLiteral("GOVERNMENT_SUBVENTED"), QStringLiteral("applicant.government_subvented"));
    if (!applicant.substantiveBusinessInHk)
        error(QStringLiteral("NO_SUBSTANTIVE_BUSINESS"), QStringLiteral("applicant.substantive_business_in_hk"));
    if (m_rules.smeLimits) {
        const int limit = m_rules.smeLimits->limitFor(applicant.manufacturing);
        if (applicant.employees >= limit)
            error(QStringLiteral("NOT_SME"), QStringLiteral("applicant.employees"),
                  {countArgument(applicant.employees), countArgument(limit),
                   applicant.manufacturing ? QStringLiteral("manufacturing") : QStringLiteral("other")});
    }
    if (m_rules.minOperatingYears) {
        const QDate latest = m_on.addYears(-*m_rules.minOperatingYears);
        const QDate commenced = applicant.businessCommenced;
        if (!commenced.isValid() || commenced > latest)
            error(QStringLiteral("INSUFFICIENT_OPERATING_HISTORY"), QStringLiteral("applicant.business_commenced"),
                  {dateArgument(commenced), dateArgument(latest)});
    }
}

void Assessor::checkOneAtATime()
{
    for (qsizetype i = 0; i < m_input.history.size(); ++i) {
        const ApplicationHistoryEntry &entry = m_input.history[i];
        if (m_rules.openStatuses.contains(entry.status))
            error(QStringLiteral("PREVIOUS_APPLICATION_OPEN"), QStringLiteral("history[%1]").arg(i),
                  {entry.reference, entry.status});
    }
}

void Assessor::checkPeriod()
{
    const QDate start = m_input.application.start;
    const QDate end = m_input.application.end;
    if (!start.isValid())
        error(QStringLiteral("PERIOD_MISSING"), QStringLiteral("application.start"));
    if (!end.isValid())
        error(QStringLiteral("PERIOD_MISSING"), QStringLiteral("application.end"));
    if (!start.isValid() || !end.isValid())
        return;
    if (end < start) {
        error(QStringLiteral("INVALID_PERIOD"), QStringLiteral("application.end"), {dateArgument(start), dateArgument(end)});
        return;
    }
    const QDate latestEnd = start.addMonths(m_rules.maxDurationMonths).addDays(-1);
    if (end > latestEnd)
        error(QStringLiteral("DURATION_EXCEEDED"), QStringLiteral("application.end"),
              {dateArgument(start), dateArgument(end), countArgument(m_rules.maxDurationMonths), dateArgument(latestEnd)});
}

void Assessor::assessItems()
{
    const QList<BudgetItem> &items = m_input.application.items;
    if (items.isEmpty())
        error(QStringLiteral("NO_ITEMS"), QStringLiteral("application.items"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        checkQuotationCount(i, items[i]);
        if (!items[i].quotations.isEmpty())
            checkSelection(i, items[i]);
        m_result.totalCost += items[i].amount;
        m_result.eligibleCost += eligibleAmount(i, items[i]);
    }
    checkCategoryShares();
}

void Assessor::checkQuotationCount(qsizetype index, const BudgetItem &item)
{
    const QuotationBand *band = m_rules.quotationBandFor(item.amount);
    if (!band) {
        error(QStringLiteral("OPEN_TENDER_REQUIRED"), itemPath(index),
              {moneyArgument(item.amount), moneyArgument(m_rules.quotationBands.last().limit)});
        return;
    }
    const bool fromPlatform = m_rules.platformQuotationSuffices
        && std::any_of(item.quotations.begin(), item.quotations.end(),
                       [](const Quotation &quotation) { return quotation.selected && quotation.platform; });
    const int given = distinctSuppliers(item.quotations);
    if (!fromPlatform && given < band->quotations)
        error(QStringLiteral("QUOTATIONS_INSUFFICIENT"), itemPath(index),
              {moneyArgument(item.amount), countArgument(band->quotations), countArgument(given)});
}

void Assessor::checkSelection(qsizetype index, const BudgetItem &item)
{
    const auto selectedCount = std::count_if(item.quotations.begin(), item.quotations.end(),
                                             [](const Quotation &quotation) { return quotation.selected; });
    if (selectedCount != 1) {
        error(QStringLiteral("SELECTED_QUOTATION_INVALID"), itemPath(index), {countArgument(selectedCount)});
        return;
    }
    const Quotation &selected = *std::find_if(item.quotations.begin(), item.quotations.end(),
                                              [](const Quotation &quotation) { return quotation.selected; });
    if (selected.amount != item.amount)
        error(QStringLiteral("ITEM_AMOUNT_MISMATCH"), itemPath(index),
              {moneyArgument(item.amount), moneyArgument(selected.amount), selected.supplier});
    const Quotation &lowest = *std::min_element(item.quotations.begin(), item.quotations.end(),
                                                [](const Quotation &a, const Quotation &b) { return a.amount < b.amount; });
    if (selected.amount > lowest.amount && item.justification.trimmed().isEmpty())
        error(QStringLiteral("LOWEST_QUOTATION_NOT_SELECTED"), itemPath(index),
              {moneyArgument(selected.amount), moneyArgument(lowest.amount), lowest.supplier});
}

Money Assessor::eligibleAmount(qsizetype index, const BudgetItem &item)
{
    const CategoryLimit limit = m_rules.limitFor(item.category);
    Money eligible = item.amount;
    if (limit.maxMonths) {
        if (!item.months) {
            error(QStringLiteral("MONTHS_MISSING"), itemPath(index));
        } else if (*item.months > *limit.maxMonths) {
            eligible = item.amount.multipliedBy(Ratio{*limit.maxMonths, *item.months}, Rounding::Down);
            warning(QStringLiteral("SUBSCRIPTION_CAPPED"), itemPath(index),
                    {countArgument(*item.months), countArgument(*limit.maxMonths), moneyArgument(item.amount),
                     moneyArgument(eligible)});
        }
    }
    if (limit.maxAmount && eligible > *limit.maxAmount) {
        eligible = *limit.maxAmount;
        warning(QStringLiteral("AUDIT_FEE_CAPPED"), itemPath(index), {moneyArgument(item.amount), moneyArgument(eligible)});
    }
    return eligible;
}

void Assessor::checkCategoryShares()
{
    for (auto limit = m_rules.categoryLimits.begin(); limit != m_rules.categoryLimits.end(); ++limit) {
        if (!limit->maxShare)
            continue;
        Money share;
        for (const BudgetItem &item : m_input.application.items) {
            if (item.category == limit.key())
                share += item.amount;
        }
        // Whole cents above the share rounded down are exactly the amounts above the share itself.
        if (share > m_result.totalCost.multipliedBy(limit->maxShare->ratio(), Rounding::Down))
            error(QStringLiteral("OFF_THE_SHELF_OVER_LIMIT"), QStringLiteral("application.items"),
                  {moneyArgument(share), moneyArgument(m_result.totalCost), limit->maxShare->toString()});
    }
}

void Assessor::applyCap(Money grantByRatio)
{
    QList<const ApplicationHistoryEntry *> counted;
    auto count = [&](const QList<ApplicationHistoryEntry> &history) {
        for (const ApplicationHistoryEntry &entry : history) {
            if (m_rules.countedStatuses.contains(entry.status))
                counted.append(&entry);
        }
    };
    count(m_input.history);
    const auto &related = m_rules.relatedEnterprises;
    if (related && m_on < related->aggregateBefore) {
        for (const RelatedEnterprise &enterprise : m_input.related) {
            if (enterprise.commonOwnership >= related->minCommonOwnership)
                count(enterprise.history);
        }
    }
    Money used;
    for (const ApplicationHistoryEntry *entry : counted)
        used += entry->finalGrant.value_or(entry->approvedGrant);

    m_result.projectsUsedBefore = int(counted.size());
    if (m_result.projectsUsedBefore >= m_rules.maxProjects)
        error(QStringLiteral("PROJECT_LIMIT_REACHED"), QStringLiteral("application"),
              {countArgument(m_result.projectsUsedBefore), countArgument(m_rules.maxProjects)});
    const Money remaining = m_rules.cumulativeCap - used;
    if (remaining <= Money())
        error(QStringLiteral("CAP_EXHAUSTED"), QStringLiteral("application"),
              {moneyArgument(m_rules.cumulativeCap), moneyArgument(used)});
    m_result.capRemainingBefore = max(remaining, Money());
    m_result.grant = min(grantByRatio, m_result.capRemainingBefore).roundedToDollar(Rounding::Down);
    if (remaining > Money() && remaining < grantByRatio)
        warning(QStringLiteral("GRANT_LIMITED_BY_CAP"), QStringLiteral("application"),
                {moneyArgument(grantByRatio), moneyArgument(remaining), moneyArgument(m_result.grant)});
}

void Assessor::settleConsequences()
{
    m_result.eligible = m_result.errors.isEmpty();
    if (!m_result.eligible)
        m_result.grant = Money();
    m_result.applicantContribution = m_result.totalCost - m_result.grant;
    const auto &initial = m_rules.initialPayment;
    if (initial && m_on >= initial->submittedFrom)
        m_result.initialPaymentMax = m_result.grant.multipliedBy(initial->maxShare.ratio(), Rounding::Down)
                                         .roundedToDollar(Rounding::Down);
    m_result.auditedAccountsRequired = m_result.grant > m_rules.auditedAccountsWhenGrantOver;
    const QDate end = m_input.application.end;
    if (end.isValid()) {
        m_result.finalReportDue = end.addMonths(m_rules.finalReportMonths);
        m_result.evaluationReportDue = end.addMonths(m_rules.evaluationReportMonths);
        m_result.recordsRetainedUntil = end.addYears(m_rules.recordsRetentionYears);
    }
}

// Before the scheme opened no rule applies: nothing is funded and nothing
// else is assessed, because every other rule depends on the rule set.
Assessment notOpen(const AssessmentInput &input, const RuleBook &rules)
{
    Assessment result;
    result.totalCost = input.application.totalCost();
    result.applicantContribution = result.totalCost;
    result.errors.append(Finding{QStringLiteral("SCHEME_NOT_OPEN"), QStringLiteral("application.submitted"),
                                 {dateArgument(input.assessedOn()), dateArgument(rules.ruleSets().first().effectiveFrom)}});
    return result;
}

} // namespace

Assessment assess(const AssessmentInput &input, const RuleBook &rules)
{
    const RuleSet *ruleSet = rules.ruleSetFor(input.assessedOn());
    return ruleSet ? Assessor(input, *ruleSet).run() : notOpen(input, rules);
}

} // namespace vd
