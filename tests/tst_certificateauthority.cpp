#include "certificateauthority.h"
#include "domainerror.h"
#include "signingfixture.h"
#include "opensslcli.h"

#include <QFile>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace vd;

namespace {

const SignerIdentity kOfficer{QStringLiteral("officer.chan"), QStringLiteral("陳大文 Chan Tai-man"),
                              QStringLiteral("secretariat_officer")};



} // namespace

class TestCertificateAuthority : public QObject
{
    Q_OBJECT

private slots:
    void firstStartMakesTheAuthorityAndLaterStartsKeepIt();
    void theKeyIsTheBackOfficesOnly();
    void issuesASigningCertificateForThePerson();
    void opensslVerifiesAnIssuedCertificateAgainstTheAuthority();
    void serialNumbersAreUnique();
    void refusesARequestForSomeoneElse();
    void refusesARequestNotSignedByItsKey();
    void revocationsAreKeptAndCountFromTheirTime();
    void revokesOnlyWhatItIssued();
    void revocationListsRoundTrip();
    void refusesARevocationWithoutAReason();

private:
    QString freshFolder();
    QTemporaryDir m_dir;
    int m_folders = 0;
};

QString TestCertificateAuthority::freshFolder()
{
    return m_dir.filePath(QStringLiteral("ca%1").arg(++m_folders));
}

void TestCertificateAuthority::firstStartMakesTheAuthorityAndLaterStartsKeepIt()
{
    const QString folder = freshFolder();
    const QString fingerprint = CertificateAuthority::openOrCreate(folder).certificate().fingerprint();
    QVERIFY(QFile::exists(folder + QStringLiteral("/ca.crt")));
    QCOMPARE(CertificateAuthority::openOrCreate(folder).certificate().fingerprint(), fingerprint);
    const OpensslRun text = runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), folder + QStringLiteral("/ca.crt"),
                                        QStringLiteral("-noout"), QStringLiteral("-text")});
    QVERIFY2(text.out.contains("CA:TRUE, pathlen:0") && text.out.contains("Certificate Sign")
                 && text.out.contains("ecdsa-with-SHA256") && text.out.contains("prime256v1"),
             text.out.constData());
}

void TestCertificateAuthority::theKeyIsTheBackOfficesOnly()
{
    const QString folder = freshFolder();
    CertificateAuthority::openOrCreate(folder);
    QCOMPARE(QFile::permissions(folder + QStringLiteral("/ca.key")) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestCertificateAuthority::issuesASigningCertificateForThePerson()
{
    CertificateAuthority authority = CertificateAuthority::openOrCreate(freshFolder());
    const SigningKey key = SigningKey::generate();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Certificate certificate = authority.issue(CertificateRequest::create(key, kOfficer), kOfficer, now, 30);
    QCOMPARE(certificate.subject(), kOfficer);
    QCOMPARE(certificate.issuerLine(), authority.certificate().subjectLine());
    QVERIFY(qAbs(certificate.notAfter().secsTo(now.addDays(30))) <= 1);
    QVERIFY(certificate.notBefore() <= now);
    QCOMPARE(authority.issued(certificate.serial())->fingerprint(), certificate.fingerprint());
    const OpensslRun text = runOpenssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text")},
                                       certificate.pem());
    QVERIFY2(text.out.contains("Digital Signature, Non Repudiation") && text.out.contains("CA:FALSE"),
             text.out.constData());
    const OpensslRun publicKey = runOpenssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-pubkey")},
                                            certificate.pem());
    QCOMPARE(publicKey.out, key.publicKeyPem());
}

void TestCertificateAuthority::opensslVerifiesAnIssuedCertificateAgainstTheAuthority()
{
    const QString folder = freshFolder();
    CertificateAuthority authority = CertificateAuthority::openOrCreate(folder);
    const Certificate certificate = authority.issue(CertificateRequest::create(SigningKey::generate(), kOfficer), kOfficer);
    const QString file = writtenFile(m_dir.filePath(QStringLiteral("officer.crt")), certificate.pem());
    const OpensslRun verified = runOpenssl({QStringLiteral("verify"), QStringLiteral("-x509_strict"), QStringLiteral("-CAfile"),
                                            folder + QStringLiteral("/ca.crt"), file});
    QVERIFY2(verified.exitCode == 0, verified.err.constData());
    const QString otherFolder = freshFolder();
    CertificateAuthority::openOrCreate(otherFolder);
    const OpensslRun other = runOpenssl({QStringLiteral("verify"), QStringLiteral("-CAfile"),
                                         otherFolder + QStringLiteral("/ca.crt"), file});
    QVERIFY(other.exitCode != 0);
}

void TestCertificateAuthority::serialNumbersAreUnique()
{
    CertificateAuthority authority = CertificateAuthority::openOrCreate(freshFolder());
    const QByteArray request = CertificateRequest::create(SigningKey::generate(), kOfficer);
    QSet<QString> serials{authority.certificate().serial()};
    for (int i = 0; i < 20; ++i) {
        const QString serial = authority.issue(request, kOfficer).serial();
        QCOMPARE(serial.size(), 32);
        serials.insert(serial);
    }
    QCOMPARE(serials.size(), 21);
}

void TestCertificateAuthority::refusesARequestForSomeoneElse()
{
    CertificateAuthority authority = CertificateAuthority::openOrCreate(freshFolder());
    const QByteArray request = CertificateRequest::create(SigningKey::generate(), kOfficer);
    const SignerIdentity someoneElse{QStringLiteral("cy.hui"), QStringLiteral("許志遠"), QStringLiteral("committee_member")};
    QCOMPARE(domainErrorCode([&] { authority.issue(request, someoneElse); }), QStringLiteral("CERTIFICATE_REQUEST_MISMATCH"));
}

void TestCertificateAuthority::refusesARequestNotSignedByItsKey()
{
    CertificateAuthority authority = CertificateAuthority::openOrCreate(freshFolder());
    const QByteArray request = CertificateRequest::create(SigningKey::generate(), kOfficer);
    const OpensslRun der = runOpenssl({QStringLiteral("req"), QStringLiteral("-outform"), QStringLiteral("DER")}, request);
    QByteArray changed = der.out;
    changed[changed.size() - 5] = char(changed[changed.size() - 5] ^ 0x01); // inside the signature
    const OpensslRun pem = runOpenssl({QStringLiteral("req"), QStringLiteral("-inform"), QStringLiteral("DER")}, changed);
    QCOMPARE(pem.exitCode, 0);
    QCOMPARE(domainErrorCode([&] { authority.issue(pem.out, kOfficer); }), QStringLiteral("CERTIFICATE_REQUEST_INVALID"));
    QCOMPARE(domainErrorCode([&] { authority.issue("not a request", kOfficer); }), QStringLiteral("CERTIFICATE_REQUEST_INVALID"));
}

void TestCertificateAuthority::revocationsAreKeptAndCountFromTheirTime()
{
    const QString folder = freshFolder();
    CertificateAuthority authority = CertificateAuthority::openOrCreate(folder);
    const QString serial = authority.issue(CertificateRequest::create(SigningKey::generate(), kOfficer), kOfficer).serial();
    const QDateTime at = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
    authority.revoke(serial, RevocationReason::KeyCompromise, at);
    const RevocationList kept = CertificateAuthority::openOrCreate(folder).revocations();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.find(serial)->reason, RevocationReason::KeyCompromise);
    QVERIFY(kept.revokedBy(serial, at));
    QVERIFY(kept.revokedBy(serial, at.addSecs(1)));
    QVERIFY(!kept.revokedBy(serial, at.addSecs(-1)));
    QVERIFY(!kept.revokedBy(QStringLiteral("1234"), at));
}

void TestCertificateAuthority::revokesOnlyWhatItIssued()
{
    CertificateAuthority authority = CertificateAuthority::openOrCreate(freshFolder());
    QCOMPARE(domainErrorCode([&] { authority.revoke(QStringLiteral("4d2"), RevocationReason::Superseded); }),
             QStringLiteral("CERTIFICATE_UNKNOWN"));
}

void TestCertificateAuthority::revocationListsRoundTrip()
{
    RevocationList list;
    const QDateTime at = QDateTime(QDate(2026, 3, 2), QTime(1, 2, 3, 4), Qt::UTC);
    list.add({QStringLiteral("ab"), at, RevocationReason::AffiliationChanged});
    list.add({QStringLiteral("ab"), at.addDays(1), RevocationReason::Superseded}); // the earlier one stands
    list.add({QStringLiteral("0c"), at, RevocationReason::CessationOfOperation});
    const RevocationList read = RevocationList::fromJson(list.toJson());
    QCOMPARE(read.toJson(), list.toJson());
    QCOMPARE(read.find(QStringLiteral("ab"))->revokedAt, at);
    QCOMPARE(read.find(QStringLiteral("ab"))->reason, RevocationReason::AffiliationChanged);
    QCOMPARE(list.toJson().first().toObject().value(QStringLiteral("serial")).toString(), QStringLiteral("0c"));
}

void TestCertificateAuthority::refusesARevocationWithoutAReason()
{
    const QJsonArray entries{QJsonObject{{QStringLiteral("serial"), QStringLiteral("ab")},
                                         {QStringLiteral("revoked_at"), QStringLiteral("2026-03-02T01:02:03Z")},
                                         {QStringLiteral("reason"), QStringLiteral("bored")}}};
    QCOMPARE(domainErrorCode([&] { RevocationList::fromJson(entries); }), QStringLiteral("REVOCATION_INVALID"));
}

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_certificateauthority.moc"
