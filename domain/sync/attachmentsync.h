#pragma once

#include "application.h"
#include "attachmentfolder.h"
#include "domainerror.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace vd {

class BackOfficeConnection;
class Workspace;

// The attachments' half of a sync (docs/sync.md, Attachments): blobs go up
// and come down apart from the records, by their SHA-256, in pieces, each
// transfer resuming where the last one stopped.
//   - upload: the blobs referred to by the operations waiting in the outbox
//     that the back office does not hold whole, sent from the count it has
//     received (so push them before those operations);
//   - download: the blobs referred to by the records here whose files are
//     missing, fetched with Range from the partial file in
//     DIR/attachments-partial/, verified against their SHA-256 and only then
//     moved into the AttachmentFolder. A blob that does not match is
//     discarded and reported; nothing unverified is ever kept.
// The server being unreachable (or refusing the token) stops the run with a
// DomainError; what had arrived on either side stays for the next run.
// SyncClient::sync() runs both halves around the push and the pull.
class AttachmentSync
{
    Q_DECLARE_TR_FUNCTIONS(vd::AttachmentSync)

public:
    struct Report
    {
        QStringList uploaded;      // sent whole, or their remaining bytes
        QStringList alreadyThere;  // the back office held them whole already
        QStringList downloaded;    // fetched, verified and kept
        QStringList unavailable;   // referred to here, but the back office has none to give (not yet uploaded)
        std::vector<DomainError> failures; // per blob: HASH_MISMATCH (discarded), ATTACHMENT_CORRUPT, ATTACHMENT_TOO_LARGE…
    };
    // After each piece sent or received: the blob, its bytes so far, its size.
    using Progress = std::function<void(const QString &sha256, qint64 done, qint64 size)>;

    // The connection signed in as the person whose workspace this is.
    AttachmentSync(Workspace &workspace, BackOfficeConnection &connection);

    // The most bytes sent in one request (the server's limits.attachment_chunk_bytes
    // may be lower: a piece it refuses as too large is halved).
    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // The blobs referred to by pending outbox operations and kept here.
    QStringList blobsToUpload() const;
    // The blobs referred to by the records here and missing from the folder.
    QList<AttachmentReference> blobsToDownload() const;

    Report uploadPending() { return upload(blobsToUpload()); }
    Report downloadMissing() { return download(blobsToDownload()); }
    Report upload(const QStringList &sha256s);
    Report download(const QList<AttachmentReference> &references);

private:
    void uploadOne(const QString &sha256, Report &report);
    // Whether the file kept for the blob still has its content (else reported).
    bool isIntact(const QString &sha256, Report &report) const;
    // Sends the file in pieces from the count the server holds.
    void sendRest(QIODevice &file, const QString &sha256, qint64 received, Report &report);
    void downloadOne(const AttachmentReference &reference, Report &report);
    // Asks for the bytes the partial file lacks and appends them as they
    // arrive; false when nothing is to be checked (unavailable, or discarded).
    static DomainError mismatch(const QString &sha256);
    bool fetchInto(QIODevice &partial, const AttachmentReference &reference, Report &report);
    // The count the server holds of a blob in a progress answer.
    static qint64 receivedIn(const QJsonObject &progress);
    static std::string blobPath(const QString &sha256);

    Workspace &m_workspace;
    BackOfficeConnection &m_connection;
    AttachmentFolder m_folder;
    qint64 m_chunkBytes = 4 << 20;
    Progress m_progress;
};

} // namespace vd
