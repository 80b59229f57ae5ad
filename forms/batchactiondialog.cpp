#include "batchactiondialog.h"
#include "ui_batchactiondialog.h"

#include "desksession.h"
#include "workflow.h"

#include <QEvent>
#include <QPushButton>

namespace vd {

BatchActionDialog::BatchActionDialog(DeskSession &session, int caseCount, QWidget *parent)
    : QDialog(parent), m_session(session), m_caseCount(caseCount), ui(std::make_unique<Ui::BatchActionDialog>())
{
    ui->setupUi(this);
    fillActions();
    connect(ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->actionCombo, &QComboBox::currentIndexChanged, this, &BatchActionDialog::updateState);
    connect(ui->reasonEdit, &QPlainTextEdit::textChanged, this, &BatchActionDialog::updateState);
    updateState();
}

BatchActionDialog::~BatchActionDialog() = default;

void BatchActionDialog::fillActions()
{
    const QString chosen = ui->actionCombo->currentData().toString();
    const QSignalBlocker quiet(ui->actionCombo);
    ui->actionCombo->clear();
    for (const WorkflowAction &action : Workflow::technologyVoucher().actions()) {
        if (action.roles.contains(m_session.user().role))
            ui->actionCombo->addItem(action.name.in(QLocale()), action.id);
    }
    ui->actionCombo->setCurrentIndex(std::max(0, ui->actionCombo->findData(chosen)));
}

bool BatchActionDialog::selectAction(const QString &action)
{
    const int index = ui->actionCombo->findData(action);
    if (index < 0)
        return false;
    ui->actionCombo->setCurrentIndex(index);
    return true;
}

void BatchActionDialog::setReason(const QString &reason)
{
    ui->reasonEdit->setPlainText(reason);
}

BatchActionChoice BatchActionDialog::choice() const
{
    return {ui->actionCombo->currentData().toString(), ui->reasonEdit->toPlainText().trimmed()};
}

bool BatchActionDialog::canApply() const
{
    const WorkflowAction *action = Workflow::technologyVoucher().findAction(ui->actionCombo->currentData().toString());
    return action && (!action->reasonRequired || !ui->reasonEdit->toPlainText().trimmed().isEmpty());
}

void BatchActionDialog::updateState()
{
    const WorkflowAction *action = Workflow::technologyVoucher().findAction(ui->actionCombo->currentData().toString());
    const bool needsReason = action && action->reasonRequired;
    ui->reasonEdit->setEnabled(needsReason);
    ui->reasonLabel->setEnabled(needsReason);
    if (!action) {
        ui->reasonHint->setText(tr("Your role cannot take any action on cases."));
        ui->summaryLabel->clear();
    } else {
        ui->reasonHint->setText(needsReason ? tr("This action needs a reason; it is recorded with each case.")
                                            : tr("This action needs no reason."));
        ui->summaryLabel->setText(tr("“%1” will be applied to %n selected case(s), each on its own. A case where the "
                                     "action is not allowed is left as it is and listed afterwards with the reason.",
                                     nullptr, m_caseCount)
                                      .arg(action->name.in(QLocale())));
    }
    QPushButton *apply = ui->buttons->button(QDialogButtonBox::Ok);
    apply->setText(tr("&Apply"));
    apply->setEnabled(canApply());
}

void BatchActionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        fillActions();
        updateState();
    }
    QDialog::changeEvent(event);
}

} // namespace vd
