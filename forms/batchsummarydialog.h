#pragma once

#include "casetransitions.h"

#include <QDialog>

#include <memory>

namespace vd {

namespace Ui { class BatchSummaryDialog; }

// What a batch action did: how many cases it was applied to, and each case
// it was refused for with the reason (in the language the batch ran in).
class BatchSummaryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BatchSummaryDialog(const TransitionBatch &batch, QWidget *parent = nullptr);
    ~BatchSummaryDialog() override;

    enum Column { Case, Reason, ColumnCount };

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCounts();

    TransitionBatch m_batch;
    std::unique_ptr<Ui::BatchSummaryDialog> ui;
};

} // namespace vd
