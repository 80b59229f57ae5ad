#pragma once

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QString>

#include <functional>
#include <memory>

class QActionGroup;
class QLabel;

namespace vd {

class DeskSession;

namespace Ui {
class MainWindow;
}

// The desk: a menu bar (workspace, pages, language, help), the signed-in
// person in the status bar, and a tab of pages in the middle. Fixed pages
// (deadlines, the case queue, the profile…) are added once with addPage();
// cases open as closable tabs, one per case, through openCase().
//
//   window.addPage(QStringLiteral("queue"), new CaseQueueView(session),
//                  QT_TRANSLATE_NOOP("vd::MainWindow", "Case Queue"));
//   window.setCasePageFactory([&](const QString &id) { return new CaseView(session, id); });
//   connect(queue, &CaseQueueView::caseRequested, &window, &MainWindow::openCase);
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Makes a case page for an application id; the window owns what it returns.
    using CasePageFactory = std::function<QWidget *(const QString &applicationId)>;

    explicit MainWindow(DeskSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // A fixed page, shown in the order added and listed in the View menu
    // (Ctrl+1…9). The title is looked up in the "vd::MainWindow" context at
    // every language change: mark it with QT_TRANSLATE_NOOP("vd::MainWindow", …).
    void addPage(const QString &id, QWidget *page, const char *titleSourceText);
    void setCasePageFactory(CasePageFactory factory);

    QWidget *page(const QString &id) const;
    QStringList pageIds() const;        // fixed pages, in order
    QWidget *currentPage() const;
    QStringList openCases() const;      // application ids of the open case tabs
    // Puts the sync indicator at the left of the status bar (the window owns it).
    void setSyncIndicator(QWidget *indicator);

public slots:
    void showPage(const QString &id);
    // Brings the case's tab forward, making it with the factory the first time.
    // Does nothing when no factory is set.
    void openCase(const QString &applicationId);
    void closeCase(const QString &applicationId);
    // A case page learnt its application id (a new application's first save)
    // or its title changed: the tab follows.
    void updateCase(QWidget *casePage, const QString &applicationId);

signals:
    // The person chose File ▸ Switch Workspace or Sign Out; the application
    // decides what comes next (the window is closed by whoever handles it).
    void switchWorkspaceRequested();
    void signOutRequested();
    // File ▸ Connect to a Back Office, Sync Now, Conflicts and Rejected Changes.
    void connectRequested();
    void syncNowRequested();
    void conflictsRequested();
    // After the translators for the language were installed and remembered.
    void languageChanged(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct PageEntry;

    void retranslate();
    void showStatus();
    void chooseLanguage(const QString &code);
    void checkCurrentLanguage();
    void closeTab(int index);
    QString caseTitle(const QString &applicationId) const;
    void showAbout();
    int indexOfCase(const QString &applicationId) const;

    std::unique_ptr<Ui::MainWindow> ui;
    DeskSession &m_session;
    QList<PageEntry> m_pages;
    QHash<QWidget *, QString> m_caseIds;   // case tab → application id
    CasePageFactory m_casePageFactory;
    QActionGroup *m_languages;
    QLabel *m_userLabel;
    QLabel *m_roleLabel;
    QLabel *m_workspaceLabel;
};

} // namespace vd
