// transition REF… ACTION --as USER: moves cases through the workflow.
#include "clicommand.h"

#include "casetransitions.h"
#include "domainerror.h"
#include "scheme.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

// References one to a line; blank lines and lines starting with # are skipped.
QStringList referencesIn(const QString &name)
{
    QFile file;
    const bool opened = name == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly | QIODevice::Text)
                                                   : (file.setFileName(name), file.open(QIODevice::ReadOnly | QIODevice::Text));
    if (!opened)
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--batch"),
                          CliText::tr("%1 cannot be read: %2").arg(name, file.errorString()));
    QStringList references;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString reference = QString::fromUtf8(line).trimmed();
        if (!reference.isEmpty() && !reference.startsWith(u'#'))
            references << reference;
    }
    return references;
}

void printResult(const Invocation &invocation, const QString &action, const TransitionResult &result)
{
    const SchemeVocabulary &statuses = Scheme::technologyVoucher().statuses();
    const QString name = result.reference.isEmpty() ? result.caseKey : result.reference;
    if (result.applied) {
        invocation.out << CliText::tr("%1: %2 → %3").arg(name, statuses.nameOf(result.fromStatus, invocation.locale),
                                                         statuses.nameOf(result.toStatus, invocation.locale));
        if (result.approvedGrant)
            invocation.out << CliText::tr(", approved grant %1").arg(result.approvedGrant->toDisplayString(invocation.locale));
        invocation.out << '\n';
        return;
    }
    invocation.out.flush();
    invocation.err << name << ": " << action << ": " << result.reason << '\n';
    for (const Finding &finding : result.findings)
        invocation.err << "  - " << finding.message() << " (" << finding.path << ")\n";
    invocation.err.flush();
}

int runTransition(Invocation &invocation)
{
    QStringList arguments = invocation.arguments;
    if (arguments.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), QString(),
                          CliText::tr("give the case's reference and the action, such as: transition TVP/2024/00042 "
                                      "start_screening --as officer01"));
    const QString action = arguments.takeLast();
    if (invocation.parser.isSet(QStringLiteral("batch")))
        arguments += referencesIn(invocation.parser.value(QStringLiteral("batch")));
    if (arguments.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), QString(),
                          CliText::tr("give at least one case before the action, or --batch with a file of references"));
    const QString username = invocation.parser.value(QStringLiteral("as"));
    if (username.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--as"),
                          CliText::tr("say who takes the action: --as USERNAME"));

    const auto workspace = invocation.openWorkspace();
    CaseTransitions transitions(*workspace);
    const TransitionBatch batch = transitions.applyToEach(arguments, action, username,
                                                          invocation.parser.value(QStringLiteral("reason")), invocation.locale);
    if (invocation.json) {
        QJsonArray results;
        for (const TransitionResult &result : batch.results)
            results.append(transitionResultJson(result));
        invocation.printJson(QJsonDocument(QJsonObject{{QStringLiteral("action"), action},
                                                       {QStringLiteral("applied"), batch.appliedCount()},
                                                       {QStringLiteral("refused"), batch.refusedCount()},
                                                       {QStringLiteral("results"), results}}));
    } else {
        for (const TransitionResult &result : batch.results)
            printResult(invocation, action, result);
        if (batch.results.size() > 1)
            invocation.out << CliText::tr("%1 of %2 cases changed, %3 refused.")
                                  .arg(batch.appliedCount()).arg(batch.results.size()).arg(batch.refusedCount())
                           << '\n';
    }
    return batch.refusedCount() == 0 ? Success : Findings;
}

} // namespace

Command transitionCommand()
{
    return {QStringLiteral("transition"), QT_TRANSLATE_NOOP("vd::cli", "REF… ACTION"),
            QT_TRANSLATE_NOOP("vd::cli", "Take a workflow action on cases as a user, if the user's role, the case's "
                                         "status and the rules allow it."),
            Command::Workspace | Command::JsonOutput,
            [](QCommandLineParser &parser) {
                parser.addOption({QStringLiteral("as"), CliText::tr("The user who takes the action (a username)."),
                                  QStringLiteral("username")});
                parser.addOption({QStringLiteral("reason"), CliText::tr("Why: required by some actions, kept in the "
                                                                        "case's history."),
                                  QStringLiteral("text")});
                parser.addOption({QStringLiteral("batch"), CliText::tr("Also take the action on the cases listed in "
                                                                       "this file (one reference a line; - reads "
                                                                       "standard input), each on its own."),
                                  QStringLiteral("file")});
            },
            runTransition};
}

} // namespace vd::cli
