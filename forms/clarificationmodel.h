#pragma once

#include "casework.h"
#include "casetext.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace vd {

// A case's clarification requests, oldest first, with whether each is open,
// answered or overdue as of a day; overdue ones are highlighted.
class ClarificationModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Due, State, Asked, Answered, Question, ColumnCount };
    enum Role { ClarificationRole = Qt::UserRole, OverdueRole };

    ClarificationModel(const Scheme &scheme, QObject *parent = nullptr);

    void setRequests(const QList<ClarificationRequest> &requests, const QHash<QString, User> &people, QDate today);
    void retranslate();
    bool isOverdue(const ClarificationRequest &request) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const ClarificationRequest &request, int column) const;

    QList<ClarificationRequest> m_requests;
    QHash<QString, User> m_people;
    CaseText m_text;
    QDate m_today;
};

} // namespace vd

Q_DECLARE_METATYPE(vd::ClarificationRequest)
