#include "domainerror.h"
#include "entitystore.h"
#include "recordjson.h"
#include "samplerecords.h"
#include "syncstate.h"
#include "transaction.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vd;

namespace {

// One sample of every kind, as the JSON that sync and import carry.
QList<std::pair<QString, QJsonObject>> samplePayloads()
{
    Enterprise related = samples::enterprise(QStringLiteral("e0000000-0000-4000-8000-000000000002"));
    related.brNumber = QStringLiteral("87654321");
    return {
        {QStringLiteral("enterprise"), record::toJson(samples::enterprise())},
        {QStringLiteral("enterprise"), record::toJson(related)},
        {QStringLiteral("enterprise_relation"), record::toJson(samples::enterpriseRelation())},
        {QStringLiteral("user"), record::toJson(samples::user())},
        {QStringLiteral("application"), record::toJson(samples::application())},
        {QStringLiteral("status_change"), record::toJson(samples::statusChange())},
        {QStringLiteral("clarification_request"), record::toJson(samples::clarificationRequest())},
        {QStringLiteral("correspondence_entry"), record::toJson(samples::correspondenceEntry())},
        {QStringLiteral("eligibility_check"), record::toJson(samples::eligibilityCheck())},
        {QStringLiteral("change_request"), record::toJson(samples::changeRequest())},
        {QStringLiteral("site_check"), record::toJson(samples::siteCheck())},
        {QStringLiteral("project_report"), record::toJson(samples::projectReport())},
        {QStringLiteral("committee"), record::toJson(samples::committee())},
        {QStringLiteral("committee_term"), record::toJson(samples::committeeTerm())},
        {QStringLiteral("committee_membership"), record::toJson(samples::committeeMembership())},
        {QStringLiteral("meeting"), record::toJson(samples::meeting())},
        {QStringLiteral("interest_declaration"), record::toJson(samples::interestDeclaration())},
        {QStringLiteral("agenda_item"), record::toJson(samples::agendaItem())},
        {QStringLiteral("attendance"), record::toJson(samples::attendance())},
        {QStringLiteral("review"), record::toJson(samples::review())},
        {QStringLiteral("committee_outcome"), record::toJson(samples::committeeOutcome())},
        {QStringLiteral("approval"), record::toJson(samples::approval())},
        {QStringLiteral("funding_agreement"), record::toJson(samples::fundingAgreement())},
        {QStringLiteral("disbursement_milestone"), record::toJson(samples::disbursementMilestone())},
        {QStringLiteral("payment"), record::toJson(samples::payment())},
        {QStringLiteral("signature"), record::toJson(samples::signature())},
    };
}

} // namespace

class EntityStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void savesAndFindsEveryKindByItsJson();
    void listsEveryKindInReferenceOrder();
    void keepsTheRevisionOfSyncedRecords();
    void refusesUnknownKindsAndBadPayloads();
    void visitsEveryRecordAcrossPages();
    void movesTheSyncStateOnlyInsideATransaction();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void EntityStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = std::make_unique<Workspace>(m_dir->path());
}

void EntityStoreTest::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

void EntityStoreTest::savesAndFindsEveryKindByItsJson()
{
    EntityStore store(*m_workspace);
    QList<std::pair<QString, QJsonObject>> saved;
    {
        UnitOfWork work(*m_workspace, QStringLiteral("importer"));
        work.setTime(samples::instant(1, 8));
        for (const auto &[type, payload] : samplePayloads())
            saved.append({type, store.save(work, type, payload)});
        work.commit();
    }
    for (const auto &[type, json] : std::as_const(saved)) {
        QCOMPARE(json.value(QStringLiteral("id")).toString().isEmpty(), false);
        QCOMPARE(store.find(type, json.value(QStringLiteral("id")).toString()), std::optional<QJsonObject>(json));
        if (json.contains(QStringLiteral("revision")))
            QCOMPARE(json.value(QStringLiteral("revision")).toInt(), 1);
    }
    QVERIFY(!store.find(QStringLiteral("payment"), QStringLiteral("missing")));
}

void EntityStoreTest::listsEveryKindInReferenceOrder()
{
    const QStringList types = EntityStore::entityTypes();
    QCOMPARE(types.size(), 25);
    QVERIFY(types.indexOf(QStringLiteral("enterprise")) < types.indexOf(QStringLiteral("application")));
    QVERIFY(types.indexOf(QStringLiteral("application")) < types.indexOf(QStringLiteral("review")));
    QVERIFY(types.indexOf(QStringLiteral("meeting")) < types.indexOf(QStringLiteral("interest_declaration")));
    QVERIFY(types.indexOf(QStringLiteral("disbursement_milestone")) < types.indexOf(QStringLiteral("payment")));
    QVERIFY(types.indexOf(QStringLiteral("payment")) < types.indexOf(QStringLiteral("signature"))); // signs any of them
}

void EntityStoreTest::keepsTheRevisionOfSyncedRecords()
{
    EntityStore store(*m_workspace);
    QJsonObject enterprise = record::toJson(samples::enterprise());
    enterprise.insert(QStringLiteral("revision"), 12);
    for (const int revision : {12, 15}) {
        enterprise.insert(QStringLiteral("revision"), revision);
        enterprise.insert(QStringLiteral("employees"), revision);
        UnitOfWork work(*m_workspace, QStringLiteral("sync"), ChangeOrigin::Synced);
        store.save(work, QStringLiteral("enterprise"), enterprise, QStringLiteral("pull"));
        work.commit();
    }
    const QJsonObject stored = *store.find(QStringLiteral("enterprise"), samples::enterprise().id);
    QCOMPARE(stored.value(QStringLiteral("revision")).toInt(), 15);
    QCOMPARE(stored.value(QStringLiteral("employees")).toInt(), 15);
}

void EntityStoreTest::refusesUnknownKindsAndBadPayloads()
{
    EntityStore store(*m_workspace);
    UnitOfWork work(*m_workspace, QStringLiteral("importer"));
    try {
        store.save(work, QStringLiteral("invoice"), {});
        QFAIL("an unknown kind of record was saved");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("UNKNOWN_ENTITY"));
    }
    QJsonObject payment = record::toJson(samples::payment());
    payment.insert(QStringLiteral("amount"), 12.5);
    try {
        store.save(work, QStringLiteral("payment"), payment);
        QFAIL("a payment with a floating-point amount was saved");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("INPUT_ERROR"));
        QCOMPARE(error.where(), QStringLiteral("payment.amount"));
    }
}

void EntityStoreTest::visitsEveryRecordAcrossPages()
{
    {
        UnitOfWork work(*m_workspace, QStringLiteral("importer"));
        for (int i = 0; i < 1203; ++i) {
            User user;
            user.username = QStringLiteral("user%1").arg(i);
            user.role = QStringLiteral("committee_member");
            EntityStore(*m_workspace).save(work, QStringLiteral("user"), record::toJson(user));
        }
        work.commit();
    }
    QSet<QString> names;
    EntityStore(*m_workspace).forEach(QStringLiteral("user"), [&](const QJsonObject &user) {
        names.insert(user.value(QStringLiteral("username")).toString());
    });
    QCOMPARE(names.size(), 1203);
}

void EntityStoreTest::movesTheSyncStateOnlyInsideATransaction()
{
    SyncState state = loadSyncState(*m_workspace);
    QCOMPARE(state.deviceId, m_workspace->deviceId());
    QCOMPARE(state.pullCursor, 0);
    state.pullCursor = 4711;
    state.serverUrl = QStringLiteral("https://127.0.0.1:8443");
    state.lastPullAt = samples::instant(9, 10);
    state.treeHeadSize = 99;
    try {
        saveSyncState(*m_workspace, state);
        QFAIL("the sync state moved outside a transaction");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("TRANSACTION_REQUIRED"));
    }
    {
        Transaction rolledBack(*m_workspace);
        saveSyncState(*m_workspace, state);
    }
    QCOMPARE(loadSyncState(*m_workspace).pullCursor, 0);
    {
        Transaction transaction(*m_workspace);
        saveSyncState(*m_workspace, state);
        transaction.commit();
    }
    QCOMPARE(loadSyncState(*m_workspace), state);
}

QTEST_GUILESS_MAIN(EntityStoreTest)
#include "tst_entitystore.moc"
