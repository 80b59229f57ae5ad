#pragma once

#include <QAbstractTableModel>

namespace vd {

class ApplicationDraft;
class Scheme;
struct BudgetItem;
struct Quotation;

// The budget items of a draft, one row each. Every change goes through the
// draft's undo stack; the model follows the draft, never the other way round.
class BudgetItemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Category, DescriptionEn, DescriptionZh, Amount, Months, Quotations, Justification, ColumnCount };
    enum Role { FieldPathRole = Qt::UserRole }; // "application.items[2].amount"

    BudgetItemsModel(ApplicationDraft &draft, const Scheme &scheme, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    void addItem();
    void removeItem(int row);
    // Headers and names again, in the language now installed.
    void retranslate();

private:
    void follow();
    QString columnName(int column) const;

    ApplicationDraft &m_draft;
    const Scheme &m_scheme;
    int m_rows = 0;
};

// The quotations of one budget item of a draft.
class QuotationsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Supplier, Amount, Selected, Platform, ColumnCount };

    explicit QuotationsModel(ApplicationDraft &draft, QObject *parent = nullptr);

    // The item whose quotations are shown; -1 for none.
    void showItem(int itemRow);
    int itemRow() const { return m_item; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    void addQuotation();
    void removeQuotation(int row);
    void retranslate();

private:
    void follow();
    const BudgetItem *item() const;

    ApplicationDraft &m_draft;
    int m_item = -1;
    int m_rows = 0;
};

} // namespace vd
