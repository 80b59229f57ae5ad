#include "applicationrepository.h"
#include "conflictpanel.h"
#include "desksession.h"
#include "deskfixture.h"
#include "language.h"
#include "outbox.h"
#include "recordcomparisonmodel.h"
#include "syncreplica.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vd;

// The panel where a person settles what sync left: conflicts kept with both
// versions, and changes the back office refused. The back office's answers
// are recorded the way the sync client records them (SyncReplica).
class ConflictPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theTwoVersionsAreShownFieldByField();
    void keepMineQueuesThisDesksVersionOnTheirRevision();
    void takeTheirsStoresTheBackOfficesVersion();
    void aRejectionIsShownWithItsReasonUntilDismissed();
    void nothingToSettleIsSaid();

private:
    // Changes the application's English title locally; the outbox entry of the change.
    OutboxEntry retitle(const QString &applicationId, const QString &title);
    // The back office answers the operation with a conflict: its own title.
    void answerWithConflict(const OutboxEntry &entry, const QString &theirTitle);
    QString titleOf(const QString &applicationId) const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<DeskSession> m_session;
    QStringList m_cases;
};

void ConflictPanelTest::initTestCase()
{
    deskfixture::keepSettingsIn(m_settings.path());
    Language::apply(QStringLiteral("en"));
}

void ConflictPanelTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = deskfixture::demoWorkspace(m_dir->path(), 6);
    const User officer = UserRepository(*m_workspace).withRole(QStringLiteral("secretariat")).constFirst();
    m_session = std::make_unique<DeskSession>(*m_workspace, officer);
    m_cases.clear();
    for (const ApplicationSummary &summary : ApplicationRepository(*m_workspace).list({}, Page{100, 0})) {
        if (!summary.reference.isEmpty() && m_cases.size() < 2)
            m_cases << summary.id; // submitted cases: their reference names them
    }
    QCOMPARE(m_cases.size(), 2);
}

void ConflictPanelTest::cleanup()
{
    m_session.reset();
    m_workspace.reset();
    m_dir.reset();
}

OutboxEntry ConflictPanelTest::retitle(const QString &applicationId, const QString &title)
{
    ApplicationRepository applications(*m_workspace);
    Application application = *applications.find(applicationId);
    application.title.en = title;
    UnitOfWork work(*m_workspace, m_session->user().id);
    applications.save(work, application, QStringLiteral("update"));
    work.commit();
    for (const OutboxEntry &entry : Outbox(*m_workspace).pending(100)) {
        if (entry.entityId == applicationId)
            return entry;
    }
    return {};
}

void ConflictPanelTest::answerWithConflict(const OutboxEntry &entry, const QString &theirTitle)
{
    QJsonObject theirs = QJsonDocument::fromJson(entry.payload).object();
    QJsonObject title = theirs.value(QStringLiteral("title")).toObject();
    title.insert(QStringLiteral("en"), theirTitle);
    theirs.insert(QStringLiteral("title"), title);
    theirs.insert(QStringLiteral("revision"), entry.baseRevision + 2);
    PushAnswer answer;
    answer.operationNumber = entry.operationNumber;
    answer.state = QStringLiteral("conflict");
    answer.code = QStringLiteral("STALE_REVISION");
    answer.reason = QStringLiteral("The title was changed at the back office too.");
    answer.serverRecord = theirs;
    answer.serverRevision = entry.baseRevision + 2;
    SyncReplica(*m_workspace).recordAnswers({answer}, {});
}

QString ConflictPanelTest::titleOf(const QString &applicationId) const
{
    return ApplicationRepository(*m_workspace).find(applicationId)->title.en;
}

void ConflictPanelTest::theTwoVersionsAreShownFieldByField()
{
    answerWithConflict(retitle(m_cases.at(0), QStringLiteral("Mine: RFID stock-taking")), QStringLiteral("Theirs: RFID inventory"));
    ConflictPanel panel(*m_session);
    QCOMPARE(panel.conflictCount(), 1);
    QCOMPARE(panel.findChild<QTreeWidget *>(QStringLiteral("conflictList"))->topLevelItemCount(), 1);
    const RecordComparisonModel *comparison = panel.comparison();
    QCOMPARE(comparison->differingCount(), 1);
    const int row = comparison->rowOf(QStringLiteral("title.en"));
    QCOMPARE(row, 0); // what differs comes first
    QCOMPARE(comparison->index(row, RecordComparisonModel::FieldColumn).data().toString(), QStringLiteral("Project title (English)"));
    QCOMPARE(comparison->index(row, RecordComparisonModel::MineColumn).data().toString(), QStringLiteral("Mine: RFID stock-taking"));
    QCOMPARE(comparison->index(row, RecordComparisonModel::TheirsColumn).data().toString(), QStringLiteral("Theirs: RFID inventory"));
    QVERIFY(comparison->index(row, 0).data(RecordComparisonModel::DiffersRole).toBool());
    const int same = comparison->rowOf(QStringLiteral("title.zh"));
    QVERIFY(same > 0);
    QVERIFY(!comparison->index(same, 0).data(RecordComparisonModel::DiffersRole).toBool());
    QCOMPARE(comparison->rowOf(QStringLiteral("revision")), -1); // bookkeeping is not shown
    QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("keepMineButton"))->isEnabled());
}

void ConflictPanelTest::keepMineQueuesThisDesksVersionOnTheirRevision()
{
    const OutboxEntry mine = retitle(m_cases.at(0), QStringLiteral("Mine"));
    answerWithConflict(mine, QStringLiteral("Theirs"));
    QCOMPARE(Outbox(*m_workspace).pendingCount(), 0);
    ConflictPanel panel(*m_session);
    QSignalSpy settled(&panel, &ConflictPanel::settled);
    panel.findChild<QPushButton *>(QStringLiteral("keepMineButton"))->click();
    QCOMPARE(settled.size(), 1);
    QCOMPARE(settled.at(0).at(0).toString(), m_cases.at(0));
    QCOMPARE(panel.conflictCount(), 0);
    QCOMPARE(SyncReplica(*m_workspace).conflictCount(), 0);
    QCOMPARE(titleOf(m_cases.at(0)), QStringLiteral("Mine"));
    const QList<OutboxEntry> pending = Outbox(*m_workspace).pending(10);
    QCOMPARE(pending.size(), 1);     // sent again with the next sync …
    QCOMPARE(pending.at(0).entityId, m_cases.at(0));
    QCOMPARE(pending.at(0).baseRevision, mine.baseRevision + 2); // … over the back office's version
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("keepMineButton"))->isEnabled());
}

void ConflictPanelTest::takeTheirsStoresTheBackOfficesVersion()
{
    answerWithConflict(retitle(m_cases.at(0), QStringLiteral("Mine")), QStringLiteral("Theirs"));
    answerWithConflict(retitle(m_cases.at(1), QStringLiteral("Mine too")), QStringLiteral("Theirs too"));
    ConflictPanel panel(*m_session);
    QCOMPARE(panel.conflictCount(), 2);
    const int second = panel.conflicts().at(0).entityId == m_cases.at(1) ? 0 : 1;
    panel.selectConflict(second);
    panel.findChild<QPushButton *>(QStringLiteral("takeTheirsButton"))->click();
    QCOMPARE(panel.conflictCount(), 1);
    QCOMPARE(panel.conflicts().at(0).entityId, m_cases.at(0)); // the other one waits
    QCOMPARE(titleOf(m_cases.at(1)), QStringLiteral("Theirs too"));
    QCOMPARE(titleOf(m_cases.at(0)), QStringLiteral("Mine"));
    QCOMPARE(Outbox(*m_workspace).pendingCount(), 0); // nothing of the dropped change is sent
}

void ConflictPanelTest::aRejectionIsShownWithItsReasonUntilDismissed()
{
    const OutboxEntry refused = retitle(m_cases.at(1), QStringLiteral("A title the back office refuses"));
    PushAnswer answer;
    answer.operationNumber = refused.operationNumber;
    answer.state = QStringLiteral("rejected");
    answer.code = QStringLiteral("ROLE_NOT_PERMITTED");
    answer.reason = QStringLiteral("Only the case officer of this application may change it.");
    SyncReplica(*m_workspace).recordAnswers({answer}, {});
    ConflictPanel panel(*m_session);
    QCOMPARE(panel.conflictCount(), 0);
    QCOMPARE(panel.rejectedCount(), 1);
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("rejectedList"));
    QCOMPARE(list->topLevelItem(0)->text(3), answer.reason);
    QCOMPARE(list->topLevelItem(0)->text(2), ApplicationRepository(*m_workspace).find(m_cases.at(1))->reference);
    const QString detail = panel.findChild<QPlainTextEdit *>(QStringLiteral("rejectedDetail"))->toPlainText();
    QVERIFY2(detail.contains(answer.reason), qPrintable(detail));
    QVERIFY2(detail.contains(QLatin1String("A title the back office refuses")), qPrintable(detail));
    QSignalSpy settled(&panel, &ConflictPanel::settled);
    panel.findChild<QPushButton *>(QStringLiteral("dismissButton"))->click();
    QCOMPARE(settled.size(), 1);
    QCOMPARE(panel.rejectedCount(), 0);
    QCOMPARE(Outbox(*m_workspace).needingAttention().size(), 0);
}

void ConflictPanelTest::nothingToSettleIsSaid()
{
    ConflictPanel panel(*m_session);
    QCOMPARE(panel.conflictCount(), 0);
    QCOMPARE(panel.rejectedCount(), 0);
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("keepMineButton"))->isEnabled());
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("takeTheirsButton"))->isEnabled());
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("dismissButton"))->isEnabled());
    QVERIFY(panel.findChild<QPlainTextEdit *>(QStringLiteral("rejectedDetail"))->toPlainText().startsWith(QLatin1String("The back office has refused none")));
}

QTEST_MAIN(ConflictPanelTest)
#include "tst_conflictpanel.moc"
