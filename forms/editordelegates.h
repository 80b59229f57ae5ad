#pragma once

#include <QStyledItemDelegate>

namespace vd {

class SchemeVocabulary;

// Edits an amount of money as a decimal string ("120000", "99.50"): the
// editor accepts only what Money::parse reads, so no amount ever passes
// through floating point. The model receives the text and parses it exactly.
class MoneyDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

// Chooses a term of a scheme vocabulary (a budget category) by its name in
// the current language; the model keeps the term's id.
class VocabularyDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    VocabularyDelegate(const SchemeVocabulary &vocabulary, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    const SchemeVocabulary &m_vocabulary;
};

} // namespace vd
