#include "domainerror.h"
#include "scheme.h"

#include <QTest>

class SchemeTest : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheShippedTechnologyVoucherScheme();
    void namesTermsInEachLanguage();
    void refusesAMalformedScheme_data();
    void refusesAMalformedScheme();
};

void SchemeTest::loadsTheShippedTechnologyVoucherScheme()
{
    const vd::Scheme &scheme = vd::Scheme::technologyVoucher();
    QCOMPARE(scheme.id(), QStringLiteral("TVP"));
    QCOMPARE(scheme.statuses().terms().size(), 19);
    QVERIFY(scheme.roles().contains(QStringLiteral("committee_chair")));
    QVERIFY(scheme.budgetCategories().contains(QStringLiteral("audit_fee")));
    QCOMPARE(scheme.sectors().terms().size(), 10);
    QVERIFY(scheme.applicantDeclarations().contains(QStringLiteral("no_other_public_funding")));
    QVERIFY(scheme.attachmentKinds().contains(QStringLiteral("quotation")));
}

void SchemeTest::namesTermsInEachLanguage()
{
    const vd::Scheme &scheme = vd::Scheme::technologyVoucher();
    const QString id = QStringLiteral("agreement_pending");
    QCOMPARE(scheme.statuses().nameOf(id, QLocale(QLocale::English)), QStringLiteral("Agreement pending"));
    QCOMPARE(scheme.statuses().nameOf(id, QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong)),
             QStringLiteral("待簽資助協議"));
    QCOMPARE(scheme.statuses().nameOf(id, QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China)),
             QStringLiteral("待签资助协议"));
    QCOMPARE(scheme.statuses().nameOf(QStringLiteral("no_such"), QLocale(QLocale::English)), QStringLiteral("no_such"));
}

void SchemeTest::refusesAMalformedScheme_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::newRow("not json") << QByteArray("{") << QStringLiteral("test.json line 1, column 2");
    QTest::newRow("wrong format") << QByteArray(R"({"format":"other"})") << QStringLiteral("format");
    QTest::newRow("missing id") << QByteArray(R"({"format":"voucherdesk.scheme/1"})") << QStringLiteral("id");
}

void SchemeTest::refusesAMalformedScheme()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    try {
        vd::Scheme::fromJson(json, QStringLiteral("test.json"));
        QFAIL("a malformed scheme was accepted");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.where(), where);
    }
}

QTEST_GUILESS_MAIN(SchemeTest)
#include "tst_scheme.moc"
