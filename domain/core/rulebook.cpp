#include "rulebook.h"

#include "domainerror.h"
#include "jsonreader.h"

#include <limits>

namespace vd {

namespace {

constexpr qint64 kManyMonths = 1200;
constexpr qint64 kManyEmployees = std::numeric_limits<int>::max();

// A rule set's own values over the defaults. Each value is read from the
// object that holds it, so an error names the place to correct.
class MergedRules
{
public:
    MergedRules(JsonReader defaults, JsonReader own) : m_defaults(std::move(defaults)), m_own(std::move(own)) {}

    // A value missing from both is reported as missing from the rule set.
    const JsonReader &holder(const QString &key) const
    {
        return m_own.has(key) || !m_defaults.has(key) ? m_own : m_defaults;
    }
    // Rules that may not apply are written out as null, so a misspelt key cannot switch one off.
    bool isNull(const QString &key) const
    {
        if (!m_own.has(key) && !m_defaults.has(key))
            m_own.fail(key, RuleBook::tr("is required; write null when the rule does not apply"));
        return holder(key).isNull(key);
    }
    QString string(const QString &key) const { return holder(key).string(key); }
    bool boolean(const QString &key) const { return holder(key).boolean(key); }
    int count(const QString &key, qint64 min, qint64 max) const { return int(holder(key).integer(key, min, max)); }
    Money money(const QString &key) const { return holder(key).money(key, true); }
    QDate date(const QString &key) const { return holder(key).date(key); }
    JsonReader object(const QString &key) const { return holder(key).object(key); }
    QList<JsonReader> array(const QString &key) const { return holder(key).array(key); }

private:
    JsonReader m_defaults;
    JsonReader m_own;
};

QStringList readTerms(const MergedRules &rules, const QString &key, const SchemeVocabulary &vocabulary)
{
    QStringList terms;
    for (const JsonReader &element : rules.array(key)) {
        const QString term = element.value().toString();
        if (!element.value().isString() || !vocabulary.contains(term))
            element.failHere(RuleBook::tr("expected one of: %1").arg(JsonReader::listOf(vocabulary.ids())));
        terms.append(term);
    }
    return terms;
}

// A share of at most one: the numerator may not exceed the denominator.
Ratio readRatio(const JsonReader &ratio)
{
    const qint64 denominator = ratio.integer(QStringLiteral("denominator"), 1, std::numeric_limits<int>::max());
    return Ratio{ratio.integer(QStringLiteral("numerator"), 0, denominator), denominator};
}

QRegularExpression readPattern(const MergedRules &rules, const QString &key)
{
    // Anchored, so that "12345678\n" does not pass for a number through a lenient '$'.
    QRegularExpression pattern(QRegularExpression::anchoredPattern(rules.string(key)));
    if (!pattern.isValid())
        rules.holder(key).fail(key, RuleBook::tr("not a valid regular expression: %1").arg(pattern.errorString()));
    return pattern;
}

QList<QuotationBand> readQuotationBands(const MergedRules &rules)
{
    const QString below = QStringLiteral("below");
    const QString upTo = QStringLiteral("up_to");
    QList<QuotationBand> bands;
    for (const JsonReader &entry : rules.array(QStringLiteral("quotation_bands"))) {
        if (entry.has(below) == entry.has(upTo))
            entry.failHere(RuleBook::tr("give either \"below\" or \"up_to\""));
        QuotationBand band;
        band.inclusive = entry.has(upTo);
        band.limit = entry.money(band.inclusive ? upTo : below, true);
        band.quotations = int(entry.integer(QStringLiteral("quotations"), 0, 100));
        if (!bands.isEmpty() && band.limit <= bands.last().limit)
            entry.fail(band.inclusive ? upTo : below, RuleBook::tr("bands must rise: each limit above the one before"));
        bands.append(band);
    }
    if (bands.isEmpty())
        rules.holder(QStringLiteral("quotation_bands")).fail(QStringLiteral("quotation_bands"), RuleBook::tr("needs at least one band"));
    return bands;
}

QMap<QString, CategoryLimit> readCategoryLimits(const MergedRules &rules, const Scheme &scheme)
{
    const JsonReader limits = rules.object(QStringLiteral("category_limits"));
    QMap<QString, CategoryLimit> result;
    for (const QString &category : limits.value().toObject().keys()) {
        if (!scheme.budgetCategories().contains(category))
            limits.fail(category, RuleBook::tr("not a budget category; expected one of: %1")
                                      .arg(JsonReader::listOf(scheme.budgetCategories().ids())));
        const JsonReader entry = limits.object(category);
        CategoryLimit limit;
        if (const auto months = entry.optionalInteger(QStringLiteral("max_months"), 1, kManyMonths))
            limit.maxMonths = int(*months);
        limit.maxAmount = entry.optionalMoney(QStringLiteral("max_amount"), true);
        if (!entry.isNull(QStringLiteral("max_share_pct")))
            limit.maxShare = entry.percentage(QStringLiteral("max_share_pct"));
        result.insert(category, limit);
    }
    return result;
}

std::optional<RelatedEnterpriseRule> readRelatedEnterpriseRule(const MergedRules &rules)
{
    const QString key = QStringLiteral("related_enterprises");
    if (rules.isNull(key))
        return std::nullopt;
    const JsonReader entry = rules.object(key);
    return RelatedEnterpriseRule{entry.date(QStringLiteral("aggregate_before")),
                                 entry.percentage(QStringLiteral("min_common_ownership_pct"))};
}

std::optional<InitialPaymentRule> readInitialPaymentRule(const MergedRules &rules)
{
    const QString key = QStringLiteral("initial_payment");
    if (rules.isNull(key))
        return std::nullopt;
    const JsonReader entry = rules.object(key);
    return InitialPaymentRule{entry.date(QStringLiteral("submitted_from")), entry.percentage(QStringLiteral("max_share_pct"))};
}

std::optional<SmeLimits> readSmeLimits(const MergedRules &rules)
{
    const QString key = QStringLiteral("sme_limits");
    if (rules.isNull(key))
        return std::nullopt;
    const JsonReader entry = rules.object(key);
    return SmeLimits{int(entry.integer(QStringLiteral("manufacturing_employees_below"), 1, kManyEmployees)),
                     int(entry.integer(QStringLiteral("other_employees_below"), 1, kManyEmployees))};
}

RuleSet readRuleSet(const MergedRules &rules, const Scheme &scheme)
{
    RuleSet set;
    set.id = rules.string(QStringLiteral("id"));
    set.effectiveFrom = rules.date(QStringLiteral("effective_from"));
    set.fundingRatio = readRatio(rules.object(QStringLiteral("funding_ratio")));
    set.cumulativeCap = rules.money(QStringLiteral("cumulative_cap"));
    set.maxProjects = rules.count(QStringLiteral("max_projects"), 1, kManyEmployees);

    set.brNumberPattern = readPattern(rules, QStringLiteral("br_number_pattern"));
    set.nullBrNumberAllowedFor = readTerms(rules, QStringLiteral("null_br_number_allowed_for"), scheme.entityTypes());
    set.smeLimits = readSmeLimits(rules);
    if (!rules.isNull(QStringLiteral("min_operating_years")))
        set.minOperatingYears = rules.count(QStringLiteral("min_operating_years"), 1, 100);

    set.maxDurationMonths = rules.count(QStringLiteral("max_duration_months"), 1, kManyMonths);
    set.quotationBands = readQuotationBands(rules);
    set.platformQuotationSuffices = rules.boolean(QStringLiteral("platform_quotation_suffices"));
    set.categoryLimits = readCategoryLimits(rules, scheme);

    set.relatedEnterprises = readRelatedEnterpriseRule(rules);
    set.initialPayment = readInitialPaymentRule(rules);
    set.auditedAccountsWhenGrantOver = rules.money(QStringLiteral("audited_accounts_when_grant_over"));
    set.finalReportMonths = rules.count(QStringLiteral("final_report_months"), 1, kManyMonths);
    set.evaluationReportMonths = rules.count(QStringLiteral("evaluation_report_months"), 1, kManyMonths);
    set.recordsRetentionYears = rules.count(QStringLiteral("records_retention_years"), 1, 100);

    set.openStatuses = readTerms(rules, QStringLiteral("open_statuses"), scheme.statuses());
    set.countedStatuses = readTerms(rules, QStringLiteral("counted_statuses"), scheme.statuses());
    return set;
}

QList<RuleSet> readRuleSets(const Scheme &scheme)
{
    const JsonReader rules(scheme.rules(), QStringLiteral("rules"));
    const JsonReader defaults = rules.object(QStringLiteral("defaults"));
    QList<RuleSet> sets;
    for (const JsonReader &own : rules.array(QStringLiteral("rule_sets"))) {
        RuleSet set = readRuleSet(MergedRules(defaults, own), scheme);
        if (!sets.isEmpty() && set.effectiveFrom <= sets.last().effectiveFrom)
            own.fail(QStringLiteral("effective_from"), RuleBook::tr("rule sets must be in the order they took effect"));
        for (const RuleSet &earlier : sets) {
            if (earlier.id == set.id)
                own.fail(QStringLiteral("id"), RuleBook::tr("\"%1\" is defined twice").arg(set.id));
        }
        sets.append(std::move(set));
    }
    if (sets.isEmpty())
        rules.fail(QStringLiteral("rule_sets"), RuleBook::tr("needs at least one rule set"));
    return sets;
}

} // namespace

const QuotationBand *RuleSet::quotationBandFor(Money amount) const
{
    for (const QuotationBand &band : quotationBands) {
        if (band.covers(amount))
            return &band;
    }
    return nullptr;
}

RuleBook::RuleBook(const Scheme &scheme) : m_scheme(scheme)
{
    try {
        m_ruleSets = readRuleSets(scheme);
    } catch (const DomainError &error) {
        // The scheme ships with the program: a fault in it is the program's, not the user's input.
        throw DomainError(QStringLiteral("SCHEME_INVALID"), error.where(), error.message());
    }
}

const RuleBook &RuleBook::technologyVoucher()
{
    static const RuleBook book(Scheme::technologyVoucher());
    return book;
}

const RuleSet *RuleBook::ruleSetFor(QDate submitted) const
{
    const RuleSet *found = nullptr;
    for (const RuleSet &set : m_ruleSets) {
        if (submitted.isValid() && set.effectiveFrom <= submitted)
            found = &set;
    }
    return found;
}

bool RuleBook::countsMonths(const QString &category) const
{
    return std::any_of(m_ruleSets.begin(), m_ruleSets.end(),
                       [&](const RuleSet &set) { return set.limitFor(category).maxMonths.has_value(); });
}

} // namespace vd
