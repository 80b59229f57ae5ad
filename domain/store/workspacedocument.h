#pragma once

#include "domainerror.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace vd {

class Workspace;

// The workspace document, voucherdesk.workspace/1 (docs/formats.md): every
// record of a workspace and its audit trail, as one JSON file.
namespace workspacedocument {
QString format();            // "voucherdesk.workspace/1"
QStringList sections();      // the record sections, in the order they are written; then "audit"
} // namespace workspacedocument

struct SectionCount
{
    QString section;
    qint64 records = 0;
    friend bool operator==(const SectionCount &, const SectionCount &) = default;
};

// How many records of each section a document held, in document order, and
// how many audit entries.
struct DocumentCounts
{
    QList<SectionCount> sections;
    qint64 auditEntries = 0;
    qint64 records() const;
};

// Writes the whole workspace as a workspace document: compact JSON, one
// record per line, every section in order, read in one snapshot (writers may
// carry on meanwhile) and written as it is read, a page of records at a time,
// so memory stays flat however large the workspace. Throws DomainError
// EXPORT_FAILED when the device will not take the bytes.
//
//   QSaveFile file(path);
//   file.open(QIODevice::WriteOnly);
//   vd::WorkspaceExport(workspace).writeTo(file);
//   file.commit();
class WorkspaceExport
{
public:
    explicit WorkspaceExport(Workspace &workspace) : m_workspace(workspace) {}

    DocumentCounts writeTo(QIODevice &device, const QDateTime &exportedAt = QDateTime::currentDateTimeUtc());

private:
    Workspace &m_workspace;
};

// Everything found wrong with a document, each problem with its JSON path
// ("applications[12].items[0].amount"), in the order found; the first is the
// DomainError itself (code INPUT_ERROR). Nothing was written.
class DocumentRefused : public DomainError
{
public:
    explicit DocumentRefused(QList<DomainError> problems);
    const QList<DomainError> &problems() const { return m_problems; }

private:
    QList<DomainError> m_problems;
};

enum class ImportMode {
    Added,    // each record added with an audit entry "import", queued for the back office
    Restored, // an empty workspace given the records and the document's own audit trail, verbatim
};

struct ImportOutcome
{
    ImportMode mode = ImportMode::Added;
    DocumentCounts counts;
};

// Reads a workspace document into a workspace, all or nothing (docs/formats.md).
// The whole document is checked first, inside the write transaction: its
// syntax, every record against the scheme and the store's rules, every
// reference against the document and the workspace, ids and unique values
// against both, and the hash chain of its audit trail. Then every record is
// written through the repositories in one unit of work.
//
// Into an empty workspace, a document with an audit trail is restored: the
// records keep their revisions, the trail is copied entry for entry, nothing
// is queued for sync. Otherwise each record is added as new (revision 1), with
// its own audit entry, action "import", by `actorId`, queued for sync.
//
//   const vd::ImportOutcome outcome = vd::WorkspaceImport(workspace, actorId).read(bytes, fileName);
class WorkspaceImport
{
public:
    // Problems listed before the check stops looking for more.
    static constexpr int kMostProblems = 50;

    WorkspaceImport(Workspace &workspace, QString actorId) : m_workspace(workspace), m_actorId(std::move(actorId)) {}

    // Throws DocumentRefused for a document that cannot be imported, other
    // DomainErrors (WORKSPACE_BUSY, STORAGE_ERROR) when the workspace fails.
    ImportOutcome read(QByteArrayView document, const QString &sourceName);

private:
    Workspace &m_workspace;
    QString m_actorId;
};

} // namespace vd
