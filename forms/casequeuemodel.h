#pragma once

#include "casequeue.h"
#include "user.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace vd {

class DeskSession;

// The secretariat's case queue as a table: one page of cases at a time from
// CaseQueue, more as the view scrolls (canFetchMore/fetchMore), never all of
// them. Names, statuses, dates and money follow the current language and
// locale; call retranslate() when they change.
class CaseQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Reference, Enterprise, Title, Status, Officer, Submitted, TotalCost, ColumnCount };
    enum Role {
        ApplicationIdRole = Qt::UserRole, // QString
        ReferenceRole,                    // QString, empty for a draft
        StatusRole,                       // QString: the scheme's status id
        RevisionRole,                     // qint64
        OverdueRole,                      // bool: a deadline is overdue as of the query's day
        SortKeyRole                       // the raw value the column sorts by (money in cents, dates as QDate)
    };
    static constexpr int kPageSize = 100;
    // Counting stops past this many cases ("more than 10,000"), as mail
    // clients do: a large count costs as much as reading every case. Scrolling
    // that far counts them all.
    static constexpr qint64 kCountLimit = 10000;

    explicit CaseQueueModel(DeskSession &session, QObject *parent = nullptr);

    // Runs a new question: the first page at once, the count after it, once
    // the event loop runs again (the queue is painted first; countChanged()
    // tells when the count is there). A first page that is not full is the
    // count: nothing more is asked then.
    void setQuery(const CaseQueueQuery &query);
    const CaseQueueQuery &query() const { return m_query; }
    // Every case the query matches, loaded or not; when not totalIsExact(),
    // only that there are more than countLimit(). Both count at once when
    // the count is still to come.
    qint64 totalCount() const;
    bool totalIsExact() const;
    // Whether the latest question's count is still to come.
    bool isCounting() const { return m_countPending; }
    qint64 countLimit() const { return m_countLimit; }
    // For a later setQuery or refresh.
    void setCountLimit(qint64 limit) { m_countLimit = limit; }
    // Asks again with the same query, reloading as many rows as were loaded
    // (cases changed elsewhere), without resetting what the view shows.
    void refresh();
    // Names, statuses, dates and money again, in the current language.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Reference, enterprise, title, status and submission date sort in the
    // store; the other columns keep the current order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // The count of the latest question is there (after setQuery).
    void countChanged();

private:
    QVariant display(const CaseQueueRow &row, int column) const;
    QString officerName(const QString &userId) const;
    void loadOfficers();
    void countUpToLimit() const;
    void countIfPending() const;
    void finishCounting();

    DeskSession &m_session;
    CaseQueue m_queue;
    CaseQueueQuery m_query;
    QList<CaseQueueRow> m_rows;
    // Counted on demand after setQuery, hence mutable.
    mutable qint64 m_total = 0;
    mutable bool m_totalIsExact = true;
    mutable bool m_countPending = false;
    bool m_countAnnounced = true;
    qint64 m_countLimit = kCountLimit;
    bool m_busy = false; // resetting or inserting: no fetching meanwhile
    QHash<QString, User> m_officers; // the people a case can be assigned to, by id
};

} // namespace vd
