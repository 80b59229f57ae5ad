#pragma once

#include "scheme.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QString>

namespace vd {

struct Holiday
{
    QDate date;
    LocalizedName name;
};

// The general holidays of one place, shipped as data
// (resources/calendar/hk-public-holidays.json), for deadlines counted in
// working days. It knows only the years its data covers: a question about a
// date outside them throws DomainError CALENDAR_NOT_COVERED rather than
// guessing, because a wrong holiday silently moves every deadline after it.
class HolidayCalendar
{
public:
    // Loads and checks a calendar file; throws DomainError naming the bad entry.
    static HolidayCalendar fromJson(const QByteArray &bytes, const QString &sourceName);
    static HolidayCalendar load(const QString &path);
    // Hong Kong's gazetted general holidays shipped in the resources, loaded once.
    static const HolidayCalendar &hongKong();

    // The first and last day of the covered years.
    QDate firstCovered() const { return m_firstCovered; }
    QDate lastCovered() const { return m_lastCovered; }
    bool covers(QDate date) const { return date >= m_firstCovered && date <= m_lastCovered; }
    const LocalizedName &name() const { return m_name; }
    const QString &source() const { return m_source; }

    // A gazetted general holiday (a plain Sunday is not one of these, though it
    // is never a working day either).
    bool isHoliday(QDate date) const;
    // The holiday's name in the locale's language, or an empty string.
    QString holidayName(QDate date, const QLocale &locale) const;
    QList<Holiday> holidaysIn(int year) const;
    // Monday to Friday and not a general holiday.
    bool isWorkingDay(QDate date) const;
    // The n-th working day after `from` (before it when n is negative); `from`
    // itself is never counted, and n == 0 gives `from`.
    QDate addWorkingDays(QDate from, int n) const;
    // The working days d with a < d <= b (negative when b is before a), so that
    // addWorkingDays(a, workingDaysBetween(a, b)) == b whenever b is a working day.
    int workingDaysBetween(QDate a, QDate b) const;

    // The calendar date in the calendar's own time zone of an instant kept in UTC.
    QDate localDate(const QDateTime &instant) const;
    // The UTC instant at which the date begins in the calendar's time zone.
    QDateTime startOf(QDate date) const;

private:
    void requireCovered(QDate date) const;

    LocalizedName m_name;
    QString m_source;
    QString m_sourceName;
    int m_utcOffsetSeconds = 0;
    QDate m_firstCovered;
    QDate m_lastCovered;
    QHash<QDate, Holiday> m_holidays;
};

} // namespace vd
