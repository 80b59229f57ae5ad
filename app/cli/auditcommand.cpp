// audit verify: checks the hash chain of the audit trail; on a back office's
// store also its audit log (leaves and signed heads); with --server, the back
// office's signed tree head and its consistency with the one kept here.
#include "clicommand.h"

#include "auditlog.h"
#include "audittrail.h"
#include "backofficeconnection.h"
#include "domainerror.h"
#include "sql.h"
#include "syncclient.h"
#include "treeheadwatch.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

QString breakName(AuditBreak reason)
{
    switch (reason) {
    case AuditBreak::None:
        return QStringLiteral("none");
    case AuditBreak::Edited:
        return QStringLiteral("edited");
    case AuditBreak::Deleted:
        return QStringLiteral("deleted");
    case AuditBreak::Reordered:
        return QStringLiteral("reordered");
    case AuditBreak::Inserted:
        return QStringLiteral("inserted");
    }
    return {};
}

int runVerify(Invocation &invocation, Workspace &workspace, QJsonObject &json)
{
    QElapsedTimer timer;
    timer.start();
    const AuditVerification verification = verifyAuditChain(workspace);
    const QString head = QString::fromLatin1(verification.headHash.toHex());
    if (invocation.json) {
        json = {{QStringLiteral("intact"), verification.intact},
                {QStringLiteral("entries_checked"), verification.entriesChecked},
                {QStringLiteral("head_hash"), head},
                {QStringLiteral("description"), verification.description()}};
        if (!verification.intact) {
            json.insert(QStringLiteral("first_broken_seq"), *verification.firstBrokenSeq);
            json.insert(QStringLiteral("broken_entry_id"), verification.brokenEntryId);
            json.insert(QStringLiteral("reason"), breakName(verification.reason));
        }
    } else if (verification.intact) {
        invocation.out << verification.description() << '\n'
                       << CliText::tr("Head hash: %1").arg(head) << '\n'
                       << CliText::tr("Checked in %1 s.").arg(invocation.locale.toString(timer.elapsed() / 1000.0, 'f', 2))
                       << '\n';
    } else {
        invocation.err << "voucherdesk-cli audit verify: " << verification.description() << '\n'
                       << CliText::tr("%n entries before it are intact; the last of them has the hash %1.", nullptr,
                                      int(verification.entriesChecked)).arg(head)
                       << '\n';
    }
    return verification.intact ? Success : Findings;
}

// The store's audit log, when it keeps one (a back office's): every entry
// against its leaf, every signed head against the tree.
int verifyLog(Invocation &invocation, Workspace &workspace, QJsonObject &json)
{
    if (!AuditLog::present(workspace)
        || sql::scalar(workspace.database(), QStringLiteral("SELECT count(*) FROM audit_log_leaves")).toLongLong() == 0)
        return Success;
    const AuditLogVerification log = verifyAuditLog(workspace);
    json.insert(QStringLiteral("audit_log"), QJsonObject{{QStringLiteral("intact"), log.intact},
                                                         {QStringLiteral("leaves_checked"), log.leavesChecked},
                                                         {QStringLiteral("heads_checked"), log.headsChecked},
                                                         {QStringLiteral("description"), log.description}});
    if (!invocation.json)
        (log.intact ? invocation.out : invocation.err) << (log.intact ? "" : "voucherdesk-cli audit verify: ")
                                                       << log.description << '\n';
    return log.intact ? Success : Findings;
}

// The back office's signed tree head, checked against the one kept here and kept in its place.
void verifyServer(Invocation &invocation, Workspace &workspace, QJsonObject &json)
{
    SyncClient client(workspace);
    signInToBackOffice(invocation, client);
    BackOfficeConnection connection(client.session());
    connection.setLanguage(invocation.language);
    const TreeHeadWatch::Checked checked = TreeHeadWatch(workspace, connection).check();
    const TreeHead &head = checked.head.head;
    const QString root = QString::fromLatin1(merkle::bytes(head.root).toHex());
    json.insert(QStringLiteral("server"), QJsonObject{{QStringLiteral("tree_size"), qint64(head.size)},
                                                      {QStringLiteral("root"), root},
                                                      {QStringLiteral("signature_valid"), true},
                                                      {QStringLiteral("consistent_with_size"),
                                                       checked.previous ? QJsonValue(qint64(checked.previous->size))
                                                                        : QJsonValue()}});
    if (invocation.json)
        return;
    invocation.out << CliText::tr("The back office's tree head of %1 entries (root %2) carries a valid signature.")
                          .arg(head.size).arg(root)
                   << '\n';
    if (checked.previous)
        invocation.out << CliText::tr("It is consistent with the head of %1 entries this workspace kept: no history "
                                      "it saw was rewritten.").arg(checked.previous->size)
                       << '\n';
    else
        invocation.out << CliText::tr("This workspace had kept no head of this back office; this one is kept for "
                                      "the next check.")
                       << '\n';
}

int runAudit(Invocation &invocation)
{
    if (invocation.arguments.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), QString(),
                          CliText::tr("give a subcommand: verify"));
    const QString subcommand = invocation.arguments.first();
    if (subcommand != QLatin1String("verify"))
        throw DomainError(QStringLiteral("INPUT_ERROR"), subcommand,
                          CliText::tr("not a subcommand of audit; the subcommand is: verify"));
    if (invocation.arguments.size() > 1)
        throw DomainError(QStringLiteral("INPUT_ERROR"), invocation.arguments[1],
                          CliText::tr("audit verify takes no further arguments"));
    const bool withServer = invocation.parser.isSet(QStringLiteral("server"));
    if (withServer)
        requireBackOfficeOptions(invocation);
    const auto workspace = invocation.openWorkspace();
    QJsonObject json;
    int status = runVerify(invocation, *workspace, json);
    status = std::max(status, verifyLog(invocation, *workspace, json));
    if (withServer)
        verifyServer(invocation, *workspace, json);
    if (invocation.json)
        invocation.printJson(QJsonDocument(json));
    return status;
}

} // namespace

Command auditCommand()
{
    return {QStringLiteral("audit"), QT_TRANSLATE_NOOP("vd::cli", "verify [--server URL --user NAME]"),
            QT_TRANSLATE_NOOP("vd::cli", "Check that the audit trail's hash chain is unbroken, and with --server the "
                                         "back office's signed audit log (audit verify)."),
            Command::Workspace | Command::JsonOutput, addBackOfficeOptions, runAudit};
}

} // namespace vd::cli
