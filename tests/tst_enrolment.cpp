// Enrolment and revocation end to end (docs/signing.md): a real
// voucherdesk-backoffice process on 127.0.0.1, the real voucherdesk-cli. An
// applicant's desk makes a key, gets a certificate from the back office's CA
// (checked with `openssl verify`), signs a submission package with it; the
// certificate is revoked; every desk learns of it at its next sync, and a
// package signed after the revocation no longer verifies while the one signed
// before still does.
#include "backofficeprocess.h"
#include "clirunner.h"
#include "opensslcli.h"
#include "rawconnection.h"

#include "certificate.h"
#include "signingtrust.h"
#include "signingkey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace vd;

namespace {

const QString kPassword = QStringLiteral("voucherdesk-demo");
const QString kPassphrase = QStringLiteral("my signing key 2026");

CliRun runWithPassphrase(const QStringList &arguments)
{
    return runCli(arguments, {{QStringLiteral("VOUCHERDESK_PASSPHRASE"), kPassphrase},
                              {QStringLiteral("VOUCHERDESK_PASSWORD"), kPassword}});
}

} // namespace

class TestEnrolment : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aDeskEnrolsSignsAndLearnsOfTheRevocationBySync();
    void aRequestForSomeoneElseOrNoRequestIsRefused();
    void onlyTheHolderOrAnAdministratorRevokes();

private:
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }
    QString scalar(const QString &sql) const
    {
        return RawConnection(m_data.filePath(QStringLiteral("workspace.sqlite"))).scalar(sql).toString();
    }
    QStringList backOffice(const QString &workspace, const QString &user) const
    {
        return {QStringLiteral("--workspace"), workspace, QStringLiteral("--server"), url(), QStringLiteral("--user"), user};
    }
    CliRun enrol(const QString &folder, const QString &user);

    QTemporaryDir m_data;
    QTemporaryDir m_files;
    BackOfficeProcess m_server;
};

void TestEnrolment::initTestCase()
{
    QVERIFY2(m_server.start({QStringLiteral("--data"), m_data.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                             QStringLiteral("0"), QStringLiteral("--demo-applications"), QStringLiteral("30")},
                            m_data.filePath(QStringLiteral("server.log"))),
             m_server.log().constData());
}

void TestEnrolment::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

CliRun TestEnrolment::enrol(const QString &folder, const QString &user)
{
    return runWithPassphrase(QStringList{QStringLiteral("certificate"), QStringLiteral("request"), QStringLiteral("--key"),
                                         QDir(folder).filePath(QStringLiteral("signing.key")), QStringLiteral("--certificate"),
                                         QDir(folder).filePath(QStringLiteral("signing.crt")), QStringLiteral("--authority"),
                                         QDir(folder).filePath(QStringLiteral("ca.crt"))}
                             + backOffice(QDir(folder).filePath(QStringLiteral("desk")), user));
}

void TestEnrolment::aDeskEnrolsSignsAndLearnsOfTheRevocationBySync()
{
    // An applicant with a submitted case that has no attachments (its package needs no blobs).
    const QString pick = QStringLiteral(
        "SELECT %1 FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id "
        "WHERE u.role = 'applicant' AND u.active = 1 AND a.reference IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM application_attachments AS t WHERE t.application_id = a.id) ORDER BY u.username, a.reference LIMIT 1");
    const QString applicant = scalar(pick.arg(QStringLiteral("u.username")));
    const QString userId = scalar(pick.arg(QStringLiteral("u.id")));
    const QString reference = scalar(pick.arg(QStringLiteral("a.reference")));
    QVERIFY2(!reference.isEmpty(), "the demo has no applicant case without attachments");
    const QString folder = m_files.filePath(QStringLiteral("applicant"));
    QDir().mkpath(folder);
    const QString desk = QDir(folder).filePath(QStringLiteral("desk"));
    QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("--workspace"), desk}).exitCode, 0);
    const CliRun sync = runWithPassphrase(QStringList{QStringLiteral("sync")} + backOffice(desk, applicant));
    QVERIFY2(sync.exitCode == 0, sync.err.constData());

    const CliRun enrolled = enrol(folder, applicant);
    QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
    const QString key = QDir(folder).filePath(QStringLiteral("signing.key"));
    const QString certificateFile = QDir(folder).filePath(QStringLiteral("signing.crt"));
    const QString ca = QDir(folder).filePath(QStringLiteral("ca.crt"));
    QFile certificatePem(certificateFile);
    QVERIFY(certificatePem.open(QIODevice::ReadOnly));
    const Certificate certificate = Certificate::fromPem(certificatePem.readAll());
    QCOMPARE(certificate.subject().userId, userId);
    QCOMPARE(certificate.subject().role, QStringLiteral("applicant"));
    const OpensslRun verified = runOpenssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), ca, certificateFile});
    QVERIFY2(verified.exitCode == 0, verified.err.constData());
    SigningKey::readFile(key, kPassphrase.toUtf8()); // encrypted under the passphrase given
    QVERIFY(QFile(key).permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));

    const auto exportPackage = [&](const QString &name) {
        return runWithPassphrase({QStringLiteral("package"), QStringLiteral("export"), reference, QStringLiteral("--output"),
                                  QDir(folder).filePath(name), QStringLiteral("--workspace"), desk, QStringLiteral("--key"), key,
                                  QStringLiteral("--certificate"), certificateFile, QStringLiteral("--ca-file"), ca});
    };
    const auto verifyPackage = [&](const QString &name, const QString &workspace) {
        return runCli({QStringLiteral("package"), QStringLiteral("verify"), QDir(folder).filePath(name),
                       QStringLiteral("--ca-file"), ca, QStringLiteral("--workspace"), workspace});
    };
    const CliRun before = exportPackage(QStringLiteral("before.zip"));
    QVERIFY2(before.exitCode == 0, before.err.constData());
    QCOMPARE(verifyPackage(QStringLiteral("before.zip"), desk).exitCode, 0);

    QThread::msleep(1100); // revocations count to the second: the package above is from an earlier one
    const CliRun revoked = runWithPassphrase(QStringList{QStringLiteral("certificate"), QStringLiteral("revoke"),
                                                         certificate.serial(), QStringLiteral("--reason"),
                                                         QStringLiteral("key_compromise")}
                                             + backOffice(desk, applicant));
    QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
    QThread::msleep(1100);
    const CliRun after = exportPackage(QStringLiteral("after.zip"));
    QVERIFY2(after.exitCode == 0, after.err.constData());
    QCOMPARE(verifyPackage(QStringLiteral("after.zip"), desk).exitCode, 0); // this desk has not heard yet

    // Its next sync brings the revocation; so does any other desk's.
    const CliRun next = runWithPassphrase(QStringList{QStringLiteral("sync"), QStringLiteral("--json")} + backOffice(desk, applicant));
    QVERIFY2(next.exitCode == 0, next.err.constData());
    QCOMPARE(QJsonDocument::fromJson(next.out).object().value(QStringLiteral("revocations_received")).toInt(), 1);
    QVERIFY(SigningTrust::revocations(desk).find(certificate.serial()).has_value());
    const CliRun refused = verifyPackage(QStringLiteral("after.zip"), desk);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.outText().contains(QStringLiteral("revoked")), refused.out.constData());
    QCOMPARE(verifyPackage(QStringLiteral("before.zip"), desk).exitCode, 0); // made before it: it stands

    const QString secretariat = scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 "
                                                      "ORDER BY username LIMIT 1"));
    const QString other = m_files.filePath(QStringLiteral("secretariat-desk"));
    QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("--workspace"), other}).exitCode, 0);
    QCOMPARE(runWithPassphrase(QStringList{QStringLiteral("sync")} + backOffice(other, secretariat)).exitCode, 0);
    QVERIFY(SigningTrust::revocations(other).find(certificate.serial()).has_value());
    QCOMPARE(verifyPackage(QStringLiteral("after.zip"), other).exitCode, 1);

    // Nothing new: the revocations are not sent again, and the sync stays one request.
    const CliRun quiet = runWithPassphrase(QStringList{QStringLiteral("sync"), QStringLiteral("--json")} + backOffice(desk, applicant));
    const QJsonObject quietSummary = QJsonDocument::fromJson(quiet.out).object();
    QVERIFY(quietSummary.value(QStringLiteral("revocations_received")).isNull());
    QCOMPARE(quietSummary.value(QStringLiteral("requests")).toInt(), 1);
}

void TestEnrolment::aRequestForSomeoneElseOrNoRequestIsRefused()
{
    const QString applicant = scalar(QStringLiteral("SELECT username FROM users WHERE role = 'applicant' AND active = 1 "
                                                    "ORDER BY username LIMIT 1 OFFSET 1"));
    const HttpAnswer login = httpRequest(m_server.port(), "POST", "/api/v1/login",
                                         QJsonDocument(QJsonObject{{QStringLiteral("username"), applicant},
                                                                   {QStringLiteral("password"), kPassword}}).toJson());
    QCOMPARE(login.status, 200);
    const QString token = login.json().value(QStringLiteral("token")).toString();
    const SigningKey key = SigningKey::generate();
    const QByteArray someoneElse = CertificateRequest::create(
        key, {QStringLiteral("00000000-0000-4000-8000-000000000000"), QStringLiteral("Someone Else"), QStringLiteral("applicant")});
    const auto post = [&](const QJsonObject &body) {
        return httpRequest(m_server.port(), "POST", "/api/v1/certificates", QJsonDocument(body).toJson(), token,
                           {{"Accept-Language", "zh-HK"}});
    };
    const HttpAnswer mismatch = post({{QStringLiteral("request"), QString::fromLatin1(someoneElse)}});
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.errorCode(), QStringLiteral("CERTIFICATE_REQUEST_MISMATCH"));
    const HttpAnswer empty = post({});
    QCOMPARE(empty.status, 400);
    QVERIFY(!empty.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    const HttpAnswer garbage = post({{QStringLiteral("request"), QStringLiteral("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n")}});
    QCOMPARE(garbage.status, 400);
    const HttpAnswer anonymous = httpRequest(m_server.port(), "POST", "/api/v1/certificates", "{}");
    QCOMPARE(anonymous.status, 401);
}

void TestEnrolment::onlyTheHolderOrAnAdministratorRevokes()
{
    const QString folder = m_files.filePath(QStringLiteral("second"));
    QDir().mkpath(folder);
    const QString holder = scalar(QStringLiteral("SELECT username FROM users WHERE role = 'committee_member' AND active = 1 "
                                                 "ORDER BY username LIMIT 1"));
    QCOMPARE(enrol(folder, holder).exitCode, 0);
    QFile pem(QDir(folder).filePath(QStringLiteral("signing.crt")));
    QVERIFY(pem.open(QIODevice::ReadOnly));
    const QString serial = Certificate::fromPem(pem.readAll()).serial();
    const auto revokeAs = [&](const QString &user) {
        return runWithPassphrase(QStringList{QStringLiteral("certificate"), QStringLiteral("revoke"), serial}
                                 + backOffice(m_files.filePath(QStringLiteral("desk-of-") + user), user));
    };
    const QString stranger = scalar(QStringLiteral("SELECT username FROM users WHERE role = 'committee_member' AND active = 1 "
                                                   "ORDER BY username LIMIT 1 OFFSET 1"));
    const CliRun refused = revokeAs(stranger);
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.errText().contains(QStringLiteral("holder")), refused.err.constData());
    const QString administrator = scalar(QStringLiteral("SELECT username FROM users WHERE role = 'administrator' AND active = 1 "
                                                        "ORDER BY username LIMIT 1"));
    const CliRun done = revokeAs(administrator);
    QVERIFY2(done.exitCode == 0, done.err.constData());
    QVERIFY(done.outText().contains(serial));
}

QTEST_GUILESS_MAIN(TestEnrolment)
#include "tst_enrolment.moc"
