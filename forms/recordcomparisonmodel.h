#pragma once

#include "casetext.h"
#include "user.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace vd {

class Scheme;

// Two versions of one record side by side, a field per row, in words a
// person reads (CaseText): this desk's version and the back office's. Fields
// that differ come first and stand out; bilingual text is one row per
// language, so a change to the Chinese alone is seen in an English desk.
class RecordComparisonModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FieldColumn, MineColumn, TheirsColumn, ColumnCount };
    enum Role {
        DiffersRole = Qt::UserRole,   // bool
        FieldKeyRole,                 // QString: the JSON key ("title", or "title.zh" for one language)
    };

    RecordComparisonModel(const Scheme &scheme, QObject *parent = nullptr);

    void compare(const QJsonObject &mine, const QJsonObject &theirs, const QHash<QString, User> &people);
    int differingCount() const;
    // The row of a field key, -1 when it is not shown.
    int rowOf(const QString &key) const;
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString field;      // the record's JSON key
        QString language;   // "en" or "zh" for one side of bilingual text, else empty
        QJsonValue mine;
        QJsonValue theirs;
        bool differs = false;
    };

    QString fieldText(const Row &row) const;
    QString valueText(const Row &row, const QJsonValue &value) const;

    QHash<QString, User> m_people;
    CaseText m_text;
    QList<Row> m_rows;
};

} // namespace vd
