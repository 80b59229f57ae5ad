#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>

namespace vd {

class BackgroundSync;
class DeskSession;
class MainWindow;
class SyncIndicator;
class Workspace;

// What the command line asked for.
struct DeskOptions
{
    QString workspace;        // skip the workspace dialog
    QString username;         // skip the sign-in dialog
    QString server;           // sign in to this back office as username (the workspace is made if missing)
    QString passwordFile;     // … with the password in this file
    QString certificateFile;  // … trusting this certificate (PEM)
};

// The desktop application's course: a workspace, a person, the main window;
// then switching workspace or signing out as the person asks, until they quit.
// Nothing open is dropped before its replacement is ready: cancelling a
// switch keeps the desk as it was. Signed in to a back office, the desk syncs
// in the background (BackgroundSync) and the person at the desk is the one
// signed in there; signing out ends that sign-in too.
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
    std::unique_ptr<BackgroundSync> joinBackOffice(Workspace &workspace);
    void openWindow(std::unique_ptr<Workspace> workspace, std::unique_ptr<DeskSession> session,
                    std::unique_ptr<BackgroundSync> sync);
    void wireSync();
    void switchWorkspace();
    void signOut();
    void connectToBackOffice();
    void syncNow();
    void showConflicts();
    void closeDesk();

    DeskOptions m_options;
    QElapsedTimer m_sinceMain;
    // Declared in the order they depend on each other: the window goes first.
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<BackgroundSync> m_sync;
    std::unique_ptr<MainWindow> m_window;
    SyncIndicator *m_indicator = nullptr;   // in the window's status bar
};

} // namespace vd
