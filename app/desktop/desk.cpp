#include "desk.h"

#include "deskpages.h"
#include "desksession.h"
#include "domainerror.h"
#include "firstpaint.h"
#include "mainwindow.h"
#include "signindialog.h"
#include "userrepository.h"
#include "workspace.h"
#include "workspacedialog.h"

#include <QApplication>

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
            complain(QCoreApplication::translate("vd::Desk", "There is no active user “%1” in the workspace %2.")
                         .arg(username, workspace.folder()));
        return user && user->active ? user : std::nullopt;
    }
    SignInDialog dialog(workspace);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.chosenUser();
}

} // namespace

Desk::Desk(DeskOptions options, const QElapsedTimer &sinceMain)
    : m_options(std::move(options)), m_sinceMain(sinceMain)
{
}

Desk::~Desk() = default;

bool Desk::start()
{
    std::unique_ptr<Workspace> workspace = firstWorkspace();
    if (!workspace)
        return false;
    std::optional<User> user = signInTo(*workspace, m_options.username);
    if (!user)
        return false;
    auto session = std::make_unique<DeskSession>(*workspace, *user);
    openWindow(std::move(workspace), std::move(session));
    return true;
}

std::unique_ptr<Workspace> Desk::firstWorkspace()
{
    if (!m_options.workspace.isEmpty()) {
        try {
            auto workspace = std::make_unique<Workspace>(m_options.workspace, Workspace::Mode::OpenExisting);
            WorkspaceDialog::remember(m_options.workspace);
            return workspace;
        } catch (const DomainError &error) {
            complain(error.fullMessage());
            return nullptr;
        }
    }
    WorkspaceDialog dialog;
    return dialog.exec() == QDialog::Accepted ? dialog.takeWorkspace() : nullptr;
}

void Desk::openWindow(std::unique_ptr<Workspace> workspace, std::unique_ptr<DeskSession> session)
{
    closeDesk();
    m_workspace = std::move(workspace);
    m_session = std::move(session);
    m_window = std::make_unique<MainWindow>(*m_session);
    addDeskPages(*m_window, *m_session);
    connect(m_window.get(), &MainWindow::switchWorkspaceRequested, this, &Desk::switchWorkspace, Qt::QueuedConnection);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &Desk::signOut, Qt::QueuedConnection);
    if (FirstPaintReport::requested() && m_window->currentPage())
        new FirstPaintReport(m_window->currentPage(), m_sinceMain);
    m_window->show();
}

// The new workspace and person are settled before the desk closes; the
// dialogs are gone by then, as they sit on the window being replaced.
void Desk::switchWorkspace()
{
    std::unique_ptr<Workspace> workspace;
    std::optional<User> user;
    {
        WorkspaceDialog dialog(m_window.get());
        if (dialog.exec() != QDialog::Accepted)
            return;
        workspace = dialog.takeWorkspace();
        SignInDialog signIn(*workspace, m_window.get());
        if (signIn.exec() == QDialog::Accepted)
            user = signIn.chosenUser();
    }
    if (!workspace || !user)
        return;
    auto session = std::make_unique<DeskSession>(*workspace, *user);
    openWindow(std::move(workspace), std::move(session));
}

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
    openWindow(std::move(workspace), std::move(session));
}

// The window before the session it shows, the session before its workspace.
void Desk::closeDesk()
{
    m_window.reset();
    m_session.reset();
    m_workspace.reset();
}

} // namespace vd
