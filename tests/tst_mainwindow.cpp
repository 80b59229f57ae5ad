#include "applicationrepository.h"
#include "deskfixture.h"
#include "desksession.h"
#include "interfacelanguage.h"
#include "language.h"
#include "mainwindow.h"
#include "userrepository.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vd;

// The main window: switching the language from its menu, and its pages and case tabs.
class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void languageMenuRetranslatesTheWindowAndIsRemembered();
    void languageActionsAreExclusiveAndFollowTheLanguage();
    void pagesAreTitledInTheCurrentLanguage();
    void aCaseOpensOnceInItsOwnClosableTab();
    void fixedPagesCannotBeClosed();
    void everyMenuActionCanBeReachedFromTheKeyboard();
    void syncActionsAskTheDesk_data();
    void syncActionsAskTheDesk();

private:
    QString menuTitle(const MainWindow &window, const char *name) const;
    QString roleShown(const MainWindow &window) const;
    void chooseLanguage(MainWindow &window, const QString &code);

    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<DeskSession> m_session;
};

void MainWindowTest::initTestCase()
{
    QVERIFY(m_settings.isValid() && m_dir.isValid());
    deskfixture::keepSettingsIn(m_settings.path());
    m_workspace = deskfixture::demoWorkspace(m_dir.path(), 20);
    m_session = std::make_unique<DeskSession>(
        *m_workspace, UserRepository(*m_workspace).withRole(QStringLiteral("secretariat")).constFirst());
}

void MainWindowTest::init()
{
    QVERIFY(InterfaceLanguage::switchTo(QStringLiteral("en")));
}

QString MainWindowTest::menuTitle(const MainWindow &window, const char *name) const
{
    return window.findChild<QMenu *>(QString::fromLatin1(name))->title();
}

QString MainWindowTest::roleShown(const MainWindow &window) const
{
    return window.findChild<QLabel *>(QStringLiteral("roleLabel"))->text();
}

void MainWindowTest::chooseLanguage(MainWindow &window, const QString &code)
{
    for (QAction *action : window.findChild<QMenu *>(QStringLiteral("languageMenu"))->actions()) {
        if (action->data().toString() == code)
            action->trigger();
    }
    // The translators announce themselves with a posted event.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

// en → zh_HK → zh_CN → en: each step retranslates the menus and the status
// bar of the window already open, and is what the next start will use.
void MainWindowTest::languageMenuRetranslatesTheWindowAndIsRemembered()
{
    MainWindow window(*m_session);
    const QStringList steps{QStringLiteral("zh_HK"), QStringLiteral("zh_CN"), QStringLiteral("en")};
    QSet<QString> rolesShown{roleShown(window)};
    QSet<QString> fileMenuTitles{menuTitle(window, "fileMenu")};
    for (const QString &code : steps) {
        chooseLanguage(window, code);
        QCOMPARE(Language::current(), code);
        QCOMPARE(menuTitle(window, "fileMenu"), QCoreApplication::translate("vd::MainWindow", "&File"));
        QCOMPARE(menuTitle(window, "languageMenu"), QCoreApplication::translate("vd::MainWindow", "&Language"));
        QCOMPARE(roleShown(window),
                 Scheme::technologyVoucher().roles().nameOf(QStringLiteral("secretariat"), Language::localeFor(code)));
        rolesShown << roleShown(window);
        fileMenuTitles << menuTitle(window, "fileMenu");
        QCOMPARE(InterfaceLanguage::remembered(), code);
        QCOMPARE(QSettings().value(QStringLiteral("interface/language")).toString(), code);
    }
    QCOMPARE(rolesShown.size(), 3);  // the window really changed language each time
    QCOMPARE(fileMenuTitles, QSet<QString>({QStringLiteral("&File"), QStringLiteral("檔案(&F)"),
                                            QStringLiteral("文件(&F)")}));
}

void MainWindowTest::languageActionsAreExclusiveAndFollowTheLanguage()
{
    MainWindow window(*m_session);
    const QList<QAction *> actions = window.findChild<QMenu *>(QStringLiteral("languageMenu"))->actions();
    QCOMPARE(actions.size(), 3);
    for (const QString &code : {QStringLiteral("zh_CN"), QStringLiteral("en"), QStringLiteral("zh_HK")}) {
        chooseLanguage(window, code);
        for (QAction *action : actions)
            QCOMPARE(action->isChecked(), action->data().toString() == code);
    }
}

void MainWindowTest::pagesAreTitledInTheCurrentLanguage()
{
    MainWindow window(*m_session);
    window.addPage(QStringLiteral("first"), new QWidget, QT_TRANSLATE_NOOP("vd::MainWindow", "Deadlines"));
    window.addPage(QStringLiteral("second"), new QWidget, QT_TRANSLATE_NOOP("vd::MainWindow", "Case Queue"));
    QCOMPARE(window.pageIds(), (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pages"));
    for (const QString &code : {QStringLiteral("zh_HK"), QStringLiteral("en")}) {
        chooseLanguage(window, code);
        QCOMPARE(tabs->tabText(0), QCoreApplication::translate("vd::MainWindow", "Deadlines"));
        QCOMPARE(tabs->tabText(1), QCoreApplication::translate("vd::MainWindow", "Case Queue"));
    }
    window.showPage(QStringLiteral("second"));
    QCOMPARE(window.currentPage(), window.page(QStringLiteral("second")));
}

void MainWindowTest::aCaseOpensOnceInItsOwnClosableTab()
{
    MainWindow window(*m_session);
    window.addPage(QStringLiteral("first"), new QWidget, QT_TRANSLATE_NOOP("vd::MainWindow", "Deadlines"));
    window.openCase(QStringLiteral("ignored"));  // no factory yet: nothing happens
    QCOMPARE(window.openCases(), QStringList());
    int made = 0;
    window.setCasePageFactory([&made](const QString &id) {
        ++made;
        return new QLabel(id);
    });
    ApplicationFilter submitted;
    submitted.statuses = {QStringLiteral("screening"), QStringLiteral("committee_assessment"),
                          QStringLiteral("in_progress"), QStringLiteral("closed"), QStringLiteral("approved")};
    const ApplicationSummary application = ApplicationRepository(*m_workspace).list(submitted, Page{1, 0}).constFirst();
    window.openCase(application.id);
    window.showPage(QStringLiteral("first"));
    window.openCase(application.id);
    QCOMPARE(made, 1);
    QCOMPARE(window.openCases(), QStringList{application.id});
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pages"));
    QCOMPARE(tabs->currentIndex(), 1);
    QCOMPARE(tabs->tabText(1), application.reference);
    window.closeCase(application.id);
    QCOMPARE(window.openCases(), QStringList());
    QCOMPARE(tabs->count(), 1);
}

void MainWindowTest::fixedPagesCannotBeClosed()
{
    MainWindow window(*m_session);
    window.addPage(QStringLiteral("first"), new QWidget, QT_TRANSLATE_NOOP("vd::MainWindow", "Deadlines"));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pages"));
    emit tabs->tabCloseRequested(0);
    QCOMPARE(tabs->count(), 1);
    QVERIFY(!tabs->tabBar()->tabButton(0, QTabBar::RightSide));
}

// A shortcut, or a mnemonic in a menu whose title has one.
void MainWindowTest::everyMenuActionCanBeReachedFromTheKeyboard()
{
    MainWindow window(*m_session);
    window.addPage(QStringLiteral("first"), new QWidget, QT_TRANSLATE_NOOP("vd::MainWindow", "Deadlines"));
    for (QMenu *menu : window.menuBar()->findChildren<QMenu *>()) {
        QVERIFY2(menu->title().contains(u'&'), qPrintable(menu->title()));
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            QVERIFY2(!action->shortcut().isEmpty() || action->text().contains(u'&'), qPrintable(action->text()));
        }
    }
}

void MainWindowTest::syncActionsAskTheDesk_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QKeySequence>("shortcut");
    QTest::addColumn<int>("signal"); // 0 connect, 1 sync now, 2 conflicts

    QTest::newRow("connect") << "connectAction" << QKeySequence(QStringLiteral("Ctrl+Shift+B")) << 0;
    QTest::newRow("sync now") << "syncNowAction" << QKeySequence(QStringLiteral("F9")) << 1;
    QTest::newRow("conflicts") << "conflictsAction" << QKeySequence(QStringLiteral("Ctrl+Shift+R")) << 2;
}

// The window only asks: the desk (app/desktop) signs in and syncs.
void MainWindowTest::syncActionsAskTheDesk()
{
    QFETCH(QString, action);
    QFETCH(QKeySequence, shortcut);
    QFETCH(int, signal);
    MainWindow window(*m_session);
    QSignalSpy connectAsked(&window, &MainWindow::connectRequested);
    QSignalSpy syncAsked(&window, &MainWindow::syncNowRequested);
    QSignalSpy conflictsAsked(&window, &MainWindow::conflictsRequested);
    auto *item = window.findChild<QAction *>(action);
    QVERIFY(item);
    QCOMPARE(item->shortcut(), shortcut);
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("fileMenu"))->actions().contains(item));
    item->trigger();
    QCOMPARE(QList<int>({int(connectAsked.size()), int(syncAsked.size()), int(conflictsAsked.size())}),
             QList<int>({signal == 0, signal == 1, signal == 2}));
}

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
