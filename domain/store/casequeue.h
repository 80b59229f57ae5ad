#pragma once

#include "applicationrepository.h"
#include "deadlines.h"
#include "page.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlQuery;

namespace vd {

class Workspace;
struct SearchCondition;

// What the secretariat's queue can be sorted by. Statuses sort by their id;
// enterprise names by the language asked for.
enum class CaseQueueSort { Submitted, Reference, Status, EnterpriseName, Title };

// The case queue's question: the filter of a case list, words to search for
// in either language, and the overdue cases only, as of a day.
struct CaseQueueQuery
{
    ApplicationFilter filter;   // as `voucherdesk-cli list` filters; overdueOnly is the fuller test of lateness
    QString searchText;         // ApplicationSearch's words; blank searches for nothing
    // Only cases with a deadline overdue on asOf: a clarification the
    // applicant has not answered by its due date, or a service level breached
    // (the decision on a complete application, the notice of a committee's
    // result), as DeadlinePolicy::caseDeadlines counts them.
    bool overdueOnly = false;
    QDate asOf = QDate::currentDate();
    CaseQueueSort sort = CaseQueueSort::Submitted;
    bool descending = false;
    bool chineseNames = false;  // EnterpriseName and Title sort by the Chinese name
};

// One row of the queue.
struct CaseQueueRow
{
    ApplicationSummary summary;
    bool overdue = false;       // as of the query's asOf
    friend bool operator==(const CaseQueueRow &, const CaseQueueRow &) = default;
};

// The secretariat's case queue over a workspace of any size: every question
// is one indexed query for a page of rows and one for the count, never a
// walk over all cases in C++. Rows come in pages (offset and limit), in the
// query's order with the order of insertion breaking ties, so pages never repeat
// or skip a row while the workspace stands still.
class CaseQueue
{
public:
    explicit CaseQueue(Workspace &workspace, const DeadlinePolicy &deadlines = DeadlinePolicy::technologyVoucher());

    QList<CaseQueueRow> rows(const CaseQueueQuery &query, const Page &page) const;
    qint64 count(const CaseQueueQuery &query) const;
    // The count, stopping at limit: min(count, limit). A queue that shows
    // "more than N cases" asks up to N + 1 and never reads the rest.
    qint64 countUpTo(const CaseQueueQuery &query, qint64 limit) const;

private:
    struct Clause
    {
        QString sql;
        QVariantList values;
    };
    // How where() takes the search words: left out, through their matches
    // (rare), case by case (common), or as spreadOf counts them.
    enum class Words { Left, Rare, Common, Counted };
    Clause where(const CaseQueueQuery &query, Words words) const;
    Clause counted(const CaseQueueQuery &query) const;
    std::optional<QList<CaseQueueRow>> rowsAmongFirstCases(const CaseQueueQuery &query, const Clause &words,
                                                           const Page &page, qint64 window) const;
    struct PageIds
    {
        QStringList ids;
        QSet<QString> overdue;
    };
    static PageIds pageIds(QSqlQuery &select);
    QList<CaseQueueRow> withSummaries(const PageIds &page) const;
    // How common the words are: among all cases (a quarter of them or more
    // hold them), and among the cases the filter leaves (the same quarter).
    struct Spread
    {
        bool commonOverall = false;
        bool commonInQueue = false;
    };
    Spread spreadOf(const CaseQueueQuery &query, const SearchCondition &search) const;
    qint64 countOf(const QString &sql, const QVariantList &values) const;
    Clause overdueCondition(QDate asOf) const;

    Workspace &m_workspace;
    const DeadlinePolicy &m_deadlines;
};

} // namespace vd
