#include "money.h"

#include <QTest>

using vd::Money;
using vd::Percentage;
using vd::Ratio;
using vd::Rounding;

class MoneyTest : public QObject
{
    Q_OBJECT

private slots:
    void parsesDecimalStrings_data();
    void parsesDecimalStrings();
    void refusesMalformedAmounts_data();
    void refusesMalformedAmounts();
    void multipliesByRatioWithExplicitRounding_data();
    void multipliesByRatioWithExplicitRounding();
    void roundsToWholeDollars_data();
    void roundsToWholeDollars();
    void formatsForTheLocale();
    void parsesPercentages_data();
    void parsesPercentages();
};

void MoneyTest::parsesDecimalStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("decimal");
    QTest::newRow("whole") << "120000" << qint64(12000000) << "120000.00";
    QTest::newRow("one decimal") << "1.5" << qint64(150) << "1.50";
    QTest::newRow("two decimals") << "0.07" << qint64(7) << "0.07";
    QTest::newRow("zero") << "0" << qint64(0) << "0.00";
    QTest::newRow("negative") << "-12.34" << qint64(-1234) << "-12.34";
    QTest::newRow("twelve digits") << "999999999999.99" << qint64(99999999999999) << "999999999999.99";
    QTest::newRow("leading zeros") << "007" << qint64(700) << "7.00";
}

void MoneyTest::parsesDecimalStrings()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    QFETCH(QString, decimal);
    const auto money = Money::parse(text);
    QVERIFY(money.has_value());
    QCOMPARE(money->cents(), cents);
    QCOMPARE(money->toDecimalString(), decimal);
}

void MoneyTest::refusesMalformedAmounts_data()
{
    QTest::addColumn<QString>("text");
    for (const char *bad : {"", "1.234", "1,000", "1e5", "abc", ".5", "5.", " 5", "5 ", "+5", "--5", "１２", "1.2.3"})
        QTest::newRow(bad) << QString::fromUtf8(bad);
}

void MoneyTest::refusesMalformedAmounts()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!Money::parse(text, &error).has_value());
    QVERIFY(!error.isEmpty());
}

void MoneyTest::multipliesByRatioWithExplicitRounding_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<int>("rounding");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("3/4 exact") << qint64(15900000) << qint64(3) << qint64(4) << int(Rounding::Down) << qint64(11925000);
    QTest::newRow("2/3 down") << qint64(100) << qint64(2) << qint64(3) << int(Rounding::Down) << qint64(66);
    QTest::newRow("2/3 up") << qint64(100) << qint64(2) << qint64(3) << int(Rounding::Up) << qint64(67);
    QTest::newRow("2/3 half up") << qint64(100) << qint64(2) << qint64(3) << int(Rounding::HalfUp) << qint64(67);
    QTest::newRow("half exactly") << qint64(1) << qint64(1) << qint64(2) << int(Rounding::HalfUp) << qint64(1);
    QTest::newRow("negative down") << qint64(-100) << qint64(2) << qint64(3) << int(Rounding::Down) << qint64(-67);
    QTest::newRow("large") << qint64(99999999999999) << qint64(3) << qint64(4) << int(Rounding::Down) << qint64(74999999999999);
}

void MoneyTest::multipliesByRatioWithExplicitRounding()
{
    QFETCH(qint64, cents);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(int, rounding);
    QFETCH(qint64, expected);
    QCOMPARE(Money::fromCents(cents).multipliedBy(Ratio{numerator, denominator}, Rounding(rounding)).cents(), expected);
}

void MoneyTest::roundsToWholeDollars_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<int>("rounding");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("down") << qint64(2981250) << int(Rounding::Down) << qint64(2981200);
    QTest::newRow("up") << qint64(2981201) << int(Rounding::Up) << qint64(2981300);
    QTest::newRow("half up") << qint64(150) << int(Rounding::HalfUp) << qint64(200);
    QTest::newRow("already whole") << qint64(500) << int(Rounding::Up) << qint64(500);
}

void MoneyTest::roundsToWholeDollars()
{
    QFETCH(qint64, cents);
    QFETCH(int, rounding);
    QFETCH(qint64, expected);
    QCOMPARE(Money::fromCents(cents).roundedToDollar(Rounding(rounding)).cents(), expected);
}

void MoneyTest::formatsForTheLocale()
{
    const Money amount = Money::fromCents(12345678);
    QCOMPARE(amount.toDisplayString(QLocale(QLocale::English, QLocale::HongKong)), QStringLiteral("HK$123,456.78"));
    QCOMPARE(amount.toDisplayString(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong)),
             QStringLiteral("HK$123,456.78"));
    QCOMPARE(Money::fromCents(-5).toDisplayString(QLocale::c()), QStringLiteral("-HK$0.05"));
}

void MoneyTest::parsesPercentages_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("hundredths");
    QTest::addColumn<QString>("printed");
    QTest::newRow("whole") << "40" << 4000 << "40";
    QTest::newRow("decimal") << "12.5" << 1250 << "12.5";
    QTest::newRow("zero") << "0" << 0 << "0";
    QTest::newRow("hundred") << "100" << 10000 << "100";
    QTest::newRow("over") << "100.01" << -1 << "";
    QTest::newRow("negative") << "-1" << -1 << "";
}

void MoneyTest::parsesPercentages()
{
    QFETCH(QString, text);
    QFETCH(int, hundredths);
    QFETCH(QString, printed);
    const auto percentage = Percentage::parse(text);
    if (hundredths < 0) {
        QVERIFY(!percentage.has_value());
        return;
    }
    QVERIFY(percentage.has_value());
    QCOMPARE(percentage->hundredths(), hundredths);
    QCOMPARE(percentage->toString(), printed);
}

QTEST_GUILESS_MAIN(MoneyTest)
#include "tst_money.moc"
