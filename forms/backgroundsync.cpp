#include "backgroundsync.h"

#include "backofficeconnection.h"
#include "domainerror.h"
#include "language.h"
#include "syncclient.h"
#include "workspace.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <optional>

namespace vd {

namespace {

// What a failure means for the connection: the network, or the back office
// too busy to answer, is waited out; a sign-in it no longer takes needs the
// person; an audit log that does not extend what this desk saw stops sync
// loudly (it is still tried at each interval, and stops again until someone
// finds out why); anything else is reported and tried again at the next interval.
SyncConnection connectionAfter(const DomainError &error)
{
    static const QStringList unreachable{QStringLiteral("BACK_OFFICE_UNREACHABLE"), QStringLiteral("RATE_LIMITED"),
                                         QStringLiteral("WORKSPACE_BUSY")};
    static const QStringList signedOut{QStringLiteral("TOKEN_INVALID"), QStringLiteral("TOKEN_MISSING"),
                                       QStringLiteral("NOT_SIGNED_IN")};
    if (unreachable.contains(error.code()))
        return SyncConnection::Offline;
    static const QStringList auditStopped{QStringLiteral("AUDIT_HISTORY_REWRITTEN"), QStringLiteral("AUDIT_KEY_CHANGED"),
                                          QStringLiteral("AUDIT_TREE_HEAD_INVALID")};
    if (signedOut.contains(error.code()))
        return SyncConnection::SignInNeeded;
    if (auditStopped.contains(error.code()))
        return SyncConnection::AuditStopped;
    return SyncConnection::Failed;
}

} // namespace

// Lives on the sync thread: its workspace connection and its client belong
// to that thread, and so does everything it does with them.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    explicit SyncWorker(QString folder) : m_folder(std::move(folder)) {}

public slots:
    void signIn(const vd::BackOfficeAccount &account, const QString &language)
    {
        m_waiting.reset();
        try {
            BackOfficeConnection connection(account.address, account.certificateFile);
            connection.setLanguage(language);
            startSession(connection.signIn(account.username, account.password), account);
            emit signedIn(m_session.serverUrl, m_session.user.username, m_session.user.role, SyncConnection::Online, {});
        } catch (const DomainError &error) {
            // Unreachable: kept (password too, in memory only) to sign in when the network returns.
            if (connectionAfter(error) == SyncConnection::Offline) {
                m_waiting = account;
                emit signedIn(account.address, account.username, {}, SyncConnection::Offline, error.fullMessage());
            } else if (m_session.isValid()) {
                // Refused: a sign-in made before still holds.
                emit signedIn(m_session.serverUrl, m_session.user.username, m_session.user.role, SyncConnection::Online,
                              error.fullMessage());
            } else {
                emit signedIn(account.address, {}, {}, SyncConnection::NotConnected, error.fullMessage());
            }
        }
    }

    void sync(const QString &language)
    {
        SyncReport report;
        try {
            if (!m_session.isValid() && m_waiting) {
                BackOfficeConnection connection(m_waiting->address, m_waiting->certificateFile);
                connection.setLanguage(language);
                startSession(connection.signIn(m_waiting->username, m_waiting->password), *m_waiting);
                m_waiting.reset();
            }
            if (!m_session.isValid()) {
                report.connection = SyncConnection::NotConnected;
                emit synced(report);
                return;
            }
            if (!m_workspace)
                m_workspace = std::make_unique<Workspace>(m_folder, Workspace::Mode::OpenExisting);
            if (!m_client)
                m_client = std::make_unique<SyncClient>(*m_workspace, m_session);
            m_client->setLanguage(language);
            const SyncSummary summary = m_client->sync();
            report.pulled = summary.pulled;
            report.pushed = summary.applied + summary.duplicate;
            report.conflicts = summary.conflict;
            report.rejected = summary.rejected;
            report.changedCases = summary.changedCases;
        } catch (const DomainError &error) {
            report.connection = connectionAfter(error);
            report.problem = error.fullMessage();
            if (report.connection == SyncConnection::SignInNeeded) {
                m_session = {};
                m_client.reset();
            }
        }
        emit synced(report);
    }

    // Before the thread ends: the workspace connection is closed on the thread that opened it.
    void close()
    {
        m_client.reset();
        m_workspace.reset();
    }

signals:
    void signedIn(const QString &address, const QString &username, const QString &role, vd::SyncConnection connection,
                  const QString &problem);
    void synced(const vd::SyncReport &report);

private:
    void startSession(BackOfficeSession session, const BackOfficeAccount &account)
    {
        if (session.certificateAuthority.isEmpty())
            session.certificateAuthority = account.certificateFile;
        m_session = std::move(session);
        m_client.reset();
    }

    QString m_folder;
    std::unique_ptr<Workspace> m_workspace;
    BackOfficeSession m_session;
    std::unique_ptr<SyncClient> m_client;
    std::optional<BackOfficeAccount> m_waiting;  // a sign-in the network interrupted
};

BackgroundSync::BackgroundSync(const QString &workspaceFolder, QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new SyncWorker(workspaceFolder)),
      m_interval(new QTimer(this)), m_soon(new QTimer(this))
{
    qRegisterMetaType<BackOfficeAccount>();
    qRegisterMetaType<SyncReport>();
    qRegisterMetaType<SyncConnection>();
    m_thread->setObjectName(QStringLiteral("sync"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::signedIn, this, &BackgroundSync::signedIn);
    connect(m_worker, &SyncWorker::synced, this, &BackgroundSync::finished);
    m_interval->setInterval(defaultInterval);
    connect(m_interval, &QTimer::timeout, this, &BackgroundSync::startSync);
    m_soon->setSingleShot(true);
    m_soon->setInterval(saveDelay);
    connect(m_soon, &QTimer::timeout, this, &BackgroundSync::startSync);
    m_thread->start();
}

BackgroundSync::~BackgroundSync()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::close, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void BackgroundSync::setInterval(std::chrono::milliseconds interval)
{
    m_interval->setInterval(interval);
}

QString BackgroundSync::signInAndWait(const BackOfficeAccount &account)
{
    QEventLoop loop;
    QString problem;
    const QMetaObject::Connection answered = connect(this, &BackgroundSync::signInFinished, &loop,
                                                     [&](const QString &answer) {
                                                         problem = answer;
                                                         loop.quit();
                                                     });
    signIn(account);
    loop.exec();
    disconnect(answered);
    return problem;
}

QString BackgroundSync::syncAndWait(QWidget *parent)
{
    QProgressDialog progress(tr("Fetching the cases from the back office…"), QString(), 0, 0, parent);
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(500);
    QEventLoop loop;
    QString problem;
    const QMetaObject::Connection answered = connect(this, &BackgroundSync::synced, &loop,
                                                     [&](const SyncReport &report) {
                                                         problem = report.connection == SyncConnection::Online
                                                             ? QString()
                                                             : (report.problem.isEmpty() ? tr("You are not signed in to the back office.")
                                                                                         : report.problem);
                                                         loop.quit();
                                                     });
    syncNow();
    if (m_busy)
        loop.exec();
    else
        problem = tr("Sign in to the back office first.");
    disconnect(answered);
    return problem;
}

void BackgroundSync::signIn(const BackOfficeAccount &account)
{
    if (m_busy) {
        emit signInFinished(tr("A sync is under way; try again in a moment."));
        return;
    }
    m_busy = true;
    setConnection(SyncConnection::SigningIn, {});
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, account, language = Language::current()] {
        worker->signIn(account, language);
    });
}

void BackgroundSync::signedIn(const QString &address, const QString &username, const QString &role,
                              SyncConnection connection, const QString &problem)
{
    m_busy = false;
    m_address = address;
    m_username = username;
    m_role = role;
    setConnection(connection, problem);
    if (!username.isEmpty())
        m_interval->start();
    // Offline at sign-in is not a success for the dialog, though the desk works
    // on and signs in when the network returns; a refusal says why.
    emit signInFinished(problem);
    if (m_again) {
        m_again = false;
        startSync();
    }
}

void BackgroundSync::syncNow()
{
    m_soon->stop();
    startSync();
}

void BackgroundSync::syncSoon()
{
    if (isSignedIn())
        m_soon->start();
}

void BackgroundSync::startSync()
{
    if (!isSignedIn())
        return;
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    setConnection(SyncConnection::Syncing, {});
    emit syncStarted();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, language = Language::current()] { worker->sync(language); });
}

void BackgroundSync::finished(const SyncReport &report)
{
    m_busy = false;
    if (report.connection == SyncConnection::SignInNeeded || report.connection == SyncConnection::NotConnected) {
        m_username.clear();
        m_interval->stop();
        m_again = false;
    }
    setConnection(report.connection, report.problem);
    emit synced(report);
    if (!report.changedCases.isEmpty())
        emit casesChanged(report.changedCases);
    if (m_again) {
        m_again = false;
        startSync();
    }
}

void BackgroundSync::setConnection(SyncConnection connection, const QString &problem)
{
    m_connection = connection;
    m_problem = problem;
    emit connectionChanged(connection, problem);
}

} // namespace vd

#include "backgroundsync.moc"
