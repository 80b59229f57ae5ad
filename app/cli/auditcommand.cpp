// audit verify: checks the hash chain of the audit trail.
#include "clicommand.h"

#include "audittrail.h"
#include "domainerror.h"
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

int runVerify(Invocation &invocation, Workspace &workspace)
{
    QElapsedTimer timer;
    timer.start();
    const AuditVerification verification = verifyAuditChain(workspace);
    const QString head = QString::fromLatin1(verification.headHash.toHex());
    if (invocation.json) {
        QJsonObject json{{QStringLiteral("intact"), verification.intact},
                         {QStringLiteral("entries_checked"), verification.entriesChecked},
                         {QStringLiteral("head_hash"), head},
                         {QStringLiteral("description"), verification.description()}};
        if (!verification.intact) {
            json.insert(QStringLiteral("first_broken_seq"), *verification.firstBrokenSeq);
            json.insert(QStringLiteral("broken_entry_id"), verification.brokenEntryId);
            json.insert(QStringLiteral("reason"), breakName(verification.reason));
        }
        invocation.printJson(QJsonDocument(json));
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
    const auto workspace = invocation.openWorkspace();
    return runVerify(invocation, *workspace);
}

} // namespace

Command auditCommand()
{
    return {QStringLiteral("audit"), QT_TRANSLATE_NOOP("vd::cli", "verify"),
            QT_TRANSLATE_NOOP("vd::cli", "Check that the audit trail's hash chain is unbroken (audit verify)."),
            Command::Workspace | Command::JsonOutput, {}, runAudit};
}

} // namespace vd::cli
