#include "attachmentfolder.h"

#include "domainerror.h"
#include "sealedworkspace.h"
#include "sha256.h"
#include "uuid.h"
#include "workspace.h"

#include <QBuffer>
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
QByteArray digestOfRest(QIODevice &file, const QString &name)
{
    Sha256 hasher;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(kChunk);
        if (chunk.isEmpty()) {
            const auto *onDisk = qobject_cast<QFileDevice *>(&file);
            if (onDisk && onDisk->error() != QFileDevice::NoError)
                fail(QStringLiteral("ATTACHMENT_UNREADABLE"), name, file.errorString());
            break;
        }
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
      m_partialFolder(QDir(workspaceFolder).filePath(QStringLiteral("attachments-partial"))),
      m_sealedBy(SealedWorkspace::isIn(workspaceFolder) ? workspaceFolder : QString())
{
}

std::unique_ptr<QIODevice> AttachmentFolder::open(const QString &sha256) const
{
    if (isSealed()) {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(read(sha256));
        buffer->open(QIODevice::ReadOnly);
        return buffer;
    }
    auto file = std::make_unique<QFile>(pathOf(sha256));
    if (!file->open(QIODevice::ReadOnly))
        fail(QStringLiteral("ATTACHMENT_UNREADABLE"), file->fileName(), file->errorString());
    return file;
}

QString AttachmentFolder::digestOfKept(const QString &sha256) const
{
    const std::unique_ptr<QIODevice> content = open(sha256);
    return QString::fromLatin1(digestOfRest(*content, pathOf(sha256)).toHex());
}

QByteArray AttachmentFolder::read(const QString &sha256) const
{
    QFile file(pathOf(sha256));
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("ATTACHMENT_UNREADABLE"), file.fileName(), file.errorString());
    const QByteArray kept = file.readAll();
    if (!isSealed())
        return kept;
    try {
        return SealedWorkspace::unseal(m_sealedBy, kept, sha256.toLatin1());
    } catch (const DomainError &damaged) {
        fail(QStringLiteral("ATTACHMENT_UNREADABLE"), file.fileName(), damaged.message());
    }
}

bool AttachmentFolder::adopt(const QString &sha256, const QByteArray &bytes) const
{
    if (QString::fromLatin1(Sha256::of(bytes).toHex()) != sha256)
        return false;
    if (!contains(sha256))
        keep(pathOf(sha256), bytes);
    return true;
}

// Writes a blob whole (sealed in a sealed workspace), through QSaveFile.
void AttachmentFolder::keep(const QString &target, const QByteArray &bytes) const
{
    const QByteArray kept = isSealed() ? SealedWorkspace::seal(m_sealedBy, bytes, QFileInfo(target).fileName().toLatin1())
                                       : bytes;
    QSaveFile copy(target);
    if (!QDir().mkpath(m_folder) || !copy.open(QIODevice::WriteOnly) || copy.write(kept) != kept.size() || !copy.commit())
        fail(QStringLiteral("ATTACHMENT_NOT_STORED"), target, copy.errorString());
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
    return QString::fromLatin1(digestOfRest(file, filePath).toHex());
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
                                  QString::fromLatin1(digestOfRest(source, filePath).toHex()), source.size()};
    const QString target = pathOf(reference);
    if (QFileInfo::exists(target))
        return reference;
    source.seek(0);
    if (isSealed()) {
        keep(target, source.readAll());
        return reference;
    }
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
