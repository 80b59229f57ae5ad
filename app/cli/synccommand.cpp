// sync --server URL --user NAME: pushes this workspace's changes to a back
// office and pulls what is new (docs/sync.md).
#include "clicommand.h"
#include "secretinput.h"

#include "domainerror.h"
#include "syncclient.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>


namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

} // namespace

QString passwordFor(const Invocation &invocation)
{
    return secretFor(invocation, {QStringLiteral("password-file"), "VOUCHERDESK_PASSWORD", CliText::tr("Password: ")});
}

void addBackOfficeOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("server"),
                      CliText::tr("The back office's address: https://HOST:PORT (http:// only for 127.0.0.1)."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("user"), CliText::tr("Your username at the back office."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("password-file"),
                      CliText::tr("Read the password from the first line of this file (else the "
                                  "environment variable VOUCHERDESK_PASSWORD, else asked for)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("ca-file"),
                      CliText::tr("Trust this certificate (PEM) for the back office, such as its "
                                  "self-signed DATA/tls/server.crt."),
                      QStringLiteral("file")});
}

void requireBackOfficeOptions(const Invocation &invocation)
{
    const QString server = invocation.parser.value(QStringLiteral("server"));
    const QString username = invocation.parser.value(QStringLiteral("user"));
    if (server.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--server"),
                          CliText::tr("say which back office: --server https://HOST:PORT"));
    if (username.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--user"),
                          CliText::tr("say who signs in: --user USERNAME"));
}

void signInToBackOffice(const Invocation &invocation, SyncClient &client)
{
    requireBackOfficeOptions(invocation);
    client.setLanguage(invocation.language);
    client.setCertificateAuthority(invocation.parser.value(QStringLiteral("ca-file")));
    const QString password = passwordFor(invocation);
    if (password.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--password-file"),
                          CliText::tr("no password was given: type it when asked, or use --password-file FILE or the "
                                      "environment variable VOUCHERDESK_PASSWORD"));
    client.signIn(invocation.parser.value(QStringLiteral("server")), invocation.parser.value(QStringLiteral("user")),
                  password);
}

namespace {

void printSummary(const Invocation &invocation, const SyncSummary &summary, const SyncStatus &status)
{
    QTextStream &out = invocation.out;
    out << CliText::tr("Pushed: %1 (applied: %2, of them merged: %3; already there: %4; in conflict: %5; rejected: %6).")
               .arg(summary.pushed).arg(summary.applied).arg(summary.merged).arg(summary.duplicate)
               .arg(summary.conflict).arg(summary.rejected)
        << '\n';
    out << CliText::tr("Pulled: %1 (stored: %2). Cases that left your view and were removed here: %3.")
               .arg(summary.pulled).arg(summary.stored).arg(summary.removedCases)
        << '\n';
    out << CliText::tr("Attachments sent: %1; already at the back office: %2; received: %3; not yet uploaded by anyone: %4.")
               .arg(summary.attachmentsUploaded).arg(summary.attachmentsAlreadyThere)
               .arg(summary.attachmentsDownloaded).arg(summary.attachmentsUnavailable)
        << '\n';
    out << CliText::tr("The back office's audit log: size %1, root %2, consistent with what this desk saw before.")
               .arg(summary.auditLogSize).arg(summary.auditLogRoot)
        << '\n';
    for (const DomainError &failure : summary.attachmentFailures)
        out << CliText::tr("Attachment not synced: %1").arg(failure.fullMessage()) << '\n';
    out << CliText::tr("Now at %1. Waiting to be sent: %2; conflicts: %3 and rejected changes: %4, for you to look at. "
                       "Requests: %5, in %6 ms.")
               .arg(summary.cursor).arg(status.pending).arg(status.conflicts).arg(status.rejected)
               .arg(summary.requests).arg(summary.durationMs)
        << '\n';
}

int runSync(Invocation &invocation)
{
    if (!invocation.arguments.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), invocation.arguments.first(),
                          CliText::tr("sync takes no arguments besides its options"));
    requireBackOfficeOptions(invocation);
    const auto workspace = invocation.openWorkspace();
    SyncClient client(*workspace);
    if (invocation.parser.isSet(QStringLiteral("batch"))) {
        bool ok = false;
        const int batch = invocation.parser.value(QStringLiteral("batch")).toInt(&ok);
        if (!ok || batch < 1 || batch > 2000)
            throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--batch"),
                              CliText::tr("give the changes per push as a whole number from 1 to 2000"));
        client.setBatchSize(batch);
    }
    signInToBackOffice(invocation, client);
    const SyncSummary summary = client.sync();
    const SyncStatus status = SyncClient::status(*workspace);
    if (invocation.json) {
        QJsonObject json = summary.toJson();
        json.insert(QStringLiteral("status"), status.toJson());
        invocation.printJson(QJsonDocument(json));
    } else {
        printSummary(invocation, summary, status);
    }
    return summary.conflict + summary.rejected > 0 || !summary.attachmentFailures.empty() ? Findings : Success;
}

} // namespace

Command syncCommand()
{
    return {QStringLiteral("sync"), QT_TRANSLATE_NOOP("vd::cli", "--server URL --user NAME"),
            QT_TRANSLATE_NOOP("vd::cli", "Send this workspace's changes to a back office and receive what is new there."),
            Command::Workspace | Command::JsonOutput,
            [](QCommandLineParser &parser) {
                addBackOfficeOptions(parser);
                parser.addOption({QStringLiteral("batch"), CliText::tr("Changes sent per push (default 500)."),
                                  QStringLiteral("count")});
            },
            runSync};
}

} // namespace vd::cli
