#include "casestatistics.h"

#include "holidaycalendar.h"
#include "recordjson.h"
#include "scheme.h"
#include "workspace.h"

#include <QJsonObject>

#include <QHash>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>

namespace vd {

namespace {

// Counts of a statement selecting (key, count) rows.
QList<CaseCount> counts(Workspace &workspace, const QString &sql)
{
    QSqlQuery &query = workspace.statement(sql);
    workspace.exec(query);
    QList<CaseCount> result;
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toLongLong()});
    query.finish();
    return result;
}

void mostFirst(QList<CaseCount> &counts)
{
    std::sort(counts.begin(), counts.end(), [](const CaseCount &a, const CaseCount &b) {
        return a.applications != b.applications ? a.applications > b.applications : a.key < b.key;
    });
}

// Every status of the scheme in its order, then any the scheme does not know.
QList<CaseCount> inSchemeOrder(const QList<CaseCount> &found, const SchemeVocabulary &statuses)
{
    QHash<QString, qint64> byKey;
    for (const CaseCount &count : found)
        byKey.insert(count.key, count.applications);
    QList<CaseCount> ordered;
    for (const SchemeTerm &status : statuses.terms())
        ordered.append({status.id, byKey.take(status.id)});
    QList<CaseCount> unknown;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
        unknown.append({it.key(), it.value()});
    mostFirst(unknown);
    return ordered + unknown;
}

qint64 medianHalfDays(QList<qint64> days)
{
    std::sort(days.begin(), days.end());
    const qsizetype middle = days.size() / 2;
    return days.size() % 2 == 1 ? 2 * days[middle] : days[middle - 1] + days[middle];
}

QList<ProcessingTime> processingTimes(Workspace &workspace, const HolidayCalendar &calendar)
{
    QSqlQuery &query = workspace.statement(QStringLiteral(
        "SELECT a.submitted, min(p.approved_at) FROM approvals AS p JOIN applications AS a ON a.id = p.application_id "
        "WHERE a.submitted IS NOT NULL GROUP BY p.application_id"));
    workspace.exec(query);
    QMap<int, QList<qint64>> daysByYear;
    while (query.next()) {
        const QDate submitted = record::dateFromText(query.value(0).toString());
        const QDate approved = calendar.localDate(record::instantFromText(query.value(1).toString()));
        if (submitted.isValid() && approved.isValid())
            daysByYear[approved.year()].append(submitted.daysTo(approved));
    }
    query.finish();
    QList<ProcessingTime> times;
    for (auto it = daysByYear.cbegin(); it != daysByYear.cend(); ++it)
        times.append({it.key(), it.value().size(), medianHalfDays(it.value())});
    return times;
}

} // namespace

CaseStatistics CaseStatistics::compute(Workspace &workspace, QDate asOf, const Scheme &scheme,
                                       const HolidayCalendar &calendar)
{
    CaseStatistics statistics;
    statistics.asOf = asOf;
    statistics.byStatus = inSchemeOrder(
        counts(workspace, QStringLiteral("SELECT status, count(*) FROM applications GROUP BY status")), scheme.statuses());
    for (const CaseCount &count : statistics.byStatus)
        statistics.applications += count.applications;

    // NULL sorts first in SQLite; cases never submitted go last.
    QList<CaseCount> years = counts(workspace, QStringLiteral(
        "SELECT substr(submitted, 1, 4), count(*) FROM applications GROUP BY 1 ORDER BY 1"));
    if (!years.isEmpty() && years.first().key.isEmpty())
        years.append(years.takeFirst());
    statistics.bySubmissionYear = years;

    statistics.bySector = counts(workspace, QStringLiteral(
        "SELECT e.sector, count(*) FROM applications AS a LEFT JOIN enterprises AS e ON e.id = a.enterprise_id "
        "GROUP BY e.sector"));
    mostFirst(statistics.bySector);
    statistics.bySolutionCategory = counts(workspace, QStringLiteral(
        "SELECT solution_category, count(*) FROM applications GROUP BY solution_category"));
    mostFirst(statistics.bySolutionCategory);

    QSqlQuery &grants = workspace.statement(QStringLiteral(
        "SELECT count(*), coalesce(sum(approved_grant_cents), 0) FROM applications WHERE approved_grant_cents IS NOT NULL"));
    workspace.exec(grants);
    if (grants.next()) {
        statistics.approvedApplications = grants.value(0).toLongLong();
        statistics.approvedGrantTotal = Money::fromCents(grants.value(1).toLongLong());
    }
    grants.finish();
    if (statistics.approvedApplications > 0)
        statistics.approvedGrantAverage =
            statistics.approvedGrantTotal.multipliedBy(Ratio{1, statistics.approvedApplications}, Rounding::HalfUp);

    statistics.processingByYear = processingTimes(workspace, calendar);

    // Questions on a case that no longer waits for answers (returned, withdrawn, not processed) are moot.
    QSqlQuery &clarifications = workspace.statement(QStringLiteral(
        "SELECT count(*), count(CASE WHEN c.due_on < ? THEN 1 END) FROM clarification_requests AS c "
        "JOIN applications AS a ON a.id = c.application_id WHERE c.answered_at IS NULL AND a.status = ?"));
    clarifications.bindValue(0, record::dateText(asOf));
    clarifications.bindValue(1, scheme.deadlines().value(QStringLiteral("clarification_status")).toString());
    workspace.exec(clarifications);
    if (clarifications.next()) {
        statistics.openClarifications = clarifications.value(0).toLongLong();
        statistics.overdueClarifications = clarifications.value(1).toLongLong();
    }
    clarifications.finish();
    return statistics;
}

} // namespace vd
