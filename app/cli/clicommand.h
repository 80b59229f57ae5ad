#pragma once

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace vd {
class SyncClient;
class Workspace;
}

namespace vd::cli {

// Exit statuses shared by every command (docs/cli.md).
enum ExitStatus {
    Success = 0,
    Findings = 1,    // ran, and found something wrong: rule errors, a broken audit chain, a refused action
    BadInput = 2,    // the input or the arguments could not be used; nothing was changed
    Failure = 3,     // the workspace or the system failed; nothing was changed
};

// What a command gets to run with, after the common options are parsed.
struct Invocation
{
    QCommandLineParser &parser;
    QStringList arguments;   // the positional arguments
    QLocale locale;          // of --lang, for numbers, money and dates
    QString language;        // en, zh_HK or zh_CN
    bool json = false;       // --json
    QString workspace;       // --workspace, or the user's data folder
    QTextStream &out;
    QTextStream &err;

    void printJson(const QJsonDocument &document) const;
    // The workspace of --workspace: created when asked to, otherwise it must
    // exist (DomainError WORKSPACE_NOT_FOUND, an input error).
    // A sealed workspace (SealedWorkspace) is unlocked first with workspacePassphrase().
    std::unique_ptr<Workspace> openWorkspace(bool createIfMissing = false) const;
    // --workspace-passphrase-file, else VOUCHERDESK_WORKSPACE_PASSPHRASE, else typed.
    QString workspacePassphrase() const;
};

// A command of voucherdesk-cli. Options beyond the common ones are added by
// addOptions; run does the work and returns an ExitStatus.
struct Command
{
    enum Option { Workspace = 0x1, JsonOutput = 0x2 };

    QString name;
    const char *synopsis;    // after the command name, e.g. "FILE|-"; translated in context vd::cli
    const char *summary;     // one line; translated in context vd::cli
    int options = 0;
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<int(Invocation &)> run;
};

// The back office options (--server, --user, --password-file, --ca-file) of
// sync and audit verify, and signing in with them (synccommand.cpp): the
// password from --password-file, else VOUCHERDESK_PASSWORD, else typed.
void addBackOfficeOptions(QCommandLineParser &parser);
void requireBackOfficeOptions(const Invocation &invocation); // --server and --user given, else INPUT_ERROR
QString passwordFor(const Invocation &invocation);
void signInToBackOffice(const Invocation &invocation, SyncClient &client);

// Every command, in the order help lists them.
QList<Command> allCommands();

// Parses the common options, picks the command and runs it; catches every
// error at this boundary and tells the person what went wrong, in their language.
int runCommandLine(const QStringList &arguments);

} // namespace vd::cli
