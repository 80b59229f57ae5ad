#include "demoproposal.h"

#include "demoprogramme.h"
#include "enterprise.h"
#include "scheme.h"

namespace vd {

namespace {

constexpr int kOtherQuotationLowPercent = 103;  // a losing quotation is dearer by 3-35%
constexpr int kOtherQuotationHighPercent = 135;
constexpr int kCheaperQuotationLowPercent = 85; // when the selected one is not the lowest
constexpr int kCheaperQuotationHighPercent = 97;
constexpr int kNotLowestPercent = 3;
constexpr int kExtraQuotationPercent = 10;
constexpr qint64 kAuditFeeLowHundreds = 20;     // audit fees of HK$2,000-6,000
constexpr qint64 kAuditFeeHighHundreds = 60;

Money downTo(Money amount, qint64 dollars)
{
    const qint64 step = dollars * 100;
    return Money::fromCents(amount.cents() / step * step);
}

Money percentOf(Money amount, qint64 percent, qint64 roundToDollars)
{
    return downTo(amount.multipliedBy(Ratio{percent, 100}, Rounding::Down), roundToDollars);
}

QList<qint64> weightsOf(const QList<SchemeTerm> &terms)
{
    QList<qint64> weights;
    for (const SchemeTerm &term : terms)
        weights.append(term.attributes.value(QStringLiteral("weight")).toInteger(1));
    return weights;
}

} // namespace

DemoProposal::DemoProposal(DemoProgramme &programme, DemoDice &dice)
    : m_programme(programme),
      m_dice(dice),
      m_solutions(programme.scheme.solutionCategories().ids()),
      m_solutionWeights(weightsOf(programme.scheme.solutionCategories().terms()))
{
}

Money DemoProposal::draft(Application &application, const DemoApplicant &applicant, const DemoRuleSet &ruleSet,
                          QDate submitted, Money capRemaining)
{
    const QString &solution = m_solutions.at(m_solutionWeights.pick(m_dice));
    application.solutionCategory = solution;
    application.title = m_programme.vocabulary.projectTitle(m_dice, solution, applicant.business);
    application.description = m_programme.vocabulary.projectDescription(m_dice, solution, applicant.business,
                                                                         applicant.district, applicant.enterprise->employees);
    application.items = budget(solution, ruleSet, submitted, applicant.chinese);
    return min(m_programme.rules.grantByRatio(application.items, ruleSet), capRemaining).roundedToDollar(Rounding::Down);
}

// The cost is drawn around the one whose grant by ratio is the statistics'
// average, then shared among the solution's budget parts.
QList<BudgetItem> DemoProposal::budget(const QString &solution, const DemoRuleSet &ruleSet, QDate submitted, bool chinese)
{
    const DemoStatistics &statistics = m_programme.statistics;
    const Ratio ratio = ruleSet.fundingRatio;
    const Money average = statistics.averageGrantByRuleSet.value(ruleSet.id);
    const Money meanCost = average.multipliedBy(Ratio{ratio.denominator, ratio.numerator}, Rounding::Down);
    Money cost = percentOf(meanCost, m_dice.around(statistics.grantLowPercent, statistics.grantHighPercent), 100);

    QList<BudgetItem> items;
    if (cost.multipliedBy(ratio, Rounding::Down) > m_programme.rules.auditedAccountsOver) {
        const Money fee = Money::fromDollars(100 * m_dice.between(kAuditFeeLowHundreds, kAuditFeeHighHundreds));
        items.append(item(QStringLiteral("audit_fee"), solution, fee, submitted, chinese));
        cost -= fee;
    }

    const QList<DemoBudgetPart> shape = statistics.budgetShape.value(solution);
    QList<const DemoBudgetPart *> parts;
    QList<qint64> shares;
    qint64 totalShare = 0;
    for (const DemoBudgetPart &part : shape) {
        if (!parts.isEmpty() && !m_dice.percent(part.percent))
            continue;
        parts.append(&part);
        shares.append(m_dice.between(part.shareLow, part.shareHigh));
        totalShare += shares.constLast();
    }
    QList<BudgetItem> shared;
    Money left = cost;
    for (qsizetype i = parts.size() - 1; i >= 0; --i) { // the main part, first, takes what is left
        const Money amount = i == 0 ? left : downTo(cost.multipliedBy(Ratio{shares.at(i), totalShare}, Rounding::Down), 10);
        left -= amount;
        shared.prepend(item(parts.at(i)->category, solution, amount, submitted, chinese));
    }
    return shared + items;
}

BudgetItem DemoProposal::item(const QString &category, const QString &solution, Money amount, QDate submitted, bool chinese)
{
    BudgetItem item;
    item.id = m_programme.ids.next();
    item.category = category;
    item.amount = amount;
    int months = 0;
    if (category == QLatin1String("subscription")) {
        const int length = DemoWeights(m_programme.statistics.subscriptionMonthWeights).pick(m_dice);
        months = length == 0 ? 12 : length == 1 ? int(m_dice.between(6, 11)) : 24;
        item.months = months;
    }
    item.description = m_programme.vocabulary.budgetItem(m_dice, category, solution, months);
    quote(item, submitted, chinese);
    return item;
}

// Enough quotations from distinct suppliers for the item's band, the selected
// one at the item's amount and mostly the lowest; a platform quotation alone
// once the e-procurement platform exists.
void DemoProposal::quote(BudgetItem &item, QDate submitted, bool chinese)
{
    const DemoStatistics &statistics = m_programme.statistics;
    const int needed = m_programme.rules.quotationsNeeded(item.amount).value_or(0);
    if (needed == 0)
        return;
    const QStringList &pool = item.category == QLatin1String("audit_fee") ? m_programme.auditFirms : m_programme.suppliers;
    if (submitted >= statistics.platformFrom && m_dice.percent(statistics.platformPercent)) {
        item.quotations.append({m_programme.ids.next(), m_dice.pick(pool), item.amount, true, true});
        return;
    }
    const int count = needed + (m_dice.percent(kExtraQuotationPercent) ? 1 : 0);
    QStringList suppliers;
    while (suppliers.size() < count) {
        const QString &supplier = m_dice.pick(pool);
        if (!suppliers.contains(supplier))
            suppliers.append(supplier);
    }
    const int selected = int(m_dice.below(count));
    const int cheaper = m_dice.percent(kNotLowestPercent) ? (selected + 1 + int(m_dice.below(count - 1))) % count : -1;
    for (int i = 0; i < count; ++i) {
        Money amount = item.amount;
        if (i == cheaper)
            amount = percentOf(item.amount, m_dice.between(kCheaperQuotationLowPercent, kCheaperQuotationHighPercent), 10);
        else if (i != selected)
            amount = max(percentOf(item.amount, m_dice.between(kOtherQuotationLowPercent, kOtherQuotationHighPercent), 10),
                         item.amount + Money::fromDollars(10));
        item.quotations.append({m_programme.ids.next(), suppliers.at(i), amount, i == selected, false});
    }
    if (cheaper >= 0)
        item.justification = inLanguage(m_programme.vocabulary.phrase(m_dice, DemoPhrases::Justifications), chinese);
}

} // namespace vd
