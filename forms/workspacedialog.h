#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

namespace vd {

class Workspace;

namespace Ui {
class WorkspaceDialog;
}

// Where to work: a recent workspace (remembered in QSettings), another
// folder, or a new workspace, empty or filled with demo data. A workspace
// that cannot be opened (not a workspace, written by a newer program, busy)
// is explained in the person's language, and the dialog stays as it was.
class WorkspaceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WorkspaceDialog(QWidget *parent = nullptr);
    ~WorkspaceDialog() override;

    // The workspace opened, once the dialog was accepted; the caller owns it.
    std::unique_ptr<Workspace> takeWorkspace();

    // Opens the workspace in the folder and accepts; on failure shows why and returns false.
    bool openFolder(const QString &folder);
    // Makes a workspace in the folder, with that many demo applications
    // (none: empty), and accepts; on failure shows why and returns false.
    bool createWorkspace(const QString &folder, int demoApplications);
    // What the dialog says is wrong, empty when nothing is.
    QString problem() const;

    // Most recent first.
    static QStringList recentWorkspaces();
    static void remember(const QString &folder);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillRecent();
    void openChosenRecent();
    void chooseFolderToOpen();
    void chooseNewFolder();
    void createChosen();
    void showProblem(const QString &problem);
    void updateButtons();
    void writeDemo(Workspace &workspace, int applications);

    std::unique_ptr<Ui::WorkspaceDialog> ui;
    std::unique_ptr<Workspace> m_workspace;
};

} // namespace vd
