#include "attachmentsync.h"

#include "backofficeconnection.h"
#include "outbox.h"
#include "workspace.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <limits>

namespace vd {

namespace {

constexpr qint64 kSmallestChunk = 16 * 1024;
constexpr int kMostStalls = 3; // answers in a row that move an upload no further

} // namespace

AttachmentSync::AttachmentSync(Workspace &workspace, BackOfficeConnection &connection)
    : m_workspace(workspace), m_connection(connection), m_folder(workspace)
{
}

QStringList AttachmentSync::blobsToUpload() const
{
    QStringList digests;
    QSet<QString> seen;
    for (const OutboxEntry &entry : Outbox(m_workspace).pending(std::numeric_limits<int>::max())) {
        if (entry.entityType != QLatin1String("application") || entry.operation != QLatin1String("upsert"))
            continue;
        const QJsonArray attachments =
            QJsonDocument::fromJson(entry.payload).object().value(QStringLiteral("attachments")).toArray();
        for (const QJsonValue &attachment : attachments) {
            const QString digest = attachment.toObject().value(QStringLiteral("sha256")).toString();
            if (!seen.contains(digest) && m_folder.contains(digest))
                digests.append(digest);
            seen.insert(digest);
        }
    }
    return digests;
}

QList<AttachmentReference> AttachmentSync::blobsToDownload() const
{
    const QSet<QString> kept = m_folder.digests();
    QList<AttachmentReference> missing;
    QSqlQuery query = m_workspace.run(QStringLiteral(
        "SELECT sha256, max(size), min(file_name) FROM application_attachments WHERE sha256 IS NOT NULL "
        "GROUP BY sha256 ORDER BY sha256"));
    while (query.next()) {
        AttachmentReference reference;
        reference.sha256 = query.value(0).toString();
        reference.size = query.value(1).toLongLong();
        reference.fileName = query.value(2).toString();
        if (AttachmentFolder::isDigest(reference.sha256) && !kept.contains(reference.sha256))
            missing.append(reference);
    }
    return missing;
}

AttachmentSync::Report AttachmentSync::upload(const QStringList &sha256s)
{
    Report report;
    for (const QString &digest : sha256s)
        uploadOne(digest, report);
    return report;
}

AttachmentSync::Report AttachmentSync::download(const QList<AttachmentReference> &references)
{
    Report report;
    for (const AttachmentReference &reference : references)
        downloadOne(reference, report);
    return report;
}

namespace {

// What arrives is gathered in a file, or in memory for a sealed workspace (AttachmentFolder).
void restart(QIODevice &partial)
{
    if (auto *file = qobject_cast<QFile *>(&partial))
        file->resize(0);
    else if (auto *buffer = qobject_cast<QBuffer *>(&partial))
        buffer->buffer().clear();
    partial.seek(0);
}

void discard(QIODevice &partial)
{
    if (auto *file = qobject_cast<QFile *>(&partial))
        file->remove();
    else
        restart(partial);
}

QString nameOf(const QIODevice &partial, const QString &sha256)
{
    const auto *file = qobject_cast<const QFile *>(&partial);
    return file ? file->fileName() : sha256;
}

} // namespace

std::string AttachmentSync::blobPath(const QString &sha256)
{
    return "/api/v1/attachments/" + sha256.toStdString();
}

qint64 AttachmentSync::receivedIn(const QJsonObject &progress)
{
    return progress.value(QStringLiteral("received")).toInteger(-1);
}

bool AttachmentSync::isIntact(const QString &sha256, Report &report) const
{
    const QString path = m_folder.pathOf(sha256);
    try {
        if (m_folder.digestOfKept(sha256) == sha256)
            return true;
        report.failures.emplace_back(
            QStringLiteral("ATTACHMENT_CORRUPT"), path,
            tr("The file kept for attachment %1 no longer has the content it was attached with, so it was not "
               "sent. Attach the file again.").arg(sha256));
    } catch (const DomainError &unreadable) {
        report.failures.push_back(unreadable);
    }
    return false;
}

void AttachmentSync::uploadOne(const QString &sha256, Report &report)
{
    if (!isIntact(sha256, report))
        return;
    std::unique_ptr<QIODevice> file;
    try {
        file = m_folder.open(sha256);
    } catch (const DomainError &unreadable) {
        report.failures.push_back(unreadable);
        return;
    }
    const BackOfficeConnection::Answer answer = m_connection.request("GET", blobPath(sha256) + "/upload");
    if (answer.errorCode() == QLatin1String("ROLE_NOT_PERMITTED")) {
        // The push refuses the operation that refers to it, and says why; the other blobs go on.
        report.failures.push_back(m_connection.refusal(answer, blobPath(sha256)));
        return;
    }
    if (!answer.succeeded())
        throw m_connection.refusal(answer, blobPath(sha256));
    if (answer.json().value(QStringLiteral("complete")).toBool()) {
        report.alreadyThere.append(sha256);
        return;
    }
    sendRest(*file, sha256, receivedIn(answer.json()), report);
}

void AttachmentSync::sendRest(QIODevice &file, const QString &sha256, qint64 received, Report &report)
{
    const qint64 size = file.size();
    qint64 chunk = std::max(kSmallestChunk, m_chunkBytes);
    for (int stalls = 0; stalls <= kMostStalls;) {
        file.seek(std::clamp<qint64>(received, 0, size));
        const QByteArray bytes = file.read(std::clamp<qint64>(size - received, 0, chunk));
        const std::string query = "?offset=" + std::to_string(received) + "&size=" + std::to_string(size);
        const BackOfficeConnection::Answer answer =
            m_connection.request("PUT", blobPath(sha256) + query, bytes, {{"Content-Type", "application/octet-stream"}});
        const QString code = answer.errorCode();
        if (answer.succeeded()) {
            const qint64 now = receivedIn(answer.json());
            const bool complete = answer.json().value(QStringLiteral("complete")).toBool();
            stalls = now > received ? 0 : stalls + 1;
            received = complete ? size : now;
            if (m_progress)
                m_progress(sha256, received, size);
            if (complete) {
                report.uploaded.append(sha256);
                return;
            }
        } else if (code == QLatin1String("OFFSET_MISMATCH")) {
            received = receivedIn(answer.json()); // another device, or a lost answer, moved it on
            ++stalls;
        } else if (code == QLatin1String("BODY_TOO_LARGE") && chunk > kSmallestChunk) {
            chunk = std::max(kSmallestChunk, chunk / 2);
        } else if (code == QLatin1String("HASH_MISMATCH") || code == QLatin1String("ATTACHMENT_TOO_LARGE")
                   || code == QLatin1String("BODY_TOO_LARGE")) {
            report.failures.push_back(m_connection.refusal(answer, blobPath(sha256)));
            return;
        } else {
            throw m_connection.refusal(answer, blobPath(sha256));
        }
    }
    report.failures.emplace_back(QStringLiteral("UPLOAD_STALLED"), sha256,
                                 tr("The back office took none of the last pieces of attachment %1. The next sync "
                                    "tries again from what it holds.").arg(sha256));
}

void AttachmentSync::downloadOne(const AttachmentReference &reference, Report &report)
{
    const QString &sha256 = reference.sha256;
    if (m_folder.contains(sha256))
        return;
    if (m_folder.isSealed()) { // in memory: nothing of it reaches the disk unsealed
        QBuffer arriving;
        arriving.open(QIODevice::ReadWrite);
        if (!fetchInto(arriving, reference, report))
            return;
        if (m_folder.adopt(sha256, arriving.data()))
            report.downloaded.append(sha256);
        else
            report.failures.push_back(mismatch(sha256));
        return;
    }
    const QString partialPath = m_folder.partialPathOf(sha256);
    // All bytes arrived last time, but the run stopped before they were checked.
    if (reference.size > 0 && QFileInfo(partialPath).size() == reference.size && m_folder.adoptPartial(sha256)) {
        report.downloaded.append(sha256);
        return;
    }
    QFile partial(partialPath);
    if (!QDir().mkpath(QFileInfo(partialPath).absolutePath()) || !partial.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
        throw DomainError(QStringLiteral("ATTACHMENT_NOT_STORED"), partialPath,
                          tr("An attachment could not be saved here: %1. Make room or check the workspace folder, "
                             "then sync again.").arg(partial.errorString()));
    if (!fetchInto(partial, reference, report))
        return;
    partial.close();
    if (m_folder.adoptPartial(sha256)) {
        report.downloaded.append(sha256);
        return;
    }
    report.failures.push_back(mismatch(sha256));
}

DomainError AttachmentSync::mismatch(const QString &sha256)
{
    return DomainError(QStringLiteral("HASH_MISMATCH"), sha256,
                       tr("The attachment %1 that arrived does not have the content its SHA-256 names, so it "
                          "was discarded. The next sync fetches it again; if this repeats, ask the back "
                          "office's administrator to check the file.").arg(sha256));
}

bool AttachmentSync::fetchInto(QIODevice &partial, const AttachmentReference &reference, Report &report)
{
    const QString &sha256 = reference.sha256;
    qint64 have = partial.size();
    if (have > reference.size) { // cannot be the start of this blob
        restart(partial);
        have = 0;
    }
    const DomainError tooLong(QStringLiteral("HASH_MISMATCH"), sha256,
                              tr("The back office sent more bytes for attachment %1 than its %2 bytes, so what arrived "
                                 "was discarded.").arg(sha256).arg(reference.size));
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool started = false;
        const auto sink = [&](const BackOfficeConnection::Answer &head, const char *bytes, qint64 count) {
            if (!started) {
                started = true;
                const std::string resumed = "bytes " + std::to_string(have) + "-";
                if (head.status != 206 || head.headers.count("Content-Range") == 0
                    || head.headers.at("Content-Range").rfind(resumed, 0) != 0) {
                    restart(partial); // the whole blob, from its first byte
                    have = 0;
                }
                partial.seek(have);
            }
            if (have + count > reference.size)
                throw tooLong;
            if (partial.write(bytes, count) != count)
                throw DomainError(QStringLiteral("ATTACHMENT_NOT_STORED"), nameOf(partial, sha256), partial.errorString());
            have += count;
            if (m_progress)
                m_progress(sha256, have, reference.size);
        };
        BackOfficeConnection::Headers headers;
        if (have > 0)
            headers["Range"] = "bytes=" + std::to_string(have) + "-";
        BackOfficeConnection::Answer answer;
        try {
            answer = m_connection.request("GET", blobPath(sha256), {}, headers, sink);
        } catch (const DomainError &error) {
            if (error.code() != tooLong.code())
                throw;
            discard(partial);
            report.failures.push_back(error);
            return false;
        }
        if (answer.status == 416) { // what is here is not the start of this blob
            restart(partial);
            have = 0;
            continue;
        }
        if (answer.status == 404) {
            if (partial.size() == 0)
                discard(partial);
            report.unavailable.append(sha256);
            return false;
        }
        if (!answer.succeeded())
            throw m_connection.refusal(answer, blobPath(sha256));
        return true;
    }
    return true; // two answers of 416: what is here is checked, and discarded when wrong
}

} // namespace vd
