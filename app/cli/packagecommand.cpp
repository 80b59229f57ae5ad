// package export REF --output FILE / package verify FILE: a signed submission as one zip file that anyone
// can check with unzip, sha256sum and openssl (docs/signing.md, README.md).
#include "clicommand.h"
#include "clioptions.h"
#include "packagezip.h"
#include "secretinput.h"

#include "attachmentfolder.h"
#include "certificate.h"
#include "detachedsignature.h"
#include "domainerror.h"
#include "signingtrust.h"
#include "revocationlist.h"
#include "sha256.h"
#include "signingkey.h"
#include "submissionmanifest.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

const QString kManifest = QStringLiteral("manifest.json");
const QString kSignature = QStringLiteral("signature.p7s");
const QString kChain = QStringLiteral("chain.pem");
const QString kSums = QStringLiteral("SHA256SUMS");

QString entryName(const QString &sha256)
{
    return QStringLiteral("attachments/") + sha256;
}

// Each attachment's bytes from the workspace, checked against the digest it is kept under.
void addAttachments(const Workspace &workspace, const SubmissionManifest &manifest, QMap<QString, QByteArray> &entries)
{
    const AttachmentFolder folder(workspace);
    QByteArray sums;
    for (const AttachmentReference &attachment : manifest.attachments) {
        QFile file(folder.pathOf(attachment));
        const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        if (Sha256::hexOf(bytes) != attachment.sha256.toLatin1())
            throw DomainError(QStringLiteral("ATTACHMENT_MISSING"), attachment.fileName,
                              CliText::tr("the workspace's copy of this attachment is missing or damaged"));
        entries.insert(entryName(attachment.sha256), bytes);
        sums += attachment.sha256.toLatin1() + "  " + entryName(attachment.sha256).toLatin1() + '\n';
    }
    entries.insert(kSums, sums);
}

int runExport(Invocation &invocation, const QString &reference)
{
    const QString output = invocation.parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        inputError(QStringLiteral("--output"), CliText::tr("say where to write the package: --output FILE"));
    const Certificate signer = Certificate::fromPem(fileOption(invocation, QStringLiteral("certificate")));
    QList<Certificate> chain;
    if (invocation.parser.isSet(QStringLiteral("ca-file")))
        chain.append(Certificate::fromPem(fileOption(invocation, QStringLiteral("ca-file"))));
    const QString passphrase = secretFor(invocation, {QStringLiteral("passphrase-file"), "VOUCHERDESK_PASSPHRASE",
                                                      CliText::tr("Passphrase of your signing key: ")});
    const SigningKey key = SigningKey::readFile(invocation.parser.value(QStringLiteral("key")), passphrase.toUtf8());
    const auto workspace = invocation.openWorkspace();
    const SubmissionManifest manifest = SubmissionManifest::forReference(*workspace, reference);
    QMap<QString, QByteArray> entries;
    addAttachments(*workspace, manifest, entries);
    entries.insert(kManifest, manifest.bytes);
    entries.insert(kSignature, DetachedSignature::sign(manifest.bytes, key, signer, chain));
    QByteArray chainPem = signer.pem();
    for (const Certificate &certificate : chain)
        chainPem += certificate.pem();
    entries.insert(kChain, chainPem);
    writeZip(output, entries);
    invocation.out << CliText::tr("Wrote %1: %2 signed by %3, with %n attachment(s).", nullptr,
                                  int(manifest.attachments.size()))
                          .arg(output, reference, signer.subject().displayName)
                   << '\n';
    return Success;
}

// What is wrong with the package's attachments against the signed manifest, one line each.
QStringList attachmentProblems(const QByteArray &manifest, const QMap<QString, QByteArray> &entries)
{
    QStringList problems;
    const QJsonArray attachments = QJsonDocument::fromJson(manifest)
                                       .object().value(QStringLiteral("application")).toObject()
                                       .value(QStringLiteral("attachments")).toArray();
    for (const QJsonValue &value : attachments) {
        const QJsonObject attachment = value.toObject();
        const QString sha256 = attachment.value(QStringLiteral("sha256")).toString();
        const QString name = attachment.value(QStringLiteral("file_name")).toString();
        const auto entry = entries.constFind(entryName(sha256));
        if (entry == entries.constEnd())
            problems.append(CliText::tr("ATTACHMENT_MISSING: %1 (%2) is not in the package.").arg(name, entryName(sha256)));
        else if (Sha256::hexOf(*entry) != sha256.toLatin1())
            problems.append(CliText::tr("ATTACHMENT_CHANGED: %1 (%2) is not the file that was signed: its SHA-256 is %3.")
                                .arg(name, entryName(sha256), QString::fromLatin1(Sha256::hexOf(*entry))));
    }
    return problems;
}

int runVerify(Invocation &invocation, const QString &path)
{
    const Certificate trusted = Certificate::fromPem(fileOption(invocation, QStringLiteral("ca-file")));
    // Those given, else those the workspace received at its last sync.
    RevocationList revocations = SigningTrust::revocations(invocation.workspace);
    if (invocation.parser.isSet(QStringLiteral("revocations")))
        revocations = RevocationList::fromJson(
            QJsonDocument::fromJson(fileOption(invocation, QStringLiteral("revocations"))).array());
    const QMap<QString, QByteArray> entries = readZip(path);
    if (!entries.contains(kManifest) || !entries.contains(kSignature))
        throw DomainError(QStringLiteral("PACKAGE_INVALID"), path,
                          CliText::tr("This is not a submission package: it has no %1 or no %2.").arg(kManifest, kSignature));
    const SignatureCheck check = DetachedSignature::verify(entries[kManifest], entries[kSignature], trusted, revocations);
    QStringList problems;
    if (!check.verified())
        problems.append(check.code() + QStringLiteral(": ") + check.reason());
    problems += attachmentProblems(entries[kManifest], entries);
    for (const QString &problem : problems)
        invocation.out << problem << '\n';
    if (!problems.isEmpty())
        return Findings;
    const SignerIdentity signer = check.signer->subject();
    invocation.out << CliText::tr("Verified: signed by %1 (%2, %3) at %4 with certificate %5; the manifest and its "
                                  "attachments are as signed.")
                          .arg(signer.displayName, signer.userId, signer.role,
                               check.signingTime.toString(Qt::ISODate), check.signer->serial())
                   << '\n';
    return Success;
}

int runPackage(Invocation &invocation)
{
    const QStringList &arguments = invocation.arguments;
    if (arguments.size() == 2 && arguments[0] == QLatin1String("export"))
        return runExport(invocation, arguments[1]);
    if (arguments.size() == 2 && arguments[0] == QLatin1String("verify"))
        return runVerify(invocation, arguments[1]);
    inputError(arguments.value(0), CliText::tr("say package export REF --output FILE, or package verify FILE"));
}

} // namespace

Command packageCommand()
{
    return {QStringLiteral("package"), QT_TRANSLATE_NOOP("vd::cli", "export REF --output FILE | verify FILE"),
            QT_TRANSLATE_NOOP("vd::cli", "Write a signed submission as one zip file, or check one."),
            Command::Workspace,
            [](QCommandLineParser &parser) {
                parser.addOption({QStringLiteral("output"), CliText::tr("export: the package file to write."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("key"), CliText::tr("export: your signing key (encrypted PEM)."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("certificate"),
                                  CliText::tr("export: your signing certificate (PEM), issued by the back office."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("passphrase-file"),
                                  CliText::tr("export: read the key's passphrase from the first line of this file "
                                              "(else VOUCHERDESK_PASSPHRASE, else asked for)."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("ca-file"),
                                  CliText::tr("The back office's CA certificate (PEM): export puts it in the chain, "
                                              "verify trusts it."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("revocations"),
                                  CliText::tr("verify: the back office's revocations (JSON, DATA/ca/revocations.json; "
                                              "else those the workspace received at its last sync)."),
                                  QStringLiteral("file")});
            },
            runPackage};
}

} // namespace vd::cli
