#include "certificateauthority.h"
#include "detachedsignature.h"
#include "domainerror.h"
#include "signingfixture.h"
#include "opensslcli.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace vd;
using Failure = SignatureCheck::Failure;

Q_DECLARE_METATYPE(SignatureCheck::Failure)

namespace {

const SignerIdentity kApplicant{QStringLiteral("ka.wong"), QStringLiteral("黃家樂 Wong Ka-lok"), QStringLiteral("applicant")};
const QByteArray kManifest = R"({"application":{"reference":"TVP/2026/00042","title":{"en":"Smart retail","zh":"智能零售"}},"attachments":[]})";
const QByteArray kPassphrase = "fixture passphrase";


} // namespace

class TestDetachedSignature : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aSignatureVerifiesAndNamesItsSignerAndTime();
    void whatDoesNotVerifySaysWhy_data();
    void whatDoesNotVerifySaysWhy();
    void aSignatureMadeBeforeTheRevocationStands();
    void theReasonIsADomainError();
    void signsOnlyWithTheCertificatesKey();
    void opensslCmsVerifyAcceptsOursAndRefusesTampering();
    void ourVerifyAcceptsWhatOpensslCmsSigns();
    void carriesTheChainWhenAsked();
    void aVerifierThatKnowsTheSignerStillChecksRevocationAndTime();

private:
    SignatureCheck verify(QByteArrayView content, QByteArrayView signature,
                          const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    QTemporaryDir m_dir;
    std::optional<CertificateAuthority> m_authority;
    std::optional<SigningKey> m_key;
    std::optional<Certificate> m_certificate;
    QDateTime m_issuedAt;
};

void TestDetachedSignature::initTestCase()
{
    m_authority = CertificateAuthority::openOrCreate(m_dir.filePath(QStringLiteral("ca")),
                                                     QDateTime::currentDateTimeUtc().addDays(-20));
    m_key = SigningKey::generate();
    m_issuedAt = QDateTime::currentDateTimeUtc().addDays(-10);
    m_certificate = m_authority->issue(CertificateRequest::create(*m_key, kApplicant), kApplicant, m_issuedAt, 365);
}

SignatureCheck TestDetachedSignature::verify(QByteArrayView content, QByteArrayView signature, const QDateTime &now) const
{
    return DetachedSignature::verify(content, signature, m_authority->certificate(), m_authority->revocations(), now);
}

void TestDetachedSignature::aSignatureVerifiesAndNamesItsSignerAndTime()
{
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-30);
    const QByteArray signature = DetachedSignature::sign(kManifest, *m_key, *m_certificate, {}, at);
    const SignatureCheck check = verify(kManifest, signature);
    QVERIFY2(check.verified(), qPrintable(check.reason()));
    QCOMPARE(check.code(), QStringLiteral("SIGNATURE_VERIFIED"));
    QCOMPARE(check.signer->fingerprint(), m_certificate->fingerprint());
    QCOMPARE(check.signer->subject(), kApplicant);
    QCOMPARE(check.signingTime, at.addMSecs(-at.time().msec()));
}

void TestDetachedSignature::whatDoesNotVerifySaysWhy_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<Failure>("failure");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray good = DetachedSignature::sign(kManifest, *m_key, *m_certificate, {}, now);

    QByteArray oneByte = kManifest;
    oneByte[20] = char(oneByte[20] ^ 0x01);
    QTest::newRow("a changed byte") << oneByte << good << now << Failure::ContentChanged;
    QTest::newRow("a byte more") << kManifest + ' ' << good << now << Failure::ContentChanged;

    QByteArray badValue = good;
    badValue[badValue.size() - 1] = char(badValue[badValue.size() - 1] ^ 0x01); // the ECDSA signature ends the DER
    QTest::newRow("a changed signature") << kManifest << badValue << now << Failure::BadSignature;

    const SigningKey otherKey = SigningKey::generate();
    CertificateAuthority stranger = CertificateAuthority::openOrCreate(m_dir.filePath(QStringLiteral("stranger")));
    const Certificate strangers = stranger.issue(CertificateRequest::create(otherKey, kApplicant), kApplicant);
    QTest::newRow("another authority's certificate")
        << kManifest << DetachedSignature::sign(kManifest, otherKey, strangers, {}, now) << now << Failure::UntrustedChain;

    const QDateTime afterExpiry = m_certificate->notAfter().addDays(1);
    QTest::newRow("signed after the certificate expired")
        << kManifest << DetachedSignature::sign(kManifest, *m_key, *m_certificate, {}, afterExpiry) << afterExpiry.addSecs(60)
        << Failure::Expired;
    const QDateTime beforeIssue = m_issuedAt.addDays(-1);
    QTest::newRow("signed before the certificate was issued")
        << kManifest << DetachedSignature::sign(kManifest, *m_key, *m_certificate, {}, beforeIssue) << now << Failure::Expired;

    QTest::newRow("signed in the future")
        << kManifest << DetachedSignature::sign(kManifest, *m_key, *m_certificate, {}, now.addSecs(3600)) << now
        << Failure::SignedInTheFuture;

    QTest::newRow("not a signature") << kManifest << QByteArray("not DER at all") << now << Failure::Malformed;
    QTest::newRow("nothing") << kManifest << QByteArray() << now << Failure::Malformed;
    QTest::newRow("cut short") << kManifest << good.left(good.size() / 2) << now << Failure::Malformed;
}

void TestDetachedSignature::whatDoesNotVerifySaysWhy()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, signature);
    QFETCH(QDateTime, now);
    QFETCH(Failure, failure);
    const SignatureCheck check = verify(content, signature, now);
    QCOMPARE(check.failure, failure);
    QVERIFY(!check.verified());
    QVERIFY(!check.reason().isEmpty());
}

void TestDetachedSignature::aSignatureMadeBeforeTheRevocationStands()
{
    CertificateAuthority authority = CertificateAuthority::openOrCreate(m_dir.filePath(QStringLiteral("revoking")),
                                                                     QDateTime::currentDateTimeUtc().addDays(-10));
    const SigningKey key = SigningKey::generate();
    const QDateTime issued = QDateTime::currentDateTimeUtc().addDays(-5);
    const Certificate certificate = authority.issue(CertificateRequest::create(key, kApplicant), kApplicant, issued);
    const QDateTime revokedAt = QDateTime::currentDateTimeUtc().addDays(-1);
    authority.revoke(certificate.serial(), RevocationReason::KeyCompromise, revokedAt);
    const auto checkSignedAt = [&](const QDateTime &at) {
        return DetachedSignature::verify(kManifest, DetachedSignature::sign(kManifest, key, certificate, {}, at),
                                         authority.certificate(), authority.revocations())
            .failure;
    };
    QCOMPARE(checkSignedAt(revokedAt.addSecs(-3600)), Failure::None);
    QCOMPARE(checkSignedAt(revokedAt), Failure::Revoked);
    QCOMPARE(checkSignedAt(revokedAt.addSecs(3600)), Failure::Revoked);
}

void TestDetachedSignature::theReasonIsADomainError()
{
    const QByteArray signature = DetachedSignature::sign(kManifest, *m_key, *m_certificate);
    verify(kManifest, signature).throwUnlessVerified(QStringLiteral("TVP/2026/00042"));
    try {
        verify(kManifest + ' ', signature).throwUnlessVerified(QStringLiteral("TVP/2026/00042"));
        QFAIL("a changed manifest verified");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("SIGNATURE_CONTENT_CHANGED"));
        QCOMPARE(error.where(), QStringLiteral("TVP/2026/00042"));
        QVERIFY(error.message().contains(kApplicant.displayName));
    }
}

void TestDetachedSignature::signsOnlyWithTheCertificatesKey()
{
    try {
        DetachedSignature::sign(kManifest, SigningKey::generate(), *m_certificate);
        QFAIL("signed with a key that is not the certificate's");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("SIGNING_KEY_MISMATCH"));
    }
}

// The recipe of docs/signing.md: nothing but openssl and the CA's certificate.
void TestDetachedSignature::opensslCmsVerifyAcceptsOursAndRefusesTampering()
{
    const QString manifest = writtenFile(m_dir.filePath(QStringLiteral("manifest.json")), kManifest);
    const QString changed = writtenFile(m_dir.filePath(QStringLiteral("changed.json")), kManifest + ' ');
    const QString signature = writtenFile(m_dir.filePath(QStringLiteral("signature.p7s")),
                                      DetachedSignature::sign(kManifest, *m_key, *m_certificate));
    const QString caFile = m_dir.filePath(QStringLiteral("ca/ca.crt"));
    const auto cmsVerify = [&](const QString &content, const QString &trusted) {
        return runOpenssl({QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"), QStringLiteral("-inform"),
                           QStringLiteral("DER"), QStringLiteral("-in"), signature, QStringLiteral("-content"), content,
                           QStringLiteral("-CAfile"), trusted, QStringLiteral("-out"), QStringLiteral("/dev/null")});
    };
    const OpensslRun accepted = cmsVerify(manifest, caFile);
    QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
    QVERIFY(accepted.err.contains("Verification successful"));
    QVERIFY(cmsVerify(changed, caFile).exitCode != 0);
    const QString strangerCa = m_dir.filePath(QStringLiteral("another-ca"));
    CertificateAuthority::openOrCreate(strangerCa);
    QVERIFY(cmsVerify(manifest, strangerCa + QStringLiteral("/ca.crt")).exitCode != 0);
    const OpensslRun printed = runOpenssl({QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"),
                                           QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), signature});
    QVERIFY2(printed.out.contains("sha256") && printed.out.contains("signingTime")
                 && printed.out.contains("ecdsa-with-SHA256"),
             printed.out.constData());
}

void TestDetachedSignature::ourVerifyAcceptsWhatOpensslCmsSigns()
{
    const QString manifest = writtenFile(m_dir.filePath(QStringLiteral("by-openssl.json")), kManifest);
    const QString keyFile = m_dir.filePath(QStringLiteral("applicant.key"));
    m_key->writeFile(keyFile, kPassphrase);
    const QString certificateFile = writtenFile(m_dir.filePath(QStringLiteral("applicant.crt")), m_certificate->pem());
    const OpensslRun signed_ = runOpenssl({QStringLiteral("cms"), QStringLiteral("-sign"), QStringLiteral("-binary"),
                                           QStringLiteral("-md"), QStringLiteral("sha256"), QStringLiteral("-outform"),
                                           QStringLiteral("DER"), QStringLiteral("-in"), manifest, QStringLiteral("-signer"),
                                           certificateFile, QStringLiteral("-inkey"), keyFile, QStringLiteral("-passin"),
                                           QStringLiteral("stdin")},
                                          kPassphrase + '\n');
    QVERIFY2(signed_.exitCode == 0, signed_.err.constData());
    const SignatureCheck check = verify(kManifest, signed_.out);
    QVERIFY2(check.verified(), qPrintable(check.reason()));
    QCOMPARE(check.signer->subject(), kApplicant);
}

void TestDetachedSignature::carriesTheChainWhenAsked()
{
    const QByteArray without = DetachedSignature::sign(kManifest, *m_key, *m_certificate);
    const QByteArray with = DetachedSignature::sign(kManifest, *m_key, *m_certificate, {m_authority->certificate()});
    QVERIFY(with.contains(m_authority->certificate().der()));
    QVERIFY(!without.contains(m_authority->certificate().der()));
    QVERIFY(without.contains(m_certificate->der()));
    QVERIFY(verify(kManifest, with).verified());
}

void TestDetachedSignature::aVerifierThatKnowsTheSignerStillChecksRevocationAndTime()
{
    CertificateAuthority authority = CertificateAuthority::openOrCreate(m_dir.filePath(QStringLiteral("verifier")),
                                                                        QDateTime::currentDateTimeUtc().addDays(-10));
    const SigningKey key = SigningKey::generate();
    const QDateTime issued = QDateTime::currentDateTimeUtc().addDays(-5);
    const Certificate certificate = authority.issue(CertificateRequest::create(key, kApplicant), kApplicant, issued, 30);
    SignatureVerifier verifier(authority.certificate(), authority.revocations());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(verifier.verify(kManifest, DetachedSignature::sign(kManifest, key, certificate, {}, now)).failure, Failure::None);
    QCOMPARE(verifier.verify(kManifest, DetachedSignature::sign(kManifest, key, certificate, {}, issued.addDays(-1))).failure,
             Failure::Expired);
    QCOMPARE(verifier.verify(kManifest + ' ', DetachedSignature::sign(kManifest, key, certificate, {}, now)).failure,
             Failure::ContentChanged);
    authority.revoke(certificate.serial(), RevocationReason::Superseded, now.addSecs(-60));
    QCOMPARE(verifier.verify(kManifest, DetachedSignature::sign(kManifest, key, certificate, {}, now)).failure,
             Failure::Revoked);
    const SigningKey strangerKey = SigningKey::generate();
    CertificateAuthority stranger = CertificateAuthority::openOrCreate(m_dir.filePath(QStringLiteral("verifier-stranger")));
    const Certificate strangers = stranger.issue(CertificateRequest::create(strangerKey, kApplicant), kApplicant);
    QCOMPARE(verifier.verify(kManifest, DetachedSignature::sign(kManifest, strangerKey, strangers)).failure,
             Failure::UntrustedChain);
}

QTEST_GUILESS_MAIN(TestDetachedSignature)
#include "tst_detachedsignature.moc"
