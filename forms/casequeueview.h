#pragma once

#include "casequeue.h"
#include "casetransitions.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QTimer;

namespace vd {

namespace Ui { class CaseQueueView; }

class CaseQueueModel;
class DeskSession;
struct BatchActionChoice;

// The secretariat's case queue: filters (status, officer, overdue, sector,
// solution category, submission dates), bilingual search that runs a moment
// after the last keystroke, the table of cases (paged, sortable, several
// selectable) and batch actions on the selection. Opening a case (double
// click or Enter) is asked for with caseRequested().
class CaseQueueView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 50;

    explicit CaseQueueView(DeskSession &session, QWidget *parent = nullptr);
    ~CaseQueueView() override;

    CaseQueueModel *model() const { return m_model; }
    // The application ids of the selected rows, top to bottom.
    QStringList selectedApplicationIds() const;
    // What the filter bar and the search box ask for now, in the model's order.
    CaseQueueQuery currentQuery() const;
    // The day cases are overdue as of: today in Hong Kong unless set (a
    // report for another day, tests).
    void setToday(QDate day);

    // Applies one action to the cases as the signed-in person, each case on
    // its own; announces each case changed and refreshes the queue once.
    TransitionBatch applyAction(const BatchActionChoice &choice, const QStringList &applicationIds);

public slots:
    // Asks the person for an action (and reason) for the selected cases,
    // applies it, and shows what was applied and what was refused, and why.
    void applyActionToSelection();
    // Runs the filters and search again now (the debounce skipped).
    void requery();
    // The same query again, keeping the view where it is when the cases did not move.
    void refresh();

signals:
    void caseRequested(const QString &applicationId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillFilterCombos();
    void updateCount();
    void updateBatchButton();
    bool roleHasActions() const;

    DeskSession &m_session;
    std::unique_ptr<Ui::CaseQueueView> ui;
    CaseQueueModel *m_model = nullptr;
    QTimer *m_searchDelay = nullptr;
    QTimer *m_refreshDelay = nullptr;
    QDate m_today;
};

} // namespace vd
