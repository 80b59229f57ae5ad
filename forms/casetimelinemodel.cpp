#include "casetimelinemodel.h"

#include "modelwording.h"

#include <algorithm>

namespace vd {

CaseTimelineModel::CaseTimelineModel(const Scheme &scheme, QObject *parent)
    : QAbstractTableModel(parent), m_text(scheme, m_people)
{
}

void CaseTimelineModel::setEntries(const QList<AuditEntry> &entries, const QHash<QString, User> &people)
{
    beginResetModel();
    m_entries = entries;
    std::reverse(m_entries.begin(), m_entries.end());
    m_people = people;
    endResetModel();
}

void CaseTimelineModel::retranslate()
{
    announceNewWording(*this);
}

int CaseTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CaseTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaseTimelineModel::text(const AuditEntry &entry, int column) const
{
    switch (column) {
    case When:
        return CaseText::dateTime(entry.at);
    case Who:
        return m_text.person(entry.actorId);
    case What:
        return m_text.auditAction(entry);
    case Record:
        return CaseText::recordKind(entry.entityType);
    case Changes:
        return m_text.auditChanges(entry).join(QStringLiteral("; "));
    }
    return {};
}

QVariant CaseTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(entry, index.column());
    case Qt::ToolTipRole:
        return index.column() == Changes ? m_text.auditChanges(entry).join(u'\n') : text(entry, index.column());
    case AuditEntryRole:
        return QVariant::fromValue(entry);
    }
    return {};
}

QVariant CaseTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case What:
        return tr("What");
    case Record:
        return tr("Record");
    case Changes:
        return tr("Changes (before → after)");
    }
    return {};
}

} // namespace vd
