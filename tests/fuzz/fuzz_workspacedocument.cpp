// libFuzzer target for the workspace document import (DESIGN.md §9): any
// bytes must be imported or refused with DocumentRefused, never crash, never
// fail otherwise, and never leave a workspace half written or its trail broken.
#include "audittrail.h"
#include "domainerror.h"
#include "workspace.h"
#include "workspacedocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

namespace {

struct FuzzWorkspace
{
    QTemporaryDir dir;
    QString folder;
    QByteArray emptyFile;                    // a new workspace's file, copied back after each import
    std::unique_ptr<vd::Workspace> workspace;
    bool written = false;

    void reset()
    {
        workspace.reset();
        const QString file = vd::Workspace::fileIn(folder);
        QFile::remove(file + QStringLiteral("-wal"));
        QFile::remove(file + QStringLiteral("-shm"));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(emptyFile) != emptyFile.size())
            qFatal("cannot reset the workspace");
        out.close();
        workspace = std::make_unique<vd::Workspace>(folder, vd::Workspace::Mode::OpenExisting);
        workspace->run(QStringLiteral("PRAGMA synchronous = OFF"));
        written = false;
    }
};

FuzzWorkspace *fuzz = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication application(*argc, *argv);
    fuzz = new FuzzWorkspace;
    fuzz->folder = fuzz->dir.filePath(QStringLiteral("workspace"));
    { vd::Workspace made(fuzz->folder); }
    QFile file(vd::Workspace::fileIn(fuzz->folder));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot make a workspace");
    fuzz->emptyFile = file.readAll();
    fuzz->reset();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fuzz->written)
        fuzz->reset();
    vd::Workspace &workspace = *fuzz->workspace;
    try {
        vd::WorkspaceImport(workspace, QStringLiteral("fuzz")).read(QByteArrayView(data, qsizetype(size)), QStringLiteral("input"));
        fuzz->written = true;
    } catch (const vd::DocumentRefused &) {
        if (vd::AuditTrail(workspace).count() != 0)
            qFatal("a refused document left audit entries behind");
    } catch (const vd::DomainError &error) {
        qFatal("an import failed without refusing the document: %s %s", qPrintable(error.code()), qPrintable(error.fullMessage()));
    }
    if (fuzz->written) {
        QSqlQuery check = workspace.run(QStringLiteral("PRAGMA integrity_check"));
        if (!check.next() || check.value(0).toString() != QLatin1String("ok"))
            qFatal("the workspace fails its integrity check");
        const vd::AuditVerification verification = vd::verifyAuditChain(workspace);
        if (!verification.intact)
            qFatal("the audit trail is broken: %s", qPrintable(verification.description()));
    }
    return 0;
}
