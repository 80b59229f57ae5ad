#include "demostatistics.h"

#include "domainerror.h"
#include "jsonreader.h"
#include "scheme.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace vd {

namespace {

// Reads {"2017": 600, …} and skips the "notes" entry every table carries.
template<typename Value>
QMap<int, Value> yearTable(const JsonReader &table, qint64 max)
{
    QMap<int, Value> values;
    const QJsonObject object = table.value().toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("notes"))
            continue;
        bool isYear = false;
        const int year = it.key().toInt(&isYear);
        if (!isYear)
            table.fail(it.key(), QCoreApplication::translate("vd::DemoStatistics", "expected a year such as 2021"));
        values.insert(year, Value(table.integer(it.key(), 0, max)));
    }
    if (values.isEmpty())
        table.failHere(QCoreApplication::translate("vd::DemoStatistics", "list at least one year"));
    return values;
}

QList<qint64> integers(const JsonReader &reader, const QString &key, qint64 min, qint64 max)
{
    QList<qint64> values;
    for (const JsonReader &element : reader.array(key)) {
        const QJsonValue value = element.value();
        if (!value.isDouble() || value.toDouble() != double(value.toInteger()) || value.toInteger() < min || value.toInteger() > max)
            element.failHere(QCoreApplication::translate("vd::DemoStatistics", "expected a whole number from %1 to %2").arg(min).arg(max));
        values.append(value.toInteger());
    }
    return values;
}

template<typename Value>
Value nearestYear(const QMap<int, Value> &table, int year)
{
    auto it = table.upperBound(year);
    return it == table.cbegin() ? it.value() : std::prev(it).value();
}

} // namespace

DemoStatistics DemoStatistics::fromJson(const QByteArray &bytes, const QString &sourceName, const Scheme &scheme)
{
    const JsonReader root(JsonReader::parseDocument(bytes, sourceName), QString());
    if (root.string(QStringLiteral("format")) != QLatin1String("voucherdesk.demo-statistics/1"))
        root.fail(QStringLiteral("format"), QCoreApplication::translate("vd::DemoStatistics", "not a demo statistics file this program knows"));

    DemoStatistics s;
    s.applicationsByYear = yearTable<qint64>(root.object(QStringLiteral("applications_by_year")), 10'000'000);
    s.averageVettingDaysByYear = yearTable<int>(root.object(QStringLiteral("average_vetting_days_by_year")), 3650);
    const JsonReader vetting = root.object(QStringLiteral("vetting_spread_percent"));
    s.vettingLowPercent = int(vetting.integer(QStringLiteral("low"), 1, 1000));
    s.vettingHighPercent = int(vetting.integer(QStringLiteral("high"), s.vettingLowPercent, 1000));
    s.vettingLongPercent = int(vetting.integer(QStringLiteral("long_percent"), 0, 100));
    s.vettingLongLowPercent = int(vetting.integer(QStringLiteral("long_low"), 1, 1000));
    s.vettingLongHighPercent = int(vetting.integer(QStringLiteral("long_high"), s.vettingLongLowPercent, 1000));

    const JsonReader endings = root.object(QStringLiteral("endings_permille"));
    int endingTotal = 0;
    for (const QString &ending : {QStringLiteral("returned"), QStringLiteral("withdrawn"), QStringLiteral("not_processed"),
                                  QStringLiteral("not_supported"), QStringLiteral("terminated")}) {
        s.endingsPermille.insert(ending, int(endings.integer(ending, 0, 1000)));
        endingTotal += s.endingsPermille.value(ending);
    }
    if (endingTotal > 1000)
        endings.failHere(QCoreApplication::translate("vd::DemoStatistics", "the endings add up to more than 1000 permille"));

    const JsonReader grants = root.object(QStringLiteral("average_grant_by_rule_set"));
    const JsonReader ruleSets(scheme.rules(), QStringLiteral("rules"));
    for (const JsonReader &ruleSet : ruleSets.array(QStringLiteral("rule_sets"))) {
        const QString id = ruleSet.string(QStringLiteral("id"));
        s.averageGrantByRuleSet.insert(id, grants.money(id, true));
    }
    const JsonReader grantSpread = root.object(QStringLiteral("grant_spread_percent"));
    s.grantLowPercent = int(grantSpread.integer(QStringLiteral("low"), 1, 1000));
    s.grantHighPercent = int(grantSpread.integer(QStringLiteral("high"), s.grantLowPercent, 1000));

    const JsonReader shapes = root.object(QStringLiteral("budget_shape"));
    for (const QString &solution : scheme.solutionCategories().ids()) {
        QList<DemoBudgetPart> parts;
        for (const JsonReader &part : shapes.array(solution)) {
            const QList<qint64> share = integers(part, QStringLiteral("share"), 1, 100);
            if (share.size() != 2 || share[0] > share[1])
                part.fail(QStringLiteral("share"), QCoreApplication::translate("vd::DemoStatistics", "expected [low, high]"));
            parts.append({part.oneOf(QStringLiteral("category"), scheme.budgetCategories().ids()), int(share[0]), int(share[1]),
                          int(part.integer(QStringLiteral("percent"), 0, 100))});
        }
        if (parts.isEmpty())
            shapes.fail(solution, QCoreApplication::translate("vd::DemoStatistics", "list at least one budget part"));
        s.budgetShape.insert(solution, parts);
    }
    const JsonReader months = root.object(QStringLiteral("subscription_months"));
    s.subscriptionMonthWeights = {months.integer(QStringLiteral("twelve"), 0, 1000), months.integer(QStringLiteral("shorter"), 0, 1000),
                                  months.integer(QStringLiteral("longer"), 0, 1000)};

    s.applicationsPerEnterprise = integers(root.object(QStringLiteral("applications_per_enterprise")), QStringLiteral("weights"), 0, 1'000'000);
    if (s.applicationsPerEnterprise.isEmpty() || s.applicationsPerEnterprise.constFirst() == 0)
        root.fail(QStringLiteral("applications_per_enterprise"),
                  QCoreApplication::translate("vd::DemoStatistics", "enterprises with one application need a weight"));
    const JsonReader entityTypes = root.object(QStringLiteral("entity_types_permille"));
    for (const QString &entityType : scheme.entityTypes().ids())
        s.entityTypeWeights.append(entityTypes.integer(entityType, 0, 1000));
    s.relatedEnterprisePercent = int(root.object(QStringLiteral("related_enterprise_percent")).integer(QStringLiteral("value"), 0, 100));
    s.smePercent = int(root.object(QStringLiteral("sme_percent")).integer(QStringLiteral("value"), 0, 100));
    s.chineseCorrespondencePercent = int(root.object(QStringLiteral("chinese_correspondence_percent")).integer(QStringLiteral("value"), 0, 100));

    const JsonReader committee = root.object(QStringLiteral("committee"));
    s.termYears = int(committee.integer(QStringLiteral("term_years"), 1, 10));
    s.nonOfficialMembers = int(committee.integer(QStringLiteral("non_official_members"), 3, 200));
    s.officialMembers = int(committee.integer(QStringLiteral("official_members"), 0, 50));
    s.renewalPercent = int(committee.integer(QStringLiteral("renewal_percent"), 0, 100));
    for (qint64 month : integers(committee, QStringLiteral("meeting_months"), 1, 12))
        s.meetingMonths.append(int(month));
    std::sort(s.meetingMonths.begin(), s.meetingMonths.end()); // meetings are scheduled in date order
    s.videoFrom = committee.date(QStringLiteral("video_from"));
    s.hybridFrom = committee.date(QStringLiteral("hybrid_from"));

    const JsonReader attendance = root.object(QStringLiteral("attendance_percent"));
    s.attendanceLowPercent = int(attendance.integer(QStringLiteral("low"), 0, 100));
    s.attendanceHighPercent = int(attendance.integer(QStringLiteral("high"), s.attendanceLowPercent, 100));
    const JsonReader late = root.object(QStringLiteral("late_declarations"));
    s.lateDeclarationPercent = int(late.integer(QStringLiteral("percent"), 0, 100));
    s.maxDaysLate = int(late.integer(QStringLiteral("max_days_late"), 1, 3650));
    const JsonReader platform = root.object(QStringLiteral("platform_quotations"));
    s.platformFrom = platform.date(QStringLiteral("from"));
    s.platformPercent = int(platform.integer(QStringLiteral("percent"), 0, 100));
    const JsonReader checks = root.object(QStringLiteral("site_checks"));
    s.siteCheckPercent = int(checks.integer(QStringLiteral("percent_of_projects"), 0, 100));
    s.issuesFoundPermille = int(checks.integer(QStringLiteral("issues_found_permille"), 0, 1000));
    s.suspiciousPermille = int(checks.integer(QStringLiteral("suspicious_permille"), 0, 1000 - s.issuesFoundPermille));
    return s;
}

DemoStatistics DemoStatistics::shipped(const Scheme &scheme)
{
    const QString path = QStringLiteral(":/voucherdesk/demo/statistics.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DomainError(QStringLiteral("DEMO_DATA_UNREADABLE"), path, file.errorString());
    return fromJson(file.readAll(), path, scheme);
}

qint64 DemoStatistics::applicationWeight(int year) const
{
    return nearestYear(applicationsByYear, year);
}

int DemoStatistics::averageVettingDays(int year) const
{
    return nearestYear(averageVettingDaysByYear, year);
}

} // namespace vd
