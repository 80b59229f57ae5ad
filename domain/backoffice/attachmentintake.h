#pragma once

#include "attachmentfolder.h"

#include <QByteArray>
#include <QString>

#include <mutex>

namespace vd {

// The attachments a back office receives (docs/sync.md, Attachments): the
// bytes of a blob are appended at the count received so far in
// DIR/attachments-partial/<sha256>, so that an upload cut off anywhere
// resumes there; when all of them are in, the SHA-256 is checked and the
// blob joins DIR/attachments/ by a rename, or the upload is discarded.
// Appends are taken one at a time (one intake per server).
class AttachmentIntake
{
public:
    explicit AttachmentIntake(const QString &dataFolder) : m_folder(dataFolder) {}

    enum class Refusal {
        None,
        OffsetMismatch, // the bytes do not start where the received ones end
        PastTheSize,    // they would go past the size announced
        HashMismatch,   // all bytes are in, but not the ones the SHA-256 names: discarded
    };
    struct Progress
    {
        qint64 received = 0;  // bytes held (the size, once complete)
        bool complete = false;
        Refusal refusal = Refusal::None;
    };

    Progress progress(const QString &sha256) const;
    // Appends bytes at offset to the blob of this SHA-256 and size; a blob
    // already complete is answered as such and nothing is written. Throws
    // DomainError ATTACHMENT_NOT_STORED when the disk refuses.
    Progress append(const QString &sha256, qint64 offset, qint64 size, const QByteArray &bytes);

    const AttachmentFolder &folder() const { return m_folder; }

private:
    Progress progressUnlocked(const QString &sha256) const;

    AttachmentFolder m_folder;
    mutable std::mutex m_mutex;
};

} // namespace vd
