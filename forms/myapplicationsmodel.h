#pragma once

#include "applicationrepository.h"
#include "deadlines.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace vd {

class DeskSession;

// One enterprise's own applications, newest first, with the next deadline of
// each. An enterprise has a handful, so they are read in one go.
class MyApplicationsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Reference, Title, Status, Submitted, Updated, NextDeadline, ColumnCount };
    enum Role { ApplicationIdRole = Qt::UserRole, SortRole };

    explicit MyApplicationsModel(DeskSession &session, QObject *parent = nullptr);

    // Reads the applications again (after a change, or a new day).
    void reload();
    // Names and dates again, in the language now installed.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        ApplicationSummary summary;
        std::optional<CaseDeadline> nextDeadline; // the earliest one not yet met
    };
    QVariant display(const Row &row, int column) const;
    QVariant sortKey(const Row &row, int column) const;

    DeskSession &m_session;
    QList<Row> m_rows;
};

} // namespace vd
