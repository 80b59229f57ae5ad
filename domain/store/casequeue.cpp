#include "casequeue.h"

#include "applicationsearch.h"
#include "recordjson.h"
#include "recordtable.h"
#include "workspace.h"

#include <QSqlQuery>

#include <functional>

namespace vd {

namespace {

// The applicant is joined only when the query needs it: a join costs an
// index look-up per case even when nothing of the enterprise is used.
QString fromFor(const CaseQueueQuery &query)
{
    if (query.filter.sector.isEmpty() && query.sort != CaseQueueSort::EnterpriseName)
        return QStringLiteral(" FROM applications AS a");
    return QStringLiteral(" FROM applications AS a LEFT JOIN enterprises AS e ON e.id = a.enterprise_id");
}

// The last day whose deadline, counted by dueDate, falls before asOf: a case
// whose clock started on or before it is overdue on asOf. Due dates only grow
// with the start day, so walking back from the day before finds it.
QDate lastStartOverdueOn(QDate asOf, const std::function<QDate(QDate)> &dueDate)
{
    QDate start = asOf.addDays(-1);
    while (dueDate(start) >= asOf)
        start = start.addDays(-1);
    return start;
}

// `IN (?, ?…)` for a list, its values appended.
QString inList(const QStringList &ids, QVariantList &values)
{
    for (const QString &id : ids)
        values << id;
    return QStringLiteral(" IN (") + store::placeholders(ids.size()) + u')';
}

QString orderBy(const CaseQueueQuery &query)
{
    QString key;
    switch (query.sort) {
    case CaseQueueSort::Submitted:
        key = QStringLiteral("a.submitted");
        break;
    case CaseQueueSort::Reference:
        key = QStringLiteral("a.reference");
        break;
    case CaseQueueSort::Status:
        key = QStringLiteral("a.status");
        break;
    case CaseQueueSort::EnterpriseName:
        key = query.chineseNames ? QStringLiteral("e.name_zh") : QStringLiteral("e.name_en");
        break;
    case CaseQueueSort::Title:
        key = query.chineseNames ? QStringLiteral("a.title_zh") : QStringLiteral("a.title_en");
        break;
    }
    const QString direction = query.descending ? QStringLiteral(" DESC") : QString();
    // The overdue cases are few: found through the status index and sorted,
    // rather than every case read in order to find them (a unary plus keeps
    // the order's index out of the plan).
    if (query.overdueOnly)
        key.prepend(u'+');
    // Ties in rowid order, which the indexes on applications already hold.
    return QStringLiteral(" ORDER BY ") + key + direction + QStringLiteral(", a.rowid") + direction;
}

} // namespace

CaseQueue::CaseQueue(Workspace &workspace, const DeadlinePolicy &deadlines)
    : m_workspace(workspace), m_deadlines(deadlines)
{
}

CaseQueue::Clause CaseQueue::overdueCondition(QDate asOf) const
{
    const HolidayCalendar &calendar = m_deadlines.calendar();
    const auto startOfDayAfter = [&](QDate day) { return record::instantText(calendar.startOf(day.addDays(1))); };
    const QDate askedBy = lastStartOverdueOn(asOf, [&](QDate d) { return m_deadlines.clarificationDueDate(d); });
    const QDate completeBy = lastStartOverdueOn(asOf, [&](QDate d) { return m_deadlines.vettingDueDate(d); });
    const QDate decidedBy = lastStartOverdueOn(asOf, [&](QDate d) { return m_deadlines.resultNoticeDueDate(d); });

    QStringList vettingStatuses = m_deadlines.vettingStatuses();
    vettingStatuses.removeAll(m_deadlines.clarificationStatus()); // the clock waits for the answers
    QStringList outcomeStatuses;
    for (const QString &action : m_deadlines.committeeOutcomeActions())
        outcomeStatuses << Workflow::technologyVoucher().findAction(action)->to;

    Clause clause;
    QVariantList &v = clause.values;
    // Only cases in these statuses can be late: the status index finds them.
    QStringList watched{m_deadlines.clarificationStatus()};
    watched << vettingStatuses << outcomeStatuses;
    watched.removeDuplicates();
    const QString candidates = QStringLiteral("a.status") + inList(watched, v);
    // A question unanswered past its due date while the case still waits for answers.
    QString clarification = QStringLiteral("(a.status = ? AND EXISTS (SELECT 1 FROM clarification_requests AS c "
                                           "WHERE c.application_id = a.id AND c.answered_at IS NULL "
                                           "AND (c.due_on < ? OR (c.due_on IS NULL AND c.asked_at < ?)) "
                                           "AND NOT EXISTS (SELECT 1 FROM status_changes AS l WHERE l.application_id = a.id "
                                           "AND l.from_status = ? AND l.at >= c.asked_at)))");
    v << m_deadlines.clarificationStatus() << record::dateText(asOf) << startOfDayAfter(askedBy)
      << m_deadlines.clarificationStatus();
    // No vetting decision yet, and the documents complete (at the last
    // submission, answer or resumption; else on the submission day) too long
    // ago. A day's text sorts before the instants of that day, so one
    // comparison serves both.
    QString vetting = QStringLiteral("(a.status") + inList(vettingStatuses, v);
    vetting += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM status_changes AS o WHERE o.application_id = a.id "
                              "AND o.action") + inList(m_deadlines.vettingOutcomeActions(), v) + u')';
    vetting += QStringLiteral(" AND coalesce(nullif(max(coalesce((SELECT max(d.at) FROM status_changes AS d "
                              "WHERE d.application_id = a.id AND d.action") + inList(m_deadlines.documentsCompleteActions(), v)
        + QStringLiteral("), ''), coalesce((SELECT max(q.answered_at) FROM clarification_requests AS q "
                         "WHERE q.application_id = a.id), '')), ''), a.submitted) < ?)");
    v << startOfDayAfter(completeBy);
    // The committee's outcome is the case's last step and no letter has gone out since.
    QString notice = QStringLiteral("(a.status") + inList(outcomeStatuses, v);
    notice += QStringLiteral(" AND EXISTS (SELECT 1 FROM status_changes AS r WHERE r.application_id = a.id AND r.action")
        + inList(m_deadlines.committeeOutcomeActions(), v)
        + QStringLiteral(" AND r.at < ? AND NOT EXISTS (SELECT 1 FROM status_changes AS n WHERE n.application_id = a.id "
                         "AND n.at > r.at) AND NOT EXISTS (SELECT 1 FROM correspondence_entries AS ce "
                         "WHERE ce.application_id = a.id AND ce.direction = 'outgoing' AND ce.at >= r.at)))");
    v << startOfDayAfter(decidedBy);
    clause.sql = u'(' + candidates + QStringLiteral(" AND (") + clarification + QStringLiteral(" OR ") + vetting
        + QStringLiteral(" OR ") + notice + QStringLiteral("))");
    return clause;
}

bool CaseQueue::isSelective(const SearchCondition &search) const
{
    // Driven from the matches when they are a quarter of the cases or fewer
    // (a rare word: a page ordered by date would visit most cases to find
    // them), else checked case by case as the page is read (a common word).
    // The matches are counted only up to that quarter, so a common word
    // costs the index little.
    QSqlQuery &all = m_workspace.execute(QStringLiteral("SELECT count(*) FROM applications"), {});
    const qint64 quarter = (all.next() ? all.value(0).toLongLong() : 0) / 4;
    all.finish();
    QVariantList values = search.values;
    values << quarter + 1;
    QSqlQuery &matches = m_workspace.execute(
        QStringLiteral("SELECT count(*) FROM (") + search.matchSql + QStringLiteral(" LIMIT ?)"), values);
    const qint64 hits = matches.next() ? matches.value(0).toLongLong() : 0;
    matches.finish();
    return hits <= quarter;
}

CaseQueue::Clause CaseQueue::where(const CaseQueueQuery &query) const
{
    auto [filterSql, values] = ApplicationRepository::conditions(query.filter);
    QStringList conditions;
    if (!filterSql.isEmpty())
        conditions << filterSql;
    if (const std::optional<SearchCondition> search = ApplicationSearch::condition(query.searchText)) {
        conditions << (isSelective(*search) ? search->selectiveSql : search->sql);
        values << search->values;
    }
    if (query.overdueOnly) {
        const Clause overdue = overdueCondition(query.asOf);
        conditions << overdue.sql;
        values << overdue.values;
    }
    return {conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")),
            values};
}

QList<CaseQueueRow> CaseQueue::rows(const CaseQueueQuery &query, const Page &page) const
{
    // The page's ids and overdue flags first, then their summaries by id:
    // the costly columns are read for one page only.
    const Clause overdue = overdueCondition(query.asOf);
    const Clause filter = where(query);
    QVariantList values = overdue.values;
    values << filter.values << page.limit << page.offset;
    QSqlQuery &select = m_workspace.execute(QStringLiteral("SELECT a.id, ") + overdue.sql + fromFor(query) + filter.sql
                                                + orderBy(query) + QStringLiteral(" LIMIT ? OFFSET ?"),
                                            values);
    QStringList ids;
    QSet<QString> overdueIds;
    while (select.next()) {
        ids << select.value(0).toString();
        if (select.value(1).toBool())
            overdueIds.insert(ids.last());
    }
    select.finish();
    QList<CaseQueueRow> rows;
    for (ApplicationSummary &summary : ApplicationRepository(m_workspace).summaries(ids)) {
        const bool late = overdueIds.contains(summary.id);
        rows.append({std::move(summary), late});
    }
    return rows;
}

qint64 CaseQueue::count(const CaseQueueQuery &query) const
{
    Clause filter = where(query);
    QString sql = QStringLiteral("SELECT count(*)") + fromFor(query) + filter.sql;
    // Words alone are counted in the search index, without visiting each application.
    const std::optional<SearchCondition> search = ApplicationSearch::condition(query.searchText);
    if (search && !query.overdueOnly && ApplicationRepository::conditions(query.filter).first.isEmpty()) {
        sql = QStringLiteral("SELECT count(*) FROM (") + search->matchSql + u')';
        filter.values = search->values;
    }
    QSqlQuery &select = m_workspace.execute(sql, filter.values);
    const qint64 total = select.next() ? select.value(0).toLongLong() : 0;
    select.finish();
    return total;
}

} // namespace vd
