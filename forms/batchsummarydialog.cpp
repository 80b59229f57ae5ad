#include "batchsummarydialog.h"
#include "ui_batchsummarydialog.h"

#include <QEvent>
#include <QHeaderView>

namespace vd {

BatchSummaryDialog::BatchSummaryDialog(const TransitionBatch &batch, QWidget *parent)
    : QDialog(parent), m_batch(batch), ui(std::make_unique<Ui::BatchSummaryDialog>())
{
    ui->setupUi(this);
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    ui->refusals->setColumnCount(ColumnCount);
    ui->refusals->setRowCount(int(m_batch.refusedCount()));
    int row = 0;
    for (const TransitionResult &result : std::as_const(m_batch.results)) {
        if (result.applied)
            continue;
        const QString name = result.reference.isEmpty() ? result.caseKey : result.reference;
        ui->refusals->setItem(row, Case, new QTableWidgetItem(name));
        ui->refusals->setItem(row, Reason, new QTableWidgetItem(result.reason));
        ++row;
    }
    ui->refusals->resizeColumnToContents(Case);
    // Reasons wrap in the width the dialog gives them, rows as tall as their reason.
    QHeaderView *header = ui->refusals->horizontalHeader();
    header->setSectionResizeMode(Reason, QHeaderView::Stretch);
    connect(header, &QHeaderView::sectionResized, ui->refusals, &QTableView::resizeRowsToContents);
    ui->refusals->setVisible(m_batch.refusedCount() > 0);
    showCounts();
}

BatchSummaryDialog::~BatchSummaryDialog() = default;

void BatchSummaryDialog::showCounts()
{
    ui->appliedLabel->setText(tr("Applied to %n case(s).", nullptr, int(m_batch.appliedCount())));
    ui->refusedLabel->setText(m_batch.refusedCount() == 0
                                  ? tr("No case was refused.")
                                  : tr("Refused for %n case(s), which stay as they were:", nullptr,
                                       int(m_batch.refusedCount())));
    ui->refusals->setHorizontalHeaderLabels({tr("Case"), tr("Why it was refused")});
}

void BatchSummaryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        showCounts();
    }
    QDialog::changeEvent(event);
}

} // namespace vd
