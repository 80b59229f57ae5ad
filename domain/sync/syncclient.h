#pragma once

#include "attachmentsync.h"
#include "backofficeconnection.h"
#include "domainerror.h"
#include "outbox.h"
#include "syncreplica.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace vd {

class Workspace;

// What one sync did (docs/sync.md).
struct SyncSummary
{
    qint64 pushed = 0;        // operations sent
    qint64 applied = 0;       // applied by the back office (merged ones included)
    qint64 merged = 0;        // of those, merged with changes made there meanwhile
    qint64 duplicate = 0;     // sent before; applied once
    qint64 conflict = 0;      // kept with both versions for a person (SyncReplica::conflicts)
    qint64 rejected = 0;      // refused, with a reason (Outbox::needingAttention)
    qint64 pulled = 0;        // changes received
    qint64 stored = 0;        // of those, stored (the rest wait for a local change or a reference)
    qint64 removedCases = 0;  // cases that left this user's view, removed here
    qint64 attachmentsUploaded = 0;     // blobs sent (whole, or their remaining bytes)
    qint64 attachmentsAlreadyThere = 0; // blobs the back office held whole already
    qint64 attachmentsDownloaded = 0;   // blobs fetched, verified and kept
    qint64 attachmentsUnavailable = 0;  // referred to here, not (yet) uploaded by anyone
    std::vector<DomainError> attachmentFailures; // per blob, for a person (AttachmentSync::Report)
    qint64 requests = 0;      // requests made
    qint64 cursor = 0;        // where the next pull starts
    qint64 checkpoint = 0;    // the back office's sequence number after the last push
    qint64 durationMs = 0;
    // The back office's audit log as this sync found it (its signed tree
    // head, checked against the one kept before: TreeHeadWatch).
    qint64 auditLogSize = 0;
    QString auditLogRoot; // hex
    // The certificate revocations received (the whole list, SigningTrust), when they had changed.
    qint64 revocations = -1; // -1: the kept list was current
    // The cases (application ids) the pulled changes touched, removed ones
    // included, each once: what a desk's windows read again.
    QStringList changedCases;
    QJsonObject toJson() const;
    QJsonObject attachmentsJson() const; // "attachments" in toJson()
};

// Where this device's sync stands, read from the workspace (no network).
struct SyncStatus
{
    QString serverUrl;
    QString userId;
    std::optional<QDateTime> lastPushAt;
    std::optional<QDateTime> lastPullAt;
    qint64 cursor = 0;
    qint64 pending = 0;     // operations waiting to be pushed
    qint64 conflicts = 0;   // for a person to resolve
    qint64 rejected = 0;    // refused by the back office, for a person to see
    QJsonObject toJson() const;
};

// Syncs one workspace with a back office (docs/sync.md): signs in, uploads
// the attachments the queued operations refer to, pushes the outbox in
// batches and records every answer, pulls pages until the back office's
// checkpoint and applies each page with its cursor in one transaction (the
// first page carries the back office's signed audit-log head and the proof
// from the head kept here, checked by TreeHeadWatch before anything is
// applied: a rewritten history stops the sync with AUDIT_HISTORY_REWRITTEN), then
// downloads the attachments the records here refer to and lack. Nothing is
// lost when the network fails: what was not answered stays queued, a pull
// resumes from the last page applied, a blob from the bytes that arrived.
//
//   vd::SyncClient client(workspace);
//   client.signIn(QStringLiteral("https://backoffice.example:8443"), user, password);
//   const vd::SyncSummary summary = client.sync();
//
// A SyncClient belongs to the thread of its Workspace. To sync on a worker
// thread, sign in on one client and give session() to a client made on the
// worker with the worker's own Workspace.
class SyncClient
{
    Q_DECLARE_TR_FUNCTIONS(vd::SyncClient)

public:
    explicit SyncClient(Workspace &workspace);
    SyncClient(Workspace &workspace, BackOfficeSession session);
    ~SyncClient();

    // A PEM file (the back office's self-signed certificate, or its CA) to
    // trust for HTTPS; by default the system's CAs. Set before signIn.
    void setCertificateAuthority(const QString &pemFile) { m_certificateAuthority = pemFile; }
    // The language of the back office's reasons (en, zh_HK, zh_CN).
    void setLanguage(const QString &language) { m_language = language; }
    // Operations per push (at most the back office's limit, 500 by default).
    void setBatchSize(int operations) { m_batchSize = operations; }
    // Changes asked for per pulled page (1–2000, the back office's range; 500 by default).
    void setPageSize(int changes) { m_pageSize = std::clamp(changes, 1, 2000); }

    // Signs in; the token is kept in memory only. Throws DomainError
    // (BAD_CREDENTIALS, ACCOUNT_LOCKED, BACK_OFFICE_UNREACHABLE, INPUT_ERROR
    // for an address it will not use).
    void signIn(const QString &serverUrl, const QString &username, const QString &password);
    bool isSignedIn() const { return m_session.isValid(); }
    const BackOfficeSession &session() const { return m_session; }

    // Attachments up, push, pull until the checkpoint, attachments down.
    // Throws DomainError NOT_SIGNED_IN, BACK_OFFICE_UNREACHABLE,
    // TOKEN_INVALID (sign in again), … ; whatever was applied before the
    // error is kept. A blob that cannot be sent or kept is not an error of
    // the sync: it is counted in the summary's attachmentFailures.
    SyncSummary sync();
    // Its two halves, for a person who wants only one (and for benchmarks):
    // the outbox pushed, or pages pulled until nothing is newer.
    SyncSummary push();
    SyncSummary pull();

    // Plain reads of the workspace, for an indicator.
    static SyncStatus status(Workspace &workspace);
    static QList<SyncConflict> conflicts(Workspace &workspace);
    static QList<OutboxEntry> rejected(Workspace &workspace);
    // Resolving a conflict: keep this device's version (queued again on the
    // back office's revision, sent with the next sync) or take the back
    // office's (the local change is dropped). actorId: who decides.
    static void keepMine(Workspace &workspace, qint64 operationNumber, const QString &actorId);
    static void takeTheirs(Workspace &workspace, qint64 operationNumber);
    // A rejection the person has seen, taken off the list.
    static void dismissRejected(Workspace &workspace, qint64 operationNumber);

private:
    void pushOutbox(BackOfficeConnection &connection, SyncSummary &summary);
    struct FetchedPage;
    // What the desk holds to check signatures with (SigningTrust), said on the first pull request.
    struct SigningTrustHeld
    {
        qsizetype revocations = 0;
        bool authority = false;
    };
    void pullPages(BackOfficeConnection &connection, SyncSummary &summary);
    void checkAuditLog(BackOfficeConnection &connection, const QJsonObject &auditLog, SyncSummary &summary);
    // One page asked for and read; runs off the workspace's thread, so it touches no workspace.
    FetchedPage fetchPage(BackOfficeConnection &connection, const QString &deviceId, qint64 cursor,
                          const QStringList &heldCases, bool partitioned, const QJsonValue &auditTreeSize,
                          const SigningTrustHeld &trust) const;
    SyncSummary run(bool pushing, bool pulling);
    QByteArray pushBody(const QList<OutboxEntry> &operations, const QHash<qint64, QString> &reasons) const;
    static void count(const AttachmentSync::Report &report, SyncSummary &summary);

    Workspace &m_workspace;
    BackOfficeSession m_session;
    QString m_certificateAuthority;
    QString m_language = QStringLiteral("en");
    int m_batchSize = 500;
    int m_pageSize = 500;
};

} // namespace vd
