// The back office end to end: a real voucherdesk-backoffice process on
// 127.0.0.1 with a demo workspace, real HTTP clients, and the workspace file
// read beside it (RawConnection) to state independently who should see what.
#include "backofficeprocess.h"
#include "clirunner.h"
#include "rawconnection.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/StreamSocket.h>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString demoPassword = QStringLiteral("voucherdesk-demo");

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray loginBody(const QString &username, const QString &password)
{
    return json({{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
}

bool hasHan(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}

} // namespace

class TestBackOffice : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void healthAndMetricsAnswerWithoutSignIn();
    void loginWithTheDemoPasswordGivesABearerTokenForEightHours();
    void loginWithAWrongPasswordIs401AndSaysHowManyTriesAreLeft();
    void repeatedFailedLoginsLockTheAccountEvenForTheRightPassword();
    void aMissingOrWrongTokenIs401();
    void caseEndpointsAnswerEachRoleAsItsViewAllows_data();
    void caseEndpointsAnswerEachRoleAsItsViewAllows();
    void anApplicantNeverReadsAnotherEnterprisesCase();
    void aCommitteeMemberWhoDeclaresAConflictLosesTheCase();
    void aReferenceWorksWithItsSlashesEscapedOrNot();
    void aTransitionTheWorkflowRefusesIs409WithATranslatedReason();
    void anAllowedTransitionIsAppliedAndWritten();
    void anOversizedBodyIs413();
    void malformedRequestsAreAnswered4xxAndChangeNothing();
    void aClientOverItsRateGets429();
    void httpsServesWithTheCertificateMadeOnFirstStart();
    void plainHttpIsRefusedOffLoopback();

private:
    QString tokenFor(const QString &username);
    QString usernameWhere(const QString &sql, const QVariantList &values = {}) const;
    QString file() const { return m_data.filePath(QStringLiteral("workspace.sqlite")); }
    struct Snapshot
    {
        QList<qint64> counts;
        QByteArray audit;
        bool operator==(const Snapshot &) const = default;
    };
    Snapshot snapshot() const;
    QString configFile(const QString &name, const QString &properties) const;

    QTemporaryDir m_data;
    BackOfficeProcess m_server;
    QHash<QString, QString> m_tokens;
};

void TestBackOffice::initTestCase()
{
    QVERIFY(m_data.isValid());
    const QString config = configFile(QStringLiteral("test.properties"),
                                      QStringLiteral("limits.requests_per_second = 100000\nlimits.burst = 100000\n"
                                                     "limits.body_bytes = 65536\nsignin.failure_delay_ms = 10\n"));
    QVERIFY2(m_server.start({QStringLiteral("--data"), m_data.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                             QStringLiteral("0"), QStringLiteral("--demo-applications"), QStringLiteral("60"),
                             QStringLiteral("--config"), config},
                            m_data.filePath(QStringLiteral("server.log"))),
             m_server.log().constData());
}

void TestBackOffice::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QString TestBackOffice::configFile(const QString &name, const QString &properties) const
{
    QFile file(m_data.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file.fileName()));
    file.write(properties.toUtf8());
    return file.fileName();
}

QString TestBackOffice::tokenFor(const QString &username)
{
    if (!m_tokens.contains(username)) {
        const HttpAnswer answer = httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(username, demoPassword));
        if (answer.status != 200)
            qFatal("login of %s: %d %s", qPrintable(username), answer.status, answer.body.constData());
        m_tokens.insert(username, answer.json().value(QStringLiteral("token")).toString());
    }
    return m_tokens.value(username);
}

QString TestBackOffice::usernameWhere(const QString &sql, const QVariantList &values) const
{
    return RawConnection(file()).scalar(sql, values).toString();
}

TestBackOffice::Snapshot TestBackOffice::snapshot() const
{
    const RawConnection raw(file());
    Snapshot s;
    for (const char *table : {"applications", "status_changes", "audit_entries", "users", "approvals", "outbox"})
        s.counts << raw.count(QString::fromLatin1(table));
    const CliRun verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"),
                                  TestDatabase::workspaceOf(m_data.path()), QStringLiteral("--json")});
    s.audit = verify.out;
    return s;
}

void TestBackOffice::healthAndMetricsAnswerWithoutSignIn()
{
    const HttpAnswer health = httpRequest(m_server.port(), "GET", "/healthz");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const HttpAnswer metrics = httpRequest(m_server.port(), "GET", "/metrics");
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.body.contains("vd_http_requests_total{route=\"healthz\",status=\"200\"}"));
    QVERIFY(metrics.body.contains("vd_http_request_duration_seconds_bucket{route=\"healthz\",le=\"+Inf\"}"));
    QVERIFY(metrics.body.contains("\nvd_http_open_connections "));
}

void TestBackOffice::loginWithTheDemoPasswordGivesABearerTokenForEightHours()
{
    const QString username = usernameWhere(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' "
                                                          "AND active = 1 ORDER BY username LIMIT 1"));
    const HttpAnswer answer = httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(username, demoPassword));
    QCOMPARE(answer.status, 200);
    const QJsonObject body = answer.json();
    QCOMPARE(QByteArray::fromBase64(body.value(QStringLiteral("token")).toString().toLatin1(),
                                     QByteArray::Base64UrlEncoding).size(), 32);
    QCOMPARE(body.value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("secretariat"));
    const QDateTime expires = QDateTime::fromString(body.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 8 * 3600) < 120);
    // The first sign-in gave the user a salted scrypt hash of their own; the token is kept only hashed.
    const RawConnection raw(file());
    QVERIFY(raw.scalar(QStringLiteral("SELECT password_hash FROM user_credentials JOIN users ON users.id = user_id "
                                      "WHERE username = ?"), {username}).toString().startsWith(QLatin1String("scrypt$32768$8$1$")));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM access_tokens WHERE token_sha256 = ?"),
                        {body.value(QStringLiteral("token")).toString()}).toInt(), 0);
}

void TestBackOffice::loginWithAWrongPasswordIs401AndSaysHowManyTriesAreLeft()
{
    const QString username = usernameWhere(QStringLiteral("SELECT username FROM users WHERE role = 'finance' ORDER BY username LIMIT 1"));
    const HttpAnswer answer = httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(username, QStringLiteral("not-the-password")));
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.errorCode(), QStringLiteral("BAD_CREDENTIALS"));
    QVERIFY(answer.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QLatin1String("4 more")));
    const HttpAnswer unknown = httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(QStringLiteral("nobody-here"), demoPassword));
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.errorCode(), QStringLiteral("BAD_CREDENTIALS"));
}

void TestBackOffice::repeatedFailedLoginsLockTheAccountEvenForTheRightPassword()
{
    // A user of this test's own, so that locking it out touches no other test.
    const QString username = QStringLiteral("locked.out.officer");
    RawConnection(file()).run(QStringLiteral("INSERT INTO users (id, revision, username, role, active) "
                                             "VALUES ('7e57c0de-0000-4000-8000-00000000100c', 1, ?, 'secretariat', 1)"),
                              {username});
    QCOMPARE(httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(username, QStringLiteral("wrong-once"))).status, 401);
    QCOMPARE(httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(username, demoPassword)).status, 200);
    QList<int> statuses;
    for (int attempt = 0; attempt < 5; ++attempt)
        statuses << httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(username, QStringLiteral("guess-%1").arg(attempt))).status;
    QCOMPARE(statuses, (QList<int>{401, 401, 401, 401, 429}));
    const HttpAnswer locked = httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(username, demoPassword));
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.errorCode(), QStringLiteral("ACCOUNT_LOCKED"));
    QVERIFY(locked.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QLatin1String("locked until")));
    QVERIFY(std::stoi(locked.headers.at("Retry-After")) > 14 * 60);
}

void TestBackOffice::aMissingOrWrongTokenIs401()
{
    const HttpAnswer missing = httpRequest(m_server.port(), "GET", "/api/v1/cases");
    QCOMPARE(missing.status, 401);
    QCOMPARE(missing.errorCode(), QStringLiteral("TOKEN_MISSING"));
    const HttpAnswer wrong = httpRequest(m_server.port(), "GET", "/api/v1/cases", {}, QStringLiteral("AAAAwrongtokenAAAA"));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), QStringLiteral("TOKEN_INVALID"));
    // A token that has expired is as good as none.
    const QString username = usernameWhere(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' ORDER BY username DESC LIMIT 1"));
    const HttpAnswer login = httpRequest(m_server.port(), "POST", "/api/v1/login", loginBody(username, demoPassword));
    const QString token = login.json().value(QStringLiteral("token")).toString();
    QCOMPARE(httpRequest(m_server.port(), "GET", "/api/v1/cases", {}, token).status, 200);
    RawConnection(file()).run(QStringLiteral("UPDATE access_tokens SET expires_at = '2000-01-01T00:00:00.000Z'"));
    QCOMPARE(httpRequest(m_server.port(), "GET", "/api/v1/cases", {}, token).status, 401);
    m_tokens.clear();
}

// Each role, and for it a case that its view includes and one it excludes,
// found with SQL written here from the rules in docs/backoffice.md.
void TestBackOffice::caseEndpointsAnswerEachRoleAsItsViewAllows_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("inView");     // SELECT username, application id
    QTest::addColumn<QString>("outOfView");  // SELECT application id, given the user id
    QTest::addColumn<int>("listStatus");
    QTest::addColumn<int>("inViewStatus");
    QTest::addColumn<int>("outOfViewStatus");

    const QString anyCase = QStringLiteral("SELECT u.username, (SELECT id FROM applications ORDER BY id LIMIT 1) FROM users AS u "
                                           "WHERE u.role = '%1' AND u.active = 1 ORDER BY u.username LIMIT 1");
    const QString onAgenda = QStringLiteral(
        "SELECT u.username, ai.application_id FROM users AS u JOIN committee_memberships AS cm ON cm.user_id = u.id "
        "JOIN meetings AS m ON m.term_id = cm.term_id JOIN agenda_items AS ai ON ai.meeting_id = m.id "
        "WHERE u.role = '%1' AND u.active = 1 AND NOT EXISTS (SELECT 1 FROM interest_declarations AS d "
        "WHERE d.user_id = u.id AND d.application_id = ai.application_id) ORDER BY u.username LIMIT 1");
    const QString neverOnAgenda = QStringLiteral("SELECT id FROM applications AS a WHERE ? <> '' AND NOT EXISTS "
                                                 "(SELECT 1 FROM agenda_items WHERE application_id = a.id) LIMIT 1");
    const QString none = QStringLiteral("SELECT NULL WHERE ? = ''");

    QTest::newRow("applicant")
        << QStringLiteral("applicant")
        << QStringLiteral("SELECT u.username, a.id FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id "
                          "WHERE u.role = 'applicant' AND u.active = 1 ORDER BY u.username LIMIT 1")
        << QStringLiteral("SELECT a.id FROM applications AS a WHERE a.enterprise_id <> "
                          "(SELECT enterprise_id FROM users WHERE id = ?) LIMIT 1")
        << 200 << 200 << 404;
    QTest::newRow("secretariat") << QStringLiteral("secretariat") << anyCase.arg(QStringLiteral("secretariat")) << none << 200 << 200 << 0;
    QTest::newRow("auditor") << QStringLiteral("auditor") << anyCase.arg(QStringLiteral("auditor")) << none << 200 << 200 << 0;
    QTest::newRow("committee member") << QStringLiteral("committee_member") << onAgenda.arg(QStringLiteral("committee_member"))
                                      << neverOnAgenda << 200 << 200 << 404;
    QTest::newRow("committee chair") << QStringLiteral("committee_chair") << onAgenda.arg(QStringLiteral("committee_chair"))
                                     << neverOnAgenda << 200 << 200 << 404;
    QTest::newRow("approving officer")
        << QStringLiteral("approving_officer")
        << QStringLiteral("SELECT u.username, (SELECT application_id FROM committee_outcomes LIMIT 1) FROM users AS u "
                          "WHERE u.role = 'approving_officer' AND u.active = 1 LIMIT 1")
        << QStringLiteral("SELECT id FROM applications AS a WHERE ? <> '' AND NOT EXISTS "
                          "(SELECT 1 FROM committee_outcomes WHERE application_id = a.id) LIMIT 1")
        << 200 << 200 << 404;
    QTest::newRow("finance")
        << QStringLiteral("finance")
        << QStringLiteral("SELECT u.username, (SELECT id FROM applications WHERE approved_grant_cents IS NOT NULL LIMIT 1) "
                          "FROM users AS u WHERE u.role = 'finance' AND u.active = 1 ORDER BY u.username DESC LIMIT 1")
        << QStringLiteral("SELECT id FROM applications WHERE ? <> '' AND approved_grant_cents IS NULL LIMIT 1")
        << 200 << 200 << 404;
    QTest::newRow("administrator") << QStringLiteral("administrator") << anyCase.arg(QStringLiteral("administrator"))
                                   << QStringLiteral("SELECT id FROM applications WHERE ? <> '' LIMIT 1") << 403 << 403 << 403;
}

void TestBackOffice::caseEndpointsAnswerEachRoleAsItsViewAllows()
{
    QFETCH(QString, role);
    QFETCH(QString, inView);
    QFETCH(QString, outOfView);
    QFETCH(int, listStatus);
    QFETCH(int, inViewStatus);
    QFETCH(int, outOfViewStatus);

    QString username, inViewId, outOfViewId;
    {
        const RawConnection raw(file());
        QSqlQuery query = raw.select(inView);
        QVERIFY2(query.next(), qPrintable(QStringLiteral("the demo has no %1 to try").arg(role)));
        username = query.value(0).toString();
        inViewId = query.value(1).toString();
        QSqlQuery outside = raw.select(outOfView, {raw.scalar(QStringLiteral("SELECT id FROM users WHERE username = ?"), {username})});
        if (outside.next())
            outOfViewId = outside.value(0).toString();
    }
    QVERIFY2(!inViewId.isEmpty(), qPrintable(QStringLiteral("the demo has no case in view of a %1").arg(role)));

    const QString token = tokenFor(username);
    const HttpAnswer list = httpRequest(m_server.port(), "GET", "/api/v1/cases?limit=500", {}, token);
    QCOMPARE(list.status, listStatus);
    QCOMPARE(httpRequest(m_server.port(), "GET", "/api/v1/cases/" + inViewId.toStdString(), {}, token).status, inViewStatus);
    if (listStatus == 200) {
        QStringList listed;
        for (const QJsonValue &row : list.json().value(QStringLiteral("cases")).toArray())
            listed << row.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(listed.contains(inViewId));
        QCOMPARE(list.json().value(QStringLiteral("total")).toInt(), listed.size());
        if (!outOfViewId.isEmpty())
            QVERIFY(!listed.contains(outOfViewId));
    }
    if (outOfViewStatus != 0) {
        QVERIFY2(!outOfViewId.isEmpty(), "the demo has no case outside this view");
        QCOMPARE(httpRequest(m_server.port(), "GET", "/api/v1/cases/" + outOfViewId.toStdString(), {}, token).status,
                 outOfViewStatus);
        const HttpAnswer transition = httpRequest(m_server.port(), "POST", "/api/v1/cases/" + outOfViewId.toStdString() + "/transitions",
                                                  json({{QStringLiteral("action"), QStringLiteral("withdraw")}}), token);
        QCOMPARE(transition.status, outOfViewStatus);
    }
}

void TestBackOffice::anApplicantNeverReadsAnotherEnterprisesCase()
{
    const RawConnection raw(file());
    const QString username = raw.scalar(QStringLiteral(
        "SELECT u.username FROM users AS u WHERE u.role = 'applicant' AND u.active = 1 AND EXISTS "
        "(SELECT 1 FROM applications WHERE enterprise_id = u.enterprise_id) ORDER BY u.username DESC LIMIT 1")).toString();
    const QString enterprise = raw.scalar(QStringLiteral("SELECT enterprise_id FROM users WHERE username = ?"), {username}).toString();
    const QString other = raw.scalar(QStringLiteral("SELECT reference FROM applications WHERE enterprise_id <> ? "
                                                    "AND reference IS NOT NULL LIMIT 1"), {enterprise}).toString();
    const QString token = tokenFor(username);
    const HttpAnswer list = httpRequest(m_server.port(), "GET", "/api/v1/cases?limit=500", {}, token);
    QCOMPARE(list.status, 200);
    const QJsonArray cases = list.json().value(QStringLiteral("cases")).toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &row : cases)
        QCOMPARE(row.toObject().value(QStringLiteral("enterprise_id")).toString(), enterprise);
    const HttpAnswer read = httpRequest(m_server.port(), "GET", "/api/v1/cases/" + QUrl::toPercentEncoding(other).toStdString(), {}, token);
    QCOMPARE(read.status, 404);
    QCOMPARE(read.errorCode(), QStringLiteral("CASE_NOT_FOUND"));
    // The same answer as for a reference that does not exist at all.
    QCOMPARE(httpRequest(m_server.port(), "GET", "/api/v1/cases/TVP%2F1999%2F99999", {}, token).errorCode(), QStringLiteral("CASE_NOT_FOUND"));
}

void TestBackOffice::aCommitteeMemberWhoDeclaresAConflictLosesTheCase()
{
    QString username, userId, applicationId;
    {
        const RawConnection raw(file());
        const QString pick = QStringLiteral(
            "SELECT %1 FROM users AS u JOIN committee_memberships AS cm ON cm.user_id = u.id "
            "JOIN meetings AS m ON m.term_id = cm.term_id JOIN agenda_items AS ai ON ai.meeting_id = m.id "
            "WHERE u.role = 'committee_member' AND u.active = 1 AND NOT EXISTS (SELECT 1 FROM interest_declarations AS d "
            "WHERE d.user_id = u.id AND d.application_id = ai.application_id) ORDER BY u.username DESC, ai.application_id LIMIT 1");
        username = raw.scalar(pick.arg(QStringLiteral("u.username"))).toString();
        userId = raw.scalar(pick.arg(QStringLiteral("u.id"))).toString();
        applicationId = raw.scalar(pick.arg(QStringLiteral("ai.application_id"))).toString();
    }
    QVERIFY(!applicationId.isEmpty());
    const QString token = tokenFor(username);
    const std::string path = "/api/v1/cases/" + applicationId.toStdString();
    QCOMPARE(httpRequest(m_server.port(), "GET", path, {}, token).status, 200);

    RawConnection(file()).run(QStringLiteral("INSERT INTO interest_declarations (id, revision, user_id, kind, application_id, "
                                             "declared_on, description, chair_ruling) VALUES (?, 1, ?, 'case', ?, '2026-11-20', "
                                             "'a director of the applicant is my brother', 'leave_room')"),
                              {QStringLiteral("7e57c0de-0000-4000-8000-00000000c0f1"), userId, applicationId});
    QCOMPARE(httpRequest(m_server.port(), "GET", path, {}, token).status, 404);
    const HttpAnswer list = httpRequest(m_server.port(), "GET", "/api/v1/cases?limit=500", {}, token);
    QCOMPARE(list.status, 200);
    for (const QJsonValue &row : list.json().value(QStringLiteral("cases")).toArray())
        QVERIFY(row.toObject().value(QStringLiteral("id")).toString() != applicationId);
    QCOMPARE(httpRequest(m_server.port(), "POST", path + "/transitions",
                         json({{QStringLiteral("action"), QStringLiteral("withdraw")}}), token).status, 404);
}

void TestBackOffice::aReferenceWorksWithItsSlashesEscapedOrNot()
{
    const QString reference = RawConnection(file()).scalar(QStringLiteral("SELECT reference FROM applications WHERE reference IS NOT NULL "
                                                                          "ORDER BY reference LIMIT 1")).toString();
    const QString token = tokenFor(usernameWhere(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' ORDER BY username LIMIT 1")));
    for (const QByteArray &key : {QUrl::toPercentEncoding(reference), reference.toUtf8()}) {
        const HttpAnswer answer = httpRequest(m_server.port(), "GET", "/api/v1/cases/" + key.toStdString(), {}, token);
        QCOMPARE(answer.status, 200);
        const QJsonObject application = answer.json().value(QStringLiteral("application")).toObject();
        QCOMPARE(application.value(QStringLiteral("reference")).toString(), reference);
        QVERIFY(answer.json().contains(QStringLiteral("assessment")));
    }
}

void TestBackOffice::aTransitionTheWorkflowRefusesIs409WithATranslatedReason()
{
    const RawConnection raw(file());
    const QString username = raw.scalar(QStringLiteral(
        "SELECT u.username FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id "
        "WHERE u.role = 'applicant' AND u.active = 1 AND a.status = 'closed' ORDER BY u.username LIMIT 1")).toString();
    const QString applicationId = raw.scalar(QStringLiteral(
        "SELECT a.id FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id "
        "WHERE u.username = ? AND a.status = 'closed' LIMIT 1"), {username}).toString();
    QVERIFY(!applicationId.isEmpty());
    const Snapshot before = snapshot();
    const QByteArray approve = json({{QStringLiteral("action"), QStringLiteral("approve")}});
    const std::string path = "/api/v1/cases/" + applicationId.toStdString() + "/transitions";
    const HttpAnswer english = httpRequest(m_server.port(), "POST", path, approve, tokenFor(username), {{"Accept-Language", "en-GB,en;q=0.8"}});
    QCOMPARE(english.status, 409);
    QCOMPARE(english.json().value(QStringLiteral("applied")).toBool(), false);
    QVERIFY(!english.json().value(QStringLiteral("refusal_code")).toString().isEmpty());
    const QString reason = english.json().value(QStringLiteral("reason")).toString();
    QVERIFY(!reason.isEmpty());
    QVERIFY(!hasHan(reason));
    const HttpAnswer chinese = httpRequest(m_server.port(), "POST", path, approve, tokenFor(username), {{"Accept-Language", "zh-HK"}});
    QCOMPARE(chinese.status, 409);
    QCOMPARE(chinese.json().value(QStringLiteral("refusal_code")), english.json().value(QStringLiteral("refusal_code")));
    QVERIFY2(hasHan(chinese.json().value(QStringLiteral("reason")).toString()), chinese.body.constData());
    QVERIFY(snapshot() == before);
}

void TestBackOffice::anAllowedTransitionIsAppliedAndWritten()
{
    QString applicationId, username;
    {
        const RawConnection raw(file());
        applicationId = raw.scalar(QStringLiteral("SELECT id FROM applications WHERE status = 'screening' ORDER BY id LIMIT 1")).toString();
        username = raw.scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 "
                                             "AND enterprise_id IS NULL ORDER BY username LIMIT 1")).toString();
    }
    QVERIFY2(!applicationId.isEmpty(), "the demo has no case in screening");
    const HttpAnswer answer = httpRequest(m_server.port(), "POST", "/api/v1/cases/" + applicationId.toStdString() + "/transitions",
                                          json({{QStringLiteral("action"), QStringLiteral("request_clarification")}}), tokenFor(username));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(QStringLiteral("applied")).toBool(), true);
    QCOMPARE(answer.json().value(QStringLiteral("to_status")).toString(), QStringLiteral("clarification_requested"));
    const RawConnection raw(file());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM applications WHERE id = ?"), {applicationId}).toString(), QStringLiteral("clarification_requested"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM status_changes WHERE application_id = ? AND action = 'request_clarification'"),
                        {applicationId}).toInt(), 1);
    // The same request again is refused: the case has moved on.
    const HttpAnswer again = httpRequest(m_server.port(), "POST", "/api/v1/cases/" + applicationId.toStdString() + "/transitions",
                                         json({{QStringLiteral("action"), QStringLiteral("request_clarification")}}), tokenFor(username));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(QStringLiteral("refusal_code")).toString(), QStringLiteral("ACTION_NOT_AVAILABLE_IN_STATUS"));
}

void TestBackOffice::anOversizedBodyIs413()
{
    const QByteArray big = loginBody(QString(70000, u'x'), demoPassword);
    const HttpAnswer answer = httpRequest(m_server.port(), "POST", "/api/v1/login", big);
    QCOMPARE(answer.status, 413);
    QCOMPARE(answer.errorCode(), QStringLiteral("BODY_TOO_LARGE"));
    QCOMPARE(httpRequest(m_server.port(), "GET", "/healthz").status, 200);
}

// Valid requests, mutated: bytes flipped, cut short, fields of the wrong
// type, strange paths and methods, and raw garbage that is not HTTP at all.
void TestBackOffice::malformedRequestsAreAnswered4xxAndChangeNothing()
{
    const QString username = usernameWhere(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 "
                                                          "ORDER BY username LIMIT 1"));
    const QString token = tokenFor(username);
    const QString someCase = usernameWhere(QStringLiteral("SELECT id FROM applications WHERE status = 'closed' LIMIT 1"));
    const Snapshot before = snapshot();
    QRandomGenerator dice(20261123);
    const QList<QByteArray> seeds{
        loginBody(QStringLiteral("nobody-%1").arg(1), QStringLiteral("x")),
        json({{QStringLiteral("action"), QStringLiteral("approve")}, {QStringLiteral("revision"), 3}}),
        json({{QStringLiteral("action"), QStringLiteral("withdraw")}, {QStringLiteral("reason"), QStringLiteral("理由")}}),
    };
    const QList<std::string> paths{"/api/v1/login", "/api/v1/cases/" + someCase.toStdString() + "/transitions",
                                   "/api/v1/cases/" + someCase.toStdString() + "/transitions"};
    const QList<QByteArray> oddValues{"null", "[]", "{}", "1e999", "-1", "\"\"", "true", "\"\\u0000\"", "{\"a\":[[[[[[[[]]]]]]]]}",
                                      "99999999999999999999999"};
    int answered = 0;
    for (int round = 0; round < 360; ++round) {
        const int which = round % int(seeds.size());
        QByteArray body = seeds[which];
        switch (dice.bounded(5)) {
        case 0: // flip a few bytes
            for (int flips = dice.bounded(1, 4); flips > 0; --flips)
                body[dice.bounded(body.size())] = char(dice.bounded(256));
            break;
        case 1: // cut short
            body.truncate(dice.bounded(body.size()));
            break;
        case 2: // a value of the wrong type
            body.replace(QByteArray("\"approve\""), oddValues[dice.bounded(oddValues.size())]);
            body.replace(QByteArray("\"withdraw\""), oddValues[dice.bounded(oddValues.size())]);
            body.replace(QByteArray("\"x\""), oddValues[dice.bounded(oddValues.size())]);
            break;
        case 3: // not an object at all
            body = oddValues[dice.bounded(oddValues.size())];
            break;
        default: // bytes that are not UTF-8
            body.insert(dice.bounded(body.size()), QByteArray("\xff\xfe\xc3", 3));
            break;
        }
        const HttpAnswer answer = httpRequest(m_server.port(), "POST", paths[which], body, token);
        QVERIFY2(answer.status >= 400 && answer.status < 500,
                 qPrintable(QStringLiteral("%1 for %2: %3").arg(answer.status).arg(QString::fromUtf8(body.toHex()), QString::fromUtf8(answer.body))));
        // Every refusal says why: an error's message, or a refused transition's reason.
        const QJsonObject said = answer.json();
        QVERIFY2(!said.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty()
                     || !said.value(QStringLiteral("reason")).toString().isEmpty(),
                 answer.body.constData());
        ++answered;
    }
    const QList<std::pair<std::string, std::string>> oddRequests{
        {"GET", "/api/v1/cases?limit=abc"}, {"GET", "/api/v1/cases?limit=0"}, {"GET", "/api/v1/cases?offset=-5"},
        {"GET", "/api/v1/cases/%ZZ%"}, {"GET", "/api/v1/cases/..%2F..%2Fetc%2Fpasswd"}, {"DELETE", "/api/v1/cases"},
        {"PUT", "/api/v1/login"}, {"GET", "/api/v2/cases"}, {"GET", "/api/v1/cases/x/transitions"}, {"PATCH", "/healthz"},
    };
    for (int round = 0; round < 40; ++round) {
        const auto &[method, path] = oddRequests[round % oddRequests.size()];
        const HttpAnswer answer = httpRequest(m_server.port(), method, path, {}, token);
        QVERIFY2(answer.status >= 400 && answer.status < 500, qPrintable(QString::fromStdString(method + " " + path)));
        ++answered;
    }
    // Garbage that is not HTTP: the server drops the connection or answers 400, and stays up.
    for (int round = 0; round < 40; ++round) {
        QByteArray garbage(dice.bounded(1, 2000), '\0');
        for (char &byte : garbage)
            byte = char(dice.bounded(256));
        if (round % 2)
            garbage.prepend("POST /api/v1/login HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n");
        try {
            Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(m_server.port())));
            socket.setReceiveTimeout(Poco::Timespan(5, 0));
            socket.sendBytes(garbage.constData(), int(garbage.size()));
            socket.shutdownSend();
            char reply[256];
            const int received = socket.receiveBytes(reply, sizeof reply);
            if (received > 0)
                QVERIFY2(QByteArray(reply, received).startsWith("HTTP/1.") && QByteArray(reply, received).contains(" 400 "),
                         QByteArray(reply, received).constData());
        } catch (const Poco::Exception &) {
            // A reset connection is an answer too.
        }
    }
    QCOMPARE(answered, 400);
    QVERIFY(m_server.isRunning());
    QCOMPARE(httpRequest(m_server.port(), "GET", "/healthz").status, 200);
    const Snapshot after = snapshot();
    QCOMPARE(after.counts, before.counts);
    QCOMPARE(after.audit, before.audit);
    QVERIFY(QJsonDocument::fromJson(after.audit).object().value(QStringLiteral("intact")).toBool());
}

void TestBackOffice::aClientOverItsRateGets429()
{
    BackOfficeProcess strict;
    const QString config = configFile(QStringLiteral("strict.properties"),
                                      QStringLiteral("limits.requests_per_second = 1\nlimits.burst = 3\n"));
    QVERIFY2(strict.start({QStringLiteral("--data"), m_data.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                           QStringLiteral("0"), QStringLiteral("--config"), config},
                          m_data.filePath(QStringLiteral("strict.log"))),
             strict.log().constData());
    QList<int> statuses;
    for (int i = 0; i < 5; ++i)
        statuses << httpRequest(strict.port(), "GET", "/api/v1/cases").status;
    QCOMPARE(statuses, (QList<int>{401, 401, 401, 429, 429}));
    const HttpAnswer limited = httpRequest(strict.port(), "GET", "/api/v1/cases");
    QCOMPARE(limited.errorCode(), QStringLiteral("RATE_LIMITED"));
    QCOMPARE(limited.headers.at("Retry-After"), std::string("1"));
    QCOMPARE(httpRequest(strict.port(), "GET", "/healthz").status, 200); // health is never limited
    QCOMPARE(strict.stop(), 0);
}

void TestBackOffice::httpsServesWithTheCertificateMadeOnFirstStart()
{
    QTemporaryDir data;
    BackOfficeProcess secure;
    QVERIFY2(secure.start({QStringLiteral("--data"), data.path(), QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--demo-applications"), QStringLiteral("3")},
                          data.filePath(QStringLiteral("server.log"))),
             secure.log().constData());
    const QFileInfo key(data.filePath(QStringLiteral("tls/server.key")));
    QVERIFY(key.exists());
    QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
    QFile certificate(data.filePath(QStringLiteral("tls/server.crt")));
    QVERIFY(certificate.open(QIODevice::ReadOnly));
    QVERIFY(certificate.readAll().startsWith("-----BEGIN CERTIFICATE-----"));

    Poco::Net::initializeSSL();
    {
        // The client trusts exactly this certificate, and checks the address against it.
        Poco::Net::Context::Params params;
        params.caLocation = certificate.fileName().toStdString();
        params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
        params.loadDefaultCAs = false;
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
        Poco::Net::HTTPSClientSession session("127.0.0.1", Poco::UInt16(secure.port()), context);
        Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream &in = session.receiveResponse(response);
        const std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        QCOMPARE(int(response.getStatus()), 200);
        QVERIFY(QByteArray::fromStdString(body).contains("\"ok\""));
    }
    Poco::Net::uninitializeSSL();
    // Plain HTTP to the HTTPS port gets nothing useful.
    QCOMPARE(httpRequest(secure.port(), "GET", "/healthz").status, 0);
    QCOMPARE(secure.stop(), 0);
}

void TestBackOffice::plainHttpIsRefusedOffLoopback()
{
    QTemporaryDir data;
    QProcess process;
    process.start(QStringLiteral(VD_BACKOFFICE), {QStringLiteral("--data"), data.path(), QStringLiteral("--http"),
                                                  QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 78);
    QVERIFY(process.readAllStandardError().contains("loopback"));
    QVERIFY(!QFileInfo::exists(data.filePath(QStringLiteral("workspace.sqlite"))));
}

QTEST_GUILESS_MAIN(TestBackOffice)
#include "tst_backoffice.moc"
