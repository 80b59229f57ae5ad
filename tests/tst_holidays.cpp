#include "domainerror.h"
#include "holidaycalendar.h"

#include <QTest>

using vd::HolidayCalendar;

namespace {

const QLocale english(QLocale::English, QLocale::UnitedKingdom);
const QLocale traditional(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong);
const QLocale simplified(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);

QDate day(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

class HolidaysTest : public QObject
{
    Q_OBJECT

private slots:
    void coversTheYears2016To2027();
    void listsSeventeenGazettedHolidaysEveryYear();
    void knowsGazettedHolidays_data();
    void knowsGazettedHolidays();
    void namesHolidaysInEachLanguage();
    void tellsWorkingDays_data();
    void tellsWorkingDays();
    void addsWorkingDays_data();
    void addsWorkingDays();
    void countsWorkingDaysBetween_data();
    void countsWorkingDaysBetween();
    void refusesDatesOutsideTheCoveredYears_data();
    void refusesDatesOutsideTheCoveredYears();
    void readsInstantsInHongKongTime();
    void refusesAMalformedCalendar_data();
    void refusesAMalformedCalendar();
};

void HolidaysTest::coversTheYears2016To2027()
{
    const HolidayCalendar &calendar = HolidayCalendar::hongKong();
    QCOMPARE(calendar.firstCovered(), day("2016-01-01"));
    QCOMPARE(calendar.lastCovered(), day("2027-12-31"));
    QVERIFY(calendar.source().contains(QStringLiteral("General Holidays Ordinance")));
}

void HolidaysTest::listsSeventeenGazettedHolidaysEveryYear()
{
    // Hong Kong gazettes 17 general holidays besides Sundays every year.
    for (int year = 2016; year <= 2027; ++year)
        QCOMPARE(HolidayCalendar::hongKong().holidaysIn(year).size(), 17);
}

void HolidaysTest::knowsGazettedHolidays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("name");
    const auto row = [](const char *iso, const char *name) {
        QTest::newRow(iso) << day(iso) << QString::fromUtf8(name);
    };
    row("2016-02-08", "Lunar New Year's Day");
    row("2016-05-02", "The day following Labour Day");                 // Labour Day on a Sunday
    row("2016-10-10", "The day following Chung Yeung Festival");       // Chung Yeung on a Sunday
    row("2016-12-27", "The second weekday after Christmas Day");       // Christmas on a Sunday
    row("2017-01-02", "The day following the first day of January");
    row("2017-01-31", "The fourth day of Lunar New Year");             // second day on a Sunday
    row("2017-10-02", "The day following National Day");
    row("2018-02-19", "The fourth day of Lunar New Year");
    row("2018-03-31", "The day following Good Friday");
    row("2018-07-02", "The day following Hong Kong Special Administrative Region Establishment Day");
    row("2019-02-05", "Lunar New Year's Day");
    row("2019-05-13", "The day following the Birthday of the Buddha");
    row("2019-10-07", "Chung Yeung Festival");
    row("2020-01-28", "The fourth day of Lunar New Year");
    row("2020-04-30", "The Birthday of the Buddha");
    row("2020-10-26", "The day following Chung Yeung Festival");
    row("2021-04-05", "The day following Ching Ming Festival");        // also Easter Monday
    row("2021-04-06", "The day following Easter Monday");
    row("2021-12-27", "The first weekday after Christmas Day");
    row("2022-05-09", "The day following the Birthday of the Buddha");
    row("2022-09-12", "The second day following the Chinese Mid-Autumn Festival");
    row("2022-12-27", "The second weekday after Christmas Day");
    row("2023-01-02", "The day following the first day of January");
    row("2023-01-25", "The fourth day of Lunar New Year");             // Lunar New Year's Day on a Sunday
    row("2023-10-02", "The day following National Day");
    row("2024-02-13", "The fourth day of Lunar New Year");
    row("2024-03-29", "Good Friday");
    row("2024-12-26", "The first weekday after Christmas Day");
    row("2025-01-29", "Lunar New Year's Day");
    row("2025-05-05", "The Birthday of the Buddha");
    row("2025-10-07", "The day following the Chinese Mid-Autumn Festival");
    row("2026-04-06", "The day following Ching Ming Festival");
    row("2026-04-07", "The day following Easter Monday");
    row("2026-10-19", "The day following Chung Yeung Festival");
    row("2027-02-09", "The fourth day of Lunar New Year");
    row("2027-04-05", "Ching Ming Festival");
    row("2027-12-27", "The first weekday after Christmas Day");
}

void HolidaysTest::knowsGazettedHolidays()
{
    QFETCH(QDate, date);
    QFETCH(QString, name);
    const HolidayCalendar &calendar = HolidayCalendar::hongKong();
    QVERIFY(calendar.isHoliday(date));
    QVERIFY(!calendar.isWorkingDay(date));
    QCOMPARE(calendar.holidayName(date, english), name);
}

void HolidaysTest::namesHolidaysInEachLanguage()
{
    const HolidayCalendar &calendar = HolidayCalendar::hongKong();
    const QDate buddha = day("2022-05-09");
    QCOMPARE(calendar.holidayName(buddha, traditional), QStringLiteral("佛誕翌日"));
    QCOMPARE(calendar.holidayName(buddha, simplified), QStringLiteral("佛诞翌日"));
    QCOMPARE(calendar.holidayName(day("2024-12-26"), traditional), QStringLiteral("聖誕節後第一個周日"));
    QCOMPARE(calendar.holidayName(day("2024-12-24"), english), QString());
}

void HolidaysTest::tellsWorkingDays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("holiday");
    QTest::addColumn<bool>("working");
    QTest::newRow("ordinary Tuesday") << day("2024-03-05") << false << true;
    QTest::newRow("Saturday") << day("2024-03-09") << false << false;
    QTest::newRow("Sunday") << day("2024-03-10") << false << false;
    QTest::newRow("gazetted Saturday holiday") << day("2024-03-30") << true << false;
    QTest::newRow("Lunar New Year's Day on a Sunday is not listed") << day("2023-01-22") << false << false;
    QTest::newRow("Christmas on a Sunday is not listed") << day("2022-12-25") << false << false;
    QTest::newRow("Christmas Eve works") << day("2024-12-24") << false << true;
    QTest::newRow("Winter Solstice is only a statutory holiday") << day("2020-12-21") << false << true;
    QTest::newRow("New Year's Eve works") << day("2026-12-31") << false << true;
}

void HolidaysTest::tellsWorkingDays()
{
    QFETCH(QDate, date);
    QFETCH(bool, holiday);
    QFETCH(bool, working);
    QCOMPARE(HolidayCalendar::hongKong().isHoliday(date), holiday);
    QCOMPARE(HolidayCalendar::hongKong().isWorkingDay(date), working);
}

void HolidaysTest::addsWorkingDays_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<int>("n");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("zero stays") << day("2024-02-10") << 0 << day("2024-02-10");
    QTest::newRow("next day") << day("2024-03-05") << 1 << day("2024-03-06");
    QTest::newRow("over a weekend") << day("2024-03-08") << 1 << day("2024-03-11");
    QTest::newRow("over Lunar New Year 2024") << day("2024-02-09") << 1 << day("2024-02-14");
    QTest::newRow("over Easter and Ching Ming 2024") << day("2024-03-28") << 3 << day("2024-04-05");
    QTest::newRow("Ching Ming and Easter Monday 2026") << day("2026-04-02") << 2 << day("2026-04-09");
    QTest::newRow("over Christmas 2024") << day("2024-12-24") << 2 << day("2024-12-30");
    QTest::newRow("over the year end 2024") << day("2024-12-30") << 2 << day("2025-01-02");
    QTest::newRow("over Christmas on a Sunday 2016") << day("2016-12-23") << 1 << day("2016-12-28");
    QTest::newRow("60 days from 2 Jan 2024") << day("2024-01-02") << 60 << day("2024-03-28");
    QTest::newRow("60 days over year end and New Year 2024") << day("2023-11-01") << 60 << day("2024-01-29");
    QTest::newRow("60 days over Lunar New Year 2020") << day("2019-12-02") << 60 << day("2020-03-02");
    QTest::newRow("backwards over Lunar New Year") << day("2024-02-14") << -1 << day("2024-02-09");
}

void HolidaysTest::addsWorkingDays()
{
    QFETCH(QDate, from);
    QFETCH(int, n);
    QFETCH(QDate, expected);
    QCOMPARE(HolidayCalendar::hongKong().addWorkingDays(from, n), expected);
}

void HolidaysTest::countsWorkingDaysBetween_data()
{
    QTest::addColumn<QDate>("a");
    QTest::addColumn<QDate>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("same day") << day("2024-03-05") << day("2024-03-05") << 0;
    QTest::newRow("over Lunar New Year") << day("2024-02-09") << day("2024-02-14") << 1;
    QTest::newRow("over the year end") << day("2024-12-24") << day("2025-01-02") << 4;
    QTest::newRow("backwards") << day("2025-01-02") << day("2024-12-24") << -4;
    QTest::newRow("ends on a holiday") << day("2024-03-28") << day("2024-04-01") << 0;
    QTest::newRow("60 working days") << day("2024-01-02") << day("2024-03-28") << 60;
}

void HolidaysTest::countsWorkingDaysBetween()
{
    QFETCH(QDate, a);
    QFETCH(QDate, b);
    QFETCH(int, expected);
    QCOMPARE(HolidayCalendar::hongKong().workingDaysBetween(a, b), expected);
}

void HolidaysTest::refusesDatesOutsideTheCoveredYears_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QDate>("date");
    QTest::newRow("holiday before 2016") << QStringLiteral("isHoliday") << day("2015-12-31");
    QTest::newRow("working day after 2027") << QStringLiteral("isWorkingDay") << day("2028-01-03");
    QTest::newRow("adding past the last year") << QStringLiteral("addWorkingDays") << day("2027-12-30");
    QTest::newRow("counting into an uncovered year") << QStringLiteral("workingDaysBetween") << day("2027-12-01");
    QTest::newRow("no date") << QStringLiteral("isWorkingDay") << QDate();
}

void HolidaysTest::refusesDatesOutsideTheCoveredYears()
{
    QFETCH(QString, operation);
    QFETCH(QDate, date);
    const HolidayCalendar &calendar = HolidayCalendar::hongKong();
    try {
        if (operation == QLatin1String("isHoliday"))
            calendar.isHoliday(date);
        else if (operation == QLatin1String("isWorkingDay"))
            calendar.isWorkingDay(date);
        else if (operation == QLatin1String("addWorkingDays"))
            calendar.addWorkingDays(date, 2);
        else
            calendar.workingDaysBetween(date, day("2028-02-01"));
        QFAIL("a date outside the calendar was answered");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("CALENDAR_NOT_COVERED"));
        QVERIFY2(error.message().contains(QStringLiteral("2016-01-01 to 2027-12-31")), qPrintable(error.message()));
    }
}

void HolidaysTest::readsInstantsInHongKongTime()
{
    const HolidayCalendar &calendar = HolidayCalendar::hongKong();
    QCOMPARE(calendar.localDate(QDateTime(day("2024-03-01"), QTime(15, 59), Qt::UTC)), day("2024-03-01"));
    QCOMPARE(calendar.localDate(QDateTime(day("2024-03-01"), QTime(16, 0), Qt::UTC)), day("2024-03-02"));
    QCOMPARE(calendar.localDate(QDateTime()), QDate());
}

void HolidaysTest::refusesAMalformedCalendar_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    const QByteArray head = R"({"format":"voucherdesk.calendar/1","name":{"en":"T","zh_HK":"T","zh_CN":"T"},"source":"s","utc_offset_minutes":480,"years":)";
    const QByteArray name = R"("name":{"en":"New Year","zh_HK":"元旦","zh_CN":"元旦"})";
    QTest::newRow("wrong format") << QByteArray(R"({"format":"voucherdesk.scheme/1"})") << QStringLiteral("format");
    QTest::newRow("no years") << head + "[]}" << QStringLiteral("years");
    QTest::newRow("gap between years")
        << head + R"([{"year":2020,"holidays":[{"date":"2020-01-01",)" + name + R"(}]},{"year":2022,"holidays":[{"date":"2022-01-03",)" + name + "}]}]}"
        << QStringLiteral("years[1].year");
    QTest::newRow("date in another year")
        << head + R"([{"year":2020,"holidays":[{"date":"2021-01-01",)" + name + "}]}]}"
        << QStringLiteral("years[0].holidays[0].date");
    QTest::newRow("out of order")
        << head + R"([{"year":2020,"holidays":[{"date":"2020-02-03",)" + name + R"(},{"date":"2020-01-01",)" + name + "}]}]}"
        << QStringLiteral("years[0].holidays[1].date");
    QTest::newRow("a Sunday")
        << head + R"([{"year":2020,"holidays":[{"date":"2020-01-05",)" + name + "}]}]}"
        << QStringLiteral("years[0].holidays[0].date");
    QTest::newRow("date that does not exist")
        << head + R"([{"year":2023,"holidays":[{"date":"2023-02-30",)" + name + "}]}]}"
        << QStringLiteral("years[0].holidays[0].date");
    QTest::newRow("a name missing in Chinese")
        << head + R"([{"year":2020,"holidays":[{"date":"2020-01-01","name":{"en":"New Year","zh_HK":"","zh_CN":"元旦"}}]}]})"
        << QStringLiteral("years[0].holidays[0].name");
    QTest::newRow("a year without holidays") << head + R"([{"year":2020,"holidays":[]}]})" << QStringLiteral("years[0].holidays");
}

void HolidaysTest::refusesAMalformedCalendar()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    try {
        HolidayCalendar::fromJson(json, QStringLiteral("test.json"));
        QFAIL("a malformed calendar was accepted");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.where(), where);
    }
}

QTEST_GUILESS_MAIN(HolidaysTest)
#include "tst_holidays.moc"
