// certificate request / certificate revoke SERIAL: enrolment with the back
// office's certificate authority, and revoking a certificate (docs/signing.md).
#include "clicommand.h"
#include "clioptions.h"
#include "secretinput.h"

#include "backofficeconnection.h"
#include "certificate.h"
#include "domainerror.h"
#include "signingkey.h"
#include "syncclient.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

void writePem(const QString &path, const QByteArray &pem)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit())
        throw DomainError(QStringLiteral("STORAGE_ERROR"), path,
                          CliText::tr("the file cannot be written: %1").arg(file.errorString()));
}

// A new key made here, its request signed by it; the key is written only
// once the back office has issued the certificate, so a failure leaves nothing behind.
int runRequest(Invocation &invocation, SyncClient &client)
{
    const QString keyPath = requiredPathOption(invocation, QStringLiteral("key"));
    const QString certificatePath = requiredPathOption(invocation, QStringLiteral("certificate"));
    for (const QString &path : {keyPath, certificatePath})
        if (QFileInfo::exists(path))
            inputError(path, CliText::tr("this file exists already; a new key and certificate are written to new files"));
    const QString passphrase = secretFor(invocation, {QStringLiteral("passphrase-file"), "VOUCHERDESK_PASSPHRASE",
                                                      CliText::tr("Passphrase for your new signing key: ")});
    if (passphrase.size() < 8)
        inputError(QStringLiteral("--passphrase-file"), CliText::tr("a signing key needs a passphrase of at least 8 characters"));
    signInToBackOffice(invocation, client);
    const User &user = client.session().user;
    const SignerIdentity person{user.id, user.displayName.en.isEmpty() ? user.username : user.displayName.en, user.role};
    const SigningKey key = SigningKey::generate();
    BackOfficeConnection connection(client.session());
    connection.setLanguage(invocation.language);
    const QJsonObject request{{QStringLiteral("request"), QString::fromLatin1(CertificateRequest::create(key, person))}};
    const QJsonObject issued =
        connection.postJson("/api/v1/certificates", QJsonDocument(request).toJson(QJsonDocument::Compact));
    const Certificate certificate = Certificate::fromPem(issued.value(QStringLiteral("certificate")).toString().toLatin1());
    key.writeFile(keyPath, passphrase.toUtf8());
    writePem(certificatePath, certificate.pem());
    if (invocation.parser.isSet(QStringLiteral("authority")))
        writePem(invocation.parser.value(QStringLiteral("authority")),
                 issued.value(QStringLiteral("ca_certificate")).toString().toLatin1());
    if (invocation.json) {
        invocation.printJson(QJsonDocument(QJsonObject{{QStringLiteral("serial"), certificate.serial()},
                                                       {QStringLiteral("subject"), certificate.subjectLine()},
                                                       {QStringLiteral("not_after"),
                                                        certificate.notAfter().toString(Qt::ISODate)}}));
        return Success;
    }
    invocation.out << CliText::tr("Issued certificate %1 to %2, valid until %3. Your key is in %4 (encrypted with your "
                                  "passphrase), the certificate in %5.")
                          .arg(certificate.serial(), certificate.subjectLine(),
                               invocation.locale.toString(certificate.notAfter().date(), QLocale::LongFormat), keyPath,
                               certificatePath)
                   << '\n';
    return Success;
}

int runRevoke(Invocation &invocation, SyncClient &client, const QString &serial)
{
    signInToBackOffice(invocation, client);
    BackOfficeConnection connection(client.session());
    connection.setLanguage(invocation.language);
    QJsonObject body;
    if (invocation.parser.isSet(QStringLiteral("reason")))
        body.insert(QStringLiteral("reason"), invocation.parser.value(QStringLiteral("reason")));
    const QJsonObject revoked = connection.postJson("/api/v1/certificates/" + serial.toStdString() + "/revocation",
                                                    QJsonDocument(body).toJson(QJsonDocument::Compact));
    invocation.out << CliText::tr("Certificate %1 is revoked as of %2 (%3): signatures made with it from then on do "
                                  "not verify. Every desk learns of it at its next sync.")
                          .arg(revoked.value(QStringLiteral("serial")).toString(),
                               revoked.value(QStringLiteral("revoked_at")).toString(),
                               revoked.value(QStringLiteral("reason")).toString())
                   << '\n';
    return Success;
}

int runCertificate(Invocation &invocation)
{
    const QStringList &arguments = invocation.arguments;
    const auto workspace = invocation.openWorkspace(true);
    SyncClient client(*workspace);
    if (arguments == QStringList{QStringLiteral("request")})
        return runRequest(invocation, client);
    if (arguments.size() == 2 && arguments[0] == QLatin1String("revoke"))
        return runRevoke(invocation, client, arguments[1]);
    inputError(arguments.value(0), CliText::tr("say certificate request --key FILE --certificate FILE, or certificate "
                                               "revoke SERIAL"));
}

} // namespace

Command certificateCommand()
{
    return {QStringLiteral("certificate"), QT_TRANSLATE_NOOP("vd::cli", "request --key FILE --certificate FILE | revoke SERIAL"),
            QT_TRANSLATE_NOOP("vd::cli", "Get a signing certificate from the back office for a key made here, or revoke one."),
            Command::Workspace | Command::JsonOutput,
            [](QCommandLineParser &parser) {
                addBackOfficeOptions(parser);
                parser.addOption({QStringLiteral("key"), CliText::tr("request: where to write your new signing key (encrypted PEM)."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("certificate"),
                                  CliText::tr("request: where to write your signing certificate (PEM)."), QStringLiteral("file")});
                parser.addOption({QStringLiteral("authority"),
                                  CliText::tr("request: where to write the back office's CA certificate (PEM), what "
                                              "signatures are verified against."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("passphrase-file"),
                                  CliText::tr("request: read the new key's passphrase from the first line of this file "
                                              "(else VOUCHERDESK_PASSPHRASE, else asked for)."),
                                  QStringLiteral("file")});
                parser.addOption({QStringLiteral("reason"),
                                  CliText::tr("revoke: unspecified, key_compromise, affiliation_changed, superseded or "
                                              "cessation_of_operation."),
                                  QStringLiteral("reason")});
            },
            runCertificate};
}

} // namespace vd::cli
