#pragma once

#include "money.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace vd {

class Scheme;

// One part of a project's cost: a budget category, its share range and how
// often it appears.
struct DemoBudgetPart
{
    QString category;
    int shareLow = 0;
    int shareHigh = 0;
    int percent = 0;
};

// The shape of the demo cohort, from the reference statistics in DOMAIN.md
// and the generator's stated assumptions (resources/demo/statistics.json).
struct DemoStatistics
{
    QMap<int, qint64> applicationsByYear;   // relative weights
    QMap<int, int> averageVettingDaysByYear;
    int vettingLowPercent = 0;      // of the year's average, for most cases
    int vettingHighPercent = 0;
    int vettingLongPercent = 0;     // cases stuck in clarification
    int vettingLongLowPercent = 0;
    int vettingLongHighPercent = 0;
    QHash<QString, int> endingsPermille;    // returned, withdrawn, not_processed, not_supported, terminated
    QHash<QString, Money> averageGrantByRuleSet;
    int grantLowPercent = 0;
    int grantHighPercent = 0;
    QHash<QString, QList<DemoBudgetPart>> budgetShape; // by solution category
    QList<qint64> subscriptionMonthWeights; // 12 months, 6-11 months, 24 months
    QList<qint64> applicationsPerEnterprise;
    QList<qint64> entityTypeWeights;        // in the order of the scheme's entity types
    int relatedEnterprisePercent = 0;
    int smePercent = 0;
    int chineseCorrespondencePercent = 0;
    int termYears = 0;
    int nonOfficialMembers = 0;
    int officialMembers = 0;
    int renewalPercent = 0;
    QList<int> meetingMonths;
    QDate videoFrom;
    QDate hybridFrom;
    int attendanceLowPercent = 0;
    int attendanceHighPercent = 0;
    int lateDeclarationPercent = 0;
    int maxDaysLate = 0;
    QDate platformFrom;
    int platformPercent = 0;
    int siteCheckPercent = 0;
    int issuesFoundPermille = 0;
    int suspiciousPermille = 0;

    // Throws DomainError naming the bad entry; checks the scheme's categories are all shaped.
    static DemoStatistics fromJson(const QByteArray &bytes, const QString &sourceName, const Scheme &scheme);
    static DemoStatistics shipped(const Scheme &scheme); // resources/demo/statistics.json

    // Years outside the table take the nearest year's figure.
    qint64 applicationWeight(int year) const;
    int averageVettingDays(int year) const;
};

} // namespace vd
