#include "domainerror.h"
#include "signingfixture.h"
#include "opensslcli.h"
#include "signingkey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using vd::SigningKey;

namespace {

const QByteArray kPassphrase = "correct horse 馬 battery";

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}


} // namespace

class TestSigningKey : public QObject
{
    Q_OBJECT

private slots:
    void unlocksWithItsPassphrase();
    void eachKeyIsNew();
    void isPkcs8WithScryptThatOpensslOpens();
    void opensWhatOpensslPkcs8Scrypt();
    void aWrongPassphraseIsRefusedAndTheFileIsUntouched();
    void theFileIsTheOwnersOnly();
    void refusesWhatIsNotAnEncryptedP256Key();
    void refusesAnEmptyPassphrase();

private:
    QTemporaryDir m_dir;
};

void TestSigningKey::unlocksWithItsPassphrase()
{
    const SigningKey key = SigningKey::generate();
    const QByteArray pem = key.encryptedPem(kPassphrase);
    QVERIFY(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    QCOMPARE(SigningKey::fromEncryptedPem(pem, kPassphrase).publicKeyPem(), key.publicKeyPem());
}

void TestSigningKey::eachKeyIsNew()
{
    QVERIFY(SigningKey::generate().publicKeyPem() != SigningKey::generate().publicKeyPem());
}

void TestSigningKey::isPkcs8WithScryptThatOpensslOpens()
{
    const SigningKey key = SigningKey::generate();
    const QString path = m_dir.filePath(QStringLiteral("ours.key"));
    key.writeFile(path, kPassphrase);
    const OpensslRun parsed = runOpenssl({QStringLiteral("asn1parse"), QStringLiteral("-in"), path});
    QCOMPARE(parsed.exitCode, 0);
    QVERIFY2(parsed.out.contains("PBES2") && parsed.out.contains(":scrypt") && parsed.out.contains("aes-256-cbc"),
             parsed.out.constData());
    const OpensslRun opened = runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), path, QStringLiteral("-passin"),
                                          QStringLiteral("stdin"), QStringLiteral("-pubout")},
                                         kPassphrase + '\n');
    QCOMPARE(opened.exitCode, 0);
    QCOMPARE(opened.out, key.publicKeyPem());
}

void TestSigningKey::opensWhatOpensslPkcs8Scrypt()
{
    const QString plain = m_dir.filePath(QStringLiteral("openssl-plain.key"));
    const QString encrypted = m_dir.filePath(QStringLiteral("openssl-scrypt.key"));
    QCOMPARE(runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"), plain})
                 .exitCode,
             0);
    QCOMPARE(runOpenssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-scrypt"), QStringLiteral("-in"),
                         plain, QStringLiteral("-out"), encrypted, QStringLiteral("-passout"), QStringLiteral("stdin")},
                        kPassphrase + '\n')
                 .exitCode,
             0);
    const OpensslRun publicKey = runOpenssl({QStringLiteral("pkey"), QStringLiteral("-in"), plain, QStringLiteral("-pubout")});
    QCOMPARE(SigningKey::readFile(encrypted, kPassphrase).publicKeyPem(), publicKey.out);
}

void TestSigningKey::aWrongPassphraseIsRefusedAndTheFileIsUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("locked.key"));
    SigningKey::generate().writeFile(path, kPassphrase);
    const QByteArray before = fileBytes(path);
    const QDateTime modified = QFileInfo(path).lastModified();
    try {
        SigningKey::readFile(path, "correct horse");
        QFAIL("a wrong passphrase unlocked the key");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("KEY_PASSPHRASE_WRONG"));
        QCOMPARE(error.where(), path);
        QVERIFY(error.message().contains(QLatin1String("passphrase")));
    }
    QCOMPARE(fileBytes(path), before);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QVERIFY(SigningKey::readFile(path, kPassphrase).handle());
}

void TestSigningKey::theFileIsTheOwnersOnly()
{
    const QString path = m_dir.filePath(QStringLiteral("private.key"));
    SigningKey::generate().writeFile(path, kPassphrase);
    QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    SigningKey::generate().writeFile(path, kPassphrase); // replacing keeps it private
    QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestSigningKey::refusesWhatIsNotAnEncryptedP256Key()
{
    const OpensslRun plain = runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-384")});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(domainErrorCode([&] { SigningKey::fromEncryptedPem(plain.out, kPassphrase); }), QStringLiteral("KEY_FILE_INVALID"));
    const OpensslRun p384 = runOpenssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-scrypt"),
                                        QStringLiteral("-passout"), QStringLiteral("pass:x")},
                                       plain.out);
    QCOMPARE(p384.exitCode, 0);
    QCOMPARE(domainErrorCode([&] { SigningKey::fromEncryptedPem(p384.out, "x"); }), QStringLiteral("KEY_NOT_P256"));
    QCOMPARE(domainErrorCode([&] { SigningKey::fromEncryptedPem("", "x"); }), QStringLiteral("KEY_FILE_INVALID"));
    QCOMPARE(domainErrorCode([&] { SigningKey::readFile(m_dir.filePath(QStringLiteral("none.key")), "x"); }),
             QStringLiteral("KEY_FILE_UNREADABLE"));
}

void TestSigningKey::refusesAnEmptyPassphrase()
{
    const SigningKey key = SigningKey::generate();
    QCOMPARE(domainErrorCode([&] { key.encryptedPem(""); }), QStringLiteral("KEY_PASSPHRASE_EMPTY"));
}

QTEST_GUILESS_MAIN(TestSigningKey)
#include "tst_signingkey.moc"
