#include "correspondencemodel.h"

#include "modelwording.h"

#include <algorithm>

namespace vd {

CorrespondenceModel::CorrespondenceModel(const Scheme &scheme, QObject *parent)
    : QAbstractTableModel(parent), m_text(scheme, m_people)
{
}

void CorrespondenceModel::setEntries(const QList<CorrespondenceEntry> &entries, const QHash<QString, User> &people)
{
    beginResetModel();
    m_entries = entries;
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const CorrespondenceEntry &a, const CorrespondenceEntry &b) { return a.at > b.at; });
    m_people = people;
    endResetModel();
}

void CorrespondenceModel::retranslate()
{
    announceNewWording(*this);
}

int CorrespondenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CorrespondenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CorrespondenceModel::text(const CorrespondenceEntry &entry, int column) const
{
    switch (column) {
    case Date:
        return CaseText::dateTime(entry.at);
    case Direction:
        return CaseText::direction(entry.direction);
    case Channel:
        return CaseText::channel(entry.channel);
    case Subject:
        return entry.subject;
    case Author:
        return m_text.person(entry.authorId);
    }
    return {};
}

QVariant CorrespondenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CorrespondenceEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(entry, index.column());
    case Qt::ToolTipRole:
        return index.column() == Subject ? entry.body : text(entry, index.column());
    case EntryRole:
        return QVariant::fromValue(entry);
    }
    return {};
}

QVariant CorrespondenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Date:
        return tr("Date");
    case Direction:
        return tr("In or out");
    case Channel:
        return tr("Channel");
    case Subject:
        return tr("Subject");
    case Author:
        return tr("Written by");
    }
    return {};
}

} // namespace vd
