#include "clarificationmodel.h"

#include "modelwording.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace vd {

ClarificationModel::ClarificationModel(const Scheme &scheme, QObject *parent)
    : QAbstractTableModel(parent), m_text(scheme, m_people)
{
}

void ClarificationModel::setRequests(const QList<ClarificationRequest> &requests, const QHash<QString, User> &people,
                                     QDate today)
{
    beginResetModel();
    m_requests = requests;
    m_people = people;
    m_today = today;
    endResetModel();
}

void ClarificationModel::retranslate()
{
    announceNewWording(*this);
}

bool ClarificationModel::isOverdue(const ClarificationRequest &request) const
{
    return !request.answeredAt && request.dueOn.isValid() && request.dueOn < m_today;
}

int ClarificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int ClarificationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClarificationModel::text(const ClarificationRequest &request, int column) const
{
    switch (column) {
    case Question:
        return request.question.simplified();
    case Asked:
        return tr("%1 by %2").arg(CaseText::date(request.askedAt.toLocalTime().date()), m_text.person(request.askedBy));
    case Due:
        return CaseText::date(request.dueOn);
    case State:
        if (request.answeredAt)
            return tr("Answered");
        return isOverdue(request) ? tr("Overdue") : tr("Open");
    case Answered:
        return request.answeredAt ? tr("%1 by %2").arg(CaseText::date(request.answeredAt->toLocalTime().date()),
                                                       m_text.person(request.answeredBy))
                                  : QString();
    }
    return {};
}

QVariant ClarificationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClarificationRequest &request = m_requests.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(request, index.column());
    case Qt::ToolTipRole:
        return index.column() == Question ? request.question : text(request, index.column());
    case Qt::ForegroundRole:
        return isOverdue(request) ? QVariant(QBrush(QColor(0xa0, 0x10, 0x10))) : QVariant();
    case Qt::BackgroundRole:
        return isOverdue(request) ? QVariant(QBrush(QColor(0xfd, 0xe4, 0xe4))) : QVariant();
    case Qt::FontRole:
        if (isOverdue(request) && index.column() == State) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case ClarificationRole:
        return QVariant::fromValue(request);
    case OverdueRole:
        return isOverdue(request);
    }
    return {};
}

QVariant ClarificationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Question:
        return tr("Question");
    case Asked:
        return tr("Asked");
    case Due:
        return tr("Due");
    case State:
        return tr("State");
    case Answered:
        return tr("Answered");
    }
    return {};
}

} // namespace vd
