#include "domainerror.h"
#include "jsonedit.h"
#include "rulebook.h"
#include "scheme.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using vd::Money;
using vd::Percentage;
using vd::RuleBook;

namespace {

QJsonObject shippedScheme()
{
    QFile file(QStringLiteral(":/voucherdesk/schemes/tvp.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the shipped scheme is not in the resources");
    return QJsonDocument::fromJson(file.readAll()).object();
}

RuleBook ruleBookOf(const QJsonObject &scheme)
{
    return RuleBook(vd::Scheme::fromJson(QJsonDocument(scheme).toJson(), QStringLiteral("tvp.json")));
}

} // namespace

class RuleBookTest : public QObject
{
    Q_OBJECT

private slots:
    void readsTheThreeVersionsOfTheProgramme();
    void mergesDefaultsUnderEachRuleSet();
    void choosesTheRuleSetBySubmissionDate_data();
    void choosesTheRuleSetBySubmissionDate();
    void takesANewVersionFromDataAlone();
    void refusesBadRulesNamingThePath_data();
    void refusesBadRulesNamingThePath();
};

void RuleBookTest::readsTheThreeVersionsOfTheProgramme()
{
    const RuleBook &book = RuleBook::technologyVoucher();
    QCOMPARE(book.ruleSets().size(), 3);
    const vd::RuleSet &first = book.ruleSets().at(0);
    QCOMPARE(first.id, QStringLiteral("TVP-2016-11"));
    QCOMPARE(first.effectiveFrom, QDate(2016, 11, 21));
    QCOMPARE(first.fundingRatio, (vd::Ratio{2, 3}));
    QCOMPARE(first.cumulativeCap, Money::fromDollars(200000));
    QCOMPARE(first.maxProjects, 3);
    const vd::RuleSet &second = book.ruleSets().at(1);
    QCOMPARE(second.id, QStringLiteral("TVP-2019-02"));
    QCOMPARE(second.cumulativeCap, Money::fromDollars(400000));
    QCOMPARE(second.maxProjects, 4);
    const vd::RuleSet &third = book.ruleSets().at(2);
    QCOMPARE(third.id, QStringLiteral("TVP-2020-04"));
    QCOMPARE(third.fundingRatio, (vd::Ratio{3, 4}));
    QCOMPARE(third.cumulativeCap, Money::fromDollars(600000));
    QCOMPARE(third.maxProjects, 6);
}

void RuleBookTest::mergesDefaultsUnderEachRuleSet()
{
    const RuleBook &book = RuleBook::technologyVoucher();
    const vd::RuleSet &first = book.ruleSets().at(0);
    QVERIFY(first.smeLimits.has_value());
    QCOMPARE(first.smeLimits->manufacturingEmployeesBelow, 100);
    QCOMPARE(first.smeLimits->otherEmployeesBelow, 50);
    QCOMPARE(first.minOperatingYears, std::optional<int>(1));
    for (const vd::RuleSet &later : book.ruleSets().mid(1)) {
        QVERIFY(!later.smeLimits.has_value());
        QVERIFY(!later.minOperatingYears.has_value());
    }
    for (const vd::RuleSet &set : book.ruleSets()) {
        QCOMPARE(set.maxDurationMonths, 12);
        QCOMPARE(set.quotationBands.size(), 4);
        QCOMPARE(set.quotationBands.last().limit, Money::fromDollars(1400000));
        QCOMPARE(set.limitFor(QStringLiteral("subscription")).maxMonths, std::optional<int>(12));
        QCOMPARE(set.limitFor(QStringLiteral("audit_fee")).maxAmount, std::optional<Money>(Money::fromDollars(3000)));
        QCOMPARE(set.limitFor(QStringLiteral("off_the_shelf")).maxShare, std::optional<Percentage>(Percentage::fromHundredths(5000)));
        QCOMPARE(set.relatedEnterprises->aggregateBefore, QDate(2020, 8, 14));
        QCOMPARE(set.initialPayment->submittedFrom, QDate(2019, 12, 1));
        QCOMPARE(set.auditedAccountsWhenGrantOver, Money::fromDollars(50000));
        QCOMPARE(set.openStatuses.size(), 10);
        QCOMPARE(set.countedStatuses.size(), 8);
    }
    QVERIFY(book.countsMonths(QStringLiteral("subscription")));
    QVERIFY(!book.countsMonths(QStringLiteral("consultancy")));
}

void RuleBookTest::choosesTheRuleSetBySubmissionDate_data()
{
    QTest::addColumn<QDate>("submitted");
    QTest::addColumn<QString>("ruleSet");
    QTest::newRow("the day before the programme") << QDate(2016, 11, 20) << QString();
    QTest::newRow("the first day") << QDate(2016, 11, 21) << QStringLiteral("TVP-2016-11");
    QTest::newRow("the day before regularisation") << QDate(2019, 2, 26) << QStringLiteral("TVP-2016-11");
    QTest::newRow("regularised") << QDate(2019, 2, 27) << QStringLiteral("TVP-2019-02");
    QTest::newRow("the day before the 2020 rules") << QDate(2020, 3, 31) << QStringLiteral("TVP-2019-02");
    QTest::newRow("the 2020 rules") << QDate(2020, 4, 1) << QStringLiteral("TVP-2020-04");
    QTest::newRow("no date at all") << QDate() << QString();
}

void RuleBookTest::choosesTheRuleSetBySubmissionDate()
{
    QFETCH(QDate, submitted);
    QFETCH(QString, ruleSet);
    const vd::RuleSet *found = RuleBook::technologyVoucher().ruleSetFor(submitted);
    QCOMPARE(found ? found->id : QString(), ruleSet);
}

void RuleBookTest::takesANewVersionFromDataAlone()
{
    const QJsonObject scheme = jsonedit::with(shippedScheme(), QStringLiteral("rules.rule_sets[3]"),
        QJsonObject{{QStringLiteral("id"), QStringLiteral("TVP-2030-01")},
                    {QStringLiteral("effective_from"), QStringLiteral("2030-01-01")},
                    {QStringLiteral("funding_ratio"), QJsonObject{{QStringLiteral("numerator"), 4}, {QStringLiteral("denominator"), 5}}},
                    {QStringLiteral("cumulative_cap"), QStringLiteral("800000")},
                    {QStringLiteral("max_projects"), 8},
                    {QStringLiteral("max_duration_months"), 18}});
    const RuleBook book = ruleBookOf(scheme);
    const vd::RuleSet *set = book.ruleSetFor(QDate(2030, 1, 1));
    QVERIFY(set);
    QCOMPARE(set->id, QStringLiteral("TVP-2030-01"));
    QCOMPARE(set->fundingRatio, (vd::Ratio{4, 5}));
    QCOMPARE(set->maxDurationMonths, 18);
    QCOMPARE(set->finalReportMonths, 2);
    QCOMPARE(book.ruleSetFor(QDate(2029, 12, 31))->id, QStringLiteral("TVP-2020-04"));
}

void RuleBookTest::refusesBadRulesNamingThePath_data()
{
    QTest::addColumn<QString>("path");       // under the scheme's rules
    QTest::addColumn<QJsonValue>("value");   // undefined: removed
    QTest::addColumn<QString>("where");

    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("cap as a number") << "rule_sets[1].cumulative_cap" << QJsonValue(400000)
                                     << "rules.rule_sets[1].cumulative_cap";
    QTest::newRow("cap missing") << "rule_sets[1].cumulative_cap" << removed << "rules.rule_sets[1].cumulative_cap";
    QTest::newRow("cap of three decimals") << "rule_sets[0].cumulative_cap" << QJsonValue(QStringLiteral("200000.001"))
                                           << "rules.rule_sets[0].cumulative_cap";
    QTest::newRow("ratio above one") << "rule_sets[2].funding_ratio"
        << QJsonValue(QJsonObject{{QStringLiteral("numerator"), 5}, {QStringLiteral("denominator"), 4}})
        << "rules.rule_sets[2].funding_ratio.numerator";
    QTest::newRow("ratio over zero") << "rule_sets[2].funding_ratio.denominator" << QJsonValue(0)
                                     << "rules.rule_sets[2].funding_ratio.denominator";
    QTest::newRow("no project allowed") << "rule_sets[0].max_projects" << QJsonValue(0) << "rules.rule_sets[0].max_projects";
    QTest::newRow("a date that does not exist") << "rule_sets[0].effective_from" << QJsonValue(QStringLiteral("2016-02-30"))
                                                << "rules.rule_sets[0].effective_from";
    QTest::newRow("versions out of order") << "rule_sets[1].effective_from" << QJsonValue(QStringLiteral("2016-01-01"))
                                           << "rules.rule_sets[1].effective_from";
    QTest::newRow("a version twice") << "rule_sets[2].id" << QJsonValue(QStringLiteral("TVP-2016-11")) << "rules.rule_sets[2].id";
    QTest::newRow("no versions") << "rule_sets" << QJsonValue(QJsonArray()) << "rules.rule_sets";
    QTest::newRow("no defaults") << "defaults" << removed << "rules.defaults";
    QTest::newRow("unknown open status") << "defaults.open_statuses[1]" << QJsonValue(QStringLiteral("pondering"))
                                         << "rules.defaults.open_statuses[1]";
    QTest::newRow("unknown counted status") << "defaults.counted_statuses[0]" << QJsonValue(3)
                                            << "rules.defaults.counted_statuses[0]";
    QTest::newRow("unknown entity type") << "defaults.null_br_number_allowed_for[0]" << QJsonValue(QStringLiteral("guild"))
                                         << "rules.defaults.null_br_number_allowed_for[0]";
    QTest::newRow("band without a limit") << "defaults.quotation_bands[1]" << QJsonValue(QJsonObject{{QStringLiteral("quotations"), 2}})
                                          << "rules.defaults.quotation_bands[1]";
    QTest::newRow("bands that do not rise") << "defaults.quotation_bands[2].up_to" << QJsonValue(QStringLiteral("40000"))
                                            << "rules.defaults.quotation_bands[2].up_to";
    QTest::newRow("no bands") << "defaults.quotation_bands" << QJsonValue(QJsonArray()) << "rules.defaults.quotation_bands";
    QTest::newRow("limit of an unknown category") << "defaults.category_limits.gadgets"
        << QJsonValue(QJsonObject{{QStringLiteral("max_months"), 12}}) << "rules.defaults.category_limits.gadgets";
    QTest::newRow("audit fee of three decimals") << "defaults.category_limits.audit_fee.max_amount"
        << QJsonValue(QStringLiteral("3000.001")) << "rules.defaults.category_limits.audit_fee.max_amount";
    QTest::newRow("share over 100%") << "defaults.category_limits.off_the_shelf.max_share_pct"
        << QJsonValue(QStringLiteral("150")) << "rules.defaults.category_limits.off_the_shelf.max_share_pct";
    QTest::newRow("initial payment without a date") << "defaults.initial_payment.submitted_from" << removed
                                                    << "rules.defaults.initial_payment.submitted_from";
    QTest::newRow("related enterprises share as a number") << "defaults.related_enterprises.min_common_ownership_pct"
        << QJsonValue(30) << "rules.defaults.related_enterprises.min_common_ownership_pct";
    QTest::newRow("SME limits left out") << "defaults.sme_limits" << removed << "rules.rule_sets[1].sme_limits";
    QTest::newRow("SME limits of zero") << "rule_sets[0].sme_limits.other_employees_below" << QJsonValue(0)
                                        << "rules.rule_sets[0].sme_limits.other_employees_below";
    QTest::newRow("broken BR pattern") << "defaults.br_number_pattern" << QJsonValue(QStringLiteral("[0-9"))
                                       << "rules.defaults.br_number_pattern";
    QTest::newRow("duration as text") << "defaults.max_duration_months" << QJsonValue(QStringLiteral("12"))
                                      << "rules.defaults.max_duration_months";
    QTest::newRow("platform rule missing") << "defaults.platform_quotation_suffices" << removed
                                           << "rules.rule_sets[0].platform_quotation_suffices";
}

void RuleBookTest::refusesBadRulesNamingThePath()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, where);
    const QJsonObject scheme = jsonedit::with(shippedScheme(), QStringLiteral("rules.") + path, value);
    try {
        ruleBookOf(scheme);
        QFAIL("bad rules were accepted");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("SCHEME_INVALID"));
        QCOMPARE(error.where(), where);
        QVERIFY(!error.message().isEmpty());
    }
}

QTEST_GUILESS_MAIN(RuleBookTest)
#include "tst_rulebook.moc"
