#include "editordelegates.h"

#include "money.h"
#include "scheme.h"

#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace vd {

QWidget *MoneyDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *editor = new QLineEdit(parent);
    // Up to twelve digits of dollars and two of cents, as the formats allow.
    editor->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^[0-9]{0,12}(\\.[0-9]{0,2})?$")), editor));
    editor->setAlignment(Qt::AlignRight);
    editor->setPlaceholderText(tr("e.g. 120000.00"));
    return editor;
}

void MoneyDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    static_cast<QLineEdit *>(editor)->setText(index.data(Qt::EditRole).toString());
}

void MoneyDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const QString text = static_cast<QLineEdit *>(editor)->text().trimmed();
    if (Money::parse(text))
        model->setData(index, text, Qt::EditRole);
}

VocabularyDelegate::VocabularyDelegate(const SchemeVocabulary &vocabulary, QObject *parent)
    : QStyledItemDelegate(parent), m_vocabulary(vocabulary)
{
}

QWidget *VocabularyDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *editor = new QComboBox(parent);
    for (const SchemeTerm &term : m_vocabulary.terms())
        editor->addItem(term.name.in(QLocale()), term.id);
    return editor;
}

void VocabularyDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
}

void VocabularyDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
}

} // namespace vd
