// init and demo: making workspaces.
#include "clicommand.h"

#include "clioptions.h"
#include "democohort.h"
#include "demoworkspace.h"
#include "domainerror.h"
#include "scheme.h"
#include "sealedworkspace.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

namespace vd::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vd::cli", text);
}

// --sealed: a committee member's workspace, sealed at rest under a passphrase chosen now.
void createSealed(Invocation &invocation)
{
    if (Workspace::existsIn(invocation.workspace))
        throw DomainError(QStringLiteral("WORKSPACE_EXISTS"), invocation.workspace,
                          tr("this folder holds a workspace already; --sealed makes a new one"));
    const QString passphrase = invocation.workspacePassphrase();
    if (passphrase.size() < 8)
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--workspace-passphrase-file"),
                          tr("a sealed workspace needs a passphrase of at least 8 characters"));
    SealedWorkspace::create(invocation.workspace, passphrase);
}

int runInit(Invocation &invocation)
{
    if (invocation.parser.isSet(QStringLiteral("sealed")))
        createSealed(invocation);
    const auto workspace = invocation.openWorkspace(true);
    const QString folder = QDir::toNativeSeparators(workspace->folder());
    if (workspace->appliedMigrations().isEmpty())
        invocation.out << tr("The workspace at %1 is up to date (schema version %2).").arg(folder).arg(workspace->schemaVersion()) << '\n';
    else
        invocation.out << tr("The workspace at %1 is ready (schema version %2).").arg(folder).arg(workspace->schemaVersion()) << '\n';
    return Success;
}

int runDemo(Invocation &invocation)
{
    if (!invocation.parser.isSet(QStringLiteral("applications")))
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--applications"), tr("say how many applications to make"));
    const int applications = numberOption(invocation, QStringLiteral("applications"), 0, 1, 2'000'000);
    bool seedOk = true;
    const quint64 seed = invocation.parser.isSet(QStringLiteral("seed"))
        ? invocation.parser.value(QStringLiteral("seed")).toULongLong(&seedOk) : 1;
    if (!seedOk)
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--seed"), tr("must be a whole number"));

    QElapsedTimer timer;
    timer.start();
    DemoCohort cohort(Scheme::technologyVoucher(), seed, applications);
    const auto workspace = invocation.openWorkspace(true);
    DemoWorkspace(*workspace).write(cohort, [&](int done, int total) {
        if (!invocation.json)
            invocation.err << '\r' << tr("Writing demo cases: %1 of %2").arg(done).arg(total) << Qt::flush;
    });
    if (!invocation.json)
        invocation.err << '\n';
    invocation.out << tr("Made a demo workspace at %1: %2 applications (seed %3) in %4 s.")
                          .arg(QDir::toNativeSeparators(workspace->folder()))
                          .arg(applications)
                          .arg(seed)
                          .arg(invocation.locale.toString(timer.elapsed() / 1000.0, 'f', 1))
                   << '\n';
    return Success;
}

} // namespace

Command initCommand()
{
    return {QStringLiteral("init"), "", QT_TRANSLATE_NOOP("vd::cli", "Create a workspace, or bring an older one up to date."),
            Command::Workspace,
            [](QCommandLineParser &parser) {
                parser.addOption({QStringLiteral("sealed"),
                                  tr("Seal the new workspace at rest under a passphrase (for committee members' laptops).")});
            },
            runInit};
}

Command demoCommand()
{
    return {QStringLiteral("demo"), "",
            QT_TRANSLATE_NOOP("vd::cli", "Fill an empty workspace with realistic bilingual demo data."),
            Command::Workspace,
            [](QCommandLineParser &parser) {
                parser.addOption({QStringLiteral("applications"), tr("How many applications to make."), QStringLiteral("n")});
                parser.addOption({QStringLiteral("seed"), tr("The seed: the same seed makes the same data (default 1)."),
                                  QStringLiteral("s")});
            },
            runDemo};
}

} // namespace vd::cli
