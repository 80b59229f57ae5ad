#include "casequeuemodel.h"

#include "modelwording.h"
#include "desksession.h"
#include "userrepository.h"

#include <QBrush>
#include <QLocale>
#include <QScopedValueRollback>

namespace vd {

CaseQueueModel::CaseQueueModel(DeskSession &session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session), m_queue(session.workspace())
{
    loadOfficers();
}

void CaseQueueModel::loadOfficers()
{
    m_officers.clear();
    for (const User &user : UserRepository(m_session.workspace()).withRole(QStringLiteral("secretariat")))
        m_officers.insert(user.id, user);
}

void CaseQueueModel::countUpToLimit() const
{
    // One more than the limit says "more than the limit".
    m_total = m_queue.countUpTo(m_query, m_countLimit + 1);
    m_totalIsExact = m_total <= m_countLimit;
    m_countPending = false;
}

void CaseQueueModel::countIfPending() const
{
    if (m_countPending)
        countUpToLimit();
}

qint64 CaseQueueModel::totalCount() const
{
    countIfPending();
    return m_total;
}

bool CaseQueueModel::totalIsExact() const
{
    countIfPending();
    return m_totalIsExact;
}

void CaseQueueModel::finishCounting()
{
    countIfPending();
    if (m_countAnnounced)
        return;
    m_countAnnounced = true;
    emit countChanged();
}

void CaseQueueModel::setQuery(const CaseQueueQuery &query)
{
    // Whoever hears of the reset fetches more after it, not during it.
    const QScopedValueRollback busy(m_busy, true);
    beginResetModel();
    m_query = query;
    m_rows = m_queue.rows(m_query, Page{kPageSize, 0});
    // The person waits for the cases, not for their number: a full page is
    // counted after it is shown (until then, more may follow).
    m_countPending = m_rows.size() == kPageSize;
    m_total = m_countPending ? m_rows.size() : std::min<qint64>(m_rows.size(), m_countLimit + 1);
    m_totalIsExact = !m_countPending && m_total <= m_countLimit;
    m_countAnnounced = false;
    endResetModel();
    QMetaObject::invokeMethod(this, &CaseQueueModel::finishCounting, Qt::QueuedConnection);
}

void CaseQueueModel::refresh()
{
    const qsizetype loaded = std::max<qsizetype>(m_rows.size(), kPageSize);
    QList<CaseQueueRow> rows = m_queue.rows(m_query, Page{int(loaded), 0});
    const auto sameCases = [&] {
        if (rows.size() != m_rows.size())
            return false;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows[i].summary.id != m_rows[i].summary.id)
                return false;
        }
        return true;
    };
    if (sameCases()) {
        // The same cases in the same places: the view keeps its selection.
        m_rows = std::move(rows);
        countUpToLimit();
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    const QScopedValueRollback busy(m_busy, true);
    beginResetModel();
    m_rows = std::move(rows);
    countUpToLimit();
    endResetModel();
}

void CaseQueueModel::retranslate()
{
    announceNewWording(*this);
}

int CaseQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool CaseQueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_busy && (!m_totalIsExact || m_rows.size() < m_total);
}

void CaseQueueModel::fetchMore(const QModelIndex &parent)
{
    // A view may ask again while the rows go in (from rowsAboutToBeInserted).
    if (!canFetchMore(parent))
        return;
    const QScopedValueRollback busy(m_busy, true);
    countIfPending();
    // Scrolled as far as the count went: every case counted now.
    if (!m_totalIsExact && m_rows.size() + kPageSize > m_countLimit) {
        m_total = m_queue.count(m_query);
        m_totalIsExact = true;
    }
    const QList<CaseQueueRow> page = m_queue.rows(m_query, Page{kPageSize, int(m_rows.size())});
    if (page.isEmpty()) { // fewer cases than counted: the workspace changed meanwhile
        m_total = m_rows.size();
        m_totalIsExact = true;
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
}

void CaseQueueModel::sort(int column, Qt::SortOrder order)
{
    CaseQueueQuery query = m_query;
    switch (column) {
    case Reference:
        query.sort = CaseQueueSort::Reference;
        break;
    case Enterprise:
        query.sort = CaseQueueSort::EnterpriseName;
        break;
    case Title:
        query.sort = CaseQueueSort::Title;
        break;
    case Status:
        query.sort = CaseQueueSort::Status;
        break;
    case Submitted:
        query.sort = CaseQueueSort::Submitted;
        break;
    default:
        return;
    }
    query.descending = order == Qt::DescendingOrder;
    query.chineseNames = isChinese(QLocale());
    setQuery(query);
}

QString CaseQueueModel::officerName(const QString &userId) const
{
    if (userId.isEmpty())
        return {};
    const auto found = m_officers.constFind(userId);
    if (found == m_officers.constEnd())
        return userId;
    const QString name = found->displayName.in(QLocale());
    return name.isEmpty() ? found->username : name;
}

QVariant CaseQueueModel::display(const CaseQueueRow &row, int column) const
{
    const ApplicationSummary &summary = row.summary;
    const QLocale locale;
    switch (column) {
    case Reference:
        return summary.reference.isEmpty() ? tr("(draft)") : summary.reference;
    case Enterprise:
        return summary.enterpriseName.in(locale);
    case Title:
        return summary.title.in(locale);
    case Status:
        return m_session.scheme().statuses().nameOf(summary.status, locale);
    case Officer:
        return officerName(summary.caseOfficerId);
    case Submitted:
        return summary.submitted ? locale.toString(*summary.submitted, QLocale::ShortFormat) : QString();
    case TotalCost:
        return summary.totalCost.toDisplayString(locale);
    }
    return {};
}

QVariant CaseQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseQueueRow &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Title || index.column() == Enterprise)
            return display(row, index.column());
        if (row.overdue)
            return tr("A deadline of this case is overdue.");
        return {};
    case Qt::TextAlignmentRole:
        return int(index.column() == TotalCost ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (row.overdue && index.column() == Status)
            return QBrush(Qt::darkRed);
        return {};
    case ApplicationIdRole:
        return row.summary.id;
    case ReferenceRole:
        return row.summary.reference;
    case StatusRole:
        return row.summary.status;
    case RevisionRole:
        return row.summary.revision;
    case OverdueRole:
        return row.overdue;
    case SortKeyRole:
        switch (index.column()) {
        case Submitted:
            return row.summary.submitted ? QVariant(*row.summary.submitted) : QVariant();
        case TotalCost:
            return row.summary.totalCost.cents();
        case Status:
            return row.summary.status;
        default:
            return display(row, index.column());
        }
    }
    return {};
}

QVariant CaseQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Reference:
        return tr("Reference");
    case Enterprise:
        return tr("Applicant");
    case Title:
        return tr("Project");
    case Status:
        return tr("Status");
    case Officer:
        return tr("Case officer");
    case Submitted:
        return tr("Submitted");
    case TotalCost:
        return tr("Total cost");
    }
    return {};
}

} // namespace vd
