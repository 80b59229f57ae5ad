#include "applicationrepository.h"
#include "backgroundsync.h"
#include "backofficeprocess.h"
#include "conflictpanel.h"
#include "desksession.h"
#include "deskfixture.h"
#include "language.h"
#include "outbox.h"
#include "syncindicator.h"
#include "syncreplica.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "sealedworkspace.h"
#include "workspace.h"
#include "workspacedialog.h"

#include <Poco/Net/ServerSocket.h>

#include <QApplication>
#include <QDirIterator>
#include <QInputDialog>
#include <QPushButton>
#include <QTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vd;

// The desktop's sync end to end: real voucherdesk-backoffice processes on
// 127.0.0.1 (plain HTTP, loopback only) and desks made the way the desktop
// app makes them, each syncing on its own thread through BackgroundSync.
class DesktopSyncTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aFreshDeskIsFilledByItsFirstSync();
    void aWrongPasswordIsRefusedWithTheBackOfficesReason();
    void aLocalSaveIsSentSoonAndReachesAnotherDesk();
    void anOfflineDeskCatchesUpWhenTheBackOfficeReturns();
    void aConflictMadeOnTwoDesksIsSettledInThePanel();
    void aCommitteeMembersNewDeskIsSealed();

private:
    struct Desk
    {
        QTemporaryDir folder;
        std::unique_ptr<Workspace> workspace;
        std::unique_ptr<BackgroundSync> sync;
        std::unique_ptr<DeskSession> session;
    };

    static int freePort();
    static QString officerOf(const QString &officeFolder);
    bool startOffice(BackOfficeProcess &office, const QString &folder, int port);
    // A new desk signed in to the back office as the officer and synced once; null (with a warning) on failure.
    std::unique_ptr<Desk> joinedDesk(int port) const;
    static void retitle(Desk &desk, const QString &applicationId, const QString &title);
    static QString titleOf(Desk &desk, const QString &applicationId);
    // The id of the n-th submitted case of the back office's demo.
    QString caseNumber(int n) const;

    QTemporaryDir m_dir;
    BackOfficeProcess m_office;
    QString m_officer;
    QStringList m_cases;
};

int DesktopSyncTest::freePort()
{
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    const int port = socket.address().port();
    socket.close();
    return port;
}

QString DesktopSyncTest::officerOf(const QString &officeFolder)
{
    Workspace office(officeFolder, Workspace::Mode::OpenExisting);
    return UserRepository(office).withRole(QStringLiteral("secretariat")).constFirst().username;
}

bool DesktopSyncTest::startOffice(BackOfficeProcess &office, const QString &folder, int port)
{
    const bool started = office.start({QStringLiteral("--data"), folder, QStringLiteral("--http"), QStringLiteral("--port"),
                                       QString::number(port), QStringLiteral("--demo-applications"), QStringLiteral("12")},
                                      folder + QStringLiteral(".log"), 240000);
    if (!started)
        qWarning().noquote() << office.log();
    return started;
}

void DesktopSyncTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    deskfixture::keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
    Language::apply(QStringLiteral("en"));
    QVERIFY(startOffice(m_office, m_dir.filePath(QStringLiteral("office")), 0));
    m_officer = officerOf(m_dir.filePath(QStringLiteral("office")));
    Workspace office(m_dir.filePath(QStringLiteral("office")), Workspace::Mode::OpenExisting);
    for (const ApplicationSummary &summary : ApplicationRepository(office).list({}, Page{100, 0})) {
        if (!summary.reference.isEmpty())
            m_cases << summary.id;
    }
    QVERIFY(m_cases.size() >= 2);
}

QString DesktopSyncTest::caseNumber(int n) const
{
    return m_cases.at(n);
}

std::unique_ptr<DesktopSyncTest::Desk> DesktopSyncTest::joinedDesk(int port) const
{
    auto desk = std::make_unique<Desk>();
    desk->workspace = std::make_unique<Workspace>(desk->folder.path());
    desk->sync = std::make_unique<BackgroundSync>(desk->folder.path());
    const BackOfficeAccount account{QStringLiteral("http://127.0.0.1:%1").arg(port), m_officer,
                                    QStringLiteral("voucherdesk-demo"), {}};
    if (const QString problem = desk->sync->signInAndWait(account); !problem.isEmpty()) {
        qWarning().noquote() << "sign-in:" << problem;
        return nullptr;
    }
    if (const QString problem = desk->sync->syncAndWait(nullptr); !problem.isEmpty()) {
        qWarning().noquote() << "first sync:" << problem;
        return nullptr;
    }
    const std::optional<User> officer = UserRepository(*desk->workspace).findByUsername(m_officer);
    if (!officer) {
        qWarning() << "the officer was not pulled";
        return nullptr;
    }
    desk->session = std::make_unique<DeskSession>(*desk->workspace, *officer);
    return desk;
}

void DesktopSyncTest::retitle(Desk &desk, const QString &applicationId, const QString &title)
{
    ApplicationRepository applications(*desk.workspace);
    Application application = *applications.find(applicationId);
    application.title.en = title;
    UnitOfWork work(*desk.workspace, desk.session->user().id);
    applications.save(work, application, QStringLiteral("update"));
    work.commit();
}

QString DesktopSyncTest::titleOf(Desk &desk, const QString &applicationId)
{
    return ApplicationRepository(*desk.workspace).find(applicationId)->title.en;
}

void DesktopSyncTest::aFreshDeskIsFilledByItsFirstSync()
{
    const std::unique_ptr<Desk> desk = joinedDesk(m_office.port());
    QVERIFY(desk);
    QCOMPARE(desk->sync->connection(), SyncConnection::Online);
    QCOMPARE(desk->sync->username(), m_officer);
    Workspace office(m_dir.filePath(QStringLiteral("office")), Workspace::Mode::OpenExisting);
    QCOMPARE(ApplicationRepository(*desk->workspace).count(), ApplicationRepository(office).count());
    QCOMPARE(UserRepository(*desk->workspace).all().size(), UserRepository(office).all().size());
    SyncIndicator indicator(*desk->session);
    indicator.setConnection(desk->sync->connection());
    QCOMPARE(indicator.standing().serverUrl, QStringLiteral("http://127.0.0.1:%1").arg(m_office.port()));
    QCOMPARE(indicator.standing().pending, 0);
    QVERIFY(indicator.standing().lastPullAt.has_value());
    QVERIFY2(indicator.text().startsWith(QLatin1String("Synced at ")), qPrintable(indicator.text()));
}

void DesktopSyncTest::aWrongPasswordIsRefusedWithTheBackOfficesReason()
{
    QTemporaryDir folder;
    Workspace workspace(folder.path());
    BackgroundSync sync(folder.path());
    const QString problem = sync.signInAndWait({QStringLiteral("http://127.0.0.1:%1").arg(m_office.port()), m_officer,
                                                QStringLiteral("not the password"), {}});
    QVERIFY(!problem.isEmpty());
    QVERIFY2(problem.contains(QLatin1String("password"), Qt::CaseInsensitive), qPrintable(problem));
    QVERIFY(!sync.isSignedIn());
    QCOMPARE(sync.connection(), SyncConnection::NotConnected);
    QCOMPARE(sync.syncAndWait(nullptr), QStringLiteral("Sign in to the back office first."));
}

void DesktopSyncTest::aLocalSaveIsSentSoonAndReachesAnotherDesk()
{
    const std::unique_ptr<Desk> first = joinedDesk(m_office.port());
    const std::unique_ptr<Desk> second = joinedDesk(m_office.port());
    QVERIFY(first && second);
    const QString id = caseNumber(0);
    retitle(*first, id, QStringLiteral("Stock-taking with RFID, second phase"));
    QSignalSpy sent(first->sync.get(), &BackgroundSync::synced);
    first->sync->syncSoon();
    QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty(), 60000);
    QCOMPARE(sent.at(0).at(0).value<SyncReport>().connection, SyncConnection::Online);
    QCOMPARE(Outbox(*first->workspace).pendingCount(), 0);
    QSignalSpy changed(second->sync.get(), &BackgroundSync::casesChanged);
    QCOMPARE(second->sync->syncAndWait(nullptr), QString());
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.at(0).at(0).toStringList().contains(id));
    QCOMPARE(titleOf(*second, id), QStringLiteral("Stock-taking with RFID, second phase"));
}

void DesktopSyncTest::anOfflineDeskCatchesUpWhenTheBackOfficeReturns()
{
    BackOfficeProcess office;
    const QString folder = m_dir.filePath(QStringLiteral("office-restarted"));
    const int port = freePort();
    QVERIFY(startOffice(office, folder, port));
    const std::unique_ptr<Desk> desk = joinedDesk(port);
    QVERIFY(desk);
    QCOMPARE(office.stop(), 0);

    Workspace view(folder, Workspace::Mode::OpenExisting);
    const QString id = ApplicationRepository(view).list({}, Page{1, 0}).constFirst().id;
    retitle(*desk, id, QStringLiteral("Written while the back office was away"));
    const QString problem = desk->sync->syncAndWait(nullptr);
    QVERIFY(!problem.isEmpty());
    QCOMPARE(desk->sync->connection(), SyncConnection::Offline);
    QVERIFY(desk->sync->isSignedIn()); // it keeps trying
    SyncIndicator indicator(*desk->session);
    indicator.setConnection(desk->sync->connection(), desk->sync->problem());
    QCOMPARE(indicator.standing().pending, 1);
    QVERIFY2(indicator.text().startsWith(QLatin1String("Offline since the sync at ")), qPrintable(indicator.text()));
    QVERIFY2(indicator.text().endsWith(QLatin1String("waiting to be sent: 1")), qPrintable(indicator.text()));
    QCOMPARE(titleOf(*desk, id), QStringLiteral("Written while the back office was away")); // work goes on

    QVERIFY(startOffice(office, folder, port));
    QCOMPARE(desk->sync->syncAndWait(nullptr), QString());
    QCOMPARE(desk->sync->connection(), SyncConnection::Online);
    QCOMPARE(Outbox(*desk->workspace).pendingCount(), 0);
    QCOMPARE(ApplicationRepository(view).find(id)->title.en, QStringLiteral("Written while the back office was away"));
}

void DesktopSyncTest::aConflictMadeOnTwoDesksIsSettledInThePanel()
{
    const std::unique_ptr<Desk> first = joinedDesk(m_office.port());
    const std::unique_ptr<Desk> second = joinedDesk(m_office.port());
    QVERIFY(first && second);
    const QString id = caseNumber(1);
    retitle(*first, id, QStringLiteral("The first desk's title"));
    retitle(*second, id, QStringLiteral("The second desk's title"));
    QCOMPARE(first->sync->syncAndWait(nullptr), QString());
    QSignalSpy reports(second->sync.get(), &BackgroundSync::synced);
    QCOMPARE(second->sync->syncAndWait(nullptr), QString());
    QCOMPARE(reports.at(0).at(0).value<SyncReport>().conflicts, 1);
    QCOMPARE(titleOf(*second, id), QStringLiteral("The second desk's title")); // both versions kept

    ConflictPanel panel(*second->session);
    QCOMPARE(panel.conflictCount(), 1);
    QCOMPARE(panel.conflicts().at(0).entityId, id);
    panel.findChild<QPushButton *>(QStringLiteral("keepMineButton"))->click();
    QCOMPARE(panel.conflictCount(), 0);
    QCOMPARE(second->sync->syncAndWait(nullptr), QString());
    QCOMPARE(Outbox(*second->workspace).pendingCount(), 0);
    QCOMPARE(SyncReplica(*second->workspace).conflictCount(), 0);
    QCOMPARE(first->sync->syncAndWait(nullptr), QString());
    QCOMPARE(titleOf(*first, id), QStringLiteral("The second desk's title"));
}

void DesktopSyncTest::aCommitteeMembersNewDeskIsSealed()
{
    const QString member = [&] {
        Workspace office(m_dir.filePath(QStringLiteral("office")), Workspace::Mode::OpenExisting);
        return UserRepository(office).withRole(QStringLiteral("committee_member")).constFirst().username;
    }();
    QTemporaryDir folder, other;
    BackgroundSync sync(folder.path());
    QCOMPARE(sync.signInAndWait({QStringLiteral("http://127.0.0.1:%1").arg(m_office.port()), member,
                                 QStringLiteral("voucherdesk-demo"), {}}),
             QString());
    QCOMPARE(sync.role(), QStringLiteral("committee_member"));
    // The person types the passphrase into both dialogs.
    QTimer typist;
    connect(&typist, &QTimer::timeout, [] {
        for (QWidget *window : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<QInputDialog *>(window); dialog && dialog->isVisible()) {
                dialog->setTextValue(QStringLiteral("committee laptop 2026"));
                dialog->accept();
            }
        }
    });
    typist.start(20);
    QVERIFY(WorkspaceDialog::sealForRole(nullptr, folder.path(), sync.role()));
    typist.stop();
    QVERIFY(SealedWorkspace::isIn(folder.path()));
    Workspace workspace(folder.path());
    QVERIFY(workspace.isSealed());
    QCOMPARE(sync.syncAndWait(nullptr), QString());
    // What the member received (the back office's people, and the cases on its agendas) is in none of its files.
    QSqlQuery title = workspace.run(QStringLiteral(
        "SELECT text FROM (SELECT title_en AS text FROM applications UNION ALL SELECT email FROM users) "
        "WHERE text <> '' LIMIT 1"));
    QVERIFY(title.next());
    const QByteArray plain = title.value(0).toString().toUtf8();
    QVERIFY(!plain.isEmpty());
    QDirIterator files(folder.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(plain), qPrintable(file.fileName()));
    }
    // Other roles' desks are not sealed.
    QVERIFY(WorkspaceDialog::sealForRole(nullptr, other.path(), QStringLiteral("secretariat")));
    QVERIFY(!SealedWorkspace::isIn(other.path()));
}

QTEST_MAIN(DesktopSyncTest)
#include "tst_desktopsync.moc"
