#pragma once

#include "deadlinewatch.h"

#include <QDate>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <memory>

class QSystemTrayIcon;
class QThread;
class QTimer;

namespace vd {

class DeadlineModel;
class DeskSession;

namespace Ui {
class DeadlinePanel;
}

// The start-up page: the signed-in person's deadlines overdue and due in the
// coming weeks (clarification answers, the committee's 2-working-day result,
// the 60-working-day vetting, final and evaluation reports), earliest first,
// overdue ones marked. Activating a row asks for its case. The first time it
// is filled it sums up in the system tray, where there is one.
class DeadlinePanel : public QWidget
{
    Q_OBJECT

public:
    // How far ahead the panel looks, and what "this week" means in its summary.
    static constexpr int horizonDays = 30;
    static constexpr int weekDays = 7;

    explicit DeadlinePanel(DeskSession &session, QWidget *parent = nullptr);
    ~DeadlinePanel() override;

    DeadlineModel *model() const { return m_model; }
    // The summary line shown above the list.
    QString summary() const;
    // Whether a reading asked for has yet to be shown.
    bool isReading() const { return m_shownReading != m_latestReading; }

public slots:
    // Reads the deadlines again as of today (Hong Kong time), in the background.
    void reload();
    // As reload(), as of a given day.
    void reloadAsOf(QDate today);

signals:
    void caseRequested(const QString &applicationId);
    // When a reading is shown: how many are overdue and how many fall due within a week.
    void reloaded(int overdue, int dueThisWeek);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Reading
    {
        QList<WatchedDeadline> deadlines;
        QString problem;
    };

    void showReading(const Reading &reading, QDate today);
    void showSummary();
    void announceInTray();

    std::unique_ptr<Ui::DeadlinePanel> ui;
    DeskSession &m_session;
    DeadlineModel *m_model;
    QTimer *m_reloadSoon;
    QSystemTrayIcon *m_tray = nullptr;
    QList<QPointer<QThread>> m_readings;  // still running, waited for on closing
    int m_latestReading = 0;
    int m_shownReading = 0;
    bool m_shown = false;                 // a reading was shown
};

} // namespace vd
