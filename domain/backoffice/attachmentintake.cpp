#include "attachmentintake.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace vd {

AttachmentIntake::Progress AttachmentIntake::progress(const QString &sha256) const
{
    const std::lock_guard lock(m_mutex);
    return progressUnlocked(sha256);
}

AttachmentIntake::Progress AttachmentIntake::progressUnlocked(const QString &sha256) const
{
    if (m_folder.contains(sha256))
        return {QFileInfo(m_folder.pathOf(sha256)).size(), true};
    const QFileInfo partial(m_folder.partialPathOf(sha256));
    return {partial.exists() ? partial.size() : 0, false};
}

AttachmentIntake::Progress AttachmentIntake::append(const QString &sha256, qint64 offset, qint64 size,
                                                    const QByteArray &bytes)
{
    const std::lock_guard lock(m_mutex);
    Progress progress = progressUnlocked(sha256);
    if (progress.complete)
        return progress;
    if (progress.received > size) { // bytes of a blob announced with another size: no use to anyone
        QFile::remove(m_folder.partialPathOf(sha256));
        progress.received = 0;
    }
    if (offset != progress.received) {
        progress.refusal = Refusal::OffsetMismatch;
        return progress;
    }
    if (offset + bytes.size() > size) {
        progress.refusal = Refusal::PastTheSize;
        return progress;
    }
    QFile partial(m_folder.partialPathOf(sha256));
    if (!QDir().mkpath(QFileInfo(partial).absolutePath()) || !partial.open(QIODevice::Append)
        || partial.write(bytes) != bytes.size() || !partial.flush())
        throw DomainError(QStringLiteral("ATTACHMENT_NOT_STORED"), QStringLiteral("attachments-partial/") + sha256,
                          QCoreApplication::translate("vd::AttachmentIntake",
                                                      "The attachment could not be stored: %1.")
                              .arg(partial.errorString()));
    partial.close();
    progress.received += bytes.size();
    if (progress.received < size)
        return progress;
    if (m_folder.adoptPartial(sha256))
        return {size, true};
    return {0, false, Refusal::HashMismatch};
}

} // namespace vd
