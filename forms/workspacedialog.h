#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

namespace vd {

class BackgroundSync;
class Workspace;

namespace Ui {
class WorkspaceDialog;
}

// Where to work: a recent workspace (remembered in QSettings), another
// folder, or a new workspace, empty or filled with demo data. A workspace
// that cannot be opened (not a workspace, written by a newer program, busy)
// is explained in the person's language, and the dialog stays as it was.
// "Connect to a Back Office" makes the new workspace from a back office: the
// person signs in there (BackOfficeDialog), and the first sync fills it.
class WorkspaceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WorkspaceDialog(QWidget *parent = nullptr);
    ~WorkspaceDialog() override;

    // The workspace opened, once the dialog was accepted; the caller owns it.
    std::unique_ptr<Workspace> takeWorkspace();
    // When the workspace was made from a back office: its sync, signed in as
    // the person who is to work at the desk (username()); else null.
    std::unique_ptr<BackgroundSync> takeBackgroundSync();

    // Opens the workspace in the folder and accepts; on failure shows why and returns false.
    bool openFolder(const QString &folder);
    // Makes a workspace in the folder, with that many demo applications
    // (none: empty), and accepts; on failure shows why and returns false.
    bool createWorkspace(const QString &folder, int demoApplications);
    // Opens the dialog to sign in to a back office, then makes the workspace
    // in the folder and syncs it once, and accepts; on failure shows why and
    // returns false. The folder may hold a workspace that never synced and is empty.
    bool connectToBackOffice(const QString &folder);
    // What the dialog says is wrong, empty when nothing is.
    QString problem() const;

    // Most recent first.
    static QStringList recentWorkspaces();
    static void remember(const QString &folder);
    // A sealed workspace (SealedWorkspace) asks for its passphrase, again
    // after a wrong one; false when the person gives up. True for any other folder.
    static bool unlockSealed(QWidget *parent, const QString &folder);
    // A committee member's or chair's new desk is sealed (docs/audit-trail.md
    // "Sealed workspaces"): asks for a passphrase, twice, and makes the sealed
    // workspace; false when the person gives up. True, and nothing made, for
    // another role or a folder that holds a workspace already.
    static bool sealForRole(QWidget *parent, const QString &folder, const QString &role);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillRecent();
    void openChosenRecent();
    void chooseFolderToOpen();
    void chooseNewFolder();
    void createChosen();
    bool joinBackOffice(const QString &folder, BackgroundSync &sync);
    bool isFreshFolder(const QString &folder);
    void showProblem(const QString &problem);
    void updateButtons();
    void writeDemo(Workspace &workspace, int applications);

    std::unique_ptr<Ui::WorkspaceDialog> ui;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<BackgroundSync> m_sync;
};

} // namespace vd
