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

// The digest of what is left to read in the file, raw.
QByteArray digestOfRest(QFile &file)
{
    Sha256 hasher;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(kChunk);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError)
            fail(QStringLiteral("ATTACHMENT_UNREADABLE"), file.fileName(), file.errorString());
        hasher.add(chunk);
    }
    return hasher.result();
}

} // namespace

AttachmentFolder::AttachmentFolder(const Workspace &workspace) : AttachmentFolder(workspace.folder())
{
}

AttachmentFolder::AttachmentFolder(const QString &workspaceFolder)
    : m_folder(QDir(workspaceFolder).filePath(QStringLiteral("attachments"))),
      m_partialFolder(QDir(workspaceFolder).filePath(QStringLiteral("attachments-partial")))
{
}

QString AttachmentFolder::pathOf(const QString &sha256) const
{
    return QDir(m_folder).filePath(sha256);
}

bool AttachmentFolder::contains(const QString &sha256) const
{
    return QFileInfo(pathOf(sha256)).isFile();
}

QSet<QString> AttachmentFolder::digests() const
{
    QSet<QString> found;
    for (const QString &name : QDir(m_folder).entryList(QDir::Files))
        if (isDigest(name))
            found.insert(name);
    return found;
}

QString AttachmentFolder::partialPathOf(const QString &sha256) const
{
    return QDir(m_partialFolder).filePath(sha256);
}

bool AttachmentFolder::isDigest(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString AttachmentFolder::digestOf(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("ATTACHMENT_UNREADABLE"), filePath, file.errorString());
    return QString::fromLatin1(digestOfRest(file).toHex());
}

bool AttachmentFolder::adoptPartial(const QString &sha256) const
{
    const QString partial = partialPathOf(sha256);
    if (digestOf(partial) != sha256) {
        QFile::remove(partial);
        return false;
    }
    const QString target = pathOf(sha256);
    if (QFileInfo::exists(target)) { // the same bytes arrived by another way meanwhile
        QFile::remove(partial);
        return true;
    }
    QFile file(partial);
    if (!QDir().mkpath(m_folder) || !file.rename(target))
        fail(QStringLiteral("ATTACHMENT_NOT_STORED"), target, file.errorString());
    return true;
}

AttachmentReference AttachmentFolder::add(const QString &filePath, const QString &kind) const
{
    QFile source(filePath);
    if (!source.open(QIODevice::ReadOnly))
        fail(QStringLiteral("ATTACHMENT_UNREADABLE"), filePath, source.errorString());
    AttachmentReference reference{newUuid(), kind, QFileInfo(filePath).fileName(),
                                  QString::fromLatin1(digestOfRest(source).toHex()), source.size()};
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
