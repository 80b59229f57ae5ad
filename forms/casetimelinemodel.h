#pragma once

#include "audittrail.h"
#include "casetext.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace vd {

// A case's audit trail as a timeline, newest first: when (local time), who
// (by name), what was done to which record, and the fields it changed.
// Texts are made when asked for, so a language switch needs only retranslate().
class CaseTimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { When, Who, What, Record, Changes, ColumnCount };
    enum Role { AuditEntryRole = Qt::UserRole };

    CaseTimelineModel(const Scheme &scheme, QObject *parent = nullptr);

    // Entries in chain order (as CaseFile keeps them) and the people they name.
    void setEntries(const QList<AuditEntry> &entries, const QHash<QString, User> &people);
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const AuditEntry &entry, int column) const;

    QList<AuditEntry> m_entries; // newest first
    QHash<QString, User> m_people;
    CaseText m_text;
};

} // namespace vd

Q_DECLARE_METATYPE(vd::AuditEntry)
