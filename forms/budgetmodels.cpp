#include "budgetmodels.h"

#include "applicationdraft.h"
#include "scheme.h"
#include "uuid.h"

#include <QLocale>

namespace vd {

namespace {

QString moneyText(Money amount, int role)
{
    return role == Qt::EditRole ? amount.toDecimalString() : amount.toDisplayString(QLocale());
}

// Amounts are typed as decimal strings and parsed exactly; anything else is refused.
std::optional<Money> positiveMoney(const QVariant &value)
{
    const auto amount = Money::parse(value.toString().trimmed());
    return amount && !amount->isNegative() ? amount : std::nullopt;
}

} // namespace

BudgetItemsModel::BudgetItemsModel(ApplicationDraft &draft, const Scheme &scheme, QObject *parent)
    : QAbstractTableModel(parent), m_draft(draft), m_scheme(scheme), m_rows(int(draft.application().items.size()))
{
    connect(&m_draft, &ApplicationDraft::changed, this, &BudgetItemsModel::follow);
}

void BudgetItemsModel::follow()
{
    const int rows = int(m_draft.application().items.size());
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        emit dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    }
}

int BudgetItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BudgetItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BudgetItemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const BudgetItem &item = m_draft.application().items.at(index.row());
    if (role == FieldPathRole) {
        static const char *const fields[] = {"category", "description.en", "description.zh", "amount", "months",
                                             "quotations", "justification"};
        return QStringLiteral("application.items[%1].%2").arg(index.row()).arg(QLatin1String(fields[index.column()]));
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Amount || index.column() == Months || index.column() == Quotations))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Category:
        return role == Qt::EditRole ? item.category : m_scheme.budgetCategories().nameOf(item.category, QLocale());
    case DescriptionEn: return item.description.en;
    case DescriptionZh: return item.description.zh;
    case Amount: return moneyText(item.amount, role);
    case Months: return item.months ? QVariant(*item.months) : QVariant();
    case Quotations: return QLocale().toString(item.quotations.size());
    case Justification: return item.justification;
    case ColumnCount: break;
    }
    return {};
}

QString BudgetItemsModel::columnName(int column) const
{
    switch (Column(column)) {
    case Category: return tr("Category");
    case DescriptionEn: return tr("Description (English)");
    case DescriptionZh: return tr("Description (Chinese)");
    case Amount: return tr("Amount (HK$)");
    case Months: return tr("Months");
    case Quotations: return tr("Quotations");
    case Justification: return tr("Why not the lowest quotation");
    case ColumnCount: break;
    }
    return {};
}

QVariant BudgetItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return columnName(section);
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return QLocale().toString(section + 1);
    return {};
}

Qt::ItemFlags BudgetItemsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != Quotations)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool BudgetItemsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rows)
        return false;
    const int row = index.row();
    const QString field = data(index, FieldPathRole).toString();
    const QString label = tr("Change %1 of item %2").arg(columnName(index.column()), QLocale().toString(row + 1));
    std::function<void(BudgetItem &)> change;
    switch (Column(index.column())) {
    case Category: change = [text = value.toString()](BudgetItem &item) { item.category = text; }; break;
    case DescriptionEn: change = [text = value.toString()](BudgetItem &item) { item.description.en = text; }; break;
    case DescriptionZh: change = [text = value.toString()](BudgetItem &item) { item.description.zh = text; }; break;
    case Justification: change = [text = value.toString()](BudgetItem &item) { item.justification = text; }; break;
    case Amount: {
        const auto amount = positiveMoney(value);
        if (!amount)
            return false;
        change = [amount](BudgetItem &item) { item.amount = *amount; };
        break;
    }
    case Months: {
        bool ok = false;
        const int months = value.toInt(&ok);
        if (value.toString().isEmpty())
            change = [](BudgetItem &item) { item.months.reset(); };
        else if (ok && months > 0)
            change = [months](BudgetItem &item) { item.months = months; };
        else
            return false;
        break;
    }
    case Quotations:
    case ColumnCount:
        return false;
    }
    m_draft.edit(label, field, [row, change](Application &application) { change(application.items[row]); });
    return true;
}

void BudgetItemsModel::addItem()
{
    m_draft.edit(tr("Add budget item"), QString(), [this](Application &application) {
        BudgetItem item;
        item.id = newUuid();
        item.category = m_scheme.budgetCategories().terms().value(0).id;
        application.items.append(item);
    });
}

void BudgetItemsModel::removeItem(int row)
{
    if (row < 0 || row >= m_rows)
        return;
    m_draft.edit(tr("Remove budget item %1").arg(QLocale().toString(row + 1)), QString(),
                 [row](Application &application) { application.items.removeAt(row); });
}

void BudgetItemsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    follow();
}

QuotationsModel::QuotationsModel(ApplicationDraft &draft, QObject *parent)
    : QAbstractTableModel(parent), m_draft(draft)
{
    connect(&m_draft, &ApplicationDraft::changed, this, &QuotationsModel::follow);
}

const BudgetItem *QuotationsModel::item() const
{
    const QList<BudgetItem> &items = m_draft.application().items;
    return m_item >= 0 && m_item < items.size() ? &items.at(m_item) : nullptr;
}

void QuotationsModel::showItem(int itemRow)
{
    beginResetModel();
    m_item = itemRow;
    m_rows = item() ? int(item()->quotations.size()) : 0;
    endResetModel();
}

void QuotationsModel::follow()
{
    const int rows = item() ? int(item()->quotations.size()) : 0;
    if (rows != m_rows || !item()) {
        showItem(item() ? m_item : -1);
    } else if (rows > 0) {
        emit dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    }
}

int QuotationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int QuotationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuotationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !item() || index.row() >= m_rows)
        return {};
    const Quotation &quotation = item()->quotations.at(index.row());
    const bool checkColumn = index.column() == Selected || index.column() == Platform;
    if (checkColumn && role == Qt::CheckStateRole)
        return (index.column() == Selected ? quotation.selected : quotation.platform) ? Qt::Checked : Qt::Unchecked;
    if (index.column() == Amount && role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (index.column() == Supplier)
        return quotation.supplier;
    if (index.column() == Amount)
        return moneyText(quotation.amount, role);
    return {};
}

QVariant QuotationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Supplier: return tr("Supplier");
    case Amount: return tr("Amount (HK$)");
    case Selected: return tr("Selected");
    case Platform: return tr("From the e-procurement platform");
    case ColumnCount: break;
    }
    return {};
}

Qt::ItemFlags QuotationsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == Selected || index.column() == Platform)
        return flags | Qt::ItemIsUserCheckable;
    return flags | Qt::ItemIsEditable;
}

bool QuotationsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !item() || index.row() >= m_rows)
        return false;
    const int itemRow = m_item;
    const int row = index.row();
    const QString number = QLocale().toString(row + 1);
    const QString field = QStringLiteral("application.items[%1].quotations[%2].%3").arg(itemRow).arg(row);
    std::function<void(BudgetItem &)> change;
    QString label;
    if (index.column() == Supplier && role == Qt::EditRole) {
        label = tr("Change supplier of quotation %1").arg(number);
        change = [row, text = value.toString()](BudgetItem &item) { item.quotations[row].supplier = text; };
    } else if (index.column() == Amount && role == Qt::EditRole) {
        const auto amount = positiveMoney(value);
        if (!amount)
            return false;
        label = tr("Change amount of quotation %1").arg(number);
        change = [row, amount](BudgetItem &item) { item.quotations[row].amount = *amount; };
    } else if (index.column() == Selected && role == Qt::CheckStateRole) {
        // Exactly one quotation is selected: choosing one clears the others.
        const bool selected = value.toInt() == Qt::Checked;
        label = tr("Select quotation %1").arg(number);
        change = [row, selected](BudgetItem &item) {
            for (qsizetype i = 0; i < item.quotations.size(); ++i)
                item.quotations[i].selected = selected ? i == row : (i == row ? false : item.quotations[i].selected);
        };
    } else if (index.column() == Platform && role == Qt::CheckStateRole) {
        label = tr("Mark quotation %1 as from the e-procurement platform").arg(number);
        change = [row, platform = value.toInt() == Qt::Checked](BudgetItem &item) { item.quotations[row].platform = platform; };
    } else {
        return false;
    }
    m_draft.edit(label, field.arg(index.column()), [itemRow, change](Application &application) {
        change(application.items[itemRow]);
    });
    return true;
}

void QuotationsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    follow();
}

void QuotationsModel::addQuotation()
{
    if (!item())
        return;
    const int itemRow = m_item;
    m_draft.edit(tr("Add quotation to item %1").arg(QLocale().toString(itemRow + 1)), QString(),
                 [itemRow](Application &application) {
                     Quotation quotation;
                     quotation.id = newUuid();
                     quotation.selected = application.items[itemRow].quotations.isEmpty();
                     application.items[itemRow].quotations.append(quotation);
                 });
}

void QuotationsModel::removeQuotation(int row)
{
    if (!item() || row < 0 || row >= m_rows)
        return;
    const int itemRow = m_item;
    m_draft.edit(tr("Remove quotation %1").arg(QLocale().toString(row + 1)), QString(),
                 [itemRow, row](Application &application) { application.items[itemRow].quotations.removeAt(row); });
}

} // namespace vd
