#include "attachmentfolder.h"

#include "domainerror.h"
#include "sha256.h"
#include "uuid.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace vd {

namespace {

constexpr qint64 kChunk = 1 << 20;

[[noreturn]] void fail(const QString &code, const QString &path, const QString &reason)
{
    throw DomainError(code, path,
                      QCoreApplication::translate("vd::AttachmentFolder",
                                                  "The file could not be attached: %1. Check the file and try again.")
                          .arg(reason));
}

} // namespace

AttachmentFolder::AttachmentFolder(const Workspace &workspace)
    : m_folder(QDir(workspace.folder()).filePath(QStringLiteral("attachments")))
{
}

QString AttachmentFolder::pathOf(const AttachmentReference &reference) const
{
    return QDir(m_folder).filePath(reference.sha256);
}

AttachmentReference AttachmentFolder::add(const QString &filePath, const QString &kind) const
{
    QFile source(filePath);
    if (!source.open(QIODevice::ReadOnly))
        fail(QStringLiteral("ATTACHMENT_UNREADABLE"), filePath, source.errorString());
    Sha256 hasher;
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(kChunk);
        if (chunk.isEmpty() && source.error() != QFileDevice::NoError)
            fail(QStringLiteral("ATTACHMENT_UNREADABLE"), filePath, source.errorString());
        hasher.add(chunk);
    }
    AttachmentReference reference{newUuid(), kind, QFileInfo(filePath).fileName(),
                                  QString::fromLatin1(hasher.result().toHex()), source.size()};
    const QString target = pathOf(reference);
    if (QFileInfo::exists(target))
        return reference;
    source.seek(0);
    QSaveFile copy(target);
    if (!QDir().mkpath(m_folder) || !copy.open(QIODevice::WriteOnly))
        fail(QStringLiteral("ATTACHMENT_NOT_STORED"), target, copy.errorString());
    while (!source.atEnd()) {
        if (copy.write(source.read(kChunk)) < 0)
            fail(QStringLiteral("ATTACHMENT_NOT_STORED"), target, copy.errorString());
    }
    if (!copy.commit())
        fail(QStringLiteral("ATTACHMENT_NOT_STORED"), target, copy.errorString());
    return reference;
}

} // namespace vd
