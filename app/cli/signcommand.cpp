// sign REF PURPOSE: signs an item of a case with the person's key
// (docs/signing.md "Signed items"); the signature is kept in the workspace
// and goes to the back office with the next sync, which checks it.
#include "clicommand.h"
#include "clioptions.h"
#include "secretinput.h"

#include "applicationrepository.h"
#include "casesignatures.h"
#include "certificate.h"
#include "domainerror.h"
#include "recordjson.h"
#include "signingkey.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

int runSign(Invocation &invocation)
{
    if (invocation.arguments.size() != 2)
        inputError(invocation.arguments.value(0), CliText::tr("say sign REF PURPOSE, the purpose one of: %1")
                                                      .arg(Signature::purposes().join(QStringLiteral(", "))));
    const QString reference = invocation.arguments[0], purpose = invocation.arguments[1];
    if (!Signature::purposes().contains(purpose))
        inputError(purpose, CliText::tr("say what is signed: %1").arg(Signature::purposes().join(QStringLiteral(", "))));
    const Certificate certificate = Certificate::fromPem(fileOption(invocation, QStringLiteral("certificate")));
    const QByteArray keyPem = fileOption(invocation, QStringLiteral("key"));
    const QString passphrase = secretFor(invocation, {QStringLiteral("passphrase-file"), "VOUCHERDESK_PASSPHRASE",
                                                      CliText::tr("Passphrase of your signing key: ")});
    const SigningKey key = SigningKey::fromEncryptedPem(keyPem, passphrase.toUtf8());
    const auto workspace = invocation.openWorkspace();
    ApplicationRepository applications(*workspace);
    const std::optional<Application> application = applications.findByReference(reference)
                                                       ? applications.findByReference(reference)
                                                       : applications.find(reference);
    if (!application)
        throw DomainError(QStringLiteral("NOT_FOUND"), reference, CliText::tr("There is no case %1 in this workspace.").arg(reference));
    const QString signerId = certificate.subject().userId;
    const QString entityId = invocation.parser.isSet(QStringLiteral("record"))
                                 ? invocation.parser.value(QStringLiteral("record"))
                                 : CaseSignatures::recordToSign(*workspace, purpose, application->id, signerId);
    const Signature signature = CaseSignatures::sign(*workspace, purpose, application->id, entityId, key, certificate);
    if (invocation.json) {
        invocation.printJson(QJsonDocument(record::toJson(signature)));
        return Success;
    }
    invocation.out << CliText::tr("Signed the %1 of %2 as %3 at %4 (certificate %5). It goes to the back office with "
                                  "the next sync, which checks it.")
                          .arg(CaseSignatures::purposeName(purpose), application->reference.isEmpty() ? application->id : application->reference,
                               certificate.subject().displayName, signature.signedAt.toString(Qt::ISODate),
                               certificate.serial())
                   << '\n';
    return Success;
}

} // namespace

Command signCommand()
{
    return {QStringLiteral("sign"), QT_TRANSLATE_NOOP("vd::cli", "REF PURPOSE --key FILE --certificate FILE"),
            QT_TRANSLATE_NOOP("vd::cli", "Sign an item of a case (submission, revision, review, committee_outcome, "
                                         "approval, payment_release) with your key; the next sync sends it."),
            Command::Workspace | Command::JsonOutput,
            [](QCommandLineParser &parser) {
                parser.addOption({QStringLiteral("key"), CliText::tr("Your signing key (encrypted PEM)."), QStringLiteral("file")});
                parser.addOption({QStringLiteral("certificate"),
                                  CliText::tr("Your signing certificate (PEM), issued by the back office."), QStringLiteral("file")});
                parser.addOption({QStringLiteral("passphrase-file"),
                                  CliText::tr("Read the key's passphrase from the first line of this file (else "
                                              "VOUCHERDESK_PASSPHRASE, else asked for)."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("record"),
                                  CliText::tr("The record to sign (its id), when the case has more than one of its kind."),
                                  QStringLiteral("id")});
            },
            runSign};
}

} // namespace vd::cli
