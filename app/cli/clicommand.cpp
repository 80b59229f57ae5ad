#include "clicommand.h"

#include "domainerror.h"
#include "language.h"
#include "sealedworkspace.h"
#include "secretinput.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

namespace vd::cli {

namespace {

// Gives lupdate the context the strings are looked up under at run time.
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

// --lang is looked at before anything else so that help and errors are translated.
QString languageFromArguments(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments[i + 1];
    }
    return Language::fromSystem();
}

QString defaultWorkspace()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("workspace"));
}

void printOverview(QTextStream &out, const QList<Command> &commands)
{
    out << CliText::tr("Usage: voucherdesk-cli COMMAND [options]") << "\n\n" << CliText::tr("Commands:") << '\n';
    for (const Command &command : commands)
        out << "  " << command.name.leftJustified(12) << ' ' << CliText::tr(command.summary) << '\n';
    out << '\n' << CliText::tr("Run 'voucherdesk-cli COMMAND --help' for the options of a command.") << '\n';
}

void addCommonOptions(QCommandLineParser &parser, const Command &command)
{
    parser.setApplicationDescription(CliText::tr(command.summary));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("lang"), CliText::tr("Language of messages: en, zh_HK or zh_CN."),
                      QStringLiteral("code")});
    if (command.options & Command::JsonOutput)
        parser.addOption({QStringLiteral("json"), CliText::tr("Print the result as JSON.")});
    if (command.options & Command::Workspace) {
        parser.addOption({QStringLiteral("workspace"),
                          CliText::tr("The workspace folder (default: %1).").arg(defaultWorkspace()),
                          QStringLiteral("dir")});
        parser.addOption({QStringLiteral("workspace-passphrase-file"),
                          CliText::tr("A sealed workspace's passphrase, from the first line of this file (else "
                                      "VOUCHERDESK_WORKSPACE_PASSPHRASE, else asked for)."),
                          QStringLiteral("file")});
    }
    if (command.addOptions)
        command.addOptions(parser);
    parser.addPositionalArgument(command.name, CliText::tr(command.synopsis),
                                 command.name + u' ' + QString::fromUtf8(command.synopsis));
}

// Errors that come from what the person typed or gave, not from the system.
bool isInputError(const QString &code)
{
    static const QStringList codes{QStringLiteral("INPUT_ERROR"), QStringLiteral("WORKSPACE_NOT_FOUND"),
                                   QStringLiteral("WORKSPACE_NOT_EMPTY"), QStringLiteral("NOT_FOUND"),
                                   QStringLiteral("UNKNOWN_USER"), QStringLiteral("UNKNOWN_ACTION"),
                                   QStringLiteral("BAD_CREDENTIALS"), QStringLiteral("ATTACHMENT_MISSING"),
                                   QStringLiteral("PASSPHRASE_WRONG"), QStringLiteral("PASSPHRASE_NEEDED"),
                                   QStringLiteral("WORKSPACE_EXISTS")};
    // A signing key, a certificate or a package the person gave that cannot be used.
    return codes.contains(code) || code.startsWith(QLatin1String("KEY_")) || code.startsWith(QLatin1String("CERTIFICATE_"))
        || code.startsWith(QLatin1String("PACKAGE_"));
}

// What the audit log's checks found on a back office (TreeHeadWatch): something wrong, not a failure to run.
bool isAuditLogFinding(const QString &code)
{
    static const QStringList codes{QStringLiteral("AUDIT_HISTORY_REWRITTEN"), QStringLiteral("AUDIT_KEY_CHANGED"),
                                   QStringLiteral("AUDIT_TREE_HEAD_INVALID")};
    return codes.contains(code);
}

} // namespace

QString Invocation::workspacePassphrase() const
{
    return secretFor(*this, {QStringLiteral("workspace-passphrase-file"), "VOUCHERDESK_WORKSPACE_PASSPHRASE",
                             CliText::tr("Passphrase of the sealed workspace: ")});
}

std::unique_ptr<Workspace> Invocation::openWorkspace(bool createIfMissing) const
{
    if (SealedWorkspace::isIn(workspace) && !SealedWorkspace::isUnlocked(workspace))
        SealedWorkspace::unlock(workspace, workspacePassphrase());
    return std::make_unique<Workspace>(workspace, createIfMissing ? Workspace::Mode::CreateIfMissing
                                                                  : Workspace::Mode::OpenExisting);
}

void Invocation::printJson(const QJsonDocument &document) const
{
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

int runCommandLine(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString language = languageFromArguments(arguments);
    if (!Language::isKnown(language)) {
        err << QStringLiteral("voucherdesk-cli: --lang: unknown language \"%1\"; use en, zh_HK or zh_CN").arg(language) << '\n';
        return BadInput;
    }
    Language::apply(language);

    const QList<Command> commands = allCommands();
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h")
        || arguments[1].startsWith(u'-')) {
        printOverview(arguments.size() < 2 || arguments[1].startsWith(QLatin1String("--lang")) ? err : out, commands);
        return arguments.size() < 2 || !arguments[1].contains(QLatin1String("help")) ? BadInput : Success;
    }
    const auto found = std::find_if(commands.begin(), commands.end(),
                                    [&](const Command &command) { return command.name == arguments[1]; });
    if (found == commands.end()) {
        err << "voucherdesk-cli: " << CliText::tr("unknown command \"%1\"").arg(arguments[1]) << "\n\n";
        printOverview(err, commands);
        return BadInput;
    }

    QCommandLineParser parser;
    addCommonOptions(parser, *found);
    QStringList commandArguments = arguments;
    commandArguments.removeAt(1); // the parser sees "voucherdesk-cli [options] args"
    if (!parser.parse(commandArguments)) {
        err << "voucherdesk-cli " << found->name << ": " << parser.errorText() << '\n';
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Success;
    }
    Invocation invocation{parser, parser.positionalArguments(), Language::localeFor(language), language,
                          (found->options & Command::JsonOutput) && parser.isSet(QStringLiteral("json")),
                          (found->options & Command::Workspace) && parser.isSet(QStringLiteral("workspace"))
                              ? parser.value(QStringLiteral("workspace")) : defaultWorkspace(),
                          out, err};
    try {
        return found->run(invocation);
    } catch (const DomainError &error) {
        out.flush();
        err << "voucherdesk-cli " << found->name << ": " << error.fullMessage() << '\n';
        if (isAuditLogFinding(error.code()))
            return Findings;
        return isInputError(error.code()) ? BadInput : Failure;
    } catch (const std::exception &error) {
        out.flush();
        err << "voucherdesk-cli " << found->name << ": " << QString::fromUtf8(error.what()) << '\n';
        return Failure;
    }
}

} // namespace vd::cli
