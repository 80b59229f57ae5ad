// The back office's audit log end to end (docs/audit-trail.md): a real
// voucherdesk-backoffice on 127.0.0.1 serving signed tree heads and proofs,
// desks that check them at every sync, and history rewritten with raw SQL in
// the server's database or a desk's, found and named.
#include "backofficeprocess.h"
#include "clirunner.h"
#include "rawconnection.h"

#include "audittrail.h"
#include "domainerror.h"
#include "entitystore.h"
#include "merkletree.h"
#include "sha256.h"
#include "syncclient.h"
#include "syncstate.h"
#include "treehead.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace vd;

namespace {

const QString kPassword = QStringLiteral("voucherdesk-demo");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

MerkleHash hashFrom(const QJsonValue &value)
{
    MerkleHash hash{};
    if (!merkle::fromBytes(QByteArray::fromBase64(value.toString().toLatin1()), &hash))
        qFatal("not a base64 hash: %s", qPrintable(value.toString()));
    return hash;
}

std::vector<MerkleHash> proofFrom(const QJsonValue &value)
{
    std::vector<MerkleHash> proof;
    for (const QJsonValue &each : value.toArray())
        proof.push_back(hashFrom(each));
    return proof;
}

void copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &entry : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + u'/' + entry.fileName();
        if (entry.isDir())
            copyFolder(entry.filePath(), target);
        else if (!QFile::copy(entry.filePath(), target))
            qFatal("cannot copy %s", qPrintable(entry.filePath()));
    }
}

// History changed with raw SQL, as someone who can write the file would:
// the triggers that keep the trail append-only are dropped first.
void tamper(const QString &file, const QString &how, qint64 seq)
{
    const RawConnection raw(file);
    raw.run(QStringLiteral("DROP TRIGGER IF EXISTS audit_entries_are_not_updated"));
    raw.run(QStringLiteral("DROP TRIGGER IF EXISTS audit_entries_are_not_deleted"));
    if (how == QLatin1String("edit")) {
        raw.run(QStringLiteral("UPDATE audit_entries SET actor_id = 'someone-else' WHERE seq = ?"), {seq});
    } else if (how == QLatin1String("delete")) {
        raw.run(QStringLiteral("DELETE FROM audit_entries WHERE seq = ?"), {seq});
    } else { // reorder: this entry and the next change places
        raw.run(QStringLiteral("UPDATE audit_entries SET seq = -1 WHERE seq = ?"), {seq});
        raw.run(QStringLiteral("UPDATE audit_entries SET seq = ? WHERE seq = ?"), {seq, seq + 1});
        raw.run(QStringLiteral("UPDATE audit_entries SET seq = ? WHERE seq = -1"), {seq + 1});
    }
}

// Entry seq rewritten and every later entry re-hashed and re-chained, its
// leaves too: a chain that verifies, which only a head signed earlier shows.
void rewriteConsistently(const QString &file, qint64 seq)
{
    const RawConnection raw(file);
    raw.run(QStringLiteral("DROP TRIGGER IF EXISTS audit_entries_are_not_updated"));
    raw.run(QStringLiteral("UPDATE audit_entries SET actor_id = 'someone-else' WHERE seq = ?"), {seq});
    Workspace workspace(QFileInfo(file).path(), Workspace::Mode::OpenExisting);
    QByteArray previous = raw.scalar(QStringLiteral("SELECT hash FROM audit_entries WHERE seq = ?"), {seq - 1}).toByteArray();
    Sha256 hasher;
    for (const StoredAuditEntry &entry : AuditTrail(workspace).storedAfter(seq - 1, 1'000'000)) {
        StoredAuditEntry rechained = entry;
        rechained.previousHash = previous;
        const QByteArray hash = auditChainHash(hasher, rechained.chainFields());
        raw.run(QStringLiteral("UPDATE audit_entries SET previous_hash = ?, hash = ? WHERE seq = ?"),
                {previous, hash, entry.seq});
        raw.run(QStringLiteral("UPDATE audit_log_leaves SET leaf_hash = ? WHERE seq = ?"),
                {merkle::bytes(merkle::leafHash(hash)), entry.seq});
        previous = hash;
    }
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void theTreeHeadIsSignedAndItsProofsLeadToTheTrail();
    void theTreeGrowsWithEveryWriteAndIsTheSameAfterARestart();
    void proofsAreForTheRolesThatNeedThem();
    void historyRewrittenOnTheServerIsFoundByItsVerifyAndStopsTheNextSync_data();
    void historyRewrittenOnTheServerIsFoundByItsVerifyAndStopsTheNextSync();
    void aConsistentRewriteIsFoundThroughTheHeadsSignedBefore();
    void historyRewrittenOnADeskIsNamedByAuditVerify_data();
    void historyRewrittenOnADeskIsNamedByAuditVerify();

private:
    // A back office on a copy of the demo data made once, so that each test may spoil its own.
    bool startServer();
    QString file() const { return m_data->filePath(QStringLiteral("workspace.sqlite")); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }
    QString user(const QString &role) const
    {
        return RawConnection(file()).scalar(QStringLiteral("SELECT username FROM users WHERE role = ? AND active = 1 "
                                                           "ORDER BY username LIMIT 1"), {role}).toString();
    }
    QString token(const QString &username);
    HttpAnswer get(const std::string &path, const QString &token) { return httpRequest(m_server.port(), "GET", path, {}, token); }
    CliRun cliSync(const QString &workspace, const QString &username);

    QTemporaryDir m_template;
    std::unique_ptr<QTemporaryDir> m_data;
    BackOfficeProcess m_server;
};

void TestAuditLog::initTestCase()
{
    QVERIFY(m_template.isValid());
    QFile config(m_template.filePath(QStringLiteral("test.properties")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("limits.requests_per_second = 100000\nlimits.burst = 100000\nsignin.failure_delay_ms = 10\n");
    config.close();
    BackOfficeProcess first;
    QVERIFY2(first.start({QStringLiteral("--data"), m_template.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                          QStringLiteral("0"), QStringLiteral("--demo-applications"), QStringLiteral("20"),
                          QStringLiteral("--config"), m_template.filePath(QStringLiteral("test.properties"))},
                         m_template.filePath(QStringLiteral("first.log"))),
             first.log().constData());
    QCOMPARE(first.stop(), 0);
    qputenv("VOUCHERDESK_PASSWORD", kPassword.toUtf8());
}

void TestAuditLog::cleanupTestCase()
{
    m_server.stop();
}

void TestAuditLog::cleanup()
{
    m_server.stop();
}

bool TestAuditLog::startServer()
{
    m_server.stop();
    m_data = std::make_unique<QTemporaryDir>();
    copyFolder(m_template.path(), m_data->path());
    return m_server.start({QStringLiteral("--data"), m_data->path(), QStringLiteral("--http"), QStringLiteral("--port"),
                           QStringLiteral("0"), QStringLiteral("--config"), m_data->filePath(QStringLiteral("test.properties"))},
                          m_data->filePath(QStringLiteral("server.log")));
}

QString TestAuditLog::token(const QString &username)
{
    const HttpAnswer login = httpRequest(m_server.port(), "POST", "/api/v1/login",
                                         compact({{QStringLiteral("username"), username}, {QStringLiteral("password"), kPassword}}));
    if (login.status != 200)
        qFatal("login of %s: %d %s", qPrintable(username), login.status, login.body.constData());
    return login.json().value(QStringLiteral("token")).toString();
}

CliRun TestAuditLog::cliSync(const QString &workspace, const QString &username)
{
    return runCli({QStringLiteral("sync"), QStringLiteral("--server"), url(), QStringLiteral("--user"), username,
                   QStringLiteral("--workspace"), workspace});
}

void TestAuditLog::theTreeHeadIsSignedAndItsProofsLeadToTheTrail()
{
    QVERIFY2(startServer(), m_server.log().constData());
    const QString auditor = token(user(QStringLiteral("auditor")));
    const QJsonObject json = get("/api/v1/audit/tree-head", auditor).json();
    SignedTreeHead head;
    head.head.size = std::uint64_t(json.value(QStringLiteral("tree_size")).toInteger());
    head.head.root = hashFrom(json.value(QStringLiteral("sha256_root_hash")));
    head.head.timestampMs = json.value(QStringLiteral("timestamp")).toInteger();
    head.signature = QByteArray::fromBase64(json.value(QStringLiteral("tree_head_signature")).toString().toLatin1());
    const TreeHeadKey key =
        TreeHeadKey::fromPublicKeyDer(QByteArray::fromBase64(json.value(QStringLiteral("public_key")).toString().toLatin1()));
    QVERIFY(key.verify(head));
    const RawConnection raw(file());
    QCOMPARE(qint64(head.head.size), raw.count(QStringLiteral("audit_entries")));

    // The tree of the entries' hashes, built here from the file, is the one signed.
    MerkleTree tree;
    for (qint64 seq = 1; seq <= qint64(head.head.size); ++seq)
        tree.appendEntry(raw.scalar(QStringLiteral("SELECT hash FROM audit_entries WHERE seq = ?"), {seq}).toByteArray());
    QCOMPARE(tree.root(), head.head.root);

    for (const std::uint64_t index : {std::uint64_t(0), head.head.size / 3, head.head.size - 1}) {
        const QJsonObject inclusion = get(QStringLiteral("/api/v1/audit/inclusion?index=%1&size=%2")
                                              .arg(index).arg(head.head.size).toStdString(), auditor).json();
        QCOMPARE(hashFrom(inclusion.value(QStringLiteral("leaf_hash"))), tree.leaf(index));
        QVERIFY(merkle::verifyInclusion(index, head.head.size, tree.leaf(index),
                                        proofFrom(inclusion.value(QStringLiteral("audit_path"))), head.head.root));
    }
    const std::uint64_t first = head.head.size / 2 + 1;
    const QJsonObject consistency = get(QStringLiteral("/api/v1/audit/consistency?first=%1&second=%2")
                                            .arg(first).arg(head.head.size).toStdString(), auditor).json();
    QVERIFY(merkle::verifyConsistency(first, head.head.size, tree.root(first), head.head.root,
                                      proofFrom(consistency.value(QStringLiteral("consistency")))));

    const HttpAnswer beyond = get(QStringLiteral("/api/v1/audit/consistency?first=1&second=%1")
                                      .arg(head.head.size + 1).toStdString(), auditor);
    QCOMPARE(beyond.status, 400);
    QCOMPARE(beyond.errorCode(), QStringLiteral("AUDIT_SIZE_OUT_OF_RANGE"));
    QCOMPARE(get("/api/v1/audit/inclusion?index=x&size=2", auditor).status, 400);
}

void TestAuditLog::theTreeGrowsWithEveryWriteAndIsTheSameAfterARestart()
{
    QVERIFY2(startServer(), m_server.log().constData());
    QTemporaryDir folder;
    Workspace desk(folder.path());
    SyncClient client(desk);
    client.signIn(url(), user(QStringLiteral("secretariat")), kPassword);
    const SyncSummary first = client.sync();
    QVERIFY(first.auditLogSize > 0);

    // A change pushed from the desk: new entries on the back office, a consistent new head.
    QSqlQuery pick = desk.run(QStringLiteral("SELECT id FROM applications ORDER BY id LIMIT 1"));
    QVERIFY(pick.next());
    QJsonObject record = EntityStore(desk).find(QStringLiteral("application"), pick.value(0).toString()).value();
    QJsonObject title = record.value(QStringLiteral("title")).toObject();
    title.insert(QStringLiteral("en"), QStringLiteral("A title changed on the desk"));
    record.insert(QStringLiteral("title"), title);
    {
        UnitOfWork work(desk, client.session().user.id);
        EntityStore(desk).save(work, QStringLiteral("application"), record);
        work.commit();
    }
    QCOMPARE(client.sync().applied, 1);
    // The head is checked before anything is sent: the next sync sees the entries of the last.
    const SyncSummary second = client.sync();
    QVERIFY(second.auditLogSize > first.auditLogSize);
    const SyncState kept = loadSyncState(desk);
    QCOMPARE(*kept.treeHeadSize, second.auditLogSize);
    QCOMPARE(kept.treeHeadHash, second.auditLogRoot);

    // Restarted, the back office rebuilds the same tree from the trail and the desk goes on.
    QCOMPARE(m_server.stop(), 0);
    QVERIFY(m_server.start({QStringLiteral("--data"), m_data->path(), QStringLiteral("--http"), QStringLiteral("--port"),
                            QStringLiteral("0")}, m_data->filePath(QStringLiteral("again.log"))));
    QVERIFY(!m_server.log().contains("audit_log_rewritten"));
    SyncClient again(desk);
    again.signIn(url(), user(QStringLiteral("secretariat")), kPassword);
    const SyncSummary third = again.sync();
    QCOMPARE(third.auditLogSize, second.auditLogSize);
    QCOMPARE(third.auditLogRoot, second.auditLogRoot);
    const CliRun verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"),
                                  folder.path(), QStringLiteral("--server"), url(), QStringLiteral("--user"),
                                  user(QStringLiteral("secretariat"))});
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QVERIFY2(verify.outText().contains(QStringLiteral("is consistent with the head of %1 entries").arg(third.auditLogSize)),
             verify.out.constData());
}

void TestAuditLog::proofsAreForTheRolesThatNeedThem()
{
    QVERIFY2(startServer(), m_server.log().constData());
    const QString applicant = token(user(QStringLiteral("applicant")));
    QCOMPARE(get("/api/v1/audit/tree-head", applicant).status, 200);
    QCOMPARE(get("/api/v1/audit/consistency?first=1&second=2", applicant).status, 200);
    const HttpAnswer inclusion = get("/api/v1/audit/inclusion?index=0&size=2", applicant);
    QCOMPARE(inclusion.status, 403);
    QCOMPARE(inclusion.errorCode(), QStringLiteral("ROLE_NOT_PERMITTED"));
    QCOMPARE(get("/api/v1/audit/inclusion?index=0&size=2", token(user(QStringLiteral("secretariat")))).status, 200);
    QCOMPARE(get("/api/v1/audit/tree-head", QString()).status, 401);
}

void TestAuditLog::historyRewrittenOnTheServerIsFoundByItsVerifyAndStopsTheNextSync_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("named");  // what verify says of it, %1 the id of the entry that was at seq
    QTest::addColumn<qint64>("seq");
    QTest::newRow("edited") << QStringLiteral("edit") << QStringLiteral("Audit entry 40 (%1) was changed") << qint64(40);
    QTest::newRow("deleted") << QStringLiteral("delete") << QStringLiteral("before entry 41 (%1) was deleted") << qint64(41);
    QTest::newRow("reordered") << QStringLiteral("reorder") << QStringLiteral("Audit entry 40 (%1) is out of order")
                               << qint64(41);
}

void TestAuditLog::historyRewrittenOnTheServerIsFoundByItsVerifyAndStopsTheNextSync()
{
    QFETCH(QString, how);
    QFETCH(QString, named);
    QVERIFY2(startServer(), m_server.log().constData());
    QTemporaryDir folder;
    const QString secretariat = user(QStringLiteral("secretariat"));
    QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("--workspace"), folder.path()}).exitCode, 0);
    const CliRun first = cliSync(folder.path(), secretariat);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(m_server.stop(), 0);

    QFETCH(qint64, seq);
    const QString id = RawConnection(file()).scalar(QStringLiteral("SELECT id FROM audit_entries WHERE seq = ?"), {seq}).toString();
    tamper(file(), how, 40);

    // The back office's own verify names the entry.
    const CliRun verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), m_data->path()});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.errText().contains(named.arg(id)), verify.err.constData());

    // Started again, it says so in its log; the desk's next sync stops, loudly, and keeps what it knew.
    QVERIFY(m_server.start({QStringLiteral("--data"), m_data->path(), QStringLiteral("--http"), QStringLiteral("--port"),
                            QStringLiteral("0")}, m_data->filePath(QStringLiteral("again.log"))));
    QVERIFY2(m_server.log().contains("audit_log_rewritten"), m_server.log().constData());
    const SyncState before = [&] {
        Workspace desk(folder.path(), Workspace::Mode::OpenExisting);
        return loadSyncState(desk);
    }();
    const CliRun stopped = cliSync(folder.path(), secretariat);
    QCOMPARE(stopped.exitCode, 1);
    QVERIFY2(stopped.errText().contains(QStringLiteral("audit history was rewritten")), stopped.err.constData());
    QVERIFY2(stopped.errText().contains(QStringLiteral("%1 entries (root %2").arg(*before.treeHeadSize).arg(before.treeHeadHash)),
             stopped.err.constData());
    Workspace desk(folder.path(), Workspace::Mode::OpenExisting);
    QCOMPARE(loadSyncState(desk), before);

    SyncClient client(desk);
    client.signIn(url(), secretariat, kPassword);
    try {
        client.sync();
        QFAIL("a sync went on over rewritten history");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("AUDIT_HISTORY_REWRITTEN"));
    }
}

void TestAuditLog::aConsistentRewriteIsFoundThroughTheHeadsSignedBefore()
{
    QVERIFY2(startServer(), m_server.log().constData());
    QTemporaryDir folder;
    Workspace desk(folder.path());
    {
        SyncClient client(desk);
        client.signIn(url(), user(QStringLiteral("secretariat")), kPassword);
        client.sync();
    }
    QCOMPARE(m_server.stop(), 0);
    rewriteConsistently(file(), 40);

    const CliRun verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), m_data->path()});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.outText().contains(QStringLiteral("The audit trail is intact")), verify.out.constData());
    QVERIFY2(verify.errText().contains(QStringLiteral("no longer matches the audit trail")), verify.err.constData());

    QVERIFY(m_server.start({QStringLiteral("--data"), m_data->path(), QStringLiteral("--http"), QStringLiteral("--port"),
                            QStringLiteral("0")}, m_data->filePath(QStringLiteral("again.log"))));
    SyncClient client(desk);
    client.signIn(url(), user(QStringLiteral("secretariat")), kPassword);
    QVERIFY_THROWS_EXCEPTION(DomainError, client.sync());
}

void TestAuditLog::historyRewrittenOnADeskIsNamedByAuditVerify_data()
{
    historyRewrittenOnTheServerIsFoundByItsVerifyAndStopsTheNextSync_data();
}

void TestAuditLog::historyRewrittenOnADeskIsNamedByAuditVerify()
{
    QFETCH(QString, how);
    QFETCH(QString, named);
    QVERIFY2(startServer(), m_server.log().constData());
    QTemporaryDir folder;
    QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("--workspace"), folder.path()}).exitCode, 0);
    QCOMPARE(cliSync(folder.path(), user(QStringLiteral("secretariat"))).exitCode, 0);
    const QString deskFile = folder.filePath(QStringLiteral("workspace.sqlite"));
    QFETCH(qint64, seq);
    const QString id = RawConnection(deskFile).scalar(QStringLiteral("SELECT id FROM audit_entries WHERE seq = ?"), {seq}).toString();
    tamper(deskFile, how, 40);
    const CliRun verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), folder.path()});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.errText().contains(named.arg(id)), verify.err.constData());
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
