#include "deadlinepanel.h"
#include "ui_deadlinepanel.h"

#include "deadlinemodel.h"
#include "deadlinewatch.h"
#include "desksession.h"
#include "domainerror.h"
#include "workspace.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QThread>
#include <QTimer>

#include <memory>

namespace vd {

DeadlinePanel::DeadlinePanel(DeskSession &session, QWidget *parent)
    : QWidget(parent), ui(std::make_unique<Ui::DeadlinePanel>()), m_session(session),
      m_model(new DeadlineModel(session.scheme(), this)), m_reloadSoon(new QTimer(this))
{
    ui->setupUi(this);
    ui->deadlinesView->setModel(m_model);
    ui->deadlinesView->header()->setStretchLastSection(false);
    ui->deadlinesView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->deadlinesView->header()->setSectionResizeMode(DeadlineModel::DeadlineColumn, QHeaderView::Stretch);
    connect(ui->deadlinesView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        emit caseRequested(index.data(DeadlineModel::ApplicationIdRole).toString());
    });
    connect(ui->refreshButton, &QPushButton::clicked, this, &DeadlinePanel::reload);
    // A case changed elsewhere: read again once the burst of changes is over.
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(250);
    connect(m_reloadSoon, &QTimer::timeout, this, &DeadlinePanel::reload);
    connect(&session, &DeskSession::caseChanged, m_reloadSoon, qOverload<>(&QTimer::start));
    ui->summaryLabel->setText(tr("Looking for deadlines…"));
    // Read once the event loop runs, whichever tab is in front: the tray's
    // start-up summary needs it, and the reading does not hold up painting.
    QTimer::singleShot(0, this, &DeadlinePanel::reload);
}

DeadlinePanel::~DeadlinePanel()
{
    for (const QPointer<QThread> &reading : std::as_const(m_readings)) {
        if (reading)
            reading->wait();
    }
}

void DeadlinePanel::reload()
{
    reloadAsOf(DeadlinePolicy::technologyVoucher().calendar().localDate(QDateTime::currentDateTimeUtc()));
}

// The deadlines of a large workspace take a while to work out: they are read
// on a thread of their own, through a connection of its own to the
// workspace, and the page stays live meanwhile. Only the latest reading is shown.
void DeadlinePanel::reloadAsOf(QDate today)
{
    const int reading = ++m_latestReading;
    auto result = std::make_shared<Reading>();
    QThread *thread = QThread::create([result, folder = m_session.workspace().folder(), user = m_session.user(), today] {
        try {
            Workspace workspace(folder, Workspace::Mode::OpenExisting);
            result->deadlines = DeadlineWatch(workspace).forPerson(user, today, horizonDays);
        } catch (const DomainError &error) {
            result->problem = error.fullMessage();
        }
    });
    connect(thread, &QThread::finished, this, [this, result, reading, today] {
        if (reading == m_latestReading) {
            m_shownReading = reading;
            showReading(*result, today);
        }
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_readings.removeAll(nullptr);
    m_readings.append(thread);
    thread->start();
}

void DeadlinePanel::showReading(const Reading &reading, QDate today)
{
    const bool first = !m_shown;
    m_shown = true;
    m_model->setDeadlines(reading.deadlines, today);
    if (!reading.problem.isEmpty()) {
        ui->summaryLabel->setText(tr("The deadlines could not be read. %1").arg(reading.problem));
        return;
    }
    showSummary();
    emit reloaded(m_model->overdueCount(), m_model->dueWithin(weekDays));
    if (first)
        announceInTray();
}

QString DeadlinePanel::summary() const
{
    return ui->summaryLabel->text();
}

void DeadlinePanel::showSummary()
{
    if (m_model->rowCount() == 0) {
        ui->summaryLabel->setText(tr("Nothing is overdue, and nothing falls due in the next %n day(s).", nullptr,
                                     horizonDays));
        return;
    }
    const QLocale locale;
    ui->summaryLabel->setText(tr("Overdue: %1. Due within a week: %2. All deadlines in the next %3 days: %4.")
                                  .arg(locale.toString(m_model->overdueCount()),
                                       locale.toString(m_model->dueWithin(weekDays)), locale.toString(horizonDays),
                                       locale.toString(m_model->rowCount())));
}

void DeadlinePanel::announceInTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon().isNull()
                                     ? style()->standardIcon(QStyle::SP_MessageBoxInformation)
                                     : QApplication::windowIcon(),
                                 this);
    m_tray->setToolTip(tr("VoucherDesk deadlines"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, window(), [this] { window()->activateWindow(); });
    m_tray->show();
    m_tray->showMessage(tr("Deadlines"),
                        tr("%n overdue", nullptr, m_model->overdueCount()) + QLatin1String(", ")
                            + tr("%n due this week", nullptr, m_model->dueWithin(weekDays)),
                        QSystemTrayIcon::Information);
}

void DeadlinePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        m_model->retranslate();
        if (m_shown)
            showSummary();
        else
            ui->summaryLabel->setText(tr("Looking for deadlines…"));
    }
    QWidget::changeEvent(event);
}

} // namespace vd
