#pragma once

#include "deadlinewatch.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace vd {

class Scheme;

// A person's running deadlines, earliest due first (the order DeadlineWatch
// gives), one row each; overdue rows stand out.
class DeadlineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DueColumn, StateColumn, DeadlineColumn, CaseColumn, ApplicantColumn, StatusColumn, ColumnCount };
    enum Role {
        ApplicationIdRole = Qt::UserRole,  // QString
        DeadlineRole,                      // vd::CaseDeadline
        OverdueRole,                       // bool
    };

    explicit DeadlineModel(const Scheme &scheme, QObject *parent = nullptr);

    void setDeadlines(QList<WatchedDeadline> deadlines, QDate today);
    const QList<WatchedDeadline> &deadlines() const { return m_deadlines; }
    QDate today() const { return m_today; }
    int overdueCount() const;
    // Not overdue and due from today to `days` days later.
    int dueWithin(int days) const;
    // Names, dates and states again in the interface language.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const WatchedDeadline &row, int column) const;
    QString stateText(const CaseDeadline &deadline) const;

    const Scheme &m_scheme;
    QList<WatchedDeadline> m_deadlines;
    QDate m_today;
};

// The name of a kind of deadline ("Final report"), in the interface language.
QString deadlineKindName(const QString &kind);

} // namespace vd

Q_DECLARE_METATYPE(vd::CaseDeadline)
