// Attachments in sync (docs/sync.md, Attachments), end to end: a real
// voucherdesk-backoffice process on 127.0.0.1 with a demo workspace, raw HTTP
// requests for the protocol's edges, and vd::AttachmentSync with a workspace
// of its own for the client's half. The server's files are looked at (and
// tampered with) beside it, as someone with a shell would.
#include "attachmentfolder.h"
#include "attachmentsync.h"
#include "backofficeprocess.h"
#include "backofficeconnection.h"
#include "rawconnection.h"
#include "samplerecords.h"

#include "applicationrepository.h"
#include "enterpriserepository.h"
#include "selfsignedcertificate.h"
#include "sha256.h"
#include "unitofwork.h"
#include "workspace.h"

#include <Poco/Net/ServerSocket.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace vd;

namespace {

const QString demoPassword = QStringLiteral("voucherdesk-demo");
constexpr int kChunk = 64 * 1024;          // the servers' limits.attachment_chunk_bytes here
constexpr int kLargest = 1024 * 1024;      // and limits.attachment_bytes

QByteArray bytesOf(int size, quint32 seed)
{
    QRandomGenerator dice(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(dice.bounded(256));
    return bytes;
}

QString digestOf(const QByteArray &bytes)
{
    return QString::fromLatin1(Sha256::hexOf(bytes));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QStringList serverArguments(const QString &data, const QString &config, int applications)
{
    return {QStringLiteral("--data"), data, QStringLiteral("--http"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--demo-applications"), QString::number(applications), QStringLiteral("--config"), config};
}

QString writeConfig(const QString &folder)
{
    const QString path = QDir(folder).filePath(QStringLiteral("attachments.properties"));
    writeAll(path, QStringLiteral("limits.requests_per_second = 100000\nlimits.burst = 100000\n"
                                  "limits.attachment_chunk_bytes = %1\nlimits.attachment_bytes = %2\n")
                       .arg(kChunk).arg(kLargest).toUtf8());
    return path;
}

// A desktop's workspace holding one case of its own whose application refers
// to these attachments (a local change, so it waits in the outbox).
struct ClientDesk
{
    QTemporaryDir dir;
    std::unique_ptr<Workspace> workspace;

    ClientDesk() : workspace(std::make_unique<Workspace>(dir.path())) {}
    AttachmentFolder folder() const { return AttachmentFolder(*workspace); }

    void holdCase(const QList<AttachmentReference> &attachments)
    {
        UnitOfWork work(*workspace, QStringLiteral("u0000000-0000-4000-8000-000000000001"));
        Enterprise enterprise = samples::enterprise();
        EnterpriseRepository(*workspace).save(work, enterprise);
        Application application = samples::application();
        application.attachments = attachments;
        ApplicationRepository(*workspace).save(work, application);
        work.commit();
    }
    // Attaches a file of these bytes as the applicant's editor does.
    AttachmentReference attach(const QByteArray &bytes)
    {
        const QString source = dir.filePath(QStringLiteral("quotation.pdf"));
        writeAll(source, bytes);
        AttachmentReference reference = folder().add(source, QStringLiteral("quotation"));
        QFile::remove(source);
        return reference;
    }
};

// The connection of a desktop signed in with this token.
std::unique_ptr<BackOfficeConnection> connectTo(const QString &url, const QString &token, const QString &certificate = {})
{
    auto connection = std::make_unique<BackOfficeConnection>(url, certificate);
    connection->setToken(token);
    return connection;
}

AttachmentReference referenceTo(const QByteArray &bytes)
{
    return {QStringLiteral("a0000000-0000-4000-8000-0000000000ff"), QStringLiteral("quotation"),
            QStringLiteral("報價單.pdf"), digestOf(bytes), bytes.size()};
}

} // namespace

class TestAttachmentSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void healthListsTheSyncProtocolsServed();
    void anUploadInChunksIsCountedResumedAndVerified();
    void badUploadsAreRefusedAndKeepNothing_data();
    void badUploadsAreRefusedAndKeepNothing();
    void aTamperedUploadIsRefusedWithHashMismatchAndNothingIsKept();
    void onlyThoseWhoSeeACaseReferringToABlobMayFetchIt_data();
    void onlyThoseWhoSeeACaseReferringToABlobMayFetchIt();
    void aRangeFetchesTheRestOfABlob_data();
    void aRangeFetchesTheRestOfABlob();

    void theClientUploadsInChunksAndResumesAfterTheServerIsKilled();
    void theClientDownloadResumesFromAPartialFile_data();
    void theClientDownloadResumesFromAPartialFile();
    void aDownloadStoppedHalfWayKeepsWhatArrived();
    void aCorruptDownloadIsDiscardedAndReported_data();
    void aCorruptDownloadIsDiscardedAndReported();
    void aBlobTheServerLacksIsReportedUnavailable();
    void theClientStopsOrReportsWhenItCannotGoOn_data();
    void theClientStopsOrReportsWhenItCannotGoOn();
    void theClientRefusesAddressesThatWouldExposeIt_data();
    void theClientRefusesAddressesThatWouldExposeIt();
    void overHttpsTheClientTrustsOnlyTheCertificateItIsGiven();

private:
    QString tokenFor(const QString &username);
    QString scalar(const QString &sql, const QVariantList &values = {}) const;
    HttpAnswer call(const std::string &method, const std::string &path, const QByteArray &body, const QString &token,
                    std::map<std::string, std::string> headers = {{"VoucherDesk-Protocol", "1"}}) const;
    // Puts a blob in the server's folder and makes a case refer to it.
    void placeOnServer(const QByteArray &bytes, const QString &applicationId) const;
    QString serverBlob(const QString &digest) const { return AttachmentFolder(m_data.path()).pathOf(digest); }
    QString serverPartial(const QString &digest) const { return AttachmentFolder(m_data.path()).partialPathOf(digest); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }
    // An applicant with a case, and that case.
    std::pair<QString, QString> applicantWithACase(const QString &order = QStringLiteral("ASC")) const;

    QTemporaryDir m_data;
    BackOfficeProcess m_server;
    QHash<QString, QString> m_tokens;
};

void TestAttachmentSync::initTestCase()
{
    QVERIFY(m_data.isValid());
    QVERIFY2(m_server.start(serverArguments(m_data.path(), writeConfig(m_data.path()), 30),
                            m_data.filePath(QStringLiteral("server.log"))),
             m_server.log().constData());
}

void TestAttachmentSync::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QString TestAttachmentSync::scalar(const QString &sql, const QVariantList &values) const
{
    return RawConnection(m_data.filePath(QStringLiteral("workspace.sqlite"))).scalar(sql, values).toString();
}

QString TestAttachmentSync::tokenFor(const QString &username)
{
    if (!m_tokens.contains(username)) {
        const HttpAnswer answer = httpRequest(m_server.port(), "POST", "/api/v1/login",
                                              QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                                        {QStringLiteral("password"), demoPassword}})
                                                  .toJson());
        if (answer.status != 200)
            qFatal("login of %s: %d %s", qPrintable(username), answer.status, answer.body.constData());
        m_tokens.insert(username, answer.json().value(QStringLiteral("token")).toString());
    }
    return m_tokens.value(username);
}

HttpAnswer TestAttachmentSync::call(const std::string &method, const std::string &path, const QByteArray &body,
                                    const QString &token, std::map<std::string, std::string> headers) const
{
    return httpRequest(m_server.port(), method, path, body, token, headers);
}

void TestAttachmentSync::placeOnServer(const QByteArray &bytes, const QString &applicationId) const
{
    writeAll(serverBlob(digestOf(bytes)), bytes);
    RawConnection(m_data.filePath(QStringLiteral("workspace.sqlite")))
        .run(QStringLiteral("INSERT INTO application_attachments (application_id, position, id, kind, file_name, sha256, size) "
                            "VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM application_attachments "
                            "WHERE application_id = ?), ?, 'quotation', 'q.pdf', ?, ?)"),
             {applicationId, applicationId, QUuid::createUuid().toString(QUuid::WithoutBraces), digestOf(bytes),
              bytes.size()});
}

std::pair<QString, QString> TestAttachmentSync::applicantWithACase(const QString &order) const
{
    const QString pick = QStringLiteral("SELECT %1 FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id "
                                        "WHERE u.role = 'applicant' AND u.active = 1 ORDER BY u.username %2, a.id LIMIT 1");
    return {scalar(pick.arg(QStringLiteral("u.username"), order)), scalar(pick.arg(QStringLiteral("a.id"), order))};
}

void TestAttachmentSync::healthListsTheSyncProtocolsServed()
{
    const HttpAnswer health = call("GET", "/healthz", {}, {});
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QStringLiteral("protocols")).toArray(), QJsonArray{1});
    QCOMPARE(health.headers.at("VoucherDesk-Protocol"), std::string("1"));
}

void TestAttachmentSync::anUploadInChunksIsCountedResumedAndVerified()
{
    const QString token = tokenFor(scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' "
                                                         "AND active = 1 ORDER BY username LIMIT 1")));
    const QByteArray blob = bytesOf(kChunk * 2 + 4000, 1);
    const std::string path = "/api/v1/attachments/" + digestOf(blob).toStdString();
    const std::string size = "&size=" + std::to_string(blob.size());

    QCOMPARE(call("GET", path + "/upload", {}, token).json().value(QStringLiteral("received")).toInteger(), 0);
    const HttpAnswer first = call("PUT", path + "?offset=0" + size, blob.left(kChunk), token);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json(), (QJsonObject{{QStringLiteral("received"), kChunk}, {QStringLiteral("complete"), false}}));
    QCOMPARE(first.headers.at("VoucherDesk-Protocol"), std::string("1"));
    QCOMPARE(call("GET", path + "/upload", {}, token).json().value(QStringLiteral("received")).toInteger(), kChunk);
    QVERIFY(!QFileInfo::exists(serverBlob(digestOf(blob))));

    // The same piece again (its answer was lost): refused, with where to go on from.
    const HttpAnswer again = call("PUT", path + "?offset=0" + size, blob.left(kChunk), token);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("OFFSET_MISMATCH"));
    QCOMPARE(again.json().value(QStringLiteral("received")).toInteger(), kChunk);

    QCOMPARE(call("PUT", path + "?offset=" + std::to_string(kChunk) + size, blob.mid(kChunk, kChunk), token).status, 200);
    const HttpAnswer last = call("PUT", path + "?offset=" + std::to_string(2 * kChunk) + size, blob.mid(2 * kChunk), token);
    QCOMPARE(last.status, 200);
    QCOMPARE(last.json().value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(readAll(serverBlob(digestOf(blob))), blob);
    QVERIFY(!QFileInfo::exists(serverPartial(digestOf(blob))));
    const HttpAnswer done = call("GET", path + "/upload", {}, token);
    QCOMPARE(done.json(), (QJsonObject{{QStringLiteral("received"), blob.size()}, {QStringLiteral("complete"), true}}));
    // A blob held whole is not taken again.
    QCOMPARE(call("PUT", path + "?offset=0" + size, blob.left(kChunk), token).json().value(QStringLiteral("complete")).toBool(), true);
}

void TestAttachmentSync::badUploadsAreRefusedAndKeepNothing_data()
{
    QTest::addColumn<QString>("role");      // whose token; empty: none
    QTest::addColumn<QString>("digest");    // empty: the SHA-256 of the row's name
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("protocol");  // VoucherDesk-Protocol; "-": left out
    QTest::addColumn<int>("bodyBytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");

    const QString secretariat = QStringLiteral("secretariat");
    const QString fine = QStringLiteral("?offset=0&size=100");
    QTest::newRow("no protocol header") << secretariat << QString() << fine << "-" << 10 << 400 << "PROTOCOL_VERSION" << "VoucherDesk-Protocol";
    QTest::newRow("a protocol not served") << secretariat << QString() << fine << "2" << 10 << 400 << "PROTOCOL_VERSION" << "VoucherDesk-Protocol";
    QTest::newRow("no token") << QString() << QString() << fine << "1" << 10 << 401 << "TOKEN_MISSING" << "Authorization";
    QTest::newRow("a committee member adds no attachments") << QStringLiteral("committee_member") << QString() << fine << "1" << 10
                                                            << 403 << "ROLE_NOT_PERMITTED" << "role";
    QTest::newRow("an auditor adds no attachments") << QStringLiteral("auditor") << QString() << fine << "1" << 10
                                                    << 403 << "ROLE_NOT_PERMITTED" << "role";
    QTest::newRow("a digest in capitals") << secretariat << QString(64, u'A') << fine << "1" << 10 << 400 << "INPUT_ERROR" << "path";
    QTest::newRow("a digest too short") << secretariat << QStringLiteral("9f86d081") << fine << "1" << 10 << 400 << "INPUT_ERROR" << "path";
    QTest::newRow("a digest that is not hex") << secretariat << QString(64, u'g') << fine << "1" << 10 << 400 << "INPUT_ERROR" << "path";
    QTest::newRow("no offset") << secretariat << QString() << "?size=100" << "1" << 10 << 400 << "INPUT_ERROR" << "offset";
    QTest::newRow("a negative offset") << secretariat << QString() << "?offset=-1&size=100" << "1" << 10 << 400 << "INPUT_ERROR" << "offset";
    QTest::newRow("a size in words") << secretariat << QString() << "?offset=0&size=ten" << "1" << 10 << 400 << "INPUT_ERROR" << "size";
    QTest::newRow("a size past 64 bits") << secretariat << QString() << "?offset=0&size=99999999999999999999" << "1" << 10
                                         << 400 << "INPUT_ERROR" << "size";
    QTest::newRow("a blob over the limit") << secretariat << QString() << QStringLiteral("?offset=0&size=%1").arg(kLargest + 1)
                                           << "1" << 10 << 413 << "ATTACHMENT_TOO_LARGE" << "size";
    QTest::newRow("a piece over the limit") << secretariat << QString() << QStringLiteral("?offset=0&size=%1").arg(kLargest)
                                            << "1" << kChunk + 1 << 413 << "BODY_TOO_LARGE" << "body";
    QTest::newRow("an offset ahead of the bytes held") << secretariat << QString() << "?offset=10&size=100" << "1" << 10
                                                       << 409 << "OFFSET_MISMATCH" << "offset";
    QTest::newRow("bytes past the size") << secretariat << QString() << "?offset=0&size=5" << "1" << 10 << 400 << "INPUT_ERROR" << "body";
}

void TestAttachmentSync::badUploadsAreRefusedAndKeepNothing()
{
    QFETCH(QString, role);
    QFETCH(QString, digest);
    QFETCH(QString, query);
    QFETCH(QString, protocol);
    QFETCH(int, bodyBytes);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, where);

    if (digest.isEmpty())
        digest = digestOf(QTest::currentDataTag());
    const QString token = role.isEmpty() ? QString()
        : tokenFor(scalar(QStringLiteral("SELECT username FROM users WHERE role = ? AND active = 1 ORDER BY username LIMIT 1"), {role}));
    std::map<std::string, std::string> headers{{"Accept-Language", "en"}};
    if (protocol != QLatin1String("-"))
        headers["VoucherDesk-Protocol"] = protocol.toStdString();
    const HttpAnswer answer = call("PUT", "/api/v1/attachments/" + digest.toStdString() + query.toStdString(),
                                   QByteArray(bodyBytes, 'x'), token, headers);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.errorCode(), code);
    const QJsonObject error = answer.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("where")).toString(), where);
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    if (code == QLatin1String("PROTOCOL_VERSION"))
        QCOMPARE(answer.json().value(QStringLiteral("protocols")).toArray(), QJsonArray{1});
    QVERIFY(!QFileInfo::exists(serverPartial(digest)));
    QVERIFY(!QFileInfo::exists(serverBlob(digest)));
    QCOMPARE(call("GET", "/healthz", {}, {}).status, 200);
}

void TestAttachmentSync::aTamperedUploadIsRefusedWithHashMismatchAndNothingIsKept()
{
    const QString token = tokenFor(applicantWithACase().first);
    const QByteArray promised = bytesOf(kChunk + 500, 2);
    QByteArray sent = promised;
    sent[kChunk + 10] = char(sent[kChunk + 10] ^ 0x20); // one bit of the second piece
    const std::string path = "/api/v1/attachments/" + digestOf(promised).toStdString();
    const std::string size = "&size=" + std::to_string(sent.size());
    QCOMPARE(call("PUT", path + "?offset=0" + size, sent.left(kChunk), token).status, 200);
    const HttpAnswer last = call("PUT", path + "?offset=" + std::to_string(kChunk) + size, sent.mid(kChunk), token,
                                 {{"VoucherDesk-Protocol", "1"}, {"Accept-Language", "zh-HK"}});
    QCOMPARE(last.status, 422);
    QCOMPARE(last.errorCode(), QStringLiteral("HASH_MISMATCH"));
    QCOMPARE(last.json().value(QStringLiteral("received")).toInteger(), 0);
    QVERIFY(!QFileInfo::exists(serverBlob(digestOf(promised))));
    QVERIFY(!QFileInfo::exists(serverPartial(digestOf(promised))));
    QCOMPARE(call("GET", path + "/upload", {}, token).json(),
             (QJsonObject{{QStringLiteral("received"), 0}, {QStringLiteral("complete"), false}}));
}

// Who may fetch a blob that a case refers to.
void TestAttachmentSync::onlyThoseWhoSeeACaseReferringToABlobMayFetchIt_data()
{
    QTest::addColumn<QString>("theCase"); // SELECT the case's id
    QTest::addColumn<QString>("who");     // SELECT username, given the case's id (twice)
    QTest::addColumn<bool>("referred");   // whether the case refers to the blob
    QTest::addColumn<int>("status");

    const QString applicantsCase = QStringLiteral(
        "SELECT a.id FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id "
        "WHERE u.role = 'applicant' AND u.active = 1 ORDER BY u.username DESC, a.id LIMIT 1");
    const QString ownApplicant = QStringLiteral(
        "SELECT u.username FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id "
        "WHERE a.id = ? AND ? <> '' AND u.role = 'applicant' AND u.active = 1 LIMIT 1");
    const QString secretariat = QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 "
                                               "AND ? <> '' AND ? <> '' ORDER BY username LIMIT 1");
    // A member of the committee whose meeting has the case on its agenda, with no interest declared in it.
    const QString agendaCase = QStringLiteral(
        "SELECT ai.application_id FROM agenda_items AS ai JOIN meetings AS m ON m.id = ai.meeting_id "
        "JOIN committee_memberships AS cm ON cm.term_id = m.term_id JOIN users AS u ON u.id = cm.user_id "
        "WHERE u.role = 'committee_member' AND u.active = 1 AND NOT EXISTS (SELECT 1 FROM interest_declarations AS d "
        "WHERE d.user_id = u.id AND d.application_id = ai.application_id) ORDER BY ai.application_id LIMIT 1");
    QTest::newRow("its own applicant") << applicantsCase << ownApplicant << true << 200;
    QTest::newRow("another enterprise's applicant")
        << applicantsCase
        << QStringLiteral("SELECT u.username FROM users AS u WHERE u.role = 'applicant' AND u.active = 1 AND u.enterprise_id "
                          "<> (SELECT enterprise_id FROM applications WHERE id = ?) AND ? <> '' ORDER BY u.username LIMIT 1")
        << true << 404;
    QTest::newRow("the secretariat") << applicantsCase << secretariat << true << 200;
    QTest::newRow("a committee member with the case on its agenda")
        << agendaCase
        << QStringLiteral("SELECT u.username FROM users AS u JOIN committee_memberships AS cm ON cm.user_id = u.id "
                          "JOIN meetings AS m ON m.term_id = cm.term_id JOIN agenda_items AS ai ON ai.meeting_id = m.id "
                          "WHERE ai.application_id = ? AND u.role = 'committee_member' AND u.active = 1 AND NOT EXISTS "
                          "(SELECT 1 FROM interest_declarations AS d WHERE d.user_id = u.id AND d.application_id = ?) "
                          "ORDER BY u.username LIMIT 1")
        << true << 200;
    QTest::newRow("a committee member without the case")
        << applicantsCase
        << QStringLiteral("SELECT u.username FROM users AS u WHERE u.role = 'committee_member' AND u.active = 1 AND ? <> '' "
                          "AND NOT EXISTS (SELECT 1 FROM agenda_items AS ai JOIN meetings AS m ON m.id = ai.meeting_id "
                          "JOIN committee_memberships AS cm ON cm.term_id = m.term_id WHERE cm.user_id = u.id "
                          "AND ai.application_id = ?) ORDER BY u.username LIMIT 1")
        << true << 404;
    QTest::newRow("an administrator") << applicantsCase
                                      << QStringLiteral("SELECT username FROM users WHERE role = 'administrator' AND active = 1 "
                                                        "AND ? <> '' AND ? <> '' LIMIT 1")
                                      << true << 404;
    QTest::newRow("its own applicant, for a blob no case refers to") << applicantsCase << ownApplicant << false << 404;
    QTest::newRow("the secretariat, for a blob no case refers to") << applicantsCase << secretariat << false << 404;
}

void TestAttachmentSync::onlyThoseWhoSeeACaseReferringToABlobMayFetchIt()
{
    QFETCH(QString, theCase);
    QFETCH(QString, who);
    QFETCH(bool, referred);
    QFETCH(int, status);

    const QString applicationId = scalar(theCase);
    QVERIFY2(!applicationId.isEmpty(), "the demo has no such case");
    const QByteArray blob = bytesOf(3000, qHash(QString::fromLatin1(QTest::currentDataTag())));
    if (referred) {
        placeOnServer(blob, applicationId);
    } else {
        writeAll(serverBlob(digestOf(blob)), blob);
    }
    const QString username = scalar(who, {applicationId, applicationId});
    QVERIFY2(!username.isEmpty(), "the demo has nobody to try");
    const HttpAnswer answer = call("GET", "/api/v1/attachments/" + digestOf(blob).toStdString(), {}, tokenFor(username));
    QCOMPARE(answer.status, status);
    if (status == 200) {
        QCOMPARE(answer.body, blob);
        QCOMPARE(answer.headers.at("Content-Type"), std::string("application/octet-stream"));
    } else {
        QCOMPARE(answer.errorCode(), QStringLiteral("ATTACHMENT_NOT_FOUND"));
        // The same answer as for a blob that is nowhere.
        const HttpAnswer nowhere = call("GET", "/api/v1/attachments/" + digestOf("nowhere").toStdString(), {}, tokenFor(username));
        QCOMPARE(nowhere.status, 404);
        QCOMPARE(nowhere.errorCode(), answer.errorCode());
    }
}

void TestAttachmentSync::aRangeFetchesTheRestOfABlob_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("contentRange"); // or the error's code
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("count");

    const int size = 5000;
    QTest::newRow("the rest from a byte") << "bytes=1000-" << 206 << "bytes 1000-4999/5000" << 1000 << 4000;
    QTest::newRow("the last byte") << "bytes=4999-" << 206 << "bytes 4999-4999/5000" << 4999 << 1;
    QTest::newRow("a closed range") << "bytes=10-19" << 206 << "bytes 10-19/5000" << 10 << 10;
    QTest::newRow("a range past the end is cut") << "bytes=4990-9999" << 206 << "bytes 4990-4999/5000" << 4990 << 10;
    QTest::newRow("from the size") << QStringLiteral("bytes=%1-").arg(size) << 416 << "RANGE_NOT_SATISFIABLE" << 0 << 0;
    QTest::newRow("backwards") << "bytes=20-10" << 416 << "RANGE_NOT_SATISFIABLE" << 0 << 0;
    QTest::newRow("a suffix") << "bytes=-500" << 400 << "INPUT_ERROR" << 0 << 0;
    QTest::newRow("other units") << "items=0-" << 400 << "INPUT_ERROR" << 0 << 0;
    QTest::newRow("several ranges") << "bytes=0-1,5-6" << 400 << "INPUT_ERROR" << 0 << 0;
    QTest::newRow("a number past 64 bits") << "bytes=99999999999999999999-" << 400 << "INPUT_ERROR" << 0 << 0;
}

void TestAttachmentSync::aRangeFetchesTheRestOfABlob()
{
    QFETCH(QString, range);
    QFETCH(int, status);
    QFETCH(QString, contentRange);
    QFETCH(int, first);
    QFETCH(int, count);

    const auto [username, applicationId] = applicantWithACase();
    const QByteArray blob = bytesOf(5000, 5);
    if (!QFileInfo::exists(serverBlob(digestOf(blob))))
        placeOnServer(blob, applicationId);
    const HttpAnswer answer = call("GET", "/api/v1/attachments/" + digestOf(blob).toStdString(), {}, tokenFor(username),
                                   {{"VoucherDesk-Protocol", "1"}, {"Range", range.toStdString()}});
    QCOMPARE(answer.status, status);
    if (status == 206) {
        QCOMPARE(QString::fromStdString(answer.headers.at("Content-Range")), contentRange);
        QCOMPARE(answer.body, blob.mid(first, count));
    } else {
        QCOMPARE(answer.errorCode(), contentRange);
        QCOMPARE(answer.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("where")).toString(),
                 QStringLiteral("Range"));
    }
}

void TestAttachmentSync::theClientUploadsInChunksAndResumesAfterTheServerIsKilled()
{
    QTemporaryDir data;
    BackOfficeProcess server;
    const QStringList arguments = serverArguments(data.path(), writeConfig(data.path()), 3);
    QVERIFY2(server.start(arguments, data.filePath(QStringLiteral("first.log"))), server.log().constData());
    const QString username = RawConnection(Workspace::fileIn(data.path()))
                                 .scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' LIMIT 1")).toString();
    const HttpAnswer login = httpRequest(server.port(), "POST", "/api/v1/login",
                                         QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                                   {QStringLiteral("password"), demoPassword}}).toJson());
    const QString token = login.json().value(QStringLiteral("token")).toString();
    QVERIFY2(!token.isEmpty(), login.body.constData());

    ClientDesk desk;
    const QByteArray blob = bytesOf(10 * kChunk + 1234, 3);
    const AttachmentReference reference = desk.attach(blob);
    desk.holdCase({reference});
    const QString digest = reference.sha256;
    {
        const auto connection = connectTo(QStringLiteral("http://127.0.0.1:%1").arg(server.port()), token);
        AttachmentSync sync(*desk.workspace, *connection);
        QCOMPARE(sync.blobsToUpload(), QStringList{digest});
        sync.setChunkBytes(kChunk);
        int pieces = 0;
        sync.setProgress([&](const QString &, qint64, qint64) {
            if (++pieces == 3)
                server.kill();
        });
        try {
            sync.uploadPending();
            QFAIL("the upload went on without its server");
        } catch (const DomainError &error) {
            QCOMPARE(error.code(), QStringLiteral("BACK_OFFICE_UNREACHABLE"));
        }
    }
    QCOMPARE(QFileInfo(AttachmentFolder(data.path()).partialPathOf(digest)).size(), 3 * kChunk);

    QVERIFY2(server.start(arguments, data.filePath(QStringLiteral("second.log"))), server.log().constData());
    const auto connection = connectTo(QStringLiteral("http://127.0.0.1:%1").arg(server.port()), token);
    AttachmentSync sync(*desk.workspace, *connection);
    sync.setChunkBytes(kChunk);
    QList<qint64> done;
    sync.setProgress([&](const QString &, qint64 bytes, qint64) { done << bytes; });
    const AttachmentSync::Report report = sync.uploadPending();
    QCOMPARE(report.uploaded, QStringList{digest});
    QVERIFY(report.failures.empty());
    QCOMPARE(done.first(), 4 * kChunk); // it went on from the three pieces the server had
    QCOMPARE(done.size(), 8);
    QCOMPARE(readAll(AttachmentFolder(data.path()).pathOf(digest)), blob);
    QVERIFY(!QFileInfo::exists(AttachmentFolder(data.path()).partialPathOf(digest)));
    // Once there, it is not sent again.
    const AttachmentSync::Report again = sync.uploadPending();
    QCOMPARE(again.alreadyThere, QStringList{digest});
    QVERIFY(again.uploaded.isEmpty());
    QCOMPARE(server.stop(), 0);
}

void TestAttachmentSync::theClientDownloadResumesFromAPartialFile_data()
{
    QTest::addColumn<int>("partial");   // bytes an earlier sync left here
    QTest::addColumn<int>("fetchedFrom"); // the first byte asked for; -1: nothing asked
    const int size = 5 * kChunk + 77;
    QTest::newRow("nothing yet") << 0 << 0;
    QTest::newRow("broken off after two pieces and a bit") << 2 * kChunk + 5 << 2 * kChunk + 5;
    QTest::newRow("one byte missing") << size - 1 << size - 1;
    QTest::newRow("every byte, not yet checked") << size << -1;
}

void TestAttachmentSync::theClientDownloadResumesFromAPartialFile()
{
    QFETCH(int, partial);
    QFETCH(int, fetchedFrom);

    const auto [username, applicationId] = applicantWithACase();
    const QByteArray blob = bytesOf(5 * kChunk + 77, qHash(QString::fromLatin1(QTest::currentDataTag())));
    placeOnServer(blob, applicationId);
    ClientDesk desk;
    desk.holdCase({referenceTo(blob)});
    const QString digest = digestOf(blob);
    if (partial > 0)
        writeAll(desk.folder().partialPathOf(digest), blob.left(partial));

    const auto connection = connectTo(url(), tokenFor(username));
    AttachmentSync sync(*desk.workspace, *connection);
    QCOMPARE(sync.blobsToDownload().size(), 1);
    QList<qint64> done;
    sync.setProgress([&](const QString &, qint64 bytes, qint64) { done << bytes; });
    const AttachmentSync::Report report = sync.downloadMissing();
    QCOMPARE(report.downloaded, QStringList{digest});
    QVERIFY(report.failures.empty());
    QCOMPARE(readAll(desk.folder().pathOf(digest)), blob);
    QVERIFY(!QFileInfo::exists(desk.folder().partialPathOf(digest)));
    QVERIFY(sync.blobsToDownload().isEmpty());

    const QByteArray fetched = "\"path\":\"/api/v1/attachments/" + digest.toLatin1() + "\",\"route\":\"attachment\",\"status\":";
    if (fetchedFrom < 0) {
        QVERIFY(done.isEmpty());
        QCOMPARE(m_server.log().count(fetched), 0);
        return;
    }
    QVERIFY(done.first() > fetchedFrom);
    QCOMPARE(done.last(), blob.size());
    QCOMPARE(m_server.log().count(fetched + (fetchedFrom > 0 ? "206" : "200")), 1);
    QCOMPARE(m_server.log().count(fetched), 1);
}

void TestAttachmentSync::aDownloadStoppedHalfWayKeepsWhatArrived()
{
    const auto [username, applicationId] = applicantWithACase();
    const QByteArray blob = bytesOf(8 * kChunk, 9);
    placeOnServer(blob, applicationId);
    ClientDesk desk;
    desk.holdCase({referenceTo(blob)});
    const QString digest = digestOf(blob);
    const auto connection = connectTo(url(), tokenFor(username));
    {
        AttachmentSync sync(*desk.workspace, *connection);
        qint64 stoppedAt = 0;
        sync.setProgress([&](const QString &, qint64 bytes, qint64) {
            if (bytes >= 2 * kChunk) {
                stoppedAt = bytes;
                throw std::runtime_error("the desktop was closed"); // as a person quitting mid-sync
            }
        });
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, sync.downloadMissing());
        QCOMPARE(QFileInfo(desk.folder().partialPathOf(digest)).size(), stoppedAt);
        QVERIFY(!desk.folder().contains(digest));
    }
    AttachmentSync sync(*desk.workspace, *connection);
    QCOMPARE(sync.downloadMissing().downloaded, QStringList{digest});
    QCOMPARE(readAll(desk.folder().pathOf(digest)), blob);
}

void TestAttachmentSync::aCorruptDownloadIsDiscardedAndReported_data()
{
    QTest::addColumn<int>("served"); // bytes the server holds under the digest: the blob's, changed
    QTest::addColumn<int>("partial"); // bytes already here from an earlier sync
    QTest::newRow("one byte changed") << 0 << 0;
    QTest::newRow("one byte changed, after a partial") << 0 << 1000;
    QTest::newRow("longer than its reference") << 100 << 0;
    QTest::newRow("shorter than its reference") << -100 << 0;
}

void TestAttachmentSync::aCorruptDownloadIsDiscardedAndReported()
{
    QFETCH(int, served);
    QFETCH(int, partial);

    const auto [username, applicationId] = applicantWithACase();
    const QByteArray blob = bytesOf(3 * kChunk, qHash(QString::fromLatin1(QTest::currentDataTag())));
    placeOnServer(blob, applicationId);
    QByteArray tampered = served >= 0 ? blob + QByteArray(served, 'x') : blob.left(blob.size() + served);
    tampered[kChunk + 7] = char(tampered[kChunk + 7] ^ 0x01);
    writeAll(serverBlob(digestOf(blob)), tampered);

    ClientDesk desk;
    desk.holdCase({referenceTo(blob)});
    const QString digest = digestOf(blob);
    if (partial > 0)
        writeAll(desk.folder().partialPathOf(digest), blob.left(partial));
    const auto connection = connectTo(url(), tokenFor(username));
    AttachmentSync sync(*desk.workspace, *connection);
    const AttachmentSync::Report report = sync.downloadMissing();
    QVERIFY(report.downloaded.isEmpty());
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(report.failures.front().code(), QStringLiteral("HASH_MISMATCH"));
    QCOMPARE(report.failures.front().where(), digest);
    QVERIFY(!QFileInfo::exists(desk.folder().pathOf(digest)));
    QVERIFY(!QFileInfo::exists(desk.folder().partialPathOf(digest)));
    QCOMPARE(sync.blobsToDownload().size(), 1); // asked for again next time
}

void TestAttachmentSync::aBlobTheServerLacksIsReportedUnavailable()
{
    ClientDesk desk;
    const QByteArray blob = bytesOf(500, 6);
    desk.holdCase({referenceTo(blob)});
    const auto connection = connectTo(url(), tokenFor(applicantWithACase().first));
    AttachmentSync sync(*desk.workspace, *connection);
    const AttachmentSync::Report report = sync.downloadMissing();
    QCOMPARE(report.unavailable, QStringList{digestOf(blob)});
    QVERIFY(report.failures.empty());
    QVERIFY(!QFileInfo::exists(desk.folder().partialPathOf(digestOf(blob))));
}

void TestAttachmentSync::theClientStopsOrReportsWhenItCannotGoOn_data()
{
    QTest::addColumn<QString>("role");  // whose token; "wrong": a token nobody was given; "gone": no server
    QTest::addColumn<bool>("stops");    // thrown, or reported for the blob while the run goes on
    QTest::addColumn<QString>("code");
    QTest::newRow("a wrong token") << "wrong" << true << "TOKEN_INVALID";
    QTest::newRow("no server listening") << "gone" << true << "BACK_OFFICE_UNREACHABLE";
    QTest::newRow("a role that adds no attachments") << "committee_member" << false << "ROLE_NOT_PERMITTED";
    QTest::newRow("an attachment over the server's limit") << "secretariat" << false << "ATTACHMENT_TOO_LARGE";
}

void TestAttachmentSync::theClientStopsOrReportsWhenItCannotGoOn()
{
    QFETCH(QString, role);
    QFETCH(bool, stops);
    QFETCH(QString, code);

    QString address = url();
    QString token = QStringLiteral("AAAAwrongtokenAAAA");
    if (role == QLatin1String("gone")) {
        const Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
        address = QStringLiteral("http://127.0.0.1:%1").arg(probe.address().port());
    } else if (role != QLatin1String("wrong")) {
        token = tokenFor(scalar(QStringLiteral("SELECT username FROM users WHERE role = ? AND active = 1 ORDER BY username LIMIT 1"), {role}));
    }
    ClientDesk desk;
    const QByteArray blob = bytesOf(code == QLatin1String("ATTACHMENT_TOO_LARGE") ? kLargest + 1 : 2000, 8);
    desk.holdCase({desk.attach(blob)});
    const auto connection = connectTo(address, token);
    AttachmentSync sync(*desk.workspace, *connection); // pieces of 4 MiB, halved until the server takes them
    try {
        const AttachmentSync::Report report = sync.uploadPending();
        QVERIFY2(!stops, "the run went on");
        QCOMPARE(report.failures.size(), std::size_t(1));
        QCOMPARE(report.failures.front().code(), code);
        QVERIFY(!report.failures.front().message().isEmpty());
    } catch (const DomainError &error) {
        QVERIFY2(stops, qPrintable(error.fullMessage()));
        QCOMPARE(error.code(), code);
        QVERIFY(!error.message().isEmpty());
    }
    QVERIFY(desk.folder().contains(digestOf(blob))); // nothing here is lost
    QVERIFY(!QFileInfo::exists(serverPartial(digestOf(blob))));
}

void TestAttachmentSync::theClientRefusesAddressesThatWouldExposeIt_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("code");
    QTest::newRow("http to a name") << "http://localhost:8080" << QString() << "INPUT_ERROR";
    QTest::newRow("http to another machine") << "http://192.0.2.10:8080" << QString() << "INPUT_ERROR";
    QTest::newRow("http to all addresses") << "http://0.0.0.0:8080" << QString() << "INPUT_ERROR";
    QTest::newRow("another scheme") << "ftp://127.0.0.1:21" << QString() << "INPUT_ERROR";
    QTest::newRow("no scheme") << "127.0.0.1:8443" << QString() << "INPUT_ERROR";
    QTest::newRow("a path after the port") << "https://127.0.0.1:8443/api" << QString() << "INPUT_ERROR";
    QTest::newRow("empty") << "" << QString() << "INPUT_ERROR";
    QTest::newRow("a certificate file that is not there") << "https://127.0.0.1:8443" << "/nonexistent/server.crt"
                                                          << "INPUT_ERROR";
}

void TestAttachmentSync::theClientRefusesAddressesThatWouldExposeIt()
{
    QFETCH(QString, url);
    QFETCH(QString, caFile);
    QFETCH(QString, code);
    try {
        BackOfficeConnection connection(url, caFile);
        QFAIL("the address was accepted");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), code);
        QVERIFY(!error.message().isEmpty());
    }
}

void TestAttachmentSync::overHttpsTheClientTrustsOnlyTheCertificateItIsGiven()
{
    QTemporaryDir data;
    BackOfficeProcess secure;
    QVERIFY2(secure.start({QStringLiteral("--data"), data.path(), QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--demo-applications"), QStringLiteral("2")},
                          data.filePath(QStringLiteral("server.log"))),
             secure.log().constData());
    const QString address = QStringLiteral("https://127.0.0.1:%1").arg(secure.port());
    const QString username = RawConnection(Workspace::fileIn(data.path()))
                                 .scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' LIMIT 1")).toString();
    const QByteArray login = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                       {QStringLiteral("password"), demoPassword}}).toJson();

    // A certificate of the same names that is not the server's.
    const QString stranger = data.filePath(QStringLiteral("stranger.crt"));
    SelfSignedCertificate::write(stranger, data.filePath(QStringLiteral("stranger.key")), QStringLiteral("localhost"),
                                 {QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1")});
    try {
        const auto connection = connectTo(address, {}, stranger);
        connection->request("POST", "/api/v1/login", login);
        QFAIL("a server the certificate file does not name was trusted");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("BACK_OFFICE_NOT_TRUSTED"));
    }

    const QString certificate = data.filePath(QStringLiteral("tls/server.crt"));
    const QString token = connectTo(address, {}, certificate)->request("POST", "/api/v1/login", login)
                              .json().value(QStringLiteral("token")).toString();
    QVERIFY(!token.isEmpty());
    ClientDesk desk;
    const QByteArray blob = bytesOf(70000, 7);
    desk.holdCase({desk.attach(blob)});
    const auto connection = connectTo(address, token, certificate);
    AttachmentSync sync(*desk.workspace, *connection);
    QCOMPARE(sync.uploadPending().uploaded, QStringList{digestOf(blob)});
    QCOMPARE(readAll(AttachmentFolder(data.path()).pathOf(digestOf(blob))), blob);
    QCOMPARE(secure.stop(), 0);
}

QTEST_GUILESS_MAIN(TestAttachmentSync)
#include "tst_attachmentsync.moc"
