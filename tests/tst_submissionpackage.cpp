#include "applicationrepository.h"
#include "attachmentfolder.h"
#include "certificateauthority.h"
#include "clirunner.h"
#include "enterpriserepository.h"
#include "samplerecords.h"
#include "unitofwork.h"
#include "workspace.h"
#include "signingfixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace vd;

namespace {

const QByteArray kPassphrase = "package passphrase 券";
const SignerIdentity kApplicant{QStringLiteral("ka.wong"), QStringLiteral("黃家樂 Wong Ka-lok"), QStringLiteral("applicant")};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// A command of the README's recipe, run as a person would run it, in `folder`.
Run run(const QString &program, const QStringList &arguments, const QString &folder)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(program, arguments);
    if (!process.waitForStarted())
        qFatal("%s is not installed", qPrintable(program));
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}


} // namespace

class TestSubmissionPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theReadmeRecipeVerifiesAnExportedPackage();
    void packageVerifyAcceptsIt();
    void aChangedAttachmentByteIsNamed();
    void aChangedManifestFieldIsNamed();
    void anotherAuthorityOrARevokedCertificateIsNamed();
    void aWrongPassphraseWritesNothing();

private:
    QStringList exportArguments(const QString &output) const;
    QString unzipped(const QString &package);
    QString rezipped(const QString &folder);
    CliRun verifyPackage(const QString &package, const QStringList &more = {}) const;

    QTemporaryDir m_dir;
    std::optional<CertificateAuthority> m_authority;
    QString m_caFile, m_keyFile, m_certificateFile, m_passphraseFile, m_package, m_workspace;
    QString m_firstAttachment;
    std::optional<Certificate> m_certificate;
    int m_folders = 0;
};

void TestSubmissionPackage::initTestCase()
{
    m_workspace = m_dir.filePath(QStringLiteral("desk"));
    Workspace workspace(m_workspace);
    Application application = samples::application();
    application.attachments.clear();
    for (const QByteArray &content : {QByteArray("%PDF-1.4 quotation one"), QByteArray("%PDF-1.4 報價單 two")}) {
        const QString file = writtenFile(m_dir.filePath(QStringLiteral("upload.pdf")), content);
        application.attachments.append(AttachmentFolder(workspace).add(file, QStringLiteral("quotation")));
    }
    m_firstAttachment = application.attachments.first().sha256;
    UnitOfWork work(workspace, QStringLiteral("tester"));
    Enterprise enterprise = samples::enterprise();
    EnterpriseRepository(workspace).save(work, enterprise);
    ApplicationRepository(workspace).save(work, application);
    work.commit();

    m_authority = CertificateAuthority::openOrCreate(m_dir.filePath(QStringLiteral("backoffice/ca")),
                                                     QDateTime::currentDateTimeUtc().addDays(-3));
    m_caFile = m_dir.filePath(QStringLiteral("backoffice/ca/ca.crt"));
    const SigningKey key = SigningKey::generate();
    m_keyFile = m_dir.filePath(QStringLiteral("ka.wong.key"));
    key.writeFile(m_keyFile, kPassphrase);
    m_certificate = m_authority->issue(CertificateRequest::create(key, kApplicant), kApplicant,
                                       QDateTime::currentDateTimeUtc().addDays(-1));
    m_certificateFile = writtenFile(m_dir.filePath(QStringLiteral("ka.wong.crt")), m_certificate->pem());
    m_passphraseFile = writtenFile(m_dir.filePath(QStringLiteral("passphrase")), kPassphrase + '\n');
    m_package = m_dir.filePath(QStringLiteral("TVP-2026-00042.zip"));
    const CliRun exported = runCli(exportArguments(m_package));
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(exported.outText().contains(kApplicant.displayName));
}

QStringList TestSubmissionPackage::exportArguments(const QString &output) const
{
    return {QStringLiteral("package"), QStringLiteral("export"), QStringLiteral("TVP/2026/00042"), QStringLiteral("--output"),
            output, QStringLiteral("--workspace"), m_workspace, QStringLiteral("--key"), m_keyFile,
            QStringLiteral("--certificate"), m_certificateFile, QStringLiteral("--ca-file"), m_caFile,
            QStringLiteral("--passphrase-file"), m_passphraseFile};
}

QString TestSubmissionPackage::unzipped(const QString &package)
{
    const QString folder = m_dir.filePath(QStringLiteral("unzipped%1").arg(++m_folders));
    const Run unzip = run(QStringLiteral("unzip"), {QStringLiteral("-q"), package, QStringLiteral("-d"), folder}, m_dir.path());
    if (unzip.exitCode != 0)
        qFatal("unzip failed: %s", unzip.err.constData());
    return folder;
}

QString TestSubmissionPackage::rezipped(const QString &folder)
{
    const QString package = folder + QStringLiteral(".zip");
    const Run zip = run(QStringLiteral("zip"), {QStringLiteral("-q"), QStringLiteral("-r"), package, QStringLiteral(".")}, folder);
    if (zip.exitCode != 0)
        qFatal("zip failed: %s", zip.err.constData());
    return package;
}

CliRun TestSubmissionPackage::verifyPackage(const QString &package, const QStringList &more) const
{
    return runCli(QStringList{QStringLiteral("package"), QStringLiteral("verify"), package, QStringLiteral("--ca-file"), m_caFile}
                  + more);
}

// README.md's recipe, exactly: unzip, sha256sum -c, openssl cms -verify with the CA's certificate.
void TestSubmissionPackage::theReadmeRecipeVerifiesAnExportedPackage()
{
    QFile::remove(m_dir.filePath(QStringLiteral("ca.crt")));
    QVERIFY(QFile::copy(m_caFile, m_dir.filePath(QStringLiteral("ca.crt"))));
    QDir(m_dir.filePath(QStringLiteral("pkg"))).removeRecursively();
    const Run unzip = run(QStringLiteral("unzip"), {QStringLiteral("-q"), QStringLiteral("TVP-2026-00042.zip"),
                                                    QStringLiteral("-d"), QStringLiteral("pkg")},
                          m_dir.path());
    QCOMPARE(unzip.exitCode, 0);
    const QString pkg = m_dir.filePath(QStringLiteral("pkg"));
    const Run sums = run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("SHA256SUMS")}, pkg);
    QVERIFY2(sums.exitCode == 0, sums.out.constData());
    QCOMPARE(sums.out.count(": OK\n"), 2);
    const Run cms = run(QStringLiteral("openssl"),
                        {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"), QStringLiteral("-inform"),
                         QStringLiteral("DER"), QStringLiteral("-in"), QStringLiteral("signature.p7s"), QStringLiteral("-content"),
                         QStringLiteral("manifest.json"), QStringLiteral("-CAfile"), QStringLiteral("../ca.crt"),
                         QStringLiteral("-out"), QStringLiteral("/dev/null")},
                        pkg);
    QVERIFY2(cms.exitCode == 0, cms.err.constData());
    QVERIFY(cms.err.contains("Verification successful"));
    QFile manifest(pkg + QStringLiteral("/manifest.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QVERIFY(manifest.readAll().contains(m_firstAttachment.toLatin1()));
}

void TestSubmissionPackage::packageVerifyAcceptsIt()
{
    const CliRun verified = verifyPackage(m_package);
    QVERIFY2(verified.exitCode == 0, verified.out.constData());
    QVERIFY(verified.outText().contains(kApplicant.displayName));
    QVERIFY(verified.outText().contains(m_certificate->serial()));
}

void TestSubmissionPackage::aChangedAttachmentByteIsNamed()
{
    const QString folder = unzipped(m_package);
    QFile attachment(folder + QStringLiteral("/attachments/") + m_firstAttachment);
    QVERIFY(attachment.open(QIODevice::ReadWrite));
    QByteArray bytes = attachment.readAll();
    bytes[3] = char(bytes[3] ^ 0x20);
    attachment.seek(0);
    attachment.write(bytes);
    attachment.close();
    QVERIFY(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("SHA256SUMS")}, folder).exitCode != 0);
    const CliRun verified = verifyPackage(rezipped(folder));
    QCOMPARE(verified.exitCode, 1);
    QVERIFY2(verified.outText().contains(QLatin1String("ATTACHMENT_CHANGED")) && verified.out.contains(m_firstAttachment.toLatin1()),
             verified.out.constData());
}

void TestSubmissionPackage::aChangedManifestFieldIsNamed()
{
    const QString folder = unzipped(m_package);
    QFile manifest(folder + QStringLiteral("/manifest.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QByteArray bytes = manifest.readAll();
    manifest.close();
    QVERIFY(bytes.contains("\"erp\""));
    bytes.replace("\"erp\"", "\"pos\"");
    writtenFile(manifest.fileName(), bytes);
    const Run cms = run(QStringLiteral("openssl"),
                        {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"), QStringLiteral("-inform"),
                         QStringLiteral("DER"), QStringLiteral("-in"), QStringLiteral("signature.p7s"), QStringLiteral("-content"),
                         QStringLiteral("manifest.json"), QStringLiteral("-CAfile"), m_caFile, QStringLiteral("-out"),
                         QStringLiteral("/dev/null")},
                        folder);
    QVERIFY(cms.exitCode != 0);
    const CliRun verified = verifyPackage(rezipped(folder));
    QCOMPARE(verified.exitCode, 1);
    QVERIFY2(verified.outText().contains(QLatin1String("SIGNATURE_CONTENT_CHANGED")), verified.out.constData());
}

void TestSubmissionPackage::anotherAuthorityOrARevokedCertificateIsNamed()
{
    const QString stranger = m_dir.filePath(QStringLiteral("stranger-ca"));
    CertificateAuthority::openOrCreate(stranger);
    const CliRun untrusted = runCli({QStringLiteral("package"), QStringLiteral("verify"), m_package,
                                     QStringLiteral("--ca-file"), stranger + QStringLiteral("/ca.crt")});
    QCOMPARE(untrusted.exitCode, 1);
    QVERIFY2(untrusted.outText().contains(QLatin1String("SIGNATURE_UNTRUSTED")), untrusted.out.constData());

    const QString revoking = m_dir.filePath(QStringLiteral("revoking"));
    QVERIFY(QDir().mkpath(revoking));
    RevocationList revocations;
    revocations.add({m_certificate->serial(), QDateTime::currentDateTimeUtc().addDays(-1).addSecs(60),
                     RevocationReason::KeyCompromise});
    const QString list = writtenFile(revoking + QStringLiteral("/revocations.json"), QJsonDocument(revocations.toJson()).toJson());
    const CliRun revoked = verifyPackage(m_package, {QStringLiteral("--revocations"), list});
    QCOMPARE(revoked.exitCode, 1);
    QVERIFY2(revoked.outText().contains(QLatin1String("SIGNATURE_CERTIFICATE_REVOKED")), revoked.out.constData());
}

void TestSubmissionPackage::aWrongPassphraseWritesNothing()
{
    const QString output = m_dir.filePath(QStringLiteral("never.zip"));
    QStringList arguments = exportArguments(output);
    arguments.replace(arguments.size() - 1, writtenFile(m_dir.filePath(QStringLiteral("wrong")), "not it\n"));
    const CliRun refused = runCli(arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.errText().contains(QLatin1String("passphrase")), refused.err.constData());
    QVERIFY(!QFile::exists(output));
}

QTEST_GUILESS_MAIN(TestSubmissionPackage)
#include "tst_submissionpackage.moc"
