#include "applicationrepository.h"
#include "applicationsearch.h"
#include "audittrail.h"
#include "bulkrows.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "outbox.h"
#include "rawconnection.h"
#include "recordjson.h"
#include "samplerecords.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vd;

namespace {

const QString kOfficer = QStringLiteral("u0000000-0000-4000-8000-000000000002");

struct Counts
{
    qint64 enterprises, applications, items, audit, outbox, search;
    friend bool operator==(const Counts &, const Counts &) = default;
};

Counts countsIn(const QString &file)
{
    RawConnection raw(file);
    return {raw.count(QStringLiteral("enterprises")), raw.count(QStringLiteral("applications")),
            raw.count(QStringLiteral("application_items")), raw.count(QStringLiteral("audit_entries")),
            raw.count(QStringLiteral("outbox")), raw.count(QStringLiteral("application_search"))};
}

} // namespace

class UnitOfWorkTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void commitWritesRecordAuditEntryAndOutboxEntryTogether();
    void updateRecordsTheRecordBeforeAndAfter();
    void nothingIsKeptWithoutCommit_data();
    void nothingIsKeptWithoutCommit();
    void staleRevisionIsRefused_data();
    void staleRevisionIsRefused();
    void auditTimeIsNowUnlessSet();
    void syncedChangesAreAuditedButNotQueued();
    void unitsOfWorkDoNotNest();
    void outboxAnswersAreRecorded();
    void bulkRowsAreWhatSavingWrites();
    void bulkRowsRefuseTakenIdsAndQueuedWork();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void UnitOfWorkTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    // On SQLite the folder's workspace; in unitofwork_postgres a database of its own (testdatabase.h).
    m_workspace = std::make_unique<Workspace>(TestDatabase::workspaceOf(m_dir->path()));
}

void UnitOfWorkTest::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

void UnitOfWorkTest::commitWritesRecordAuditEntryAndOutboxEntryTogether()
{
    Enterprise enterprise = samples::enterprise();
    {
        UnitOfWork work(*m_workspace, kOfficer);
        EnterpriseRepository(*m_workspace).save(work, enterprise);
        work.commit();
    }
    QCOMPARE(enterprise.revision, 1);
    const QList<AuditEntry> entries = AuditTrail(*m_workspace).forEntity(enterprise.id);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].seq, 1);
    QCOMPARE(entries[0].actorId, kOfficer);
    QCOMPARE(entries[0].action, QStringLiteral("create"));
    QCOMPARE(entries[0].entityType, QStringLiteral("enterprise"));
    QVERIFY(entries[0].beforeJson.isNull());
    QCOMPARE(entries[0].afterJson, record::toCompactJson(enterprise));
    QCOMPARE(entries[0].previousHash, auditChainStart());

    const QList<OutboxEntry> queued = Outbox(*m_workspace).pending(10);
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued[0].entityType, QStringLiteral("enterprise"));
    QCOMPARE(queued[0].entityId, enterprise.id);
    QCOMPARE(queued[0].operation, QStringLiteral("upsert"));
    QCOMPARE(queued[0].payload, record::toCompactJson(enterprise));
    QCOMPARE(queued[0].baseRevision, 0);
    QCOMPARE(queued[0].operationId.size(), 36);
}

void UnitOfWorkTest::updateRecordsTheRecordBeforeAndAfter()
{
    EnterpriseRepository enterprises(*m_workspace);
    Enterprise enterprise = samples::enterprise();
    {
        UnitOfWork work(*m_workspace, kOfficer);
        enterprises.save(work, enterprise);
        work.commit();
    }
    const Enterprise before = enterprise;
    enterprise.employees = 40;
    enterprise.owners.removeLast();
    {
        UnitOfWork work(*m_workspace, kOfficer);
        enterprises.save(work, enterprise, QStringLiteral("correct_employees"));
        work.commit();
    }
    QCOMPARE(enterprise.revision, 2);
    const QList<AuditEntry> entries = AuditTrail(*m_workspace).forEntity(enterprise.id);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[1].action, QStringLiteral("correct_employees"));
    QCOMPARE(entries[1].beforeJson, record::toCompactJson(before));
    QCOMPARE(entries[1].afterJson, record::toCompactJson(enterprise));
    QCOMPARE(entries[1].previousHash, entries[0].hash);
    const QList<OutboxEntry> queued = Outbox(*m_workspace).pending(10);
    QCOMPARE(queued.size(), 2);
    QCOMPARE(queued[1].baseRevision, 1);
    QVERIFY(queued[1].operationNumber > queued[0].operationNumber);
    QCOMPARE(enterprises.find(enterprise.id), std::optional<Enterprise>(enterprise));
}

void UnitOfWorkTest::nothingIsKeptWithoutCommit_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("why");
    QTest::newRow("throw after the first record") << "after first" << "the power went out";
    QTest::newRow("throw between records of one case") << "between" << "refused half-way";
    QTest::newRow("commit refused: application of a missing enterprise") << "deferred key" << "FOREIGN KEY";
    QTest::newRow("statement refused mid-way: duplicate reference") << "duplicate" << "UNIQUE";
}

void UnitOfWorkTest::nothingIsKeptWithoutCommit()
{
    QFETCH(QString, failure);
    QFETCH(QString, why);
    {
        // Something committed first, so "none" means "nothing more".
        UnitOfWork work(*m_workspace, kOfficer);
        Enterprise other = samples::enterprise(QStringLiteral("e0000000-0000-4000-8000-00000000000f"));
        other.brNumber = QStringLiteral("99999999");
        EnterpriseRepository(*m_workspace).save(work, other);
        Application existing = samples::application(QStringLiteral("a1000000-0000-4000-8000-00000000000f"), other.id);
        ApplicationRepository(*m_workspace).save(work, existing);
        work.commit();
    }
    const Counts before = countsIn(m_workspace->file());
    const QString lastHash = QString::fromLatin1(AuditTrail(*m_workspace).last()->hash.toHex());

    Enterprise enterprise = samples::enterprise();
    Application application = samples::withNewPartIds(samples::application());
    application.reference = QStringLiteral("TVP/2026/00099");
    try {
        UnitOfWork work(*m_workspace, kOfficer);
        if (failure != QLatin1String("deferred key"))
            EnterpriseRepository(*m_workspace).save(work, enterprise);
        if (failure == QLatin1String("after first"))
            throw std::runtime_error("the power went out");
        if (failure == QLatin1String("duplicate"))
            application.reference = QStringLiteral("TVP/2026/00042");
        ApplicationRepository(*m_workspace).save(work, application);
        if (failure == QLatin1String("between"))
            throw DomainError(QStringLiteral("TEST"), QString(), QStringLiteral("refused half-way"));
        work.commit();
        QFAIL("the unit of work committed");
    } catch (const std::exception &error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(why, Qt::CaseInsensitive), error.what()); // SQLite and PostgreSQL word it so
    }
    QCOMPARE(countsIn(m_workspace->file()), before);
    QCOMPARE(QString::fromLatin1(AuditTrail(*m_workspace).last()->hash.toHex()), lastHash);
    QVERIFY(!m_workspace->inTransaction());
    QVERIFY(verifyAuditChain(*m_workspace).intact);

    // The workspace is still usable, and the chain continues from the last kept entry.
    UnitOfWork work(*m_workspace, kOfficer);
    Enterprise fresh = samples::enterprise();
    EnterpriseRepository(*m_workspace).save(work, fresh);
    work.commit();
    QCOMPARE(AuditTrail(*m_workspace).last()->seq, before.audit + 1);
    QVERIFY(verifyAuditChain(*m_workspace).intact);
}

void UnitOfWorkTest::staleRevisionIsRefused_data()
{
    QTest::addColumn<qint64>("yourRevision");
    QTest::newRow("an older copy") << qint64(1);
    QTest::newRow("a copy that thinks it is new") << qint64(0);
    QTest::newRow("a revision from the future") << qint64(5);
}

void UnitOfWorkTest::staleRevisionIsRefused()
{
    QFETCH(qint64, yourRevision);
    EnterpriseRepository enterprises(*m_workspace);
    Enterprise enterprise = samples::enterprise();
    for (int i = 0; i < 2; ++i) {
        UnitOfWork work(*m_workspace, kOfficer);
        enterprises.save(work, enterprise);
        work.commit();
    }
    QCOMPARE(enterprise.revision, 2);
    const Counts before = countsIn(m_workspace->file());
    Enterprise stale = enterprise;
    stale.revision = yourRevision;
    stale.employees = 1;
    try {
        UnitOfWork work(*m_workspace, kOfficer);
        enterprises.save(work, stale);
        work.commit();
        QFAIL("a stale revision was saved");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("STALE_REVISION"));
        QCOMPARE(error.where(), QStringLiteral("enterprise ") + enterprise.id);
    }
    QCOMPARE(stale.revision, yourRevision);
    QCOMPARE(countsIn(m_workspace->file()), before);
    QCOMPARE(enterprises.find(enterprise.id)->employees, enterprise.employees);

    Application fresh = samples::application(QStringLiteral("a1000000-0000-4000-8000-0000000000aa"), enterprise.id);
    fresh.revision = yourRevision == 0 ? 1 : yourRevision;
    try {
        UnitOfWork work(*m_workspace, kOfficer);
        ApplicationRepository(*m_workspace).save(work, fresh);
        QFAIL("a record never stored was saved with a revision");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("STALE_REVISION"));
    }
}

void UnitOfWorkTest::auditTimeIsNowUnlessSet()
{
    const QDateTime backdated = samples::instant(5, 9, 30, 250);
    const QDateTime start = QDateTime::currentDateTimeUtc().addMSecs(-1);
    Enterprise first = samples::enterprise(QStringLiteral("e0000000-0000-4000-8000-0000000000a1"));
    first.brNumber = QStringLiteral("11111111");
    Enterprise second = samples::enterprise(QStringLiteral("e0000000-0000-4000-8000-0000000000a2"));
    second.brNumber = QStringLiteral("22222222");
    {
        UnitOfWork work(*m_workspace, kOfficer);
        EnterpriseRepository(*m_workspace).save(work, first);
        work.setTime(backdated);
        work.setActor(QStringLiteral("demo"));
        EnterpriseRepository(*m_workspace).save(work, second);
        work.commit();
    }
    const QDateTime end = QDateTime::currentDateTimeUtc().addMSecs(1);
    const AuditEntry now = AuditTrail(*m_workspace).forEntity(first.id).first();
    QVERIFY(now.at >= start && now.at <= end);
    QCOMPARE(now.at.timeSpec(), Qt::UTC);
    const AuditEntry old = AuditTrail(*m_workspace).forEntity(second.id).first();
    QCOMPARE(old.at, backdated);
    QCOMPARE(old.actorId, QStringLiteral("demo"));
    RawConnection raw(m_workspace->file());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT at FROM audit_entries WHERE seq = 2")).toString(),
             QStringLiteral("2026-03-05T09:30:00.250Z"));
}

void UnitOfWorkTest::syncedChangesAreAuditedButNotQueued()
{
    Enterprise enterprise = samples::enterprise();
    enterprise.revision = 17; // as the back office sent it
    {
        UnitOfWork work(*m_workspace, QStringLiteral("sync"), ChangeOrigin::Synced);
        EnterpriseRepository(*m_workspace).save(work, enterprise, QStringLiteral("pull"));
        work.commit();
    }
    QCOMPARE(EnterpriseRepository(*m_workspace).find(enterprise.id)->revision, 17);
    QCOMPARE(AuditTrail(*m_workspace).count(), 1);
    QCOMPARE(Outbox(*m_workspace).pendingCount(), 0);
}

void UnitOfWorkTest::unitsOfWorkDoNotNest()
{
    UnitOfWork outer(*m_workspace, kOfficer);
    try {
        UnitOfWork inner(*m_workspace, kOfficer);
        QFAIL("a unit of work was opened inside another");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("TRANSACTION_NESTED"));
    }
    QVERIFY(m_workspace->inTransaction());
}

void UnitOfWorkTest::outboxAnswersAreRecorded()
{
    EnterpriseRepository enterprises(*m_workspace);
    for (const char *br : {"11111111", "22222222", "33333333"}) {
        Enterprise enterprise;
        enterprise.brNumber = QString::fromLatin1(br);
        UnitOfWork work(*m_workspace, kOfficer);
        enterprises.save(work, enterprise);
        work.commit();
    }
    Outbox outbox(*m_workspace);
    const QList<OutboxEntry> queued = outbox.pending(2);
    QCOMPARE(queued.size(), 2);
    outbox.countAttempt({queued[0].operationNumber});
    outbox.acknowledge({{queued[0].operationNumber, QStringLiteral("applied"), {}},
                        {queued[1].operationNumber, QStringLiteral("rejected"), QStringLiteral("BR number in use")}});
    QCOMPARE(outbox.pendingCount(), 1);
    const QList<OutboxEntry> attention = outbox.needingAttention();
    QCOMPARE(attention.size(), 1);
    QCOMPARE(attention[0].operationNumber, queued[1].operationNumber);
    QCOMPARE(attention[0].resultReason, QStringLiteral("BR number in use"));
    try {
        outbox.acknowledge({{queued[0].operationNumber, QStringLiteral("maybe"), {}}});
        QFAIL("an unknown answer was accepted");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("INPUT_ERROR"));
    }
}

void UnitOfWorkTest::bulkRowsAreWhatSavingWrites()
{
    // The same enterprise and application saved through the repositories in one workspace
    // and through BulkEncoder in another give the same rows, search text and audit contents.
    QTemporaryDir otherDir;
    Workspace saved(otherDir.path());
    Enterprise enterprise = samples::enterprise();
    Application application = samples::application();
    application.enterpriseId = enterprise.id;
    Enterprise enterpriseSaved = enterprise;
    Application applicationSaved = application;
    {
        UnitOfWork work(saved, kOfficer, ChangeOrigin::Server);
        work.setTime(samples::instant(3, 9));
        EnterpriseRepository(saved).save(work, enterpriseSaved);
        ApplicationRepository(saved).save(work, applicationSaved);
        work.commit();
    }
    {
        UnitOfWork work(*m_workspace, kOfficer, ChangeOrigin::Server);
        BulkEncoder encoder(work.chainHead(), work.actorId(), m_workspace->keepsChangeLog());
        encoder.setTime(samples::instant(3, 9));
        encoder.add(enterprise);
        encoder.add(application, enterprise);
        encoder.take().writeTo(work);
        QCOMPARE(work.changesRecorded(), 2);
        work.commit();
    }
    QCOMPARE(record::toCompactJson(application), record::toCompactJson(applicationSaved));
    QCOMPARE(ApplicationRepository(*m_workspace).find(application.id).value().updatedAt, samples::instant(3, 9));
    QCOMPARE(countsIn(m_workspace->file()), countsIn(saved.file())); // file(): a URL on PostgreSQL
    const QList<AuditEntry> bulk = AuditTrail(*m_workspace).after(0, 10), plain = AuditTrail(saved).after(0, 10);
    QCOMPARE(bulk.size(), 2);
    for (qsizetype i = 0; i < bulk.size(); ++i) {
        QCOMPARE(bulk[i].seq, plain[i].seq);
        QCOMPARE(bulk[i].at, plain[i].at);
        QCOMPARE(bulk[i].actorId, plain[i].actorId);
        QCOMPARE(bulk[i].action, plain[i].action);
        QCOMPARE(bulk[i].entityId, plain[i].entityId);
        QCOMPARE(bulk[i].afterJson, plain[i].afterJson);
    }
    QVERIFY(verifyAuditChain(*m_workspace).intact);
    QCOMPARE(ApplicationSearch(*m_workspace).find(enterprise.name.en.left(6)).size(), 1);
}

void UnitOfWorkTest::bulkRowsRefuseTakenIdsAndQueuedWork()
{
    Enterprise enterprise = samples::enterprise();
    {
        UnitOfWork work(*m_workspace, kOfficer, ChangeOrigin::Server);
        EnterpriseRepository(*m_workspace).save(work, enterprise);
        work.commit();
    }
    const Counts before = countsIn(m_workspace->file());
    const auto codeOf = [&](ChangeOrigin origin) {
        try {
            UnitOfWork work(*m_workspace, kOfficer, origin);
            BulkEncoder encoder(work.chainHead(), work.actorId(), false);
            Enterprise again = samples::enterprise(); // the id is taken
            encoder.add(again);
            encoder.take().writeTo(work);
            work.commit();
        } catch (const DomainError &error) {
            return error.code();
        }
        return QString();
    };
    QCOMPARE(codeOf(ChangeOrigin::Server), QStringLiteral("RECORD_EXISTS"));
    QCOMPARE(codeOf(ChangeOrigin::Local), QStringLiteral("BULK_WRITE_REFUSED"));
    QCOMPARE(countsIn(m_workspace->file()), before);
    QVERIFY(verifyAuditChain(*m_workspace).intact);
}

QTEST_GUILESS_MAIN(UnitOfWorkTest)
#include "tst_unitofwork.moc"
