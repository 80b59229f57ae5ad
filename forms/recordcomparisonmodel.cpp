#include "recordcomparisonmodel.h"

#include "modelwording.h"

#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

namespace vd {

namespace {

bool isBilingual(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return value.isObject() && object.size() == 2 && object.contains(QLatin1String("en"))
        && object.contains(QLatin1String("zh"));
}

} // namespace

RecordComparisonModel::RecordComparisonModel(const Scheme &scheme, QObject *parent)
    : QAbstractTableModel(parent), m_text(scheme, m_people)
{
}

void RecordComparisonModel::compare(const QJsonObject &mine, const QJsonObject &theirs,
                                    const QHash<QString, User> &people)
{
    beginResetModel();
    m_people = people;
    m_rows.clear();
    QStringList fields = mine.keys();
    for (const QString &field : theirs.keys()) {
        if (!fields.contains(field))
            fields << field;
    }
    for (const QString &field : std::as_const(fields)) {
        if (CaseText::isBookkeeping(field))
            continue;
        const QJsonValue a = mine.value(field);
        const QJsonValue b = theirs.value(field);
        if ((isBilingual(a) || a.isNull() || a.isUndefined()) && (isBilingual(b) || b.isNull() || b.isUndefined())
            && (isBilingual(a) || isBilingual(b))) {
            for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh")}) {
                const QJsonValue one = a.toObject().value(language);
                const QJsonValue other = b.toObject().value(language);
                m_rows.append({field, language, one, other, one != other});
            }
            continue;
        }
        m_rows.append({field, {}, a, b, a != b});
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &x, const Row &y) { return x.differs && !y.differs; });
    endResetModel();
}

int RecordComparisonModel::differingCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.differs; }));
}

int RecordComparisonModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        if ((row.language.isEmpty() ? row.field : row.field + u'.' + row.language) == key)
            return i;
    }
    return -1;
}

void RecordComparisonModel::retranslate()
{
    announceNewWording(*this);
}

int RecordComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecordComparisonModel::fieldText(const Row &row) const
{
    const QString name = CaseText::fieldName(row.field);
    if (row.language == QLatin1String("en"))
        return tr("%1 (English)").arg(name);
    if (row.language == QLatin1String("zh"))
        return tr("%1 (Chinese)").arg(name);
    return name;
}

// Lists and details are shown in full (compact JSON) where the two sides
// differ: "3 entries" against "3 entries" would hide what the conflict is.
QString RecordComparisonModel::valueText(const Row &row, const QJsonValue &value) const
{
    if (!row.language.isEmpty())
        return value.isNull() || value.isUndefined() || value.toString().isEmpty() ? QStringLiteral("—") : value.toString();
    if (row.differs && (value.isArray() || (value.isObject() && !isBilingual(value)))) {
        const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    }
    return m_text.fieldValue(row.field, value);
}

QVariant RecordComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FieldColumn:
            return fieldText(row);
        case MineColumn:
            return valueText(row, row.mine);
        case TheirsColumn:
            return valueText(row, row.theirs);
        }
        return {};
    case Qt::FontRole:
        if (row.differs) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        return row.differs && index.column() != FieldColumn ? QVariant(QColor(0xff, 0xf1, 0xc8)) : QVariant();
    case Qt::ForegroundRole:
        return row.differs && index.column() != FieldColumn ? QVariant(QColor(0x20, 0x20, 0x20)) : QVariant();
    case DiffersRole:
        return row.differs;
    case FieldKeyRole:
        return row.language.isEmpty() ? row.field : row.field + u'.' + row.language;
    }
    return {};
}

QVariant RecordComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case MineColumn:
        return tr("This desk's version");
    case TheirsColumn:
        return tr("Back office's version");
    }
    return {};
}

} // namespace vd
