// The rules engine, rule by rule and boundary by boundary (formats/assess.md).
#include "assessment.h"
#include "rulebook.h"

#include <QRegularExpression>
#include <QTest>

#include <functional>

using vd::AssessmentInput;
using vd::BudgetItem;
using vd::Money;
using vd::Quotation;

Q_DECLARE_METATYPE(vd::AssessmentInput)

namespace {

QDate day(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Money hkd(const char *amount)
{
    return *Money::parse(QString::fromLatin1(amount));
}

Quotation quote(const char *supplier, const char *amount, bool selected = false, bool platform = false)
{
    return Quotation{QString(), QString::fromUtf8(supplier), hkd(amount), selected, platform};
}

BudgetItem item(const char *category, const char *amount, const QList<Quotation> &quotations)
{
    BudgetItem item;
    item.category = QString::fromLatin1(category);
    item.description = {QStringLiteral("Item"), QStringLiteral("項目")};
    item.amount = hkd(amount);
    item.quotations = quotations;
    return item;
}

// An item with as many quotations from different suppliers as asked: the
// first, selected, at the item's amount; the others dearer.
BudgetItem item(const char *category, const char *amount, int quotations)
{
    BudgetItem result = item(category, amount, QList<Quotation>());
    for (int i = 0; i < quotations; ++i)
        result.quotations.append(Quotation{QString(), QStringLiteral("Supplier %1 Ltd").arg(i + 1),
                                           result.amount + Money::fromDollars(1000 * i), i == 0, false});
    return result;
}

BudgetItem subscription(const char *amount, int months)
{
    BudgetItem result = item("subscription", amount, 3);
    result.months = months;
    return result;
}

vd::ApplicationHistoryEntry past(const QString &status, const char *approved = "10000", const char *final = nullptr)
{
    vd::ApplicationHistoryEntry entry{QStringLiteral("TVP/2021/00012"), day("2021-03-01"), status, hkd(approved), {}};
    if (final)
        entry.finalGrant = hkd(final);
    return entry;
}

QList<vd::ApplicationHistoryEntry> closedProjects(int count)
{
    return QList<vd::ApplicationHistoryEntry>(count, past(QStringLiteral("closed")));
}

vd::RelatedEnterprise sharingOwners(const char *percent, const QList<vd::ApplicationHistoryEntry> &history)
{
    return {QStringLiteral("87654321"), *vd::Percentage::parse(QString::fromLatin1(percent)), history};
}

// A case that meets every rule of 2020: a company in business since 2012 with
// no earlier applications, asking for one software item of HK$160,000 with
// three quotations, over ten months. Each test changes what it is about.
class Case
{
public:
    Case()
    {
        vd::Enterprise &applicant = m_input.applicant;
        applicant.brNumber = QStringLiteral("31415926");
        applicant.name = {QStringLiteral("Wing Fat Trading Ltd"), QStringLiteral("永發貿易有限公司")};
        applicant.entityType = QStringLiteral("company");
        applicant.businessCommenced = day("2012-04-01");
        applicant.employees = 18;
        m_input.application.submitted = day("2023-05-02");
        m_input.application.start = day("2023-06-01");
        m_input.application.end = day("2024-03-31");
        m_input.application.items = {item("customised_software", "160000", 3)};
    }

    Case &submitted(const char *date) { m_input.application.submitted = day(date); return *this; }
    Case &draftOn(const char *date)
    {
        m_input.application.submitted.reset();
        m_input.draftDate = day(date);
        return *this;
    }
    Case &period(const char *start, const char *end)
    {
        m_input.application.start = day(start);
        m_input.application.end = day(end);
        return *this;
    }
    Case &items(const QList<BudgetItem> &items) { m_input.application.items = items; return *this; }
    Case &history(const QList<vd::ApplicationHistoryEntry> &history) { m_input.history = history; return *this; }
    Case &related(const vd::RelatedEnterprise &related) { m_input.related = {related}; return *this; }
    Case &employees(int count, bool manufacturing)
    {
        m_input.applicant.employees = count;
        m_input.applicant.manufacturing = manufacturing;
        return *this;
    }
    Case &commenced(const char *date) { m_input.applicant.businessCommenced = day(date); return *this; }
    Case &brNumber(std::optional<QString> number, const char *entityType = "company")
    {
        m_input.applicant.brNumber = std::move(number);
        m_input.applicant.entityType = QString::fromLatin1(entityType);
        return *this;
    }
    Case &with(const std::function<void(AssessmentInput &)> &change) { change(m_input); return *this; }

    operator AssessmentInput() const { return m_input; }

private:
    AssessmentInput m_input;
};

// Findings as "CODE@path", in the order found.
QStringList found(const QList<vd::Finding> &findings)
{
    QStringList result;
    for (const vd::Finding &finding : findings)
        result.append(finding.code + u'@' + finding.path);
    return result;
}

vd::Assessment assessed(const AssessmentInput &input)
{
    return vd::assess(input, vd::RuleBook::technologyVoucher());
}

const QStringList none;

} // namespace

class AssessmentTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void appliesTheRuleSetOfTheSubmissionDate_data();
    void appliesTheRuleSetOfTheSubmissionDate();
    void findsEveryBrokenRule_data();
    void findsEveryBrokenRule();
    void computesTheMoney_data();
    void computesTheMoney();
    void setsDueDatesClampedToTheMonthEnd_data();
    void setsDueDatesClampedToTheMonthEnd();
    void givesNoDueDatesWithoutAnEnd();
    void explainsAFindingWithItsNumbers();
    void writesMessagesInTheLocaleOfTheMoment();
};

// Messages format money and dates for the default locale, as the CLI and desktop set it.
void AssessmentTest::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::HongKong));
}

void AssessmentTest::appliesTheRuleSetOfTheSubmissionDate_data()
{
    QTest::addColumn<AssessmentInput>("input");
    QTest::addColumn<QString>("ruleSet");
    QTest::addColumn<QStringList>("errors");
    const QStringList notOpen{QStringLiteral("SCHEME_NOT_OPEN@application.submitted")};
    QTest::newRow("2016-11-20: not open") << AssessmentInput(Case().submitted("2016-11-20")) << QString() << notOpen;
    QTest::newRow("2016-11-21") << AssessmentInput(Case().submitted("2016-11-21")) << "TVP-2016-11" << none;
    QTest::newRow("2019-02-26") << AssessmentInput(Case().submitted("2019-02-26")) << "TVP-2016-11" << none;
    QTest::newRow("2019-02-27") << AssessmentInput(Case().submitted("2019-02-27")) << "TVP-2019-02" << none;
    QTest::newRow("2020-03-31") << AssessmentInput(Case().submitted("2020-03-31")) << "TVP-2019-02" << none;
    QTest::newRow("2020-04-01") << AssessmentInput(Case().submitted("2020-04-01")) << "TVP-2020-04" << none;
    QTest::newRow("a draft takes the rules of its date") << AssessmentInput(Case().draftOn("2019-03-01")) << "TVP-2019-02" << none;
    QTest::newRow("a draft without a date") << AssessmentInput(Case().draftOn("")) << QString() << notOpen;
    QTest::newRow("a submitted date wins over the draft date")
        << AssessmentInput(Case().with([](AssessmentInput &input) { input.draftDate = day("2016-01-01"); })) << "TVP-2020-04" << none;
    QTest::newRow("not open: nothing else is assessed")
        << AssessmentInput(Case().submitted("2016-01-01").items({}).with([](AssessmentInput &input) { input.applicant.listed = true; }))
        << QString() << notOpen;
}

void AssessmentTest::appliesTheRuleSetOfTheSubmissionDate()
{
    QFETCH(AssessmentInput, input);
    QFETCH(QString, ruleSet);
    QFETCH(QStringList, errors);
    const vd::Assessment assessment = assessed(input);
    QCOMPARE(assessment.ruleSet, ruleSet);
    QCOMPARE(found(assessment.errors), errors);
    QCOMPARE(assessment.eligible, errors.isEmpty());
}

void AssessmentTest::findsEveryBrokenRule_data()
{
    QTest::addColumn<AssessmentInput>("input");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QStringList>("warnings");
    auto row = [](const char *name, const Case &input, const QStringList &errors, const QStringList &warnings = {}) {
        QTest::newRow(name) << AssessmentInput(input) << errors << warnings;
    };
    auto set = [](auto member, auto value) {
        return [=](AssessmentInput &input) { input.applicant.*member = value; };
    };
    const QString itemZero = QStringLiteral("@application.items[0]");

    row("all rules met", Case(), none);

    // 2. The applicant
    const QStringList badBr{QStringLiteral("INVALID_BR_NUMBER@applicant.br_number")};
    row("BR number of 7 digits", Case().brNumber(QStringLiteral("1234567")), badBr);
    row("BR number of 9 digits", Case().brNumber(QStringLiteral("123456789")), badBr);
    row("BR number with a letter", Case().brNumber(QStringLiteral("1234567A")), badBr);
    row("BR number with a space", Case().brNumber(QStringLiteral(" 12345678")), badBr);
    row("BR number with a newline", Case().brNumber(QStringLiteral("12345678\n")), badBr);
    row("BR number in full-width digits", Case().brNumber(QStringLiteral("１２３４５６７８")), badBr);
    row("no BR number for a company", Case().brNumber(std::nullopt), badBr);
    row("no BR number for a statutory body", Case().brNumber(std::nullopt, "statutory_body"), none);
    row("listed", Case().with(set(&vd::Enterprise::listed, true)), {QStringLiteral("LISTED_ENTITY@applicant.listed")});
    row("government-subvented", Case().with(set(&vd::Enterprise::governmentSubvented, true)),
        {QStringLiteral("GOVERNMENT_SUBVENTED@applicant.government_subvented")});
    row("no substantive business", Case().with(set(&vd::Enterprise::substantiveBusinessInHk, false)),
        {QStringLiteral("NO_SUBSTANTIVE_BUSINESS@applicant.substantive_business_in_hk")});

    const QStringList notSme{QStringLiteral("NOT_SME@applicant.employees")};
    row("2016 rules: 49 employees", Case().submitted("2018-03-15").employees(49, false), none);
    row("2016 rules: 50 employees", Case().submitted("2018-03-15").employees(50, false), notSme);
    row("2016 rules: 99 employees in manufacturing", Case().submitted("2018-03-15").employees(99, true), none);
    row("2016 rules: 100 employees in manufacturing", Case().submitted("2018-03-15").employees(100, true), notSme);
    row("2016 rules: 50 employees in manufacturing", Case().submitted("2018-03-15").employees(50, true), none);
    row("2019 rules: any size", Case().submitted("2019-03-01").employees(5000, false), none);
    row("2020 rules: any size", Case().employees(5000, true), none);

    const QStringList tooNew{QStringLiteral("INSUFFICIENT_OPERATING_HISTORY@applicant.business_commenced")};
    row("2016 rules: in business exactly one year", Case().submitted("2018-03-15").commenced("2017-03-15"), none);
    row("2016 rules: one day short of a year", Case().submitted("2018-03-15").commenced("2017-03-16"), tooNew);
    row("2019 rules: new business", Case().submitted("2019-03-01").commenced("2019-02-01"), none);

    // 3. One application at a time, against every status of the scheme
    const QStringList open{QStringLiteral("submitted"), QStringLiteral("screening"), QStringLiteral("clarification_requested"),
                           QStringLiteral("committee_assessment"), QStringLiteral("supported"), QStringLiteral("approved"),
                           QStringLiteral("agreement_pending"), QStringLiteral("agreement_signed"), QStringLiteral("in_progress"),
                           QStringLiteral("completed")};
    for (const QString &status : vd::Scheme::technologyVoucher().statuses().ids()) {
        const QByteArray name = "earlier application " + status.toUtf8();
        row(name.constData(), Case().history({past(status)}),
            open.contains(status) ? QStringList{QStringLiteral("PREVIOUS_APPLICATION_OPEN@history[0]")} : none);
    }
    row("the second of two earlier applications open",
        Case().history({past(QStringLiteral("closed")), past(QStringLiteral("in_progress"))}),
        {QStringLiteral("PREVIOUS_APPLICATION_OPEN@history[1]")});
    row("a related enterprise's open application does not block",
        Case().submitted("2020-05-01").related(sharingOwners("50", {past(QStringLiteral("in_progress"))})), none);

    // 4. The project period
    row("12 months less a day", Case().period("2023-06-01", "2024-05-31"), none);
    row("12 months", Case().period("2023-06-01", "2024-06-01"), {QStringLiteral("DURATION_EXCEEDED@application.end")});
    row("from a month end: 12 months less a day", Case().period("2024-01-31", "2025-01-30"), none);
    row("from a month end: 12 months", Case().period("2024-01-31", "2025-01-31"), {QStringLiteral("DURATION_EXCEEDED@application.end")});
    row("one day", Case().period("2023-06-01", "2023-06-01"), none);
    row("ends before it starts", Case().period("2023-06-01", "2023-05-31"), {QStringLiteral("INVALID_PERIOD@application.end")});
    row("a draft without dates", Case().draftOn("2023-05-02").period("", ""),
        {QStringLiteral("PERIOD_MISSING@application.start"), QStringLiteral("PERIOD_MISSING@application.end")});

    // 5. Items and quotations, at each edge of each band
    row("no items", Case().items({}), {QStringLiteral("NO_ITEMS@application.items")});
    const QStringList tooFew{QStringLiteral("QUOTATIONS_INSUFFICIENT") + itemZero};
    row("1999.99 without quotations", Case().items({item("consultancy", "1999.99", 0)}), none);
    row("2000 with one quotation", Case().items({item("consultancy", "2000", 1)}), tooFew);
    row("2000 with two", Case().items({item("consultancy", "2000", 2)}), none);
    row("50000 with two", Case().items({item("consultancy", "50000", 2)}), none);
    row("50000.01 with two", Case().items({item("consultancy", "50000.01", 2)}), tooFew);
    row("50000.01 with three", Case().items({item("consultancy", "50000.01", 3)}), none);
    row("300000 with three", Case().items({item("consultancy", "300000", 3)}), none);
    row("300000.01 with four", Case().items({item("consultancy", "300000.01", 4)}), tooFew);
    row("300000.01 with five", Case().items({item("consultancy", "300000.01", 5)}), none);
    row("1400000 with five", Case().items({item("consultancy", "1400000", 5)}), none,
        {QStringLiteral("GRANT_LIMITED_BY_CAP@application")});
    row("1400000.01 with five", Case().items({item("consultancy", "1400000.01", 5)}),
        {QStringLiteral("OPEN_TENDER_REQUIRED") + itemZero}, {QStringLiteral("GRANT_LIMITED_BY_CAP@application")});
    row("the same supplier twice, in another case and with spaces",
        Case().items({item("consultancy", "120000", {quote("Acme Ltd", "120000", true), quote("  ACME LTD ", "125000"),
                                                      quote("Beta Ltd", "130000")})}), tooFew);
    row("a selected quotation from the platform alone",
        Case().items({item("consultancy", "120000", {quote("Platform Ltd", "120000", true, true)})}), none);
    row("a platform quotation that is not the selected one",
        Case().items({item("consultancy", "120000", {quote("Acme Ltd", "120000", true), quote("Platform Ltd", "125000", false, true)})}),
        tooFew);
    row("items counted each on their own",
        Case().items({item("consultancy", "40000", 2), item("customised_software", "60000", 2)}),
        {QStringLiteral("QUOTATIONS_INSUFFICIENT@application.items[1]")});

    const QStringList badSelection{QStringLiteral("SELECTED_QUOTATION_INVALID") + itemZero};
    row("no quotation selected",
        Case().items({item("consultancy", "20000", {quote("Acme Ltd", "20000"), quote("Beta Ltd", "21000")})}), badSelection);
    row("two quotations selected",
        Case().items({item("consultancy", "20000", {quote("Acme Ltd", "20000", true), quote("Beta Ltd", "21000", true)})}), badSelection);
    row("a small item's quotations are still checked",
        Case().items({item("consultancy", "1500", {quote("Acme Ltd", "1500")})}), badSelection);
    row("amount differs from the selected quotation",
        Case().items({item("consultancy", "20000", {quote("Acme Ltd", "19000", true), quote("Beta Ltd", "21000")})}),
        {QStringLiteral("ITEM_AMOUNT_MISMATCH") + itemZero});
    BudgetItem dearer = item("consultancy", "20000", {quote("Acme Ltd", "20000", true), quote("Beta Ltd", "19999.99")});
    row("a dearer quotation selected", Case().items({dearer}), {QStringLiteral("LOWEST_QUOTATION_NOT_SELECTED") + itemZero});
    dearer.justification = QStringLiteral("Beta cannot deliver before June.");
    row("a dearer quotation selected, with a justification", Case().items({dearer}), none);
    dearer.justification = QStringLiteral("  ");
    row("a dearer quotation selected, with a blank justification", Case().items({dearer}),
        {QStringLiteral("LOWEST_QUOTATION_NOT_SELECTED") + itemZero});
    row("the selected quotation ties with the lowest",
        Case().items({item("consultancy", "20000", {quote("Acme Ltd", "20000", true), quote("Beta Ltd", "20000")})}), none);
    row("three quotation errors on one item",
        Case().items({item("consultancy", "120000", {quote("Acme Ltd", "125000", true), quote("Beta Ltd", "110000")})}),
        {QStringLiteral("QUOTATIONS_INSUFFICIENT") + itemZero, QStringLiteral("ITEM_AMOUNT_MISMATCH") + itemZero,
         QStringLiteral("LOWEST_QUOTATION_NOT_SELECTED") + itemZero});

    row("subscription of 12 months", Case().items({subscription("24000", 12)}), none);
    row("subscription of 13 months", Case().items({subscription("26000", 13)}), none,
        {QStringLiteral("SUBSCRIPTION_CAPPED") + itemZero});
    row("subscription without months", Case().items({item("subscription", "24000", 3)}), {QStringLiteral("MONTHS_MISSING") + itemZero});
    row("months of another category are ignored",
        Case().items({item("consultancy", "24000", 2)}).with([](AssessmentInput &input) { input.application.items[0].months = 36; }), none);
    row("audit fee of 3000", Case().items({item("customised_software", "60000", 3), item("audit_fee", "3000", 2)}), none);
    row("audit fee of 3000.01", Case().items({item("customised_software", "60000", 3), item("audit_fee", "3000.01", 2)}), none,
        {QStringLiteral("AUDIT_FEE_CAPPED@application.items[1]")});
    row("off-the-shelf exactly half",
        Case().items({item("off_the_shelf", "60000", 3), item("customised_software", "60000", 3)}), none);
    row("off-the-shelf just over half",
        Case().items({item("off_the_shelf", "60000.01", 3), item("customised_software", "60000", 3)}),
        {QStringLiteral("OFF_THE_SHELF_OVER_LIMIT@application.items")});
    row("off-the-shelf over half in several items",
        Case().items({item("off_the_shelf", "40000", 2), item("customised_software", "70000", 3), item("off_the_shelf", "40000", 2)}),
        {QStringLiteral("OFF_THE_SHELF_OVER_LIMIT@application.items")});

    // 7. The cap and the project limit
    const QStringList capGone{QStringLiteral("CAP_EXHAUSTED@application")};
    const QStringList capCut{QStringLiteral("GRANT_LIMITED_BY_CAP@application")};
    row("cap used up", Case().history({past(QStringLiteral("closed"), "600000")}), capGone);
    row("cap used up by a final grant", Case().history({past(QStringLiteral("closed"), "500000", "600000")}), capGone);
    row("a lower final grant leaves some cap", Case().history({past(QStringLiteral("closed"), "600000", "590000")}), none, capCut);
    row("uncounted statuses leave the cap",
        Case().history({past(QStringLiteral("terminated"), "600000"), past(QStringLiteral("not_supported"), "600000")}), none);
    row("five projects of six", Case().history(closedProjects(5)), none);
    row("six projects of six", Case().history(closedProjects(6)), {QStringLiteral("PROJECT_LIMIT_REACHED@application")});
    row("2016 rules: three projects of three", Case().submitted("2018-03-15").history(closedProjects(3)),
        {QStringLiteral("PROJECT_LIMIT_REACHED@application")});
    row("cap and project limit both", Case().history(QList<vd::ApplicationHistoryEntry>(6, past(QStringLiteral("closed"), "100000"))),
        {QStringLiteral("PROJECT_LIMIT_REACHED@application"), QStringLiteral("CAP_EXHAUSTED@application")});
    const QList<vd::ApplicationHistoryEntry> fullCap{past(QStringLiteral("closed"), "600000")};
    row("related 30% before 2020-08-14", Case().submitted("2020-08-13").related(sharingOwners("30", fullCap)), capGone);
    row("related 29.99% before 2020-08-14", Case().submitted("2020-08-13").related(sharingOwners("29.99", fullCap)), none);
    row("related 30% on 2020-08-14", Case().submitted("2020-08-14").related(sharingOwners("30", fullCap)), none);
    row("related projects count towards the limit",
        Case().submitted("2020-08-13").history(closedProjects(3)).related(sharingOwners("100", closedProjects(3))),
        {QStringLiteral("PROJECT_LIMIT_REACHED@application")});

    // Every error is listed, in the order of the rules.
    row("many errors at once",
        Case().items({}).period("2023-06-01", "2023-01-01").history({past(QStringLiteral("screening"))})
            .with(set(&vd::Enterprise::listed, true)).with(set(&vd::Enterprise::governmentSubvented, true))
            .with(set(&vd::Enterprise::substantiveBusinessInHk, false)).brNumber(QStringLiteral("1")),
        {QStringLiteral("INVALID_BR_NUMBER@applicant.br_number"), QStringLiteral("LISTED_ENTITY@applicant.listed"),
         QStringLiteral("GOVERNMENT_SUBVENTED@applicant.government_subvented"),
         QStringLiteral("NO_SUBSTANTIVE_BUSINESS@applicant.substantive_business_in_hk"),
         QStringLiteral("PREVIOUS_APPLICATION_OPEN@history[0]"), QStringLiteral("INVALID_PERIOD@application.end"),
         QStringLiteral("NO_ITEMS@application.items")});
}

void AssessmentTest::findsEveryBrokenRule()
{
    QFETCH(AssessmentInput, input);
    QFETCH(QStringList, errors);
    QFETCH(QStringList, warnings);
    const vd::Assessment assessment = assessed(input);
    QCOMPARE(found(assessment.errors), errors);
    QCOMPARE(found(assessment.warnings), warnings);
    QCOMPARE(assessment.eligible, errors.isEmpty());
    if (!errors.isEmpty())
        QCOMPARE(assessment.grant, Money());
    static const QRegularExpression placeholder(QStringLiteral("%[0-9]"));
    for (const vd::Finding &finding : assessment.errors + assessment.warnings) {
        const QString message = finding.message();
        QVERIFY2(!message.isEmpty() && message != finding.code, qPrintable(finding.code));
        QVERIFY2(!message.contains(placeholder), qPrintable(message));
    }
}

void AssessmentTest::computesTheMoney_data()
{
    QTest::addColumn<AssessmentInput>("input");
    QTest::addColumn<QString>("ruleSet");
    QTest::addColumn<QString>("totalCost");
    QTest::addColumn<QString>("eligibleCost");
    QTest::addColumn<QString>("grant");
    QTest::addColumn<QString>("contribution");
    QTest::addColumn<QString>("capRemaining");
    QTest::addColumn<int>("projectsUsed");
    QTest::addColumn<QString>("initialPayment");
    QTest::addColumn<bool>("auditedAccounts");
    auto row = [](const char *name, const Case &input, const char *ruleSet, const char *total, const char *eligible,
                  const char *grant, const char *contribution, const char *cap, int projects, const char *initial, bool audited) {
        QTest::newRow(name) << AssessmentInput(input) << QString::fromLatin1(ruleSet) << QString::fromLatin1(total)
                            << QString::fromLatin1(eligible) << QString::fromLatin1(grant) << QString::fromLatin1(contribution)
                            << QString::fromLatin1(cap) << projects << QString::fromLatin1(initial) << audited;
    };
    const QList<BudgetItem> hundredThousand{item("consultancy", "100000", 3)};

    row("three quarters in 2020", Case(), "TVP-2020-04", "160000.00", "160000.00", "120000.00", "40000.00", "600000.00", 0,
        "30000.00", true);
    row("two thirds, down to the dollar", Case().submitted("2019-06-01").items(hundredThousand), "TVP-2019-02", "100000.00",
        "100000.00", "66666.00", "33334.00", "400000.00", 0, "0.00", true);
    row("initial payment the day before 2019-12-01", Case().submitted("2019-11-30").items(hundredThousand), "TVP-2019-02",
        "100000.00", "100000.00", "66666.00", "33334.00", "400000.00", 0, "0.00", true);
    row("initial payment from 2019-12-01, down to the dollar", Case().submitted("2019-12-01").items(hundredThousand),
        "TVP-2019-02", "100000.00", "100000.00", "66666.00", "33334.00", "400000.00", 0, "16666.00", true);
    row("subscription of 12 months counts whole", Case().items({subscription("24000", 12)}), "TVP-2020-04", "24000.00",
        "24000.00", "18000.00", "6000.00", "600000.00", 0, "4500.00", false);
    row("subscription of 13 months counts 12, down to the cent", Case().items({subscription("10000", 13)}), "TVP-2020-04",
        "10000.00", "9230.76", "6923.00", "3077.00", "600000.00", 0, "1730.00", false);
    row("audit fee of 3000", Case().items({item("audit_fee", "3000", 2)}), "TVP-2020-04", "3000.00", "3000.00", "2250.00",
        "750.00", "600000.00", 0, "562.00", false);
    row("audit fee of 3000.01 counts 3000", Case().items({item("audit_fee", "3000.01", 2)}), "TVP-2020-04", "3000.01",
        "3000.00", "2250.00", "750.01", "600000.00", 0, "562.00", false);
    row("approved grant counts without a final grant", Case().history({past(QStringLiteral("closed"), "300000")}),
        "TVP-2020-04", "160000.00", "160000.00", "120000.00", "40000.00", "300000.00", 1, "30000.00", true);
    row("final grant counts instead of the approved", Case().history({past(QStringLiteral("closed"), "300000", "250000")}),
        "TVP-2020-04", "160000.00", "160000.00", "120000.00", "40000.00", "350000.00", 1, "30000.00", true);
    row("open and uncounted history", Case().history({past(QStringLiteral("withdrawn"), "300000")}), "TVP-2020-04",
        "160000.00", "160000.00", "120000.00", "40000.00", "600000.00", 0, "30000.00", true);
    row("grant cut by the cap, down to the dollar", Case().history({past(QStringLiteral("closed"), "589999.50")}),
        "TVP-2020-04", "160000.00", "160000.00", "10000.00", "150000.00", "10000.50", 1, "2500.00", false);
    row("cap overdrawn shows nothing remaining", Case().history({past(QStringLiteral("closed"), "650000")}), "TVP-2020-04",
        "160000.00", "160000.00", "0.00", "160000.00", "0.00", 1, "0.00", false);
    row("grant of exactly 50000: no audited accounts", Case().items({item("consultancy", "66666.67", 3)}), "TVP-2020-04",
        "66666.67", "66666.67", "50000.00", "16666.67", "600000.00", 0, "12500.00", false);
    row("grant of 50001: audited accounts", Case().items({item("consultancy", "66668", 3)}), "TVP-2020-04", "66668.00",
        "66668.00", "50001.00", "16667.00", "600000.00", 0, "12500.00", true);
    row("an error makes the grant 0", Case().with([](AssessmentInput &input) { input.applicant.listed = true; }),
        "TVP-2020-04", "160000.00", "160000.00", "0.00", "160000.00", "600000.00", 0, "0.00", false);
    row("related history counts before 2020-08-14",
        Case().submitted("2020-08-13").related(sharingOwners("30", {past(QStringLiteral("closed"), "100000")})), "TVP-2020-04",
        "160000.00", "160000.00", "120000.00", "40000.00", "500000.00", 1, "30000.00", true);
    row("related history does not count from 2020-08-14",
        Case().submitted("2020-08-14").related(sharingOwners("30", {past(QStringLiteral("closed"), "100000")})), "TVP-2020-04",
        "160000.00", "160000.00", "120000.00", "40000.00", "600000.00", 0, "30000.00", true);
    row("before the scheme: only the cost", Case().submitted("2016-11-20"), "", "160000.00", "0.00", "0.00", "160000.00",
        "0.00", 0, "0.00", false);
}

void AssessmentTest::computesTheMoney()
{
    QFETCH(AssessmentInput, input);
    QFETCH(QString, ruleSet);
    const vd::Assessment assessment = assessed(input);
    QCOMPARE(assessment.ruleSet, ruleSet);
    QTEST(assessment.totalCost.toDecimalString(), "totalCost");
    QTEST(assessment.eligibleCost.toDecimalString(), "eligibleCost");
    QTEST(assessment.grant.toDecimalString(), "grant");
    QTEST(assessment.applicantContribution.toDecimalString(), "contribution");
    QTEST(assessment.capRemainingBefore.toDecimalString(), "capRemaining");
    QTEST(assessment.projectsUsedBefore, "projectsUsed");
    QTEST(assessment.initialPaymentMax.toDecimalString(), "initialPayment");
    QTEST(assessment.auditedAccountsRequired, "auditedAccounts");
}

void AssessmentTest::setsDueDatesClampedToTheMonthEnd_data()
{
    QTest::addColumn<QDate>("end");
    QTest::addColumn<QDate>("finalReport");
    QTest::addColumn<QDate>("evaluationReport");
    QTest::addColumn<QDate>("recordsUntil");
    QTest::newRow("31 March") << day("2024-03-31") << day("2024-05-31") << day("2024-09-30") << day("2031-03-31");
    QTest::newRow("31 December into a leap February") << day("2023-12-31") << day("2024-02-29") << day("2024-06-30")
                                                       << day("2030-12-31");
    QTest::newRow("29 February") << day("2024-02-29") << day("2024-04-29") << day("2024-08-29") << day("2031-02-28");
    QTest::newRow("31 July") << day("2023-07-31") << day("2023-09-30") << day("2024-01-31") << day("2030-07-31");
    QTest::newRow("30 August into a common February") << day("2022-08-30") << day("2022-10-30") << day("2023-02-28")
                                                      << day("2029-08-30");
}

void AssessmentTest::setsDueDatesClampedToTheMonthEnd()
{
    QFETCH(QDate, end);
    const vd::Assessment assessment = assessed(Case().with([&](AssessmentInput &input) {
        input.application.start = end.addMonths(-6);
        input.application.end = end;
    }));
    QTEST(assessment.finalReportDue, "finalReport");
    QTEST(assessment.evaluationReportDue, "evaluationReport");
    QTEST(assessment.recordsRetainedUntil, "recordsUntil");
}

void AssessmentTest::givesNoDueDatesWithoutAnEnd()
{
    for (const AssessmentInput &input : {AssessmentInput(Case().draftOn("2023-05-02").period("2023-06-01", "")),
                                         AssessmentInput(Case().submitted("2015-01-01"))}) {
        const vd::Assessment assessment = assessed(input);
        QVERIFY(!assessment.finalReportDue.isValid());
        QVERIFY(!assessment.evaluationReportDue.isValid());
        QVERIFY(!assessment.recordsRetainedUntil.isValid());
    }
}

void AssessmentTest::explainsAFindingWithItsNumbers()
{
    const vd::Assessment assessment = assessed(Case().items({item("consultancy", "120000", 2)}));
    QCOMPARE(assessment.errors.size(), 1);
    QCOMPARE(assessment.errors.first().arguments, (QStringList{QStringLiteral("120000.00"), QStringLiteral("3"), QStringLiteral("2")}));
    QCOMPARE(assessment.errors.first().message(),
             QStringLiteral("This item of HK$120,000.00 needs 3 quotations from different suppliers, but has 2. Add quotations "
                            "from other suppliers, or select a quotation from the programme's e-procurement platform."));
}

void AssessmentTest::writesMessagesInTheLocaleOfTheMoment()
{
    const vd::Finding finding = assessed(Case().period("2024-03-31", "2024-03-01")).errors.first();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::HongKong));
    const QString english = finding.message();
    QVERIFY2(english.contains(QStringLiteral("31 March 2024")), qPrintable(english));
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong));
    const QString chinese = finding.message();
    QVERIFY2(chinese.contains(QStringLiteral("3月")), qPrintable(chinese));
    QVERIFY(!chinese.contains(QStringLiteral("March")));
}

QTEST_GUILESS_MAIN(AssessmentTest)
#include "tst_assessment.moc"
