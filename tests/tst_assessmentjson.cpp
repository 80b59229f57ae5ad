// The JSON of formats/assess.md: every field written is read back the same,
// and what cannot be read is refused with its path.
#include "assessmentjson.h"
#include "domainerror.h"
#include "jsonedit.h"
#include "rulebook.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using vd::Application;
using vd::Completeness;
using vd::Enterprise;
using vd::JsonReader;
using vd::Money;

Q_DECLARE_METATYPE(vd::Enterprise)
Q_DECLARE_METATYPE(vd::Application)
Q_DECLARE_METATYPE(vd::Completeness)

namespace {

const vd::RuleBook &rules()
{
    return vd::RuleBook::technologyVoucher();
}

const vd::Scheme &scheme()
{
    return rules().scheme();
}

// Through text and back, as a file would carry it.
JsonReader carried(const QJsonObject &object, const QString &path)
{
    return JsonReader(QJsonDocument::fromJson(QJsonDocument(object).toJson()).object(), path);
}

QDate day(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

QDateTime instant(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

Money hkd(const char *amount)
{
    return *Money::parse(QString::fromLatin1(amount));
}

Enterprise fullEnterprise()
{
    Enterprise enterprise;
    enterprise.id = QStringLiteral("0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01");
    enterprise.revision = 7;
    enterprise.brNumber = QStringLiteral("31415926");
    enterprise.name = {QStringLiteral("Wing Fat Trading Ltd"), QStringLiteral("永發貿易有限公司")};
    enterprise.entityType = QStringLiteral("partnership");
    enterprise.listed = true;
    enterprise.governmentSubvented = true;
    enterprise.substantiveBusinessInHk = false;
    enterprise.businessCommenced = day("2012-02-29");
    enterprise.employees = 120;
    enterprise.manufacturing = true;
    enterprise.owners = {{QStringLiteral("Chan Tai Man"), vd::Percentage::fromHundredths(6050)},
                         {QStringLiteral("李小明"), vd::Percentage::fromHundredths(3950)}};
    enterprise.sector = QStringLiteral("import_export");
    enterprise.address = {QStringLiteral("12/F, 8 Nathan Road, Kowloon"), QStringLiteral("九龍彌敦道8號12樓")};
    enterprise.contactName = QStringLiteral("Chan Tai Man");
    enterprise.contactEmail = QStringLiteral("tm.chan@wingfat.example");
    enterprise.contactPhone = QStringLiteral("+852 2345 6789");
    return enterprise;
}

vd::BudgetItem subscriptionItem()
{
    vd::BudgetItem item;
    item.id = QStringLiteral("item-2");
    item.category = QStringLiteral("subscription");
    item.description = {QString(), QStringLiteral("雲端銷售點系統訂閱")};
    item.amount = hkd("48000.50");
    item.months = 24;
    item.quotations = {{QStringLiteral("q-3"), QStringLiteral("PlatformPOS Ltd"), hkd("48000.50"), true, true}};
    return item;
}

Application fullApplication()
{
    Application application;
    application.id = QStringLiteral("7a0d3c55-3b7e-4e0b-a2d9-5b9f0c1d2e01");
    application.revision = 3;
    application.reference = QStringLiteral("TVP/2023/00042");
    application.enterpriseId = QStringLiteral("0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01");
    application.status = QStringLiteral("in_progress");
    application.title = {QStringLiteral("ERP for order and stock"), QStringLiteral("訂單及存貨企業資源規劃系統")};
    application.description = {QStringLiteral("Replace spreadsheets"), QString()};
    application.solutionCategory = QStringLiteral("erp");
    application.submitted = day("2023-05-02");
    application.start = day("2023-06-01");
    application.end = day("2024-03-31");
    vd::BudgetItem software;
    software.id = QStringLiteral("item-1");
    software.category = QStringLiteral("customised_software");
    software.description = {QStringLiteral("ERP system"), QStringLiteral("企業資源規劃系統")};
    software.amount = hkd("120000");
    software.quotations = {{QStringLiteral("q-1"), QStringLiteral("Acme Solutions Ltd"), hkd("120000"), true, false},
                           {QStringLiteral("q-2"), QStringLiteral("Beta Systems Ltd"), hkd("110000.05"), false, false}};
    software.justification = QStringLiteral("Beta cannot integrate with our point of sale.");
    application.items = {software, subscriptionItem()};
    application.attachments = {{QStringLiteral("att-1"), QStringLiteral("quotation"), QStringLiteral("acme-quotation.pdf"),
                                QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), 48213}};
    application.declarations = {{QStringLiteral("no_double_funding"), true, instant("2023-05-02T09:30:00.125Z")}};
    application.caseOfficerId = QStringLiteral("officer-17");
    application.approvedGrant = hkd("124500");
    application.finalGrant = hkd("120000.99");
    application.createdAt = instant("2023-04-20T01:02:03.004Z");
    application.updatedAt = instant("2023-05-02T17:30:00+08:00");
    return application;
}

QJsonObject exampleDocument()
{
    QFile file(QStringLiteral(VD_TEST_DATA "/assess/01-eligible-erp.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("tests/data/assess/01-eligible-erp.json is missing");
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class AssessmentJsonTest : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsAnApplicant_data();
    void roundTripsAnApplicant();
    void roundTripsAnApplication_data();
    void roundTripsAnApplication();
    void roundTripsHistoryAndRelatedEnterprises();
    void roundTripsTheWholeInputDocument();
    void readsTheWorkedExample();
    void requiresWhatAnAssessmentNeedsOnlyWhenComplete_data();
    void requiresWhatAnAssessmentNeedsOnlyWhenComplete();
    void readsAnyTextAsABrNumberButOnlyText();
    void ignoresFieldsItDoesNotKnow();
    void refusesBadExtraFields_data();
    void refusesBadExtraFields();
    void writesAnAssessmentWithTwoDecimalsAndIsoDates();
    void writesNullsWhenNoRuleSetApplies();
};

void AssessmentJsonTest::roundTripsAnApplicant_data()
{
    QTest::addColumn<Enterprise>("applicant");
    QTest::newRow("every field") << fullEnterprise();
    Enterprise statutory;
    statutory.name = {QString(), QStringLiteral("職業訓練局")};
    statutory.entityType = QStringLiteral("statutory_body");
    statutory.businessCommenced = day("1982-04-01");
    QTest::newRow("a statutory body without a BR number, owners or contacts") << statutory;
    Enterprise odd = fullEnterprise();
    odd.brNumber = QStringLiteral("12-34");
    odd.employees = 0;
    odd.owners = {{QStringLiteral("Sole owner"), vd::Percentage::fromHundredths(10000)}};
    QTest::newRow("a malformed BR number is kept for the rules to judge") << odd;
}

void AssessmentJsonTest::roundTripsAnApplicant()
{
    QFETCH(Enterprise, applicant);
    const QJsonObject json = vd::applicantToJson(applicant);
    QCOMPARE(vd::readApplicant(carried(json, QStringLiteral("applicant")), scheme()), applicant);
}

void AssessmentJsonTest::roundTripsAnApplication_data()
{
    QTest::addColumn<Application>("application");
    QTest::addColumn<Completeness>("completeness");
    QTest::newRow("every field, complete") << fullApplication() << Completeness::Complete;
    QTest::newRow("every field, as a draft") << fullApplication() << Completeness::Draft;
    Application empty;
    QTest::newRow("a new draft with nothing in it") << empty << Completeness::Draft;
    Application draft;
    draft.status = QStringLiteral("draft");
    draft.start = day("2027-01-01");
    vd::BudgetItem undecided = subscriptionItem();
    undecided.months.reset();
    undecided.quotations.clear();
    draft.items = {undecided};
    QTest::newRow("a draft subscription without months or quotations") << draft << Completeness::Draft;
    Application otherScheme = fullApplication();
    otherScheme.scheme = QStringLiteral("RTTP");
    QTest::newRow("another scheme's application") << otherScheme << Completeness::Complete;
}

void AssessmentJsonTest::roundTripsAnApplication()
{
    QFETCH(Application, application);
    QFETCH(Completeness, completeness);
    const QJsonObject json = vd::applicationToJson(application);
    QCOMPARE(vd::readApplication(carried(json, QStringLiteral("application")), rules(), completeness), application);
}

void AssessmentJsonTest::roundTripsHistoryAndRelatedEnterprises()
{
    const QList<vd::ApplicationHistoryEntry> history{
        {QStringLiteral("TVP/2020/17784"), day("2020-06-01"), QStringLiteral("closed"), hkd("300000"), hkd("290000.50")},
        {QStringLiteral("TVP/2021/24464"), day("2021-09-01"), QStringLiteral("withdrawn"), Money(), std::nullopt}};
    const JsonReader list(QJsonObject{{QStringLiteral("history"), vd::historyToJson(history)}}, QString());
    QCOMPARE(vd::readHistory(list, QStringLiteral("history"), scheme()), history);

    const vd::RelatedEnterprise related{QStringLiteral("87654321"), vd::Percentage::fromHundredths(2999), history};
    const QJsonObject json = vd::relatedEnterpriseToJson(related);
    QCOMPARE(vd::readRelatedEnterprise(carried(json, QStringLiteral("related[0]")), scheme()), related);
}

void AssessmentJsonTest::roundTripsTheWholeInputDocument()
{
    vd::AssessmentInput input;
    input.applicant = fullEnterprise();
    input.history = {{QStringLiteral("TVP/2020/17784"), day("2020-06-01"), QStringLiteral("closed"), hkd("300000"), std::nullopt}};
    input.related = {{QStringLiteral("87654321"), vd::Percentage::fromHundredths(3000), input.history}};
    input.application = fullApplication();
    const QJsonObject json = vd::assessmentInputToJson(input, QStringLiteral("TVP"));
    QCOMPARE(vd::readAssessmentInput(carried(json, QString()).value().toObject(), rules()), input);
}

void AssessmentJsonTest::readsTheWorkedExample()
{
    const vd::AssessmentInput input = vd::readAssessmentInput(exampleDocument(), rules());
    QCOMPARE(input.applicant.brNumber, std::optional<QString>(QStringLiteral("31415926")));
    QCOMPARE(input.applicant.name.zh, QStringLiteral("永發貿易有限公司"));
    QCOMPARE(input.applicant.owners.size(), 2);
    QCOMPARE(input.applicant.owners.at(1).share, vd::Percentage::fromHundredths(4000));
    QCOMPARE(input.application.submitted, std::optional<QDate>(day("2023-05-02")));
    QCOMPARE(input.application.items.size(), 3);
    QCOMPARE(input.application.items.at(0).amount, Money::fromDollars(120000));
    QCOMPARE(input.application.items.at(0).quotations.at(1).amount, Money::fromDollars(132001));
    QVERIFY(input.application.items.at(0).justification.isEmpty());
    QCOMPARE(input.application.status, QStringLiteral("draft"));
}

void AssessmentJsonTest::requiresWhatAnAssessmentNeedsOnlyWhenComplete_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("submitted") << "submitted";
    QTest::newRow("start") << "start";
    QTest::newRow("end") << "end";
    QTest::newRow("items") << "items";
    QTest::newRow("months of a subscription") << "items[1].months";
}

void AssessmentJsonTest::requiresWhatAnAssessmentNeedsOnlyWhenComplete()
{
    QFETCH(QString, path);
    const QJsonObject application = jsonedit::without(vd::applicationToJson(fullApplication()), path);
    const JsonReader reader(application, QStringLiteral("application"));
    try {
        vd::readApplication(reader, rules(), Completeness::Complete);
        QFAIL("an incomplete application was read as complete");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("INPUT_ERROR"));
        QCOMPARE(error.where(), QStringLiteral("application.") + path);
    }
    vd::readApplication(reader, rules(), Completeness::Draft);
}

void AssessmentJsonTest::readsAnyTextAsABrNumberButOnlyText()
{
    const QJsonObject applicant = vd::applicantToJson(fullEnterprise());
    auto read = [&](const QJsonValue &number) {
        return vd::readApplicant(JsonReader(jsonedit::with(applicant, QStringLiteral("br_number"), number),
                                            QStringLiteral("applicant")), scheme()).brNumber;
    };
    QCOMPARE(read(QStringLiteral("1234")), std::optional<QString>(QStringLiteral("1234")));
    QCOMPARE(read(QJsonValue()), std::optional<QString>());
    QVERIFY_THROWS_EXCEPTION(vd::DomainError, read(31415926));
}

void AssessmentJsonTest::ignoresFieldsItDoesNotKnow()
{
    QJsonObject document = exampleDocument();
    document = jsonedit::with(document, QStringLiteral("workspace_note"), QStringLiteral("exported by the back office"));
    document = jsonedit::with(document, QStringLiteral("application.items[0].colour"), QJsonObject{{QStringLiteral("any"), 1}});
    document = jsonedit::with(document, QStringLiteral("applicant.owners[0].since"), 2012);
    QCOMPARE(vd::readAssessmentInput(document, rules()), vd::readAssessmentInput(exampleDocument(), rules()));
}

void AssessmentJsonTest::refusesBadExtraFields_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("unknown status") << "status" << QJsonValue(QStringLiteral("pondering"));
    QTest::newRow("unknown solution category") << "solution_category" << QJsonValue(QStringLiteral("robots"));
    QTest::newRow("revision as text") << "revision" << QJsonValue(QStringLiteral("3"));
    QTest::newRow("negative revision") << "revision" << QJsonValue(-1);
    QTest::newRow("an instant without its offset") << "created_at" << QJsonValue(QStringLiteral("2023-04-20T01:02:03"));
    QTest::newRow("an instant that does not exist") << "updated_at" << QJsonValue(QStringLiteral("2023-02-30T01:02:03Z"));
    QTest::newRow("a short digest") << "attachments[0].sha256" << QJsonValue(QStringLiteral("9f86d081"));
    QTest::newRow("a negative size") << "attachments[0].size" << QJsonValue(-5);
    QTest::newRow("a declaration without its answer") << "declarations[0].accepted" << QJsonValue();
    QTest::newRow("approved grant as a number") << "approved_grant" << QJsonValue(124500);
    QTest::newRow("title as text") << "title" << QJsonValue(QStringLiteral("ERP"));
    QTest::newRow("a blank supplier") << "items[0].quotations[0].supplier" << QJsonValue(QStringLiteral("  "));
    QTest::newRow("zero months") << "items[1].months" << QJsonValue(0);
}

void AssessmentJsonTest::refusesBadExtraFields()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    const QJsonObject application = jsonedit::with(vd::applicationToJson(fullApplication()), path, value);
    try {
        vd::readApplication(JsonReader(application, QStringLiteral("application")), rules(), Completeness::Draft);
        QFAIL("a bad field was read");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.where(), QStringLiteral("application.") + path);
    }
}

void AssessmentJsonTest::writesAnAssessmentWithTwoDecimalsAndIsoDates()
{
    const vd::Assessment assessment = vd::assess(vd::readAssessmentInput(exampleDocument(), rules()), rules());
    const QJsonObject json = vd::assessmentToJson(assessment);
    QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("voucherdesk.assessment/1"));
    QCOMPARE(json.value(QStringLiteral("rule_set")).toString(), QStringLiteral("TVP-2020-04"));
    QCOMPARE(json.value(QStringLiteral("total_cost")).toString(), QStringLiteral("159000.00"));
    QCOMPARE(json.value(QStringLiteral("initial_payment_max")).toString(), QStringLiteral("29812.00"));
    QCOMPARE(json.value(QStringLiteral("projects_used_before")).toInt(-1), 0);
    QCOMPARE(json.value(QStringLiteral("final_report_due")).toString(), QStringLiteral("2024-05-31"));
    QVERIFY(json.value(QStringLiteral("errors")).isArray());
    QFile expected(QStringLiteral(VD_TEST_DATA "/assess/01-eligible-erp.expected.json"));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    QCOMPARE(json.keys(), QJsonDocument::fromJson(expected.readAll()).object().value(QStringLiteral("output")).toObject().keys());
}

void AssessmentJsonTest::writesNullsWhenNoRuleSetApplies()
{
    const QJsonObject document = jsonedit::with(exampleDocument(), QStringLiteral("application.submitted"), QStringLiteral("2016-11-20"));
    const QJsonObject json = vd::assessmentToJson(vd::assess(vd::readAssessmentInput(document, rules()), rules()));
    QVERIFY(json.value(QStringLiteral("rule_set")).isNull());
    QVERIFY(json.value(QStringLiteral("final_report_due")).isNull());
    QVERIFY(json.value(QStringLiteral("records_retained_until")).isNull());
    QCOMPARE(json.value(QStringLiteral("grant")).toString(), QStringLiteral("0.00"));
    QCOMPARE(json.value(QStringLiteral("applicant_contribution")).toString(), QStringLiteral("159000.00"));
    const QJsonObject error = json.value(QStringLiteral("errors")).toArray().first().toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("SCHEME_NOT_OPEN"));
    QCOMPARE(error.value(QStringLiteral("path")).toString(), QStringLiteral("application.submitted"));
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(AssessmentJsonTest)
#include "tst_assessmentjson.moc"
