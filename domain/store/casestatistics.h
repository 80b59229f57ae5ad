#pragma once

#include "money.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace vd {

class HolidayCalendar;
class Scheme;
class Workspace;

// How many cases share one value: a status, a year, a sector, a solution category.
struct CaseCount
{
    QString key;             // empty for cases without the value (a draft has no submission year)
    qint64 applications = 0;
    friend bool operator==(const CaseCount &, const CaseCount &) = default;
};

// Days from submission to approval of the cases approved in one year.
struct ProcessingTime
{
    int year = 0;            // of the approval, Hong Kong time
    qint64 approvals = 0;
    // The median in days; a half day when the count is even and the two middle ones differ.
    qint64 medianHalfDays = 0;
    friend bool operator==(const ProcessingTime &, const ProcessingTime &) = default;
};

// The management figures of a workspace (DOMAIN.md: "monitoring and
// management reports for every stage"), as of a day.
struct CaseStatistics
{
    QDate asOf;
    qint64 applications = 0;
    QList<CaseCount> byStatus;            // every status of the scheme, in scheme order, zeros included;
                                          // statuses the scheme does not know after them
    QList<CaseCount> bySubmissionYear;    // oldest first; cases never submitted last, under an empty key
    QList<CaseCount> bySector;            // the applicant's sector; most cases first
    QList<CaseCount> bySolutionCategory;  // most cases first
    qint64 approvedApplications = 0;      // cases with an approved grant
    Money approvedGrantTotal;
    Money approvedGrantAverage;           // to the cent, half up
    QList<ProcessingTime> processingByYear; // by year of approval, oldest first
    qint64 openClarifications = 0;        // unanswered questions of cases waiting for answers
    qint64 overdueClarifications = 0;     // of those, the ones due before asOf

    // The scheme names the statuses; the calendar's time zone dates the approvals.
    static CaseStatistics compute(Workspace &workspace, QDate asOf, const Scheme &scheme,
                                  const HolidayCalendar &calendar);
};

} // namespace vd
