#include "applicationrepository.h"
#include "deskfixture.h"
#include "domainerror.h"
#include "language.h"
#include "rawconnection.h"
#include "userrepository.h"
#include "backgroundsync.h"
#include "workspacedialog.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vd;

// Choosing, refusing and making workspaces.
class WorkspaceDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusesAFolderThatIsNoWorkspaceSayingWhy_data();
    void refusesAFolderThatIsNoWorkspaceSayingWhy();
    void opensAWorkspaceAndRemembersIt();
    void makesAnEmptyWorkspace();
    void makesADemoWorkspace();
    void wontMakeAWorkspaceOverAnother();
    void keepsTheRecentWorkspacesMostRecentFirst();
    void wontConnectAWorkspaceThatHoldsRecordsToABackOffice();

private:
    QTemporaryDir m_settings;
};

void WorkspaceDialogTest::initTestCase()
{
    QVERIFY(m_settings.isValid());
    deskfixture::keepSettingsIn(m_settings.path());
    Language::apply(QStringLiteral("en"));
}

void WorkspaceDialogTest::refusesAFolderThatIsNoWorkspaceSayingWhy_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty folder") << QStringLiteral("empty") << QStringLiteral("WORKSPACE_NOT_FOUND");
    QTest::newRow("another program's file") << QStringLiteral("text") << QStringLiteral("NOT_A_WORKSPACE");
    QTest::newRow("a newer program's workspace") << QStringLiteral("newer") << QStringLiteral("SCHEMA_TOO_NEW");
}

void WorkspaceDialogTest::refusesAFolderThatIsNoWorkspaceSayingWhy()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QTemporaryDir folder;
    const QString file = Workspace::fileIn(folder.path());
    if (kind == QLatin1String("text")) {
        QFile text(file);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("These are not the minutes of any meeting.\n");
    } else if (kind == QLatin1String("newer")) {
        { Workspace workspace(folder.path()); }
        RawConnection(file).run(QStringLiteral("PRAGMA user_version = 99"));
    }
    QString expected;
    try {
        Workspace workspace(folder.path(), Workspace::Mode::OpenExisting);
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), code);
        expected = error.message();
    }
    QVERIFY(!expected.isEmpty());
    const QStringList recentBefore = WorkspaceDialog::recentWorkspaces();

    WorkspaceDialog dialog;
    QVERIFY(!dialog.openFolder(folder.path()));
    QVERIFY2(dialog.problem().contains(expected), qPrintable(dialog.problem()));
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(!dialog.takeWorkspace());
    QCOMPARE(WorkspaceDialog::recentWorkspaces(), recentBefore);
}

void WorkspaceDialogTest::opensAWorkspaceAndRemembersIt()
{
    QTemporaryDir folder;
    { Workspace workspace(folder.path()); }
    WorkspaceDialog dialog;
    QVERIFY(dialog.openFolder(folder.path()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.problem().isEmpty());
    const std::unique_ptr<Workspace> workspace = dialog.takeWorkspace();
    QVERIFY(workspace);
    QCOMPARE(workspace->folder(), QDir(folder.path()).absolutePath());
    QCOMPARE(WorkspaceDialog::recentWorkspaces().constFirst(), QDir(folder.path()).absolutePath());
}

void WorkspaceDialogTest::makesAnEmptyWorkspace()
{
    QTemporaryDir parent;
    const QString folder = parent.filePath(QStringLiteral("new"));
    WorkspaceDialog dialog;
    QVERIFY(dialog.createWorkspace(folder, 0));
    const std::unique_ptr<Workspace> workspace = dialog.takeWorkspace();
    QVERIFY(workspace);
    QCOMPARE(UserRepository(*workspace).all().size(), 0);
}

void WorkspaceDialogTest::makesADemoWorkspace()
{
    QTemporaryDir folder;
    WorkspaceDialog dialog;
    QVERIFY(dialog.createWorkspace(folder.path(), 5));
    const std::unique_ptr<Workspace> workspace = dialog.takeWorkspace();
    QVERIFY(workspace);
    QCOMPARE(ApplicationRepository(*workspace).count(), qint64(5));
    QVERIFY(!UserRepository(*workspace).withRole(QStringLiteral("secretariat")).isEmpty());
}

void WorkspaceDialogTest::wontMakeAWorkspaceOverAnother()
{
    QTemporaryDir folder;
    { Workspace workspace(folder.path()); }
    WorkspaceDialog dialog;
    QVERIFY(!dialog.createWorkspace(folder.path(), 5));
    QVERIFY(!dialog.problem().isEmpty());
    QVERIFY(!dialog.takeWorkspace());
}

void WorkspaceDialogTest::keepsTheRecentWorkspacesMostRecentFirst()
{
    QTemporaryDir a, b;
    WorkspaceDialog::remember(a.path());
    WorkspaceDialog::remember(b.path());
    WorkspaceDialog::remember(a.path());
    const QStringList recent = WorkspaceDialog::recentWorkspaces();
    QCOMPARE(recent.mid(0, 2), (QStringList{QDir(a.path()).absolutePath(), QDir(b.path()).absolutePath()}));
    QCOMPARE(recent.count(QDir(a.path()).absolutePath()), 1);
}

// A back office fills a new workspace: one that holds records of its own is
// refused before anyone is asked to sign in, and so is no folder at all.
void WorkspaceDialogTest::wontConnectAWorkspaceThatHoldsRecordsToABackOffice()
{
    QTemporaryDir folder;
    deskfixture::demoWorkspace(folder.path(), 2);
    WorkspaceDialog dialog;
    QVERIFY(!dialog.connectToBackOffice(folder.path()));
    QCOMPARE(dialog.problem(), QStringLiteral("There is already a workspace in %1. Open it instead, or choose another folder.")
                                   .arg(QDir::toNativeSeparators(folder.path())));
    QVERIFY(!dialog.takeWorkspace());
    QVERIFY(!dialog.takeBackgroundSync());
    QVERIFY(!dialog.connectToBackOffice(QStringLiteral("  ")));
    QCOMPARE(dialog.problem(), QStringLiteral("Say in which folder to make the workspace."));
}

QTEST_MAIN(WorkspaceDialogTest)
#include "tst_workspacedialog.moc"
