#pragma once

#include "casework.h"
#include "casetext.h"

#include <QAbstractTableModel>
#include <QList>

namespace vd {

// The letters, e-mails and portal messages kept with a case, newest first.
class CorrespondenceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Date, Direction, Channel, Author, Subject, ColumnCount };
    enum Role { EntryRole = Qt::UserRole };

    CorrespondenceModel(const Scheme &scheme, QObject *parent = nullptr);

    void setEntries(const QList<CorrespondenceEntry> &entries, const QHash<QString, User> &people);
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const CorrespondenceEntry &entry, int column) const;

    QList<CorrespondenceEntry> m_entries; // newest first
    QHash<QString, User> m_people;
    CaseText m_text;
};

} // namespace vd

Q_DECLARE_METATYPE(vd::CorrespondenceEntry)
