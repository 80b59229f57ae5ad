#pragma once

#include "application.h"

#include <QString>

namespace vd {

class Workspace;

// The files attached to applications, kept by content under
// DIR/attachments/<sha256> (DESIGN.md §5: content-addressed blobs), so the
// same file attached twice is stored once and a reference names its bytes.
class AttachmentFolder
{
public:
    explicit AttachmentFolder(const Workspace &workspace);

    // Hashes the file, copies it in unless its content is there already, and
    // returns the reference to keep. Throws DomainError ATTACHMENT_UNREADABLE
    // or ATTACHMENT_NOT_STORED naming the file.
    AttachmentReference add(const QString &filePath, const QString &kind) const;
    // Where the referenced content is kept (it may be missing, e.g. not yet fetched).
    QString pathOf(const AttachmentReference &reference) const;

private:
    QString m_folder;
};

} // namespace vd
