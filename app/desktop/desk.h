#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>

namespace vd {

class DeskSession;
class MainWindow;
class Workspace;

// What the command line asked for.
struct DeskOptions
{
    QString workspace;   // skip the workspace dialog
    QString username;    // skip the sign-in dialog
};

// The desktop application's course: a workspace, a person, the main window;
// then switching workspace or signing out as the person asks, until they quit.
// Nothing open is dropped before its replacement is ready: cancelling a
// switch keeps the desk as it was.
class Desk : public QObject
{
    Q_OBJECT

public:
    Desk(DeskOptions options, const QElapsedTimer &sinceMain);
    ~Desk() override;

    // Opens the first workspace and signs in; false when the person cancelled
    // or the command line named something that is not there (said on stderr).
    bool start();

private:
    std::unique_ptr<Workspace> firstWorkspace();
    void openWindow(std::unique_ptr<Workspace> workspace, std::unique_ptr<DeskSession> session);
    void switchWorkspace();
    void signOut();
    void closeDesk();

    DeskOptions m_options;
    QElapsedTimer m_sinceMain;
    // Declared in the order they depend on each other: the window goes first.
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace vd
