#pragma once

#include "backofficedialog.h"
#include "syncindicator.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>

class QThread;
class QTimer;
class QWidget;

namespace vd {

class SyncWorker;

// What one sync did, for the indicator and the windows.
struct SyncReport
{
    SyncConnection connection = SyncConnection::Online; // Online, Offline or SignInNeeded afterwards
    QString problem;            // why it is offline or signed out, in the person's language
    QStringList changedCases;   // application ids of the cases the pulled changes touched
    qint64 pulled = 0;          // records received
    qint64 pushed = 0;          // local changes the back office took
    qint64 conflicts = 0;       // new conflicts
    qint64 rejected = 0;        // changes it refused
};

// Sync in the background: a thread of its own with its own connection to the
// workspace, so the desk never waits for the network. It signs in when asked
// (the password is held only until the back office answers), then syncs every
// interval, soon after a local save (syncSoon()), and on demand (syncNow()).
// When the back office cannot be reached it says so and keeps trying at each
// interval; the desk works on meanwhile and the changes wait in the outbox.
// Never two syncs at once: a request during a sync runs one more after it.
class BackgroundSync : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultInterval{std::chrono::seconds(30)};
    static constexpr std::chrono::milliseconds saveDelay{std::chrono::seconds(2)};

    explicit BackgroundSync(const QString &workspaceFolder, QObject *parent = nullptr);
    ~BackgroundSync() override;

    SyncConnection connection() const { return m_connection; }
    QString problem() const { return m_problem; }
    // The back office and its user while signed in; empty otherwise.
    QString address() const { return m_address; }
    QString username() const { return m_username; }
    // The signed-in person's role at the back office (empty when it signed in offline).
    QString role() const { return m_role; }
    bool isSignedIn() const { return !m_username.isEmpty(); }
    bool isBusy() const { return m_busy; }
    void setInterval(std::chrono::milliseconds interval);

    // For the start of a session, before there is a desk to go on with: sign
    // in, or sync once, and wait for the answer (events are served meanwhile;
    // a sync taking longer than a moment shows a progress dialog over the
    // parent). The problem, empty on success.
    QString signInAndWait(const BackOfficeAccount &account);
    QString syncAndWait(QWidget *parent);

public slots:
    // Signs in on the sync thread; signInFinished() tells how it went. On
    // success a first sync follows at once.
    void signIn(const vd::BackOfficeAccount &account);
    void syncNow();
    // A local change was saved: sync a moment later, a burst of saves once.
    void syncSoon();

signals:
    // Empty on success, else what went wrong (the dialog shows it).
    void signInFinished(const QString &problem);
    void connectionChanged(vd::SyncConnection connection, const QString &problem);
    void syncStarted();
    void synced(const vd::SyncReport &report);
    // Pulled changes touched these cases: windows showing them read them again.
    void casesChanged(const QStringList &applicationIds);

private:
    void setConnection(SyncConnection connection, const QString &problem);
    void startSync();
    void signedIn(const QString &address, const QString &username, const QString &role, SyncConnection connection,
                  const QString &problem);
    void finished(const SyncReport &report);

    QThread *m_thread;
    SyncWorker *m_worker;
    QTimer *m_interval;
    QTimer *m_soon;
    SyncConnection m_connection = SyncConnection::NotConnected;
    QString m_problem;
    QString m_address;
    QString m_username;
    QString m_role;
    bool m_busy = false;        // a sign-in or sync is under way on the thread
    bool m_again = false;       // another sync was asked for meanwhile
};

} // namespace vd

Q_DECLARE_METATYPE(vd::SyncReport)
