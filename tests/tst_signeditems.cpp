// Signed items end to end (docs/signing.md "Signed items"): a real
// voucherdesk-backoffice process on 127.0.0.1 and the real voucherdesk-cli.
// An applicant signs its application and a committee member its review, each
// with a certificate from the back office's CA; the back office checks each
// on arrival; the secretariat's desk receives them and shows who signed
// what, when, and that it verifies (in `show` and in the case view). What
// does not hold is refused with its reason: content that is not the back
// office's record, a signature over other bytes, a certificate revoked
// before the signing, a signature in someone else's name.
#include "backofficeprocess.h"
#include "clirunner.h"
#include "deskfixture.h"
#include "rawconnection.h"

#include "casesignatures.h"
#include "caseview.h"
#include "samplerecords.h"
#include "applicationrepository.h"
#include "certificate.h"
#include "desksession.h"
#include "language.h"
#include "entitystore.h"
#include "outbox.h"
#include "recordjson.h"
#include "syncclient.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "uuid.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QInputDialog>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace vd;

namespace {

const QString kPassword = QStringLiteral("voucherdesk-demo");
const QString kPassphrase = QStringLiteral("my signing key 2026");

CliRun cli(const QStringList &arguments)
{
    return runCli(arguments, {{QStringLiteral("VOUCHERDESK_PASSPHRASE"), kPassphrase},
                              {QStringLiteral("VOUCHERDESK_PASSWORD"), kPassword}});
}

QJsonObject jsonOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestSignedItems : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void anApplicationAndAReviewAreSignedCheckedOnArrivalAndShown();
    void theCaseViewSignsWithTheKeyAndCertificateChosenBefore();
    void eachRoleSignsWhatItDecides_data();
    void eachRoleSignsWhatItDecides();
    void whatDoesNotHoldIsRefusedWithItsReason_data();
    void whatDoesNotHoldIsRefusedWithItsReason();
    void aSignatureMadeAfterItsCertificateWasRevokedIsRefused();
    void aBackOfficeThatRequiresSignaturesTakesOnlySignedSubmissions();

private:
    // A desk of its own: made, synced, enrolled. Its folder holds desk/, signing.key, signing.crt.
    QString deskOf(const QString &user);
    QStringList backOffice(const QString &user) const
    {
        return {QStringLiteral("--workspace"), desk(user), QStringLiteral("--server"),
                QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()), QStringLiteral("--user"), user};
    }
    QString desk(const QString &user) const { return m_files.filePath(user + QStringLiteral("/desk")); }
    QStringList keyOf(const QString &user) const
    {
        return {QStringLiteral("--key"), m_files.filePath(user + QStringLiteral("/signing.key")), QStringLiteral("--certificate"),
                m_files.filePath(user + QStringLiteral("/signing.crt"))};
    }
    QString scalar(const QString &sql) const
    {
        return RawConnection(m_data.filePath(QStringLiteral("workspace.sqlite"))).scalar(sql).toString();
    }
    QJsonObject syncOf(const QString &user)
    {
        const CliRun run = cli(QStringList{QStringLiteral("sync"), QStringLiteral("--json")} + backOffice(user));
        if (run.exitCode > 1) // 1: it ran, and something was refused
            qWarning("sync of %s: %s", qPrintable(user), run.err.constData());
        return jsonOf(run);
    }

    QTemporaryDir m_data;
    QTemporaryDir m_files;
    BackOfficeProcess m_server;
    QString m_applicant, m_applicationId, m_purpose, m_member, m_reviewedCase;
};

void TestSignedItems::initTestCase()
{
    deskfixture::keepSettingsIn(m_files.filePath(QStringLiteral("settings")));
    QVERIFY2(m_server.start({QStringLiteral("--data"), m_data.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                             QStringLiteral("0"), QStringLiteral("--demo-applications"), QStringLiteral("60")},
                            m_data.filePath(QStringLiteral("server.log"))),
             m_server.log().constData());
    // An applicant's application: its draft if it has one (signed as the submission), else as a revision.
    const QString draft = QStringLiteral(
        "SELECT %1 FROM users AS u JOIN applications AS a ON a.enterprise_id = u.enterprise_id "
        "WHERE u.role = 'applicant' AND u.active = 1 ORDER BY a.status <> 'draft', u.username, a.id LIMIT 1");
    m_applicant = scalar(draft.arg(QStringLiteral("u.username")));
    m_applicationId = scalar(draft.arg(QStringLiteral("a.id")));
    m_purpose = scalar(draft.arg(QStringLiteral("a.status"))) == QLatin1String("draft") ? QStringLiteral("submission")
                                                                                       : QStringLiteral("revision");
    const QString review = QStringLiteral(
        "SELECT %1 FROM reviews AS r JOIN users AS u ON u.id = r.reviewer_id JOIN applications AS a ON a.id = r.application_id "
        "WHERE u.role = 'committee_member' AND u.active = 1 AND NOT EXISTS (SELECT 1 FROM interest_declarations AS d "
        "WHERE d.user_id = u.id AND d.application_id = r.application_id) ORDER BY u.username, r.id LIMIT 1");
    m_member = scalar(review.arg(QStringLiteral("u.username")));
    m_reviewedCase = scalar(review.arg(QStringLiteral("a.reference")));
    QVERIFY2(!m_applicationId.isEmpty() && !m_reviewedCase.isEmpty(), "the demo has no draft or no review to sign");
}

void TestSignedItems::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QString TestSignedItems::deskOf(const QString &user)
{
    if (QFileInfo::exists(desk(user)))
        return desk(user);
    QDir().mkpath(m_files.filePath(user));
    if (cli({QStringLiteral("init"), QStringLiteral("--workspace"), desk(user)}).exitCode != 0)
        qFatal("init of %s failed", qPrintable(user));
    syncOf(user);
    const CliRun enrolled = cli(QStringList{QStringLiteral("certificate"), QStringLiteral("request")} + keyOf(user) + backOffice(user));
    if (enrolled.exitCode != 0)
        qFatal("enrolment of %s: %s", qPrintable(user), enrolled.err.constData());
    return desk(user);
}

void TestSignedItems::anApplicationAndAReviewAreSignedCheckedOnArrivalAndShown()
{
    deskOf(m_applicant);
    const CliRun signedDraft = cli(QStringList{QStringLiteral("sign"), m_applicationId, m_purpose}
                                   + keyOf(m_applicant) + QStringList{QStringLiteral("--workspace"), desk(m_applicant)});
    QVERIFY2(signedDraft.exitCode == 0, signedDraft.err.constData());
    const QJsonObject applicantSync = syncOf(m_applicant);
    QCOMPARE(applicantSync.value(QStringLiteral("rejected")).toInt(), 0);
    QCOMPARE(applicantSync.value(QStringLiteral("applied")).toInt(), 1);

    deskOf(m_member);
    const CliRun signedReview = cli(QStringList{QStringLiteral("sign"), m_reviewedCase, QStringLiteral("review")}
                                    + keyOf(m_member) + QStringList{QStringLiteral("--workspace"), desk(m_member)});
    QVERIFY2(signedReview.exitCode == 0, signedReview.err.constData());
    QCOMPARE(syncOf(m_member).value(QStringLiteral("applied")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM signatures")), QStringLiteral("2"));

    // The secretariat's desk receives both, with the CA certificate to check them against.
    const QString secretariat = scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 "
                                                      "ORDER BY username LIMIT 1"));
    QDir().mkpath(m_files.filePath(secretariat));
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--workspace"), desk(secretariat)}).exitCode, 0);
    syncOf(secretariat);
    const auto signaturesShown = [&](const QString &reference) {
        const CliRun shown = cli({QStringLiteral("show"), reference, QStringLiteral("--json"), QStringLiteral("--workspace"),
                                  desk(secretariat)});
        return jsonOf(shown).value(QStringLiteral("signatures")).toArray();
    };
    const QJsonArray onTheDraft = signaturesShown(m_applicationId);
    QCOMPARE(onTheDraft.size(), 1);
    QCOMPARE(onTheDraft[0].toObject().value(QStringLiteral("purpose")).toString(), m_purpose);
    QCOMPARE(onTheDraft[0].toObject().value(QStringLiteral("signer")).toString(), m_applicant);
    QCOMPARE(onTheDraft[0].toObject().value(QStringLiteral("verifies")).toBool(), true);
    QCOMPARE(onTheDraft[0].toObject().value(QStringLiteral("record_changed_since")).toBool(), false);
    const QJsonArray onTheReview = signaturesShown(m_reviewedCase);
    QCOMPARE(onTheReview.size(), 1);
    QCOMPARE(onTheReview[0].toObject().value(QStringLiteral("purpose")).toString(), QStringLiteral("review"));
    QCOMPARE(onTheReview[0].toObject().value(QStringLiteral("verifies")).toBool(), true);

    // The case view shows it in its own tab.
    Workspace workspace(desk(secretariat));
    DeskSession session(workspace, UserRepository(workspace).findByUsername(secretariat).value());
    CaseView view(session, m_applicationId);
    const auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("signaturesTree"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(4), QStringLiteral("Verifies"));
    QCOMPARE(tree->topLevelItem(0)->text(0), CaseSignatures::purposeName(m_purpose));
    if (!qEnvironmentVariableIsEmpty("VD_SHOTS")) {
        view.resize(1100, 700);
        view.findChild<QTabWidget *>()->setCurrentWidget(view.findChild<QWidget *>(QStringLiteral("signaturesTab")));
        view.grab().save(qEnvironmentVariable("VD_SHOTS") + QStringLiteral("/signatures-en.png"));
        Language::apply(QStringLiteral("zh_HK"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        view.grab().save(qEnvironmentVariable("VD_SHOTS") + QStringLiteral("/signatures-zh_HK.png"));
        Language::apply(QStringLiteral("en"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }
}

void TestSignedItems::theCaseViewSignsWithTheKeyAndCertificateChosenBefore()
{
    deskOf(m_applicant);
    QSettings settings;
    settings.setValue(QStringLiteral("signing/key"), m_files.filePath(m_applicant + QStringLiteral("/signing.key")));
    settings.setValue(QStringLiteral("signing/certificate"), m_files.filePath(m_applicant + QStringLiteral("/signing.crt")));
    {
        Workspace workspace(desk(m_applicant));
        DeskSession session(workspace, UserRepository(workspace).findByUsername(m_applicant).value());
        CaseView view(session, m_applicationId);
        const auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("signaturesTree"));
        const int before = tree->topLevelItemCount();
        // The passphrase is typed into the dialog the action opens.
        QTimer::singleShot(0, [] {
            for (QWidget *window : QApplication::topLevelWidgets()) {
                if (auto *dialog = qobject_cast<QInputDialog *>(window)) {
                    dialog->setTextValue(kPassphrase);
                    dialog->accept();
                }
            }
        });
        auto *sign = view.findChild<QAction *>(QStringLiteral("sign_") + m_purpose);
        QVERIFY(sign);
        sign->trigger();
        QCOMPARE(tree->topLevelItemCount(), before + 1);
        QCOMPARE(tree->topLevelItem(before)->text(4), QStringLiteral("Verifies"));
    }
    const QJsonObject summary = syncOf(m_applicant);
    QCOMPARE(summary.value(QStringLiteral("applied")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("rejected")).toInt(), 0);
}

void TestSignedItems::eachRoleSignsWhatItDecides_data()
{
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("pick"); // %1: what to select, of the signer and the case
    const QString noConflict = QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM interest_declarations AS d WHERE d.user_id = u.id "
                                              "AND d.application_id = a.id)");
    QTest::newRow("the chair, the committee's outcome")
        << QStringLiteral("committee_outcome")
        << QStringLiteral("SELECT %1 FROM committee_outcomes AS o JOIN applications AS a ON a.id = o.application_id "
                          "JOIN meetings AS m ON m.id = o.meeting_id JOIN committee_memberships AS cm ON cm.term_id = m.term_id "
                          "JOIN users AS u ON u.id = cm.user_id WHERE u.role = 'committee_chair' AND u.active = 1")
               + noConflict + QStringLiteral(" ORDER BY a.reference LIMIT 1");
    QTest::newRow("the approving officer, the approval")
        << QStringLiteral("approval")
        << QStringLiteral("SELECT %1 FROM approvals AS p JOIN applications AS a ON a.id = p.application_id "
                          "JOIN users AS u ON u.role = 'approving_officer' AND u.active = 1 ORDER BY a.reference, u.username LIMIT 1");
    QTest::newRow("finance, a payment's release")
        << QStringLiteral("payment_release")
        << QStringLiteral("SELECT %1 FROM payments AS p JOIN applications AS a ON a.id = p.application_id "
                          "JOIN users AS u ON u.role = 'finance' AND u.active = 1 WHERE p.status = 'released' "
                          "ORDER BY a.reference, u.username LIMIT 1");
}

void TestSignedItems::eachRoleSignsWhatItDecides()
{
    QFETCH(QString, purpose);
    QFETCH(QString, pick);
    const QString signer = scalar(pick.arg(QStringLiteral("u.username")));
    const QString reference = scalar(pick.arg(QStringLiteral("a.reference")));
    QVERIFY2(!signer.isEmpty() && !reference.isEmpty(), qPrintable(pick));
    deskOf(signer);
    const CliRun made = cli(QStringList{QStringLiteral("sign"), reference, purpose} + keyOf(signer)
                            + QStringList{QStringLiteral("--workspace"), desk(signer)});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QJsonObject summary = syncOf(signer);
    QCOMPARE(summary.value(QStringLiteral("rejected")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("applied")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM signatures AS s JOIN users AS u ON u.id = s.signer_id "
                                   "WHERE s.purpose = '%1' AND u.username = '%2'").arg(purpose, signer)),
             QStringLiteral("1"));
}

void TestSignedItems::whatDoesNotHoldIsRefusedWithItsReason_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("reason"); // what the back office's answer says, in English
    QTest::newRow("content not the back office's record") << QStringLiteral("content") << QStringLiteral("What was signed is not the review as");
    QTest::newRow("signature over other bytes") << QStringLiteral("signature") << QStringLiteral("does not verify with the key");
    QTest::newRow("in someone else's name") << QStringLiteral("signer") << QStringLiteral("made only by its signer");
    QTest::newRow("not the member's to sign") << QStringLiteral("purpose") << QStringLiteral("does not sign this submission");
}

void TestSignedItems::whatDoesNotHoldIsRefusedWithItsReason()
{
    QFETCH(QString, change);
    QFETCH(QString, reason);
    deskOf(m_member);
    const CliRun made = cli(QStringList{QStringLiteral("sign"), m_reviewedCase, QStringLiteral("review"), QStringLiteral("--json")}
                            + keyOf(m_member) + QStringList{QStringLiteral("--workspace"), desk(m_member)});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    QJsonObject forged = jsonOf(made);
    forged.insert(QStringLiteral("id"), newUuid());
    QByteArray der = QByteArray::fromBase64(forged.value(QStringLiteral("signature")).toString().toLatin1());
    if (change == QLatin1String("content")) {
        forged.insert(QStringLiteral("content"), forged.value(QStringLiteral("content")).toString().replace(
                                                     QStringLiteral("\"purpose\":\"review\""), QStringLiteral("\"purpose\":\"review\" ")));
    } else if (change == QLatin1String("signature")) {
        der[der.size() - 5] = char(der[der.size() - 5] ^ 0x01); // inside the ECDSA signature value
        forged.insert(QStringLiteral("signature"), QString::fromLatin1(der.toBase64()));
    } else if (change == QLatin1String("signer")) {
        forged.insert(QStringLiteral("signer_id"), scalar(QStringLiteral("SELECT id FROM users WHERE role = 'secretariat' LIMIT 1")));
    } else if (change == QLatin1String("purpose")) {
        forged.insert(QStringLiteral("purpose"), QStringLiteral("submission"));
        forged.insert(QStringLiteral("entity_type"), QStringLiteral("application"));
        forged.insert(QStringLiteral("entity_id"), forged.value(QStringLiteral("application_id")));
    }
    {
        Workspace workspace(desk(m_member));
        UnitOfWork work(workspace, forged.value(QStringLiteral("signer_id")).toString());
        EntityStore(workspace).save(work, QStringLiteral("signature"), forged, QStringLiteral("sign"));
        work.commit();
    }
    const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM signatures")).toLongLong();
    const QJsonObject summary = syncOf(m_member);
    QCOMPARE(summary.value(QStringLiteral("rejected")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM signatures")).toLongLong(), before + 1); // the good one only
    Workspace workspace(desk(m_member));
    const QList<OutboxEntry> refused = Outbox(workspace).needingAttention();
    QVERIFY(!refused.isEmpty());
    QVERIFY2(refused.last().resultReason.contains(reason), qPrintable(refused.last().resultReason));
    QCOMPARE(refused.last().entityId, forged.value(QStringLiteral("id")).toString());
}

void TestSignedItems::aSignatureMadeAfterItsCertificateWasRevokedIsRefused()
{
    deskOf(m_member);
    QFile pem(m_files.filePath(m_member + QStringLiteral("/signing.crt")));
    QVERIFY(pem.open(QIODevice::ReadOnly));
    const QString serial = Certificate::fromPem(pem.readAll()).serial();
    QCOMPARE(cli(QStringList{QStringLiteral("certificate"), QStringLiteral("revoke"), serial} + backOffice(m_member)).exitCode, 0);
    QTest::qWait(1100); // revocations count to the second
    const CliRun made = cli(QStringList{QStringLiteral("sign"), m_reviewedCase, QStringLiteral("review")}
                            + keyOf(m_member) + QStringList{QStringLiteral("--workspace"), desk(m_member)});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QJsonObject summary = syncOf(m_member);
    QCOMPARE(summary.value(QStringLiteral("rejected")).toInt(), 1);
    Workspace workspace(desk(m_member));
    QVERIFY2(Outbox(workspace).needingAttention().last().resultReason.contains(QStringLiteral("had been revoked")),
             qPrintable(Outbox(workspace).needingAttention().last().resultReason));
}

void TestSignedItems::aBackOfficeThatRequiresSignaturesTakesOnlySignedSubmissions()
{
    QTemporaryDir data, files;
    QFile config(data.filePath(QStringLiteral("strict.properties")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("signing.required = true\n");
    config.close();
    BackOfficeProcess strict;
    QVERIFY2(strict.start({QStringLiteral("--data"), data.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                           QStringLiteral("0"), QStringLiteral("--demo-applications"), QStringLiteral("10"),
                           QStringLiteral("--config"), config.fileName()},
                          data.filePath(QStringLiteral("server.log"))),
             strict.log().constData());
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(strict.port());
    const RawConnection raw(data.filePath(QStringLiteral("workspace.sqlite")));
    const QString pick = QStringLiteral("SELECT %1 FROM users WHERE role = 'applicant' AND active = 1 ORDER BY username LIMIT 1");
    const QString applicant = raw.scalar(pick.arg(QStringLiteral("username"))).toString();
    const QString userId = raw.scalar(pick.arg(QStringLiteral("id"))).toString();
    const QString enterpriseId = raw.scalar(pick.arg(QStringLiteral("enterprise_id"))).toString();
    const QString deskFolder = files.filePath(QStringLiteral("desk"));
    const QStringList toBackOffice{QStringLiteral("--workspace"), deskFolder, QStringLiteral("--server"), url,
                                   QStringLiteral("--user"), applicant};
    const QStringList keyFiles{QStringLiteral("--key"), files.filePath(QStringLiteral("signing.key")),
                               QStringLiteral("--certificate"), files.filePath(QStringLiteral("signing.crt"))};

    // A new draft, made on the desk and synced.
    Workspace desk(deskFolder);
    SyncClient client(desk);
    client.signIn(url, applicant, kPassword);
    client.sync();
    Application draft = samples::withNewPartIds(samples::application(newUuid(), enterpriseId));
    draft.status = QStringLiteral("draft");
    draft.reference.clear();
    draft.submitted.reset();
    draft.caseOfficerId.clear();
    draft.approvedGrant.reset();
    draft.finalGrant.reset();
    {
        UnitOfWork work(desk, userId);
        ApplicationRepository(desk).save(work, draft);
        work.commit();
    }
    QCOMPARE(client.sync().applied, 1);

    const HttpAnswer login = httpRequest(strict.port(), "POST", "/api/v1/login",
                                         QJsonDocument(QJsonObject{{QStringLiteral("username"), applicant},
                                                                   {QStringLiteral("password"), kPassword}}).toJson());
    const QString token = login.json().value(QStringLiteral("token")).toString();
    const auto submit = [&] {
        return httpRequest(strict.port(), "POST", "/api/v1/cases/" + draft.id.toStdString() + "/transitions",
                           R"({"action": "submit"})", token);
    };
    const HttpAnswer unsigned_ = submit();
    QCOMPARE(unsigned_.status, 409);
    QCOMPARE(unsigned_.errorCode(), QStringLiteral("SIGNATURE_REQUIRED"));

    QVERIFY(cli(QStringList{QStringLiteral("certificate"), QStringLiteral("request")} + keyFiles + toBackOffice).exitCode == 0);
    const CliRun signedDraft = cli(QStringList{QStringLiteral("sign"), draft.id, QStringLiteral("submission"),
                                               QStringLiteral("--workspace"), deskFolder} + keyFiles);
    QVERIFY2(signedDraft.exitCode == 0, signedDraft.err.constData());
    QCOMPARE(jsonOf(cli(QStringList{QStringLiteral("sync"), QStringLiteral("--json")} + toBackOffice))
                 .value(QStringLiteral("applied")).toInt(), 1);
    const HttpAnswer signedSubmit = submit();
    QVERIFY2(signedSubmit.status == 200, signedSubmit.body.constData());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM applications WHERE id = ?"), {draft.id}).toString(),
             QStringLiteral("submitted"));
    QCOMPARE(strict.stop(), 0);
}

QTEST_MAIN(TestSignedItems)
#include "tst_signeditems.moc"
