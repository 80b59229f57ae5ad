#pragma once

#include "application.h"

#include <QSet>
#include <QString>

#include <memory>

class QIODevice;

namespace vd {

class Workspace;

// The files attached to applications, kept by content under
// DIR/attachments/<sha256> (DESIGN.md §5: content-addressed blobs), so the
// same file attached twice is stored once and a reference names its bytes.
// Bytes still arriving (a sync's upload or download) gather beside it in
// DIR/attachments-partial/<sha256> and join the folder only whole and
// verified, by a rename on the same file system.
//
// In a sealed workspace (SealedWorkspace) each blob is kept sealed, its
// SHA-256 the associated data, and read back through open() or read();
// bytes arriving are gathered in memory, never in the clear on disk.
class AttachmentFolder
{
public:
    explicit AttachmentFolder(const Workspace &workspace);
    explicit AttachmentFolder(const QString &workspaceFolder);

    // Hashes the file, copies it in unless its content is there already, and
    // returns the reference to keep. Throws DomainError ATTACHMENT_UNREADABLE
    // or ATTACHMENT_NOT_STORED naming the file.
    AttachmentReference add(const QString &filePath, const QString &kind) const;
    bool isSealed() const { return !m_sealedBy.isEmpty(); }
    // The content of a blob kept here, to read from the start (unsealed in
    // memory when sealed); ATTACHMENT_UNREADABLE when missing or damaged.
    std::unique_ptr<QIODevice> open(const QString &sha256) const;
    QByteArray read(const QString &sha256) const;
    // The SHA-256 of what is kept for a blob (ATTACHMENT_UNREADABLE as open()).
    QString digestOfKept(const QString &sha256) const;
    // Keeps these bytes as the blob when their SHA-256 is the one named
    // (false, nothing kept, when not); ATTACHMENT_NOT_STORED when it cannot.
    bool adopt(const QString &sha256, const QByteArray &bytes) const;
    // Where the referenced content is kept (it may be missing, e.g. not yet fetched).
    QString pathOf(const AttachmentReference &reference) const { return pathOf(reference.sha256); }
    QString pathOf(const QString &sha256) const;
    bool contains(const QString &sha256) const;
    // The SHA-256 of every blob kept (one listing of the folder).
    QSet<QString> digests() const;

    // Where the bytes of a blob on its way in are gathered.
    QString partialPathOf(const QString &sha256) const;
    // Moves the partial file into the folder when its SHA-256 is the one it
    // is named by and returns true; otherwise deletes it and returns false.
    // Throws DomainError ATTACHMENT_NOT_STORED when it cannot be moved.
    bool adoptPartial(const QString &sha256) const;

    // Whether the text is a SHA-256 as references write it: 64 lower-case hex digits.
    static bool isDigest(const QString &text);
    // The SHA-256 of a file's content, lower-case hex; throws DomainError
    // ATTACHMENT_UNREADABLE naming the file.
    static QString digestOf(const QString &filePath);

private:
    void keep(const QString &target, const QByteArray &bytes) const;
    QString m_folder;
    QString m_partialFolder;
    QString m_sealedBy; // the workspace folder, when it is sealed
};

} // namespace vd
