// import and export: the workspace document (docs/formats.md).
#include "clicommand.h"

#include "domainerror.h"
#include "workspace.h"
#include "workspacedocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace vd::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vd::cli", text);
}

// The bytes of a document: a file is mapped rather than read, so a document
// of gigabytes costs address space, not memory.
class DocumentInput
{
public:
    explicit DocumentInput(const QString &name)
    {
        const bool opened = name == QLatin1String("-") ? m_file.open(stdin, QIODevice::ReadOnly)
                                                       : (m_file.setFileName(name), m_file.open(QIODevice::ReadOnly));
        if (!opened)
            throw DomainError(QStringLiteral("INPUT_ERROR"), name,
                              QCoreApplication::translate("vd::cli", "cannot be read: %1").arg(m_file.errorString()));
        const qint64 size = name == QLatin1String("-") ? 0 : m_file.size();
        if (uchar *mapped = size > 0 ? m_file.map(0, size) : nullptr) {
            m_bytes = QByteArrayView(mapped, size);
        } else {
            m_read = m_file.readAll();
            m_bytes = m_read;
        }
    }

    QByteArrayView bytes() const { return m_bytes; }

private:
    QFile m_file;
    QByteArray m_read;
    QByteArrayView m_bytes;
};

QString countsText(const DocumentCounts &counts)
{
    QStringList parts;
    for (const SectionCount &section : counts.sections) {
        if (section.records > 0)
            parts << QStringLiteral("%1 %2").arg(section.section).arg(section.records);
    }
    return parts.join(QStringLiteral(", "));
}

int runImport(Invocation &invocation)
{
    if (invocation.arguments.size() != 1) {
        invocation.err << "voucherdesk-cli import: " << tr("give one workspace document to import, or - to read standard input")
                       << '\n';
        return BadInput;
    }
    // The workspace first: a missing one, or one a newer program wrote, is refused before anything is read.
    const auto workspace = invocation.openWorkspace();
    const QString name = invocation.arguments.first();
    const DocumentInput input(name);
    const QString source = name == QLatin1String("-") ? tr("standard input") : name;
    // The command line has no signed-in person: the workspace's device is who imported.
    const QString actor = QStringLiteral("device:") + workspace->deviceId();
    ImportOutcome outcome;
    try {
        outcome = WorkspaceImport(*workspace, actor).read(input.bytes(), source);
    } catch (const DocumentRefused &refused) {
        invocation.out.flush();
        for (const DomainError &problem : refused.problems())
            invocation.err << "voucherdesk-cli import: " << problem.fullMessage() << '\n';
        if (refused.problems().size() >= WorkspaceImport::kMostProblems)
            invocation.err << "voucherdesk-cli import: " << tr("the first %1 problems are listed; there may be more")
                                                                 .arg(WorkspaceImport::kMostProblems) << '\n';
        invocation.err << "voucherdesk-cli import: " << tr("nothing was imported") << '\n';
        return BadInput;
    }
    const QString folder = QDir::toNativeSeparators(workspace->folder());
    if (outcome.mode == ImportMode::Restored)
        invocation.out << tr("Restored %1 records and %2 audit entries into %3 (%4); the audit trail is the document's own.")
                              .arg(outcome.counts.records()).arg(outcome.counts.auditEntries).arg(folder, countsText(outcome.counts))
                       << '\n';
    else
        invocation.out << tr("Imported %1 records into %2 (%3), each with an audit entry \"import\".")
                              .arg(outcome.counts.records()).arg(folder, countsText(outcome.counts))
                       << '\n';
    return Success;
}

int runExport(Invocation &invocation)
{
    if (!invocation.arguments.isEmpty()) {
        invocation.err << "voucherdesk-cli export: " << tr("export takes no file name; use --output FILE") << '\n';
        return BadInput;
    }
    const auto workspace = invocation.openWorkspace();
    if (!invocation.parser.isSet(QStringLiteral("output"))) {
        invocation.out.flush();
        QFile out;
        out.open(stdout, QIODevice::WriteOnly);
        WorkspaceExport(*workspace).writeTo(out);
        return Success;
    }
    // Written beside the target and renamed over it at the end: a failure leaves no half document.
    const QString path = invocation.parser.value(QStringLiteral("output"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--output"),
                          tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const DocumentCounts counts = WorkspaceExport(*workspace).writeTo(file);
    if (!file.commit())
        throw DomainError(QStringLiteral("EXPORT_FAILED"), QDir::toNativeSeparators(path),
                          tr("cannot be written: %1").arg(file.errorString()));
    invocation.out << tr("Exported %1 records and %2 audit entries to %3.")
                          .arg(counts.records()).arg(counts.auditEntries).arg(QDir::toNativeSeparators(path))
                   << '\n';
    return Success;
}

} // namespace

Command importCommand()
{
    return {QStringLiteral("import"), QT_TRANSLATE_NOOP("vd::cli", "FILE|-"),
            QT_TRANSLATE_NOOP("vd::cli", "Read a workspace document into the workspace, all or nothing (docs/formats.md)."),
            Command::Workspace, {}, runImport};
}

Command exportCommand()
{
    return {QStringLiteral("export"), "",
            QT_TRANSLATE_NOOP("vd::cli", "Write the whole workspace as a workspace document (standard output by default)."),
            Command::Workspace,
            [](QCommandLineParser &parser) {
                parser.addOption({QStringLiteral("output"), tr("Write the document to this file instead."), QStringLiteral("file")});
            },
            runExport};
}

} // namespace vd::cli
