#include "desk.h"

#include "backgroundsync.h"
#include "backofficedialog.h"
#include "conflictpanel.h"
#include "deskpages.h"
#include "desksession.h"
#include "domainerror.h"
#include "firstpaint.h"
#include "mainwindow.h"
#include "signindialog.h"
#include "syncclient.h"
#include "syncindicator.h"
#include "userrepository.h"
#include "workspace.h"
#include "workspacedialog.h"

#include <QApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>

namespace vd {

namespace {

void complain(const QString &message)
{
    std::fputs(message.toUtf8().append('\n').constData(), stderr);
}

// The person to sign in: the one the command line named, or the one chosen in the dialog.
std::optional<User> signInTo(Workspace &workspace, const QString &username)
{
    if (!username.isEmpty()) {
        std::optional<User> user = UserRepository(workspace).findByUsername(username);
        if (!user || !user->active)
            complain(QCoreApplication::translate("vd::Desk", "There is no active user “%1” in the workspace %2.").arg(username, workspace.folder()));
        return user && user->active ? user : std::nullopt;
    }
    SignInDialog dialog(workspace);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.chosenUser();
}

// The first line of the file: a password is never given on the command line,
// where every process on the machine could read it.
std::optional<QString> readPassword(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        complain(QCoreApplication::translate("vd::Desk", "--password-file: %1 cannot be read (%2).").arg(file, in.errorString()));
        return std::nullopt;
    }
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

Desk::Desk(DeskOptions options, const QElapsedTimer &sinceMain)
    : m_options(std::move(options)), m_sinceMain(sinceMain)
{
}

Desk::~Desk()
{
    closeDesk();
}

bool Desk::start()
{
    std::unique_ptr<BackgroundSync> sync;
    QString username = m_options.username;
    std::unique_ptr<Workspace> workspace;
    if (!m_options.workspace.isEmpty()) {
        workspace = firstWorkspace();
        if (workspace && !m_options.server.isEmpty())
            sync = joinBackOffice(*workspace);
        if (!workspace || (!m_options.server.isEmpty() && !sync))
            return false;
    } else {
        WorkspaceDialog dialog;
        if (dialog.exec() != QDialog::Accepted)
            return false;
        workspace = dialog.takeWorkspace();
        sync = dialog.takeBackgroundSync();
        if (sync)
            username = sync->username();
    }
    std::optional<User> user = signInTo(*workspace, username);
    if (!user)
        return false;
    auto session = std::make_unique<DeskSession>(*workspace, *user);
    openWindow(std::move(workspace), std::move(session), std::move(sync));
    return true;
}

// --workspace: with --server the folder may be new, for a workspace that syncs from the back office.
std::unique_ptr<Workspace> Desk::firstWorkspace()
{
    if (!WorkspaceDialog::unlockSealed(nullptr, m_options.workspace))
        return nullptr;
    try {
        auto workspace = std::make_unique<Workspace>(m_options.workspace, m_options.server.isEmpty()
                                                                              ? Workspace::Mode::OpenExisting
                                                                              : Workspace::Mode::CreateIfMissing);
        WorkspaceDialog::remember(m_options.workspace);
        return workspace;
    } catch (const DomainError &error) {
        complain(error.fullMessage());
        return nullptr;
    }
}

// --server: signs in, and syncs once before the desk opens when the workspace
// does not know the person yet (a new one). When the back office cannot be
// reached, a workspace that knows the person opens offline and signs in
// when the network returns.
std::unique_ptr<BackgroundSync> Desk::joinBackOffice(Workspace &workspace)
{
    if (m_options.username.isEmpty()) {
        complain(tr("--server: say who signs in to the back office with --user."));
        return nullptr;
    }
    if (m_options.passwordFile.isEmpty()) {
        complain(tr("--server: give the file that holds the password with --password-file."));
        return nullptr;
    }
    if (const QString problem = BackOfficeDialog::addressProblem(m_options.server); !problem.isEmpty()) {
        complain(tr("--server: %1").arg(problem));
        return nullptr;
    }
    const std::optional<QString> password = readPassword(m_options.passwordFile);
    if (!password)
        return nullptr;
    const BackOfficeAccount account{m_options.server, m_options.username, *password, m_options.certificateFile};
    auto sync = std::make_unique<BackgroundSync>(workspace.folder());
    const QString problem = sync->signInAndWait(account);
    const bool known = UserRepository(workspace).findByUsername(account.username).has_value();
    if (!problem.isEmpty() && !(sync->connection() == SyncConnection::Offline && known)) {
        complain(tr("Signing in to the back office at %1 failed. %2").arg(account.address, problem));
        return nullptr;
    }
    if (!known) {
        if (const QString failure = sync->syncAndWait(nullptr); !failure.isEmpty()) {
            complain(tr("The first sync with the back office at %1 failed. %2").arg(account.address, failure));
            return nullptr;
        }
    }
    BackOfficeDialog::remember({account.address, account.username, {}, account.certificateFile});
    return sync;
}

void Desk::openWindow(std::unique_ptr<Workspace> workspace, std::unique_ptr<DeskSession> session,
                      std::unique_ptr<BackgroundSync> sync)
{
    closeDesk();
    m_workspace = std::move(workspace);
    m_session = std::move(session);
    m_sync = sync ? std::move(sync) : std::make_unique<BackgroundSync>(m_workspace->folder());
    m_window = std::make_unique<MainWindow>(*m_session);
    addDeskPages(*m_window, *m_session);
    m_indicator = addSyncIndicator(*m_window, *m_session);
    wireSync();
    connect(m_window.get(), &MainWindow::switchWorkspaceRequested, this, &Desk::switchWorkspace, Qt::QueuedConnection);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &Desk::signOut, Qt::QueuedConnection);
    if (FirstPaintReport::requested() && m_window->currentPage())
        new FirstPaintReport(m_window->currentPage(), m_sinceMain);
    m_window->show();
    if (m_sync->isSignedIn())
        m_sync->syncNow();
}

// The sync's news reaches the indicator and the windows; a local save is
// sent a moment later.
void Desk::wireSync()
{
    BackgroundSync *sync = m_sync.get();
    SyncIndicator *indicator = m_indicator;
    DeskSession *session = m_session.get();
    connect(sync, &BackgroundSync::connectionChanged, indicator, &SyncIndicator::setConnection);
    connect(sync, &BackgroundSync::synced, indicator, &SyncIndicator::refresh);
    connect(sync, &BackgroundSync::casesChanged, session, [session](const QStringList &applicationIds) {
        for (const QString &id : applicationIds)
            session->announceCaseChanged(id);
    });
    // A burst of changes (a transition, a batch, pulled changes) is one look at the outbox.
    auto *changed = new QTimer(m_window.get());
    changed->setSingleShot(true);
    changed->setInterval(300);
    connect(session, &DeskSession::caseChanged, changed, qOverload<>(&QTimer::start));
    connect(changed, &QTimer::timeout, indicator, [indicator, sync] {
        indicator->refresh();
        if (indicator->standing().pending > 0)
            sync->syncSoon();
    });
    connect(m_window.get(), &MainWindow::connectRequested, this, &Desk::connectToBackOffice);
    connect(m_window.get(), &MainWindow::syncNowRequested, this, &Desk::syncNow);
    connect(m_window.get(), &MainWindow::conflictsRequested, this, &Desk::showConflicts);
    connect(indicator, &SyncIndicator::connectRequested, this, &Desk::connectToBackOffice);
    connect(indicator, &SyncIndicator::syncNowRequested, this, &Desk::syncNow);
    connect(indicator, &SyncIndicator::attentionRequested, this, &Desk::showConflicts);
    indicator->setConnection(sync->connection(), sync->problem());
}

// File ▸ Connect to a Back Office: the person at the desk signs in there, to
// the back office this workspace syncs with (if it ever did).
void Desk::connectToBackOffice()
{
    const SyncStatus status = SyncClient::status(*m_workspace);
    BackOfficeAccount account = BackOfficeDialog::remembered();
    if (!status.serverUrl.isEmpty())
        account.address = status.serverUrl;
    account.username = m_session->user().username;
    BackOfficeDialog dialog(m_window.get());
    dialog.setAccount(account);
    connect(&dialog, &BackOfficeDialog::signInRequested, this, [&](const BackOfficeAccount &chosen) {
        if (chosen.username != m_session->user().username) {
            dialog.showSignInResult(tr("You are at the desk as %1: sign in to the back office as %1, or sign out "
                                       "and choose another person.").arg(m_session->user().username));
        } else if (!status.serverUrl.isEmpty() && chosen.address != status.serverUrl) {
            dialog.showSignInResult(tr("This workspace keeps in step with the back office at %1 and cannot sync with "
                                       "another. For %2, make a new workspace (File ▸ Switch Workspace).")
                                        .arg(status.serverUrl, chosen.address));
        } else {
            m_sync->signIn(chosen);
        }
    });
    connect(m_sync.get(), &BackgroundSync::signInFinished, &dialog, &BackOfficeDialog::showSignInResult);
    if (dialog.exec() == QDialog::Accepted)
        m_sync->syncNow();
}

void Desk::syncNow()
{
    if (m_sync->isSignedIn())
        m_sync->syncNow();
    else
        connectToBackOffice();
}

void Desk::showConflicts()
{
    ConflictPanel panel(*m_session, m_window.get());
    connect(&panel, &ConflictPanel::settled, this, [this](const QString &applicationId) {
        m_indicator->refresh();
        if (!applicationId.isEmpty())
            m_session->announceCaseChanged(applicationId);
        m_sync->syncSoon();
    });
    panel.exec();
}

// The new workspace and person are settled before the desk closes; the
// dialogs are gone by then, as they sit on the window being replaced.
void Desk::switchWorkspace()
{
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<BackgroundSync> sync;
    std::optional<User> user;
    {
        WorkspaceDialog dialog(m_window.get());
        if (dialog.exec() != QDialog::Accepted)
            return;
        workspace = dialog.takeWorkspace();
        sync = dialog.takeBackgroundSync();
        if (sync) {
            user = UserRepository(*workspace).findByUsername(sync->username());
        } else {
            SignInDialog signIn(*workspace, m_window.get());
            if (signIn.exec() == QDialog::Accepted)
                user = signIn.chosenUser();
        }
    }
    if (!workspace || !user)
        return;
    auto session = std::make_unique<DeskSession>(*workspace, *user);
    openWindow(std::move(workspace), std::move(session), std::move(sync));
}

// The next person works on the same workspace; the back office's sign-in was
// the last person's and ends with their session.
void Desk::signOut()
{
    std::optional<User> user;
    {
        SignInDialog signIn(*m_workspace, m_window.get());
        if (signIn.exec() == QDialog::Accepted)
            user = signIn.chosenUser();
    }
    if (!user) {
        m_window->close();
        return;
    }
    std::unique_ptr<Workspace> workspace = std::move(m_workspace);
    auto session = std::make_unique<DeskSession>(*workspace, *user);
    openWindow(std::move(workspace), std::move(session), nullptr);
}

// The window before the sync and the session it shows, those before their workspace.
void Desk::closeDesk()
{
    m_indicator = nullptr;
    m_window.reset();
    m_sync.reset();
    m_session.reset();
    m_workspace.reset();
}

} // namespace vd
