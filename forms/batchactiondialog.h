#pragma once

#include <QDialog>
#include <QString>

#include <memory>

namespace vd {

namespace Ui { class BatchActionDialog; }

class DeskSession;

// One workflow action for many cases, with its reason when it needs one.
struct BatchActionChoice
{
    QString action;   // a scheme action id
    QString reason;
};

// Asks which action to apply to the selected cases: only the actions the
// scheme lets the signed-in person's role take from some status, a reason
// when the action requires one (Apply stays disabled until it is given), and
// how many cases it is about, so that Apply is the confirmation.
class BatchActionDialog : public QDialog
{
    Q_OBJECT

public:
    BatchActionDialog(DeskSession &session, int caseCount, QWidget *parent = nullptr);
    ~BatchActionDialog() override;

    // The action chosen and its reason (trimmed).
    BatchActionChoice choice() const;
    // Chooses an action by its id; false when the role cannot take it.
    bool selectAction(const QString &action);
    void setReason(const QString &reason);
    bool canApply() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillActions();
    void updateState();

    DeskSession &m_session;
    int m_caseCount = 0;
    std::unique_ptr<Ui::BatchActionDialog> ui;
};

} // namespace vd
