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

QString sortKey(const CaseQueueQuery &query)
{
    switch (query.sort) {
    case CaseQueueSort::Submitted:
        return QStringLiteral("a.submitted");
    case CaseQueueSort::Reference:
        return QStringLiteral("a.reference");
    case CaseQueueSort::Status:
        return QStringLiteral("a.status");
    case CaseQueueSort::EnterpriseName:
        return query.chineseNames ? QStringLiteral("e.name_zh") : QStringLiteral("e.name_en");
    case CaseQueueSort::Title:
        return query.chineseNames ? QStringLiteral("a.title_zh") : QStringLiteral("a.title_en");
    }
    return QStringLiteral("a.submitted");
}

QString direction(const CaseQueueQuery &query)
{
    return query.descending ? QStringLiteral(" DESC") : QString();
}

QString orderBy(const CaseQueueQuery &query)
{
    QString key = sortKey(query);
    // The overdue cases are few: found through the status index and sorted,
    // rather than every case read in order to find them (a unary plus keeps
    // the order's index out of the plan). Several statuses (the open cases)
    // are several ranges of any index, so their cases are sorted after
    // reading anyway: the plan then takes the index of the other filters
    // with the statuses beside them (migration 0005) rather than reading
    // every case of a category in date order for its status.
    if (query.overdueOnly || query.filter.statuses.size() > 1)
        key.prepend(u'+');
    // Ties in rowid order, which the indexes on applications already hold.
    return QStringLiteral(" ORDER BY ") + key + direction(query) + QStringLiteral(", a.rowid") + direction(query);
}

// Words are looked for first in kWindowFactor times as many of the queue's
// first cases as the page needs, and only for pages up to kLastWindowedCase;
// a common word (a quarter of the cases or more) not found there, in the
// first kWideWindow cases (the queue may begin with cases it is not in, such
// as drafts, which have no reference). Deeper pages, rarer words and words
// that only later cases hold go through the indexes.
constexpr qint64 kWindowFactor = 4;
constexpr qint64 kLastWindowedCase = 500;
constexpr qint64 kWideWindow = 4000;

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

qint64 CaseQueue::countOf(const QString &sql, const QVariantList &values) const
{
    QSqlQuery &select = m_workspace.execute(sql, values);
    const qint64 count = select.next() ? select.value(0).toLongLong() : 0;
    select.finish();
    return count;
}

CaseQueue::Spread CaseQueue::spreadOf(const CaseQueueQuery &query, const SearchCondition &search) const
{
    // Driven from the matches when they are a quarter of the queue's cases or
    // fewer (a page ordered by date would visit most cases to find them: a
    // rare word), else checked case by case as the page is read (a common
    // word: each check is one look-up in an index, where the matches would
    // each cost a read of their search text and their application). Both
    // counts stop as soon as they decide, so a common word costs the index little.
    const qint64 quarter = countOf(QStringLiteral("SELECT count(*) FROM applications"), {}) / 4;
    QVariantList values = search.values;
    values << quarter + 1;
    const qint64 hits =
        countOf(QStringLiteral("SELECT count(*) FROM (") + search.matchSql + QStringLiteral(" LIMIT ?)"), values);
    if (hits > quarter)
        return {true, true};
    const auto [filterSql, filterValues] = ApplicationRepository::conditions(query.filter);
    if (filterSql.isEmpty())
        return {false, false};
    // The cases the filter leaves (open cases, one officer's), counted only
    // as far as four times the matches: a word in most open cases is common
    // there even when it is rare among all cases (`tvp/2025`).
    values = filterValues;
    values << 4 * hits + 1;
    const qint64 cases = countOf(QStringLiteral("SELECT count(*) FROM (SELECT 1") + fromFor(query)
                                     + QStringLiteral(" WHERE ") + filterSql + QStringLiteral(" LIMIT ?)"),
                                 values);
    return {false, cases <= 4 * hits};
}

CaseQueue::Clause CaseQueue::where(const CaseQueueQuery &query, Words words) const
{
    auto [filterSql, values] = ApplicationRepository::conditions(query.filter);
    QStringList conditions;
    if (!filterSql.isEmpty())
        conditions << filterSql;
    if (words != Words::Left) {
        if (const std::optional<SearchCondition> search = ApplicationSearch::condition(query.searchText)) {
            const bool selective =
                words == Words::Rare || (words == Words::Counted && !spreadOf(query, *search).commonInQueue);
            conditions << (selective ? search->selectiveSql : search->sql);
            values << search->values;
        }
    }
    if (query.overdueOnly) {
        const Clause overdue = overdueCondition(query.asOf);
        conditions << overdue.sql;
        values << overdue.values;
    }
    return {conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")),
            values};
}

CaseQueue::PageIds CaseQueue::pageIds(QSqlQuery &select)
{
    PageIds page;
    while (select.next()) {
        page.ids << select.value(0).toString();
        if (select.value(1).toBool())
            page.overdue.insert(page.ids.last());
    }
    select.finish();
    return page;
}

QList<CaseQueueRow> CaseQueue::withSummaries(const PageIds &page) const
{
    // The page's ids and overdue flags first, then their summaries by id:
    // the costly columns are read for one page only.
    QList<CaseQueueRow> rows;
    for (ApplicationSummary &summary : ApplicationRepository(m_workspace).summaries(page.ids)) {
        const bool late = page.overdue.contains(summary.id);
        rows.append({std::move(summary), late});
    }
    return rows;
}

std::optional<QList<CaseQueueRow>> CaseQueue::rowsAmongFirstCases(const CaseQueueQuery &query, const Clause &words,
                                                                  const Page &page, qint64 window) const
{
    // The first cases of the queue in its order, without the words, then the
    // words checked on each one: the matches among them in the same order
    // are the queue's first matches. Enough of them answer the page; too few
    // say nothing (the words may be rare), and the indexes decide.
    const Clause overdue = overdueCondition(query.asOf);
    const Clause filter = where(query, Words::Left);
    QVariantList values = overdue.values;
    values << filter.values << window << words.values << page.limit << page.offset;
    const QString first = QStringLiteral("SELECT a.rowid AS position, ") + sortKey(query) + QStringLiteral(" AS sort_key")
        + fromFor(query) + filter.sql + orderBy(query) + QStringLiteral(" LIMIT ?");
    QSqlQuery &select = m_workspace.execute(
        QStringLiteral("SELECT a.id, ") + overdue.sql + QStringLiteral(" FROM (") + first
            + QStringLiteral(") AS w JOIN applications AS a ON a.rowid = w.position WHERE ") + words.sql
            + QStringLiteral(" ORDER BY w.sort_key") + direction(query) + QStringLiteral(", w.position")
            + direction(query) + QStringLiteral(" LIMIT ? OFFSET ?"),
        values);
    const PageIds found = pageIds(select);
    if (found.ids.size() < page.limit)
        return std::nullopt;
    return withSummaries(found);
}

QList<CaseQueueRow> CaseQueue::rows(const CaseQueueQuery &query, const Page &page) const
{
    const qint64 needed = qint64(page.offset) + page.limit;
    const std::optional<SearchCondition> search = ApplicationSearch::condition(query.searchText);
    Words words = Words::Counted;
    if (search && !query.overdueOnly && page.limit > 0 && needed <= kLastWindowedCase) {
        // First each case's own text: no match set is built for a word in most cases.
        const Clause text{search->textSql, search->textValues};
        if (std::optional<QList<CaseQueueRow>> found = rowsAmongFirstCases(query, text, page, needed * kWindowFactor))
            return *found;
        // Counted once: the same answer serves the query below.
        const Spread spread = spreadOf(query, *search);
        words = spread.commonInQueue ? Words::Common : Words::Rare;
        // A word common in the queue but not overall (`tvp/2025` in the open
        // cases) is looked for in a wider window through its match set, each
        // case one index look-up: its matches may begin a few hundred cases
        // in (the open cases of the year before), and this stops at the page
        // where the plan below would sort every case the filter leaves.
        if (kWideWindow > needed * kWindowFactor && spread.commonInQueue) {
            const Clause check = spread.commonOverall ? text : Clause{search->sql, search->values};
            if (std::optional<QList<CaseQueueRow>> found = rowsAmongFirstCases(query, check, page, kWideWindow))
                return *found;
        }
    }
    // With "overdue only" every row is overdue: the flag is not asked again.
    const Clause overdue = query.overdueOnly ? Clause{QStringLiteral("1"), {}} : overdueCondition(query.asOf);
    const Clause filter = where(query, words);
    QVariantList values = overdue.values;
    values << filter.values << page.limit << page.offset;
    // The page's cases first, then whether each one is overdue: a query
    // sorted after reading (several statuses, the open cases) would otherwise
    // work out the flag of every case it sorts, not of the page's.
    const QString ordered = QStringLiteral("SELECT a.rowid AS position, ") + sortKey(query) + QStringLiteral(" AS sort_key")
        + fromFor(query) + filter.sql + orderBy(query) + QStringLiteral(" LIMIT ? OFFSET ?");
    QSqlQuery &select = m_workspace.execute(
        QStringLiteral("SELECT a.id, ") + overdue.sql + QStringLiteral(" FROM (") + ordered
            + QStringLiteral(") AS p JOIN applications AS a ON a.rowid = p.position ORDER BY p.sort_key")
            + direction(query) + QStringLiteral(", p.position") + direction(query),
        values);
    return withSummaries(pageIds(select));
}

CaseQueue::Clause CaseQueue::counted(const CaseQueueQuery &query) const
{
    // Words alone are counted in the search index, without visiting each application.
    const std::optional<SearchCondition> search = ApplicationSearch::condition(query.searchText);
    if (search && !query.overdueOnly && ApplicationRepository::conditions(query.filter).first.isEmpty())
        return {search->matchSql, search->values};
    const Clause filter = where(query, Words::Counted);
    return {QStringLiteral("SELECT 1") + fromFor(query) + filter.sql, filter.values};
}

qint64 CaseQueue::count(const CaseQueueQuery &query) const
{
    const Clause rows = counted(query);
    QSqlQuery &select = m_workspace.execute(QStringLiteral("SELECT count(*) FROM (") + rows.sql + u')', rows.values);
    const qint64 total = select.next() ? select.value(0).toLongLong() : 0;
    select.finish();
    return total;
}

qint64 CaseQueue::countUpTo(const CaseQueueQuery &query, qint64 limit) const
{
    Clause rows = counted(query);
    rows.values << limit;
    QSqlQuery &select =
        m_workspace.execute(QStringLiteral("SELECT count(*) FROM (") + rows.sql + QStringLiteral(" LIMIT ?)"), rows.values);
    const qint64 total = select.next() ? select.value(0).toLongLong() : 0;
    select.finish();
    return total;
}

} // namespace vd
