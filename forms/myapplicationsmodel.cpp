#include "myapplicationsmodel.h"

#include "modelwording.h"
#include "casefile.h"
#include "desksession.h"

#include <QColor>
#include <QLocale>

namespace vd {

namespace {

// An enterprise never has more open and past applications than this in practice.
constexpr int kMostApplications = 500;

QString shortDate(QDate date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

} // namespace

MyApplicationsModel::MyApplicationsModel(DeskSession &session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session)
{
    reload();
}

void MyApplicationsModel::reload()
{
    QList<Row> rows;
    const QString enterpriseId = m_session.user().enterpriseId;
    if (!enterpriseId.isEmpty()) {
        ApplicationFilter filter;
        filter.enterpriseId = enterpriseId;
        const QDate today = QDate::currentDate();
        const auto summaries = ApplicationRepository(m_session.workspace())
                                   .list(filter, Page{kMostApplications, 0}, ApplicationOrder::SubmittedNewestFirst);
        for (const ApplicationSummary &summary : summaries) {
            Row row{summary, std::nullopt};
            if (summary.submitted) {
                for (const CaseDeadline &deadline : CaseFile::load(m_session.workspace(), summary.id, today).deadlines) {
                    if (!deadline.metOn && (!row.nextDeadline || deadline.dueOn < row.nextDeadline->dueOn))
                        row.nextDeadline = deadline;
                }
            }
            rows.append(row);
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void MyApplicationsModel::retranslate()
{
    announceNewWording(*this);
}

int MyApplicationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MyApplicationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MyApplicationsModel::display(const Row &row, int column) const
{
    const ApplicationSummary &s = row.summary;
    switch (Column(column)) {
    case Reference: return s.reference.isEmpty() ? tr("(draft)") : s.reference;
    case Title: return s.title.in(QLocale());
    case Status: return m_session.scheme().statuses().nameOf(s.status, QLocale());
    case Submitted: return s.submitted ? shortDate(*s.submitted) : QString();
    case Updated: return QLocale().toString(s.updatedAt.toLocalTime(), QLocale::ShortFormat);
    case NextDeadline: return row.nextDeadline ? row.nextDeadline->label(QLocale()) : QString();
    case ColumnCount: break;
    }
    return {};
}

QVariant MyApplicationsModel::sortKey(const Row &row, int column) const
{
    const ApplicationSummary &s = row.summary;
    switch (Column(column)) {
    case Submitted: return s.submitted ? QVariant(*s.submitted) : QVariant(QDate());
    case Updated: return s.updatedAt;
    case NextDeadline: return row.nextDeadline ? QVariant(row.nextDeadline->dueOn) : QVariant(QDate());
    default: return display(row, column);
    }
}

QVariant MyApplicationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return display(row, index.column());
    case ApplicationIdRole:
        return row.summary.id;
    case SortRole:
        return sortKey(row, index.column());
    case Qt::ForegroundRole:
        if (index.column() == NextDeadline && row.nextDeadline && row.nextDeadline->state == QLatin1String("overdue"))
            return QColor(Qt::darkRed);
        return {};
    default:
        return {};
    }
}

QVariant MyApplicationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Reference: return tr("Reference");
    case Title: return tr("Project");
    case Status: return tr("Status");
    case Submitted: return tr("Submitted");
    case Updated: return tr("Last changed");
    case NextDeadline: return tr("Next deadline");
    case ColumnCount: break;
    }
    return {};
}

} // namespace vd
