#include "desksession.h"
#include "deskfixture.h"
#include "enterpriserepository.h"
#include "language.h"
#include "outbox.h"
#include "samplerecords.h"
#include "syncindicator.h"
#include "syncreplica.h"
#include "syncstate.h"
#include "transaction.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace vd;

// The status bar's sync indicator, over a real workspace's outbox and sync state.
class SyncIndicatorTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aWorkspaceThatNeverSyncedSaysSo();
    void waitingChangesAreCounted();
    void conflictsAndRejectionsAreCountedAndOpenThePanel();
    void theConnectionIsWorded_data();
    void theConnectionIsWorded();
    void theButtonConnectsWhenSignedOutAndSyncsOtherwise();

private:
    // n local changes, queued in the outbox; their operation numbers.
    QList<qint64> saveEnterprises(int n);
    void answer(qint64 operationNumber, const QString &state);
    QString label() const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<DeskSession> m_session;
    int m_saved = 0;
    std::unique_ptr<SyncIndicator> m_indicator;
};

void SyncIndicatorTest::initTestCase()
{
    deskfixture::keepSettingsIn(m_settings.path());
    Language::apply(QStringLiteral("en"));
}

void SyncIndicatorTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = std::make_unique<Workspace>(m_dir->path());
    User officer;
    officer.id = QStringLiteral("u0000000-0000-4000-8000-000000000001");
    officer.username = QStringLiteral("cy.hui");
    officer.role = QStringLiteral("secretariat");
    m_session = std::make_unique<DeskSession>(*m_workspace, officer);
    m_indicator = std::make_unique<SyncIndicator>(*m_session);
}

void SyncIndicatorTest::cleanup()
{
    Language::apply(QStringLiteral("en"));
    m_indicator.reset();
    m_session.reset();
    m_workspace.reset();
    m_dir.reset();
}

QList<qint64> SyncIndicatorTest::saveEnterprises(int n)
{
    UnitOfWork work(*m_workspace, m_session->user().id);
    EnterpriseRepository enterprises(*m_workspace);
    for (int i = 0; i < n; ++i) {
        Enterprise enterprise = samples::enterprise(QStringLiteral("e0000000-0000-4000-8000-%1").arg(++m_saved, 12, 10, QLatin1Char('0')));
        enterprise.brNumber = QString::number(10000000 + m_saved);
        enterprises.save(work, enterprise);
    }
    work.commit();
    QList<qint64> numbers;
    for (const OutboxEntry &entry : Outbox(*m_workspace).pending(1000))
        numbers << entry.operationNumber;
    return numbers;
}

// As the sync client records the back office's answer (a conflict comes with its version).
void SyncIndicatorTest::answer(qint64 operationNumber, const QString &state)
{
    PushAnswer answer;
    answer.operationNumber = operationNumber;
    answer.state = state;
    answer.code = state == QLatin1String("conflict") ? QStringLiteral("STALE_REVISION") : QStringLiteral("ROLE_NOT_PERMITTED");
    answer.reason = QStringLiteral("the back office's reason");
    if (state == QLatin1String("conflict")) {
        for (const OutboxEntry &entry : Outbox(*m_workspace).pending(1000)) {
            if (entry.operationNumber == operationNumber)
                answer.serverRecord = QJsonDocument::fromJson(entry.payload).object();
        }
        answer.serverRevision = 2;
    }
    SyncReplica(*m_workspace).recordAnswers({answer}, {});
}

QString SyncIndicatorTest::label() const
{
    return m_indicator->findChild<QLabel *>(QStringLiteral("syncLabel"))->text();
}

void SyncIndicatorTest::aWorkspaceThatNeverSyncedSaysSo()
{
    QCOMPARE(m_indicator->connection(), SyncConnection::NotConnected);
    QCOMPARE(m_indicator->standing().serverUrl, QString());
    QCOMPARE(m_indicator->standing().pending, 0);
    QCOMPARE(label(), QStringLiteral("Not connected to a back office"));
    QVERIFY(!m_indicator->findChild<QToolButton *>(QStringLiteral("syncAttention"))->isVisibleTo(m_indicator.get()));
}

void SyncIndicatorTest::waitingChangesAreCounted()
{
    saveEnterprises(3);
    QCOMPARE(label(), QStringLiteral("Not connected to a back office")); // read on refresh()
    m_indicator->refresh();
    QCOMPARE(m_indicator->standing().pending, 3);
    QCOMPARE(label(), QStringLiteral("Not connected to a back office · waiting to be sent: 3"));
    m_indicator->setConnection(SyncConnection::Offline, QStringLiteral("Connection refused"));
    QCOMPARE(label(), QStringLiteral("Offline: the back office cannot be reached · waiting to be sent: 3"));
    QVERIFY(m_indicator->findChild<QLabel *>(QStringLiteral("syncLabel"))->toolTip().contains(QLatin1String("Connection refused")));
    answer(Outbox(*m_workspace).pending(1).constFirst().operationNumber, QStringLiteral("applied"));
    m_indicator->refresh();
    QCOMPARE(m_indicator->standing().pending, 2);
    QCOMPARE(label(), QStringLiteral("Offline: the back office cannot be reached · waiting to be sent: 2"));
}

void SyncIndicatorTest::conflictsAndRejectionsAreCountedAndOpenThePanel()
{
    const QList<qint64> numbers = saveEnterprises(4);
    answer(numbers.at(0), QStringLiteral("conflict"));
    answer(numbers.at(1), QStringLiteral("rejected"));
    answer(numbers.at(2), QStringLiteral("rejected"));
    m_indicator->refresh();
    const SyncStatus standing = m_indicator->standing();
    QCOMPARE(standing.pending, 1);
    QCOMPARE(standing.conflicts, 1);
    QCOMPARE(standing.rejected, 2);
    auto *attention = m_indicator->findChild<QToolButton *>(QStringLiteral("syncAttention"));
    QVERIFY(attention->isVisibleTo(m_indicator.get()));
    QCOMPARE(attention->text(), QStringLiteral("Conflicts: 1, Rejected: 2"));
    QSignalSpy opened(m_indicator.get(), &SyncIndicator::attentionRequested);
    attention->click();
    QCOMPARE(opened.size(), 1);
}

void SyncIndicatorTest::theConnectionIsWorded_data()
{
    QTest::addColumn<SyncConnection>("connection");
    QTest::addColumn<bool>("synced");
    QTest::addColumn<QString>("start");

    QTest::newRow("signing in") << SyncConnection::SigningIn << false << "Signing in to the back office…";
    QTest::newRow("syncing") << SyncConnection::Syncing << true << "Syncing…";
    QTest::newRow("online, never pulled") << SyncConnection::Online << false << "Connected";
    QTest::newRow("online") << SyncConnection::Online << true << "Synced at ";
    QTest::newRow("offline after a sync") << SyncConnection::Offline << true << "Offline since the sync at ";
    QTest::newRow("offline, never synced") << SyncConnection::Offline << false << "Offline: the back office cannot be reached";
    QTest::newRow("signed out by the back office") << SyncConnection::SignInNeeded << true << "Sign in to the back office again";
    QTest::newRow("stopped by the audit log") << SyncConnection::AuditStopped << true
                                              << "WARNING: sync stopped, the back office's audit history";
    QTest::newRow("not signed in to a known back office") << SyncConnection::NotConnected << true << "Not signed in to 127.0.0.1";
}

void SyncIndicatorTest::theConnectionIsWorded()
{
    QFETCH(SyncConnection, connection);
    QFETCH(bool, synced);
    QFETCH(QString, start);
    if (synced) {
        Transaction transaction(*m_workspace);
        SyncState state = loadSyncState(*m_workspace);
        state.serverUrl = QStringLiteral("https://127.0.0.1:8443");
        state.lastPullAt = QDateTime::currentDateTimeUtc();
        saveSyncState(*m_workspace, state);
        transaction.commit();
    }
    m_indicator->refresh();
    m_indicator->setConnection(connection);
    QVERIFY2(label().startsWith(start), qPrintable(label()));
    if (start.endsWith(u' ')) // the time of the last sync follows
        QVERIFY2(label().size() > start.size(), qPrintable(label()));
}

void SyncIndicatorTest::theButtonConnectsWhenSignedOutAndSyncsOtherwise()
{
    auto *button = m_indicator->findChild<QToolButton *>(QStringLiteral("syncAction"));
    QSignalSpy connectAsked(m_indicator.get(), &SyncIndicator::connectRequested);
    QSignalSpy syncAsked(m_indicator.get(), &SyncIndicator::syncNowRequested);
    button->click();
    QCOMPARE(connectAsked.size(), 1);
    m_indicator->setConnection(SyncConnection::Online);
    QCOMPARE(button->text(), QStringLiteral("Sync Now"));
    button->click();
    QCOMPARE(syncAsked.size(), 1);
    m_indicator->setConnection(SyncConnection::Syncing);
    QVERIFY(!button->isEnabled());
    m_indicator->setConnection(SyncConnection::SignInNeeded);
    button->click();
    QCOMPARE(connectAsked.size(), 2);
}

QTEST_MAIN(SyncIndicatorTest)
#include "tst_syncindicator.moc"
