// Sync end to end (docs/sync.md): a real voucherdesk-backoffice process on
// 127.0.0.1 with a demo workspace, real client workspaces in temporary
// folders syncing through vd::SyncClient (and the CLI, where a process is
// killed), and the back office's file read beside it to check what it holds.
#include "backofficeprocess.h"
#include "clirunner.h"
#include "rawconnection.h"

#include "attachmentfolder.h"
#include "casetransitions.h"
#include "domainerror.h"
#include "committee.h"
#include "entitystore.h"
#include "recordjson.h"
#include "syncclient.h"
#include "syncstate.h"
#include "unitofwork.h"
#include "uuid.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

using namespace vd;

namespace {

const QString kPassword = QStringLiteral("voucherdesk-demo");
const std::map<std::string, std::string> kProtocol{{"VoucherDesk-Protocol", "1"}};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A desktop: its own workspace, signed in to the back office as one user.
struct Desk
{
    QTemporaryDir folder;
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<SyncClient> client;

    Desk(int port, const QString &username)
    {
        workspace = std::make_unique<Workspace>(folder.path());
        client = std::make_unique<SyncClient>(*workspace);
        client->signIn(QStringLiteral("http://127.0.0.1:%1").arg(port), username, kPassword);
    }
    SyncSummary sync() { return client->sync(); }
    QJsonObject find(const QString &type, const QString &id) const
    {
        return EntityStore(*workspace).find(type, id).value_or(QJsonObject());
    }
    // A change made here, offline, as a person would: queued in the outbox.
    void edit(const QString &type, const QString &id, const std::function<void(QJsonObject &)> &change)
    {
        QJsonObject record = find(type, id);
        change(record);
        UnitOfWork work(*workspace, client->session().user.id);
        EntityStore(*workspace).save(work, type, record);
        work.commit();
    }
    qint64 count(const QString &table) const
    {
        QSqlQuery query = workspace->run(QStringLiteral("SELECT count(*) FROM ") + table);
        return query.next() ? query.value(0).toLongLong() : -1;
    }
    QString scalar(const QString &sql) const
    {
        QSqlQuery query = workspace->run(sql);
        return query.next() ? query.value(0).toString() : QString();
    }
};

void setTitle(QJsonObject &record, const QString &english)
{
    QJsonObject title = record.value(QStringLiteral("title")).toObject();
    title.insert(QStringLiteral("en"), english);
    record.insert(QStringLiteral("title"), title);
}

void setDescription(QJsonObject &record, const QString &english)
{
    QJsonObject description = record.value(QStringLiteral("description")).toObject();
    description.insert(QStringLiteral("en"), english);
    record.insert(QStringLiteral("description"), description);
}

QString titleOf(const QJsonObject &record)
{
    return record.value(QStringLiteral("title")).toObject().value(QStringLiteral("en")).toString();
}

QString descriptionOf(const QJsonObject &record)
{
    return record.value(QStringLiteral("description")).toObject().value(QStringLiteral("en")).toString();
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void aFirstSyncBringsEverythingTheSecretariatSeesAndTheNextIsOneRequest();
    void editsOfDifferentFieldsMadeOfflineOnTwoDesksAreMerged();
    void theSameFieldEditedOnTwoDesksIsAConflictKeptForAPerson();
    void keepMineSendsThisDesksVersionOnTheBackOfficesRevision();
    void aPushSentTwiceIsAppliedOnce();
    void anAttachmentGoesUpBeforeItsApplicationAndComesDownToTheOtherDesks();
    void anOfflineSubmissionGetsTheBackOfficesReferenceAndHistory();
    void aRefusedChangeIsRejectedWithItsReasonAndTheDeskTakesTheBackOfficesVersion();
    void anApplicantReceivesOnlyItsOwnEnterprise();
    void aCommitteeMemberWhoDeclaresAConflictLosesTheCaseAndNeverReceivesIt();
    void wrongTokenWrongRoleWrongProtocolAndOversizedBodiesAreRefused_data();
    void wrongTokenWrongRoleWrongProtocolAndOversizedBodiesAreRefused();
    void theServerKilledDuringAPushLosesNothingAndAppliesNothingTwice();
    void aDeskKilledDuringAPullStaysConsistentAndCatchesUp();
    void fuzzedRequestsAreAnswered4xxAndChangeNothing();
    void httpsIsVerifiedAgainstTheCertificateTheDeskTrusts();
    void plainHttpIsRefusedForAnyAddressButLoopback();

private:
    QString file() const { return m_data.filePath(QStringLiteral("workspace.sqlite")); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }
    QString username(const QString &sql) const { return RawConnection(file()).scalar(sql).toString(); }
    QString secretariat(int which = 0) const
    {
        return username(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 "
                                       "ORDER BY username LIMIT 1 OFFSET %1").arg(which));
    }
    QString token(const QString &user);
    // A case the secretariat may edit, not touched by another test.
    QString freshCase();
    QByteArray recordsDigest() const;
    bool startServer(int port);

    QTemporaryDir m_data;
    BackOfficeProcess m_server;
    QStringList m_casesTaken;
};

bool TestSync::startServer(int port)
{
    return m_server.start({QStringLiteral("--data"), m_data.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                           QString::number(port), QStringLiteral("--demo-applications"), QStringLiteral("60"),
                           QStringLiteral("--config"), m_data.filePath(QStringLiteral("test.properties"))},
                          m_data.filePath(QStringLiteral("server.log")));
}

void TestSync::initTestCase()
{
    QVERIFY(m_data.isValid());
    QFile config(m_data.filePath(QStringLiteral("test.properties")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("limits.requests_per_second = 100000\nlimits.burst = 100000\nlimits.sync_body_bytes = 2097152\n"
                 "signin.failure_delay_ms = 10\n");
    config.close();
    QVERIFY2(startServer(0), m_server.log().constData());
}

void TestSync::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QString TestSync::token(const QString &user)
{
    const HttpAnswer login = httpRequest(m_server.port(), "POST", "/api/v1/login",
                                         compact({{QStringLiteral("username"), user}, {QStringLiteral("password"), kPassword}}));
    if (login.status != 200)
        qFatal("login of %s: %d %s", qPrintable(user), login.status, login.body.constData());
    return login.json().value(QStringLiteral("token")).toString();
}

QString TestSync::freshCase()
{
    const QString id = RawConnection(file()).scalar(
        QStringLiteral("SELECT id FROM applications WHERE id NOT IN ('%1') ORDER BY id LIMIT 1")
            .arg(m_casesTaken.join(QStringLiteral("', '")))).toString();
    m_casesTaken << id;
    return id;
}

QByteArray TestSync::recordsDigest() const
{
    const RawConnection raw(file());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &type : EntityStore::entityTypes()) {
        hash.addData(raw.scalar(QStringLiteral("SELECT count(*) || ':' || coalesce(sum(revision), 0) || ':' || "
                                               "coalesce(max(id), '') FROM ") + EntityStore::tableOf(type)).toString().toUtf8());
    }
    hash.addData(raw.scalar(QStringLiteral("SELECT count(*) || ':' || coalesce(max(seq), 0) FROM audit_entries")).toString().toUtf8());
    hash.addData(raw.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM sync_changes")).toString().toUtf8());
    return hash.result().toHex();
}

void TestSync::aFirstSyncBringsEverythingTheSecretariatSeesAndTheNextIsOneRequest()
{
    Desk desk(m_server.port(), secretariat());
    const SyncSummary first = desk.sync();
    const RawConnection raw(file());
    QCOMPARE(first.cursor, raw.scalar(QStringLiteral("SELECT max(seq) FROM sync_changes")).toLongLong());
    QCOMPARE(desk.count(QStringLiteral("applications")), raw.count(QStringLiteral("applications")));
    QCOMPARE(desk.count(QStringLiteral("status_changes")), raw.count(QStringLiteral("status_changes")));
    QCOMPARE(desk.count(QStringLiteral("reviews")), raw.count(QStringLiteral("reviews")));
    QCOMPARE(desk.count(QStringLiteral("sync_parked")), 0);
    QCOMPARE(desk.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), QStringLiteral("0"));
    QCOMPARE(loadSyncState(*desk.workspace).pullCursor, first.cursor);

    const SyncSummary again = desk.sync();
    QCOMPARE(again.requests, 1);
    QCOMPARE(again.pulled, 0);
    QCOMPARE(again.pushed, 0);
    QCOMPARE(again.cursor, first.cursor);
}

void TestSync::editsOfDifferentFieldsMadeOfflineOnTwoDesksAreMerged()
{
    Desk a(m_server.port(), secretariat(0)), b(m_server.port(), secretariat(1));
    a.sync();
    b.sync();
    const QString id = freshCase();
    a.edit(QStringLiteral("application"), id, [](QJsonObject &r) { setTitle(r, QStringLiteral("Title from desk A")); });
    b.edit(QStringLiteral("application"), id, [](QJsonObject &r) { setDescription(r, QStringLiteral("Description from desk B")); });

    const SyncSummary fromA = a.sync();
    QCOMPARE(fromA.applied, 1);
    QCOMPARE(fromA.merged, 0);
    const SyncSummary fromB = b.sync();
    QCOMPARE(fromB.applied, 1);
    QCOMPARE(fromB.merged, 1);
    QCOMPARE(fromB.conflict, 0);
    a.sync();
    for (const Desk *desk : {&a, &b}) {
        const QJsonObject merged = desk->find(QStringLiteral("application"), id);
        QCOMPARE(titleOf(merged), QStringLiteral("Title from desk A"));
        QCOMPARE(descriptionOf(merged), QStringLiteral("Description from desk B"));
    }
    QCOMPARE(a.find(QStringLiteral("application"), id).value(QStringLiteral("revision")),
             b.find(QStringLiteral("application"), id).value(QStringLiteral("revision")));
    QCOMPARE(RawConnection(file()).scalar(QStringLiteral("SELECT title_en || ' / ' || description_en FROM applications WHERE id = ?"), {id})
                 .toString(), QStringLiteral("Title from desk A / Description from desk B"));
}

void TestSync::theSameFieldEditedOnTwoDesksIsAConflictKeptForAPerson()
{
    Desk a(m_server.port(), secretariat(0)), b(m_server.port(), secretariat(1));
    a.sync();
    b.sync();
    const QString id = freshCase();
    a.edit(QStringLiteral("application"), id, [](QJsonObject &r) { setTitle(r, QStringLiteral("A's title")); });
    b.edit(QStringLiteral("application"), id, [](QJsonObject &r) { setTitle(r, QStringLiteral("B's title")); });
    QCOMPARE(a.sync().applied, 1);
    const SyncSummary fromB = b.sync();
    QCOMPARE(fromB.conflict, 1);
    QCOMPARE(fromB.applied, 0);

    // Both versions are kept; this desk still shows its own until a person decides.
    const QList<SyncConflict> conflicts = SyncClient::conflicts(*b.workspace);
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0].entityId, id);
    QCOMPARE(titleOf(QJsonDocument::fromJson(conflicts[0].localRecord).object()), QStringLiteral("B's title"));
    QCOMPARE(titleOf(QJsonDocument::fromJson(conflicts[0].serverRecord).object()), QStringLiteral("A's title"));
    QVERIFY(conflicts[0].reason.contains(QLatin1String("title")));
    QCOMPARE(titleOf(b.find(QStringLiteral("application"), id)), QStringLiteral("B's title"));
    QCOMPARE(SyncClient::status(*b.workspace).conflicts, 1);
    QCOMPARE(SyncClient::status(*b.workspace).pending, 0);

    SyncClient::takeTheirs(*b.workspace, conflicts[0].operationNumber);
    QCOMPARE(titleOf(b.find(QStringLiteral("application"), id)), QStringLiteral("A's title"));
    QCOMPARE(SyncClient::status(*b.workspace).conflicts, 0);
    QCOMPARE(b.sync().pushed, 0);
    QCOMPARE(RawConnection(file()).scalar(QStringLiteral("SELECT title_en FROM applications WHERE id = ?"), {id}).toString(),
             QStringLiteral("A's title"));
}

void TestSync::keepMineSendsThisDesksVersionOnTheBackOfficesRevision()
{
    Desk a(m_server.port(), secretariat(0)), b(m_server.port(), secretariat(1));
    a.sync();
    b.sync();
    const QString id = freshCase();
    a.edit(QStringLiteral("application"), id, [](QJsonObject &r) { setTitle(r, QStringLiteral("first")); });
    b.edit(QStringLiteral("application"), id, [](QJsonObject &r) { setTitle(r, QStringLiteral("second, kept")); });
    a.sync();
    QCOMPARE(b.sync().conflict, 1);
    const qint64 number = SyncClient::conflicts(*b.workspace).first().operationNumber;
    SyncClient::keepMine(*b.workspace, number, b.client->session().user.id);
    QCOMPARE(SyncClient::status(*b.workspace).pending, 1);
    const SyncSummary resent = b.sync();
    QCOMPARE(resent.applied, 1);
    QCOMPARE(resent.conflict, 0);
    a.sync();
    QCOMPARE(titleOf(a.find(QStringLiteral("application"), id)), QStringLiteral("second, kept"));
    QCOMPARE(titleOf(b.find(QStringLiteral("application"), id)), QStringLiteral("second, kept"));
}

void TestSync::aPushSentTwiceIsAppliedOnce()
{
    const QString user = secretariat();
    const QString bearer = token(user);
    const QString id = freshCase();
    const RawConnection raw(file());
    const qint64 revision = raw.scalar(QStringLiteral("SELECT revision FROM applications WHERE id = ?"), {id}).toLongLong();
    QJsonObject record;
    for (qint64 cursor = 0; record.isEmpty();) {
        const HttpAnswer page = httpRequest(m_server.port(), "POST", "/api/v1/sync/pull",
                                            compact({{QStringLiteral("cursor"), cursor}, {QStringLiteral("limit"), 2000}}), bearer, kProtocol);
        for (const QJsonValue &change : page.json().value(QStringLiteral("changes")).toArray()) {
            if (change.toObject().value(QStringLiteral("id")).toString() == id)
                record = change.toObject().value(QStringLiteral("record")).toObject();
        }
        cursor = page.json().value(QStringLiteral("cursor")).toInteger();
        QVERIFY(page.json().value(QStringLiteral("more")).toBool() || !record.isEmpty());
    }
    QJsonObject changed = record;
    setTitle(changed, QStringLiteral("Sent twice, applied once"));
    const QJsonObject push{{QStringLiteral("device_id"), QStringLiteral("lost-response-device")},
                           {QStringLiteral("operations"), QJsonArray{QJsonObject{
                                {QStringLiteral("number"), 7}, {QStringLiteral("id"), newUuid()},
                                {QStringLiteral("type"), QStringLiteral("application")}, {QStringLiteral("record_id"), id},
                                {QStringLiteral("operation"), QStringLiteral("upsert")}, {QStringLiteral("action"), QStringLiteral("update")},
                                {QStringLiteral("base_revision"), revision}, {QStringLiteral("before"), record},
                                {QStringLiteral("record"), changed}}}}};
    const HttpAnswer first = httpRequest(m_server.port(), "POST", "/api/v1/sync/push", compact(push), bearer, kProtocol);
    const HttpAnswer second = httpRequest(m_server.port(), "POST", "/api/v1/sync/push", compact(push), bearer, kProtocol);
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QCOMPARE(first.headers.at("VoucherDesk-Protocol"), std::string("1"));
    const QJsonObject once = first.json().value(QStringLiteral("results")).toArray().first().toObject();
    const QJsonObject twice = second.json().value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(once.value(QStringLiteral("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(twice.value(QStringLiteral("state")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(twice.value(QStringLiteral("revision")), once.value(QStringLiteral("revision")));
    QCOMPARE(twice.value(QStringLiteral("seq")), once.value(QStringLiteral("seq")));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT revision FROM applications WHERE id = ?"), {id}).toLongLong(), revision + 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_entries WHERE entity_id = ? AND CAST(after_json AS TEXT) LIKE "
                                       "'%Sent twice, applied once%'"), {id}).toInt(), 1);
}

void TestSync::anAttachmentGoesUpBeforeItsApplicationAndComesDownToTheOtherDesks()
{
    Desk a(m_server.port(), secretariat(0)), b(m_server.port(), secretariat(1));
    a.sync();
    b.sync();
    const QString id = freshCase();
    QByteArray bytes(300 * 1024, Qt::Uninitialized);
    QRandomGenerator dice(11);
    for (char &byte : bytes)
        byte = char(dice.bounded(256));
    const QString source = a.folder.filePath(QStringLiteral("quotation.pdf"));
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    const AttachmentReference reference = AttachmentFolder(*a.workspace).add(source, QStringLiteral("quotation"));
    a.edit(QStringLiteral("application"), id, [&](QJsonObject &r) {
        QJsonArray attachments = r.value(QStringLiteral("attachments")).toArray();
        attachments.append(QJsonObject{{QStringLiteral("id"), newUuid()}, {QStringLiteral("kind"), reference.kind},
                                       {QStringLiteral("file_name"), QStringLiteral("報價單.pdf")},
                                       {QStringLiteral("sha256"), reference.sha256}, {QStringLiteral("size"), reference.size}});
        r.insert(QStringLiteral("attachments"), attachments);
    });

    const SyncSummary fromA = a.sync();
    QCOMPARE(fromA.attachmentsUploaded, 1);
    QCOMPARE(fromA.applied, 1);
    QVERIFY(fromA.attachmentFailures.empty());
    QFile kept(AttachmentFolder(m_data.path()).pathOf(reference.sha256));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), bytes);

    const SyncSummary toB = b.sync();
    QCOMPARE(toB.attachmentsDownloaded, 1);
    QVERIFY(toB.attachmentFailures.empty());
    QFile fetched(AttachmentFolder(*b.workspace).pathOf(reference.sha256));
    QVERIFY(fetched.open(QIODevice::ReadOnly));
    QCOMPARE(fetched.readAll(), bytes);
    // Once both sides hold it, a sync asks nothing more about it.
    const SyncSummary again = b.sync();
    QCOMPARE(again.attachmentsDownloaded + again.attachmentsUploaded + again.attachmentsUnavailable, 0);
    QCOMPARE(again.requests, 1);
}

void TestSync::anOfflineSubmissionGetsTheBackOfficesReferenceAndHistory()
{
    const RawConnection raw(file());
    const QString applicant = username(QStringLiteral(
        "SELECT u.username FROM users AS u WHERE u.role = 'applicant' AND u.active = 1 ORDER BY u.username LIMIT 1"));
    Desk desk(m_server.port(), applicant);
    desk.sync();
    const QString enterprise = desk.client->session().user.enterpriseId;
    // A draft like the enterprise's last submission, written and submitted offline.
    const QString model = desk.scalar(QStringLiteral("SELECT id FROM applications WHERE enterprise_id = '%1' AND "
                                                     "submitted IS NOT NULL ORDER BY submitted DESC LIMIT 1").arg(enterprise));
    QVERIFY(!model.isEmpty());
    QJsonObject draft = desk.find(QStringLiteral("application"), model);
    const QString id = newUuid();
    draft.insert(QStringLiteral("id"), id);
    draft.insert(QStringLiteral("revision"), 0);
    draft.insert(QStringLiteral("status"), QStringLiteral("draft"));
    const QJsonObject blank = record::toJson(Application{});
    for (const char *key : {"reference", "submitted", "approved_grant", "final_grant", "case_officer_id"})
        draft.insert(QString::fromLatin1(key), blank.value(QString::fromLatin1(key)));
    const QDate start = QDate::currentDate().addMonths(2);
    draft.insert(QStringLiteral("start"), start.toString(Qt::ISODate));
    draft.insert(QStringLiteral("end"), start.addMonths(6).toString(Qt::ISODate));
    setTitle(draft, QStringLiteral("Submitted offline"));
    QJsonArray items;
    for (const QJsonValue &item : draft.value(QStringLiteral("items")).toArray()) {
        QJsonObject copy = item.toObject();
        copy.insert(QStringLiteral("id"), newUuid());
        QJsonArray quotations;
        for (const QJsonValue &quotation : copy.value(QStringLiteral("quotations")).toArray()) {
            QJsonObject q = quotation.toObject();
            q.insert(QStringLiteral("id"), newUuid());
            quotations.append(q);
        }
        copy.insert(QStringLiteral("quotations"), quotations);
        items.append(copy);
    }
    draft.insert(QStringLiteral("items"), items);
    {
        UnitOfWork work(*desk.workspace, desk.client->session().user.id);
        EntityStore(*desk.workspace).save(work, QStringLiteral("application"), draft);
        work.commit();
    }
    const TransitionResult local = CaseTransitions(*desk.workspace).apply(
        {id, QStringLiteral("submit"), applicant, QString(), std::nullopt});
    if (!local.applied)
        QSKIP(qPrintable(QStringLiteral("the model application does not pass the rules today: ") + local.reason));
    QVERIFY(!local.reference.isEmpty()); // provisional

    const SyncSummary summary = desk.sync();
    QCOMPARE(summary.rejected, 0);
    QCOMPARE(summary.applied, 2); // the draft, and its submission
    const QString reference = raw.scalar(QStringLiteral("SELECT reference FROM applications WHERE id = ?"), {id}).toString();
    QVERIFY(!reference.isEmpty());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM applications WHERE id = ?"), {id}).toString(), QStringLiteral("submitted"));
    QCOMPARE(desk.find(QStringLiteral("application"), id).value(QStringLiteral("reference")).toString(), reference);
    // The provisional status change gave way to the back office's own.
    QCOMPARE(desk.scalar(QStringLiteral("SELECT group_concat(id) FROM status_changes WHERE application_id = '%1'").arg(id)),
             raw.scalar(QStringLiteral("SELECT group_concat(id) FROM status_changes WHERE application_id = ?"), {id}).toString());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM status_changes WHERE application_id = ?"), {id}).toInt(), 1);
    QCOMPARE(desk.count(QStringLiteral("outbox")), 0);
}

void TestSync::aRefusedChangeIsRejectedWithItsReasonAndTheDeskTakesTheBackOfficesVersion()
{
    const QString applicant = username(QStringLiteral(
        "SELECT u.username FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id WHERE "
        "u.role = 'applicant' AND u.active = 1 AND a.status = 'closed' ORDER BY u.username DESC LIMIT 1"));
    Desk desk(m_server.port(), applicant);
    desk.sync();
    const QString id = desk.scalar(QStringLiteral("SELECT id FROM applications WHERE status = 'closed' LIMIT 1"));
    const QString original = titleOf(desk.find(QStringLiteral("application"), id));
    desk.edit(QStringLiteral("application"), id, [](QJsonObject &r) { setTitle(r, QStringLiteral("Rewritten after closing")); });
    const SyncSummary summary = desk.sync();
    QCOMPARE(summary.rejected, 1);
    const QList<OutboxEntry> rejected = SyncClient::rejected(*desk.workspace);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected[0].entityId, id);
    QVERIFY(!rejected[0].resultReason.isEmpty());
    QCOMPARE(titleOf(desk.find(QStringLiteral("application"), id)), original);
    QCOMPARE(RawConnection(file()).scalar(QStringLiteral("SELECT title_en FROM applications WHERE id = ?"), {id}).toString(), original);
    // Never sent again; dismissed once seen.
    QCOMPARE(desk.sync().pushed, 0);
    SyncClient::dismissRejected(*desk.workspace, rejected[0].operationNumber);
    QCOMPARE(SyncClient::status(*desk.workspace).rejected, 0);
}

void TestSync::anApplicantReceivesOnlyItsOwnEnterprise()
{
    const QString applicant = username(QStringLiteral(
        "SELECT u.username FROM users AS u WHERE u.role = 'applicant' AND u.active = 1 AND EXISTS "
        "(SELECT 1 FROM applications WHERE enterprise_id = u.enterprise_id) ORDER BY u.username DESC LIMIT 1"));
    Desk desk(m_server.port(), applicant);
    desk.sync();
    const QString enterprise = desk.client->session().user.enterpriseId;
    const RawConnection raw(file());
    QCOMPARE(desk.count(QStringLiteral("applications")),
             raw.scalar(QStringLiteral("SELECT count(*) FROM applications WHERE enterprise_id = ?"), {enterprise}).toLongLong());
    QVERIFY(desk.count(QStringLiteral("applications")) > 0);
    QCOMPARE(desk.scalar(QStringLiteral("SELECT count(*) FROM applications WHERE enterprise_id <> '%1'").arg(enterprise)), QStringLiteral("0"));
    QCOMPARE(desk.scalar(QStringLiteral("SELECT group_concat(id) FROM enterprises")), enterprise);
    for (const char *table : {"reviews", "agenda_items", "interest_declarations", "committee_outcomes", "eligibility_checks",
                              "meetings", "committee_memberships"})
        QVERIFY2(desk.count(QString::fromLatin1(table)) == 0, table);
    QCOMPARE(desk.scalar(QStringLiteral("SELECT count(*) FROM users WHERE role = 'applicant' AND enterprise_id <> '%1'").arg(enterprise)),
             QStringLiteral("0"));

    // Claiming to hold another enterprise's case brings nothing of it, and its removal.
    const QString other = raw.scalar(QStringLiteral("SELECT id FROM applications WHERE enterprise_id <> ? LIMIT 1"), {enterprise}).toString();
    const HttpAnswer page = httpRequest(m_server.port(), "POST", "/api/v1/sync/pull",
                                        compact({{QStringLiteral("cursor"), 1}, {QStringLiteral("limit"), 2000},
                                                 {QStringLiteral("held_cases"), QJsonArray{other}}}),
                                        token(applicant), kProtocol);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json().value(QStringLiteral("removed_cases")).toArray(), QJsonArray{other});
    QVERIFY(!page.body.contains(other.toUtf8()) || page.body.count(other.toUtf8()) == 1);
}

void TestSync::aCommitteeMemberWhoDeclaresAConflictLosesTheCaseAndNeverReceivesIt()
{
    QString member, caseId;
    {
        const RawConnection raw(file());
        const QString pick = QStringLiteral(
            "SELECT %1 FROM users AS u JOIN committee_memberships AS cm ON cm.user_id = u.id "
            "JOIN meetings AS m ON m.term_id = cm.term_id JOIN agenda_items AS ai ON ai.meeting_id = m.id "
            "WHERE u.role = 'committee_member' AND u.active = 1 AND NOT EXISTS (SELECT 1 FROM interest_declarations AS d "
            "WHERE d.user_id = u.id AND d.application_id = ai.application_id) ORDER BY u.username, ai.application_id LIMIT 1");
        member = raw.scalar(pick.arg(QStringLiteral("u.username"))).toString();
        caseId = raw.scalar(pick.arg(QStringLiteral("ai.application_id"))).toString();
    }
    QVERIFY(!caseId.isEmpty());
    Desk desk(m_server.port(), member);
    desk.sync();
    QCOMPARE(desk.scalar(QStringLiteral("SELECT count(*) FROM applications WHERE id = '%1'").arg(caseId)), QStringLiteral("1"));
    QVERIFY(desk.count(QStringLiteral("agenda_items")) > 0);
    QCOMPARE(desk.scalar(QStringLiteral("SELECT count(*) FROM reviews WHERE reviewer_id <> '%1'").arg(desk.client->session().user.id)),
             QStringLiteral("0"));
    QCOMPARE(desk.count(QStringLiteral("sync_parked")), 0);

    // The member declares an interest in the case, on its desk; the sync takes the case away.
    {
        InterestDeclaration declaration;
        declaration.userId = desk.client->session().user.id;
        declaration.kind = QStringLiteral("case");
        declaration.applicationId = caseId;
        declaration.declaredOn = QDate::currentDate();
        declaration.description = QStringLiteral("a director of the applicant is my cousin");
        declaration.chairRuling = QStringLiteral("none");
        UnitOfWork work(*desk.workspace, declaration.userId);
        EntityStore(*desk.workspace).save(work, QStringLiteral("interest_declaration"), record::toJson(declaration));
        work.commit();
    }
    const SyncSummary summary = desk.sync();
    QCOMPARE(summary.applied, 1);
    QCOMPARE(summary.removedCases, 1);
    const QString ofTheCase = QStringLiteral("SELECT (SELECT count(*) FROM applications WHERE id = '%1') + "
                                             "(SELECT count(*) FROM agenda_items WHERE application_id = '%1') + "
                                             "(SELECT count(*) FROM status_changes WHERE application_id = '%1')").arg(caseId);
    QCOMPARE(desk.scalar(ofTheCase), QStringLiteral("0"));
    QCOMPARE(RawConnection(file()).scalar(QStringLiteral("SELECT count(*) FROM interest_declarations WHERE user_id = ? "
                                                         "AND application_id = ?"), {desk.client->session().user.id, caseId}).toInt(), 1);
    // A new desk of the same member never receives it.
    Desk again(m_server.port(), member);
    again.sync();
    QCOMPARE(again.scalar(ofTheCase), QStringLiteral("0"));
    QVERIFY(again.count(QStringLiteral("applications")) > 0);
    QCOMPARE(again.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), QStringLiteral("0"));
}

void TestSync::wrongTokenWrongRoleWrongProtocolAndOversizedBodiesAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("who");        // token of: secretariat, visitor, wrong
    QTest::addColumn<bool>("protocol");
    QTest::addColumn<int>("bodyBytes");      // 0: a small valid body
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    for (const char *path : {"/api/v1/sync/pull", "/api/v1/sync/push"}) {
        const QString p = QString::fromLatin1(path);
        QTest::addRow("%s wrong token", path) << p << QStringLiteral("wrong") << true << 0 << 401 << QStringLiteral("TOKEN_INVALID");
        QTest::addRow("%s no token", path) << p << QString() << true << 0 << 401 << QStringLiteral("TOKEN_MISSING");
        QTest::addRow("%s role that does not sync", path) << p << QStringLiteral("visitor") << true << 0 << 403 << QStringLiteral("ROLE_NOT_PERMITTED");
        QTest::addRow("%s no protocol", path) << p << QStringLiteral("secretariat") << false << 0 << 400 << QStringLiteral("PROTOCOL_VERSION");
        QTest::addRow("%s oversized", path) << p << QStringLiteral("secretariat") << true << 3 * 1024 * 1024 << 413 << QStringLiteral("BODY_TOO_LARGE");
    }
}

void TestSync::wrongTokenWrongRoleWrongProtocolAndOversizedBodiesAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, who);
    QFETCH(bool, protocol);
    QFETCH(int, bodyBytes);
    QFETCH(int, status);
    QFETCH(QString, code);
    QString bearer;
    if (who == QLatin1String("secretariat")) {
        bearer = token(secretariat());
    } else if (who == QLatin1String("wrong")) {
        bearer = QStringLiteral("AAAAnot-a-token-at-allAAAA");
    } else if (who == QLatin1String("visitor")) {
        // A role this scheme does not know receives nothing at all.
        RawConnection(file()).run(QStringLiteral("INSERT OR IGNORE INTO users (id, revision, username, role, active) VALUES "
                                                 "('7e57c0de-0000-4000-8000-0000000051c0', 1, 'sync.visitor', 'visitor', 1)"));
        bearer = token(QStringLiteral("sync.visitor"));
    }
    QByteArray body = bodyBytes > 0 ? QByteArray("{\"device_id\":\"x\",\"pad\":\"") + QByteArray(bodyBytes, 'a') + "\"}"
                                    : QByteArray("{\"device_id\":\"d\",\"cursor\":0,\"limit\":1,\"operations\":[]}");
    const HttpAnswer answer = httpRequest(m_server.port(), "POST", path.toStdString(), body, bearer,
                                          protocol ? kProtocol : std::map<std::string, std::string>{});
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.errorCode(), code);
}

void TestSync::theServerKilledDuringAPushLosesNothingAndAppliesNothingTwice()
{
    const QString user = secretariat(2);
    Desk desk(m_server.port(), user);
    desk.sync();
    // Many small changes, so that the push is under way when the server dies.
    QStringList ids;
    QSqlQuery query = desk.workspace->run(QStringLiteral("SELECT id FROM enterprises ORDER BY id"));
    while (query.next())
        ids << query.value(0).toString();
    query.finish();
    QVERIFY(ids.size() > 20);
    constexpr int kRounds = 8;
    for (int round = 0; round < kRounds; ++round) {
        UnitOfWork work(*desk.workspace, desk.client->session().user.id);
        for (const QString &id : ids) {
            QJsonObject enterprise = desk.find(QStringLiteral("enterprise"), id);
            enterprise.insert(QStringLiteral("contact_email"), QStringLiteral("round%1.%2@example.org").arg(round).arg(id.left(8)));
            EntityStore(*desk.workspace).save(work, QStringLiteral("enterprise"), enterprise);
        }
        work.commit();
    }
    const qint64 queued = desk.count(QStringLiteral("outbox"));
    QCOMPARE(queued, kRounds * ids.size());
    const int port = m_server.port();
    const QString device = desk.workspace->deviceId();
    desk.workspace.reset(); // the CLI syncs this workspace now

    qputenv("VOUCHERDESK_PASSWORD", kPassword.toUtf8());
    QProcess cli;
    cli.start(QStringLiteral(VD_CLI), {QStringLiteral("sync"), QStringLiteral("--server"), url(), QStringLiteral("--user"), user,
                                       QStringLiteral("--batch"), QStringLiteral("10"), QStringLiteral("--workspace"), desk.folder.path()});
    QVERIFY(cli.waitForStarted());
    // Killed once some pushes are answered, before all are.
    QDeadlineTimer deadline(20000);
    qint64 answered = 0;
    while (!deadline.hasExpired() && answered < 30) {
        answered = RawConnection(file()).scalar(QStringLiteral("SELECT count(*) FROM sync_operations WHERE device_id = ?"),
                                                {device}).toLongLong();
        QTest::qWait(2);
    }
    QVERIFY(m_server.kill());
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.readAllStandardError().contains("cannot reach the back office"), "the CLI says the back office is unreachable");
    const qint64 appliedBeforeTheCrash = RawConnection(file()).scalar(
        QStringLiteral("SELECT count(*) FROM sync_operations WHERE device_id = ?"), {device}).toLongLong();
    QVERIFY(appliedBeforeTheCrash > 0);
    QVERIFY(appliedBeforeTheCrash < queued);
    QVERIFY2(startServer(port), m_server.log().constData());
    const CliRun verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), TestDatabase::workspaceOf(m_data.path())});
    QCOMPARE(verify.exitCode, 0);

    const CliRun again = runCli({QStringLiteral("sync"), QStringLiteral("--server"), url(), QStringLiteral("--user"), user,
                                 QStringLiteral("--workspace"), desk.folder.path(), QStringLiteral("--json")});
    qunsetenv("VOUCHERDESK_PASSWORD");
    QCOMPARE(again.exitCode, 0);
    desk.workspace = std::make_unique<Workspace>(desk.folder.path());
    const SyncStatus status = SyncClient::status(*desk.workspace);
    QCOMPARE(status.pending + status.conflicts + status.rejected, 0);
    // Every change applied exactly once: one audit entry each, and the last round everywhere.
    const RawConnection raw(file());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM sync_operations WHERE device_id = ?"), {device}).toLongLong(), queued);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_entries WHERE entity_type = 'enterprise' AND "
                                       "CAST(after_json AS TEXT) LIKE '%@example.org%'")).toLongLong(), queued);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM enterprises WHERE contact_email LIKE 'round%1.%@example.org'")
                            .arg(kRounds - 1)).toLongLong(), ids.size());
    QCOMPARE(desk.scalar(QStringLiteral("SELECT count(*) FROM enterprises WHERE contact_email LIKE 'round%1.%@example.org'")
                             .arg(kRounds - 1)).toLongLong(), ids.size());
}

void TestSync::aDeskKilledDuringAPullStaysConsistentAndCatchesUp()
{
    QTemporaryDir folder;
    const QString user = secretariat(1);
    { Workspace create(folder.path()); }
    qputenv("VOUCHERDESK_PASSWORD", kPassword.toUtf8());
    QRandomGenerator random(20261123);
    for (int attempt = 0; attempt < 5; ++attempt) {
        QProcess cli;
        cli.start(QStringLiteral(VD_CLI), {QStringLiteral("sync"), QStringLiteral("--server"), url(), QStringLiteral("--user"), user,
                                           QStringLiteral("--workspace"), folder.path()});
        QVERIFY(cli.waitForStarted());
        QTest::qWait(int(random.bounded(150, 700)));
        cli.kill(); // SIGKILL, if it has not finished already
        cli.waitForFinished(10000);

        Workspace workspace(folder.path());
        QSqlQuery check = workspace.run(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        QSqlQuery keys = workspace.run(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check"));
        QVERIFY(keys.next());
        QCOMPARE(keys.value(0).toInt(), 0);
        // Cursor and records agree: every application the back office logged up
        // to the cursor is here, or waits here for a record it refers to.
        const qint64 cursor = loadSyncState(workspace).pullCursor;
        QSqlQuery held = workspace.run(QStringLiteral("SELECT (SELECT count(*) FROM applications) + (SELECT count(*) FROM "
                                                      "sync_parked WHERE entity_type = 'application')"));
        QVERIFY(held.next());
        QCOMPARE(held.value(0).toLongLong(),
                 RawConnection(file()).scalar(QStringLiteral("SELECT count(*) FROM sync_changes WHERE entity_type = 'application' "
                                                             "AND seq <= ?"), {cursor}).toLongLong());
    }
    const CliRun last = runCli({QStringLiteral("sync"), QStringLiteral("--server"), url(), QStringLiteral("--user"), user,
                                QStringLiteral("--workspace"), folder.path(), QStringLiteral("--json")});
    qunsetenv("VOUCHERDESK_PASSWORD");
    QCOMPARE(last.exitCode, 0);
    Workspace workspace(folder.path());
    QSqlQuery count = workspace.run(QStringLiteral("SELECT count(*) FROM applications"));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toLongLong(), RawConnection(file()).count(QStringLiteral("applications")));
    QCOMPARE(loadSyncState(workspace).pullCursor,
             RawConnection(file()).scalar(QStringLiteral("SELECT max(seq) FROM sync_changes")).toLongLong());
}

void TestSync::fuzzedRequestsAreAnswered4xxAndChangeNothing()
{
    const QString auditor = username(QStringLiteral("SELECT username FROM users WHERE role = 'auditor' AND active = 1 LIMIT 1"));
    const QString reader = token(secretariat());
    const QString writer = token(auditor); // may write nothing: no mutation can change a record
    const QString id = freshCase();
    const QJsonObject application = QJsonDocument::fromJson(
        RawConnection(file()).scalar(QStringLiteral("SELECT payload FROM sync_changes WHERE entity_id = ?"), {id}).toString().toUtf8()).object();
    const QJsonObject validPush{{QStringLiteral("device_id"), QStringLiteral("fuzz")},
                                {QStringLiteral("operations"), QJsonArray{QJsonObject{
                                     {QStringLiteral("number"), 1}, {QStringLiteral("id"), newUuid()},
                                     {QStringLiteral("type"), QStringLiteral("application")}, {QStringLiteral("record_id"), id},
                                     {QStringLiteral("operation"), QStringLiteral("upsert")}, {QStringLiteral("action"), QStringLiteral("approve")},
                                     {QStringLiteral("base_revision"), application.value(QStringLiteral("revision"))},
                                     {QStringLiteral("before"), application}, {QStringLiteral("record"), application}}}}};
    const QJsonObject validPull{{QStringLiteral("device_id"), QStringLiteral("fuzz")}, {QStringLiteral("cursor"), 5},
                                {QStringLiteral("limit"), 20}, {QStringLiteral("held_cases"), QJsonArray{id}}};
    const QByteArray before = recordsDigest();

    QRandomGenerator random(4242);
    const QList<QByteArray> tokens{"null", "true", "-1", "0", "1e309", "9223372036854775807", "\"\"", "[]", "{}",
                                   "\"\\u0000\"", "\"\xff\xfe\"", "[[[[[[[[[[[[[[[[[[[[", "\"push\"", "{\"a\":"};
    QMap<int, int> statuses;
    for (int i = 0; i < 2500; ++i) {
        const bool push = i % 2 == 0;
        QByteArray body = compact(push ? validPush : validPull);
        const int mutations = 1 + int(random.bounded(4));
        for (int m = 0; m < mutations; ++m) {
            const int at = int(random.bounded(qMax<qsizetype>(1, body.size())));
            switch (random.bounded(6)) {
            case 0: body[at] = char(random.bounded(256)); break;                       // a byte flipped
            case 1: body.truncate(at); break;                                          // cut short
            case 2: body.insert(at, tokens[int(random.bounded(tokens.size()))]); break; // a token dropped in
            case 3: body.remove(at, int(random.bounded(1, 40))); break;                // a piece gone
            case 4: {                                                                  // a value of another type
                const qsizetype colon = body.indexOf(':', at);
                if (colon > 0)
                    body.insert(colon + 1, tokens[int(random.bounded(tokens.size()))] + ',');
                break;
            }
            default: body = body.repeated(2); break;                                   // doubled
            }
        }
        const HttpAnswer answer = httpRequest(m_server.port(), "POST", push ? "/api/v1/sync/push" : "/api/v1/sync/pull", body,
                                              push ? writer : reader, kProtocol);
        ++statuses[answer.status];
        QVERIFY2(answer.status >= 200 && answer.status < 500,
                 qPrintable(QStringLiteral("request %1 got %2: %3").arg(i).arg(answer.status).arg(QString::fromUtf8(answer.body.left(300)))));
        if (push && answer.status == 200) {
            for (const QJsonValue &result : answer.json().value(QStringLiteral("results")).toArray())
                QVERIFY(result.toObject().value(QStringLiteral("state")).toString() != QLatin1String("applied"));
        }
    }
    QVERIFY2(statuses.value(400) > 1000, "most mutated bodies are refused as malformed");
    QCOMPARE(httpRequest(m_server.port(), "GET", "/healthz").status, 200);
    QCOMPARE(recordsDigest(), before);
}

void TestSync::httpsIsVerifiedAgainstTheCertificateTheDeskTrusts()
{
    QTemporaryDir data, folder;
    BackOfficeProcess secure;
    QVERIFY2(secure.start({QStringLiteral("--data"), data.path(), QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--demo-applications"), QStringLiteral("3")},
                          data.filePath(QStringLiteral("server.log"))),
             secure.log().constData());
    const QString address = QStringLiteral("https://127.0.0.1:%1").arg(secure.port());
    const QString user = RawConnection(data.filePath(QStringLiteral("workspace.sqlite")))
                             .scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' LIMIT 1")).toString();
    Workspace workspace(folder.path());
    {
        // Not trusted: the system's CAs do not know a self-signed certificate.
        SyncClient untrusting(workspace);
        try {
            untrusting.signIn(address, user, kPassword);
            QFAIL("a certificate nobody trusts was accepted");
        } catch (const DomainError &error) {
            QCOMPARE(error.code(), QStringLiteral("BACK_OFFICE_NOT_TRUSTED"));
        }
    }
    SyncClient client(workspace);
    client.setCertificateAuthority(data.filePath(QStringLiteral("tls/server.crt")));
    client.signIn(address, user, kPassword);
    const SyncSummary summary = client.sync();
    QVERIFY(summary.pulled > 0);
    QSqlQuery count = workspace.run(QStringLiteral("SELECT count(*) FROM applications"));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), 3);
    QCOMPARE(secure.stop(), 0);
}

void TestSync::plainHttpIsRefusedForAnyAddressButLoopback()
{
    QTemporaryDir folder;
    Workspace workspace(folder.path());
    SyncClient client(workspace);
    for (const QString &address : {QStringLiteral("http://backoffice.example:8080"), QStringLiteral("ftp://127.0.0.1"),
                                   QStringLiteral("https://127.0.0.1:8443/api")}) {
        try {
            client.signIn(address, QStringLiteral("someone"), kPassword);
            QFAIL(qPrintable(address + QStringLiteral(" was used")));
        } catch (const DomainError &error) {
            QCOMPARE(error.code(), QStringLiteral("INPUT_ERROR"));
        }
    }
    // Down: a clear message, and nothing changes.
    try {
        client.signIn(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("someone"), kPassword);
        QFAIL("a closed port answered");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("BACK_OFFICE_UNREACHABLE"));
        QVERIFY(error.message().contains(QLatin1String("cannot reach the back office at http://127.0.0.1:1")));
    }
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
