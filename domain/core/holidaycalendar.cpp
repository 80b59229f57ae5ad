#include "holidaycalendar.h"

#include "domainerror.h"
#include "jsonreader.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cstdlib>

namespace vd {

namespace {

// Gives lupdate the context the strings are looked up under at run time.
struct CalendarText
{
    Q_DECLARE_TR_FUNCTIONS(vd::HolidayCalendar)
};

bool isComplete(const LocalizedName &name)
{
    return !name.en.trimmed().isEmpty() && !name.zhHK.trimmed().isEmpty() && !name.zhCN.trimmed().isEmpty();
}

// Reads one year's holidays into `holidays`, checking each against the year.
void readYear(const JsonReader &entry, int year, QHash<QDate, Holiday> &holidays)
{
    const QList<JsonReader> listed = entry.array(QStringLiteral("holidays"));
    if (listed.isEmpty())
        entry.fail(QStringLiteral("holidays"),
                   CalendarText::tr("lists no holiday; every year has gazetted general holidays"));
    QDate previous;
    for (const JsonReader &holiday : listed) {
        const QDate date = holiday.date(QStringLiteral("date"));
        if (date.year() != year)
            holiday.fail(QStringLiteral("date"), CalendarText::tr("%1 is not in %2; move it to its own year")
                                                     .arg(date.toString(Qt::ISODate)).arg(year));
        if (previous.isValid() && date <= previous)
            holiday.fail(QStringLiteral("date"),
                         CalendarText::tr("must come after %1: list a year's holidays in order, each once")
                             .arg(previous.toString(Qt::ISODate)));
        if (date.dayOfWeek() == Qt::Sunday)
            holiday.fail(QStringLiteral("date"),
                         CalendarText::tr("%1 is a Sunday, a general holiday anyway; "
                                          "list the day designated in substitution instead")
                             .arg(date.toString(Qt::ISODate)));
        const LocalizedName name = LocalizedName::fromJson(holiday.object(QStringLiteral("name")));
        if (!isComplete(name))
            holiday.fail(QStringLiteral("name"),
                         CalendarText::tr("needs a name in English, Traditional Chinese and Simplified Chinese"));
        holidays.insert(date, {date, name});
        previous = date;
    }
}

} // namespace

HolidayCalendar HolidayCalendar::fromJson(const QByteArray &bytes, const QString &sourceName)
{
    const JsonReader root(JsonReader::parseDocument(bytes, sourceName), QString());
    if (root.string(QStringLiteral("format")) != QLatin1String("voucherdesk.calendar/1"))
        root.fail(QStringLiteral("format"), CalendarText::tr("not a holiday calendar this program knows"));
    HolidayCalendar calendar;
    calendar.m_sourceName = sourceName;
    calendar.m_name = LocalizedName::fromJson(root.object(QStringLiteral("name")));
    calendar.m_source = root.string(QStringLiteral("source"));
    calendar.m_utcOffsetSeconds = int(root.integer(QStringLiteral("utc_offset_minutes"), -14 * 60, 14 * 60)) * 60;

    const QList<JsonReader> years = root.array(QStringLiteral("years"));
    if (years.isEmpty())
        root.fail(QStringLiteral("years"), CalendarText::tr("lists no year; a calendar must cover at least one"));
    int firstYear = 0;
    int nextYear = 0;
    for (const JsonReader &entry : years) {
        const int year = int(entry.integer(QStringLiteral("year"), 1900, 2999));
        if (nextYear != 0 && year != nextYear)
            entry.fail(QStringLiteral("year"),
                       CalendarText::tr("expected %1: the years must follow each other without a gap").arg(nextYear));
        if (firstYear == 0)
            firstYear = year;
        readYear(entry, year, calendar.m_holidays);
        nextYear = year + 1;
    }
    calendar.m_firstCovered = QDate(firstYear, 1, 1);
    calendar.m_lastCovered = QDate(nextYear - 1, 12, 31);
    return calendar;
}

HolidayCalendar HolidayCalendar::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DomainError(QStringLiteral("CALENDAR_UNREADABLE"), path, file.errorString());
    return fromJson(file.readAll(), path);
}

const HolidayCalendar &HolidayCalendar::hongKong()
{
    static const HolidayCalendar calendar = load(QStringLiteral(":/voucherdesk/calendar/hk-public-holidays.json"));
    return calendar;
}

void HolidayCalendar::requireCovered(QDate date) const
{
    if (covers(date))
        return;
    const QString asked = date.isValid() ? date.toString(Qt::ISODate) : CalendarText::tr("a missing date");
    throw DomainError(QStringLiteral("CALENDAR_NOT_COVERED"), m_sourceName,
                      CalendarText::tr("The holiday calendar covers %1 to %2 only, so it cannot tell whether %3 is a "
                                       "working day. Install a holiday calendar that covers that year.")
                          .arg(m_firstCovered.toString(Qt::ISODate), m_lastCovered.toString(Qt::ISODate), asked));
}

bool HolidayCalendar::isHoliday(QDate date) const
{
    requireCovered(date);
    return m_holidays.contains(date);
}

QString HolidayCalendar::holidayName(QDate date, const QLocale &locale) const
{
    requireCovered(date);
    const auto found = m_holidays.constFind(date);
    return found == m_holidays.cend() ? QString() : found->name.in(locale);
}

QList<Holiday> HolidayCalendar::holidaysIn(int year) const
{
    requireCovered(QDate(year, 1, 1));
    QList<Holiday> holidays;
    for (const Holiday &holiday : m_holidays) {
        if (holiday.date.year() == year)
            holidays.append(holiday);
    }
    std::sort(holidays.begin(), holidays.end(), [](const Holiday &a, const Holiday &b) { return a.date < b.date; });
    return holidays;
}

bool HolidayCalendar::isWorkingDay(QDate date) const
{
    return date.dayOfWeek() <= Qt::Friday && !isHoliday(date);
}

QDate HolidayCalendar::addWorkingDays(QDate from, int n) const
{
    requireCovered(from);
    const int step = n < 0 ? -1 : 1;
    QDate date = from;
    for (int remaining = std::abs(n); remaining > 0;) {
        date = date.addDays(step);
        if (isWorkingDay(date))
            --remaining;
    }
    return date;
}

int HolidayCalendar::workingDaysBetween(QDate a, QDate b) const
{
    if (b < a)
        return -workingDaysBetween(b, a);
    requireCovered(a);
    requireCovered(b);
    int count = 0;
    for (QDate date = a.addDays(1); date <= b; date = date.addDays(1)) {
        if (isWorkingDay(date))
            ++count;
    }
    return count;
}

QDate HolidayCalendar::localDate(const QDateTime &instant) const
{
    return instant.isValid() ? instant.toOffsetFromUtc(m_utcOffsetSeconds).date() : QDate();
}

QDateTime HolidayCalendar::startOf(QDate date) const
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).addSecs(-m_utcOffsetSeconds);
}

} // namespace vd
