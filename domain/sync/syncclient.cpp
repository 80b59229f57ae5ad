#include "syncclient.h"

#include "domainerror.h"
#include "recordjson.h"
#include "syncstate.h"
#include "signingtrust.h"
#include "treeheadwatch.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <future>

namespace vd {

namespace {

const std::string kPushPath = "/api/v1/sync/push";
const std::string kPullPath = "/api/v1/sync/pull";
constexpr int kPullLimit = 500;

// A JSON string literal, for the push body assembled around the records'
// own JSON (which goes in as it is, never parsed again).
void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += "\\u00";
            out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendJsonOrNull(QByteArray &out, const QByteArray &json)
{
    out += json.isEmpty() ? QByteArray("null") : json;
}

bool isPartitioned(const User &user)
{
    return user.role != QLatin1String("secretariat") && user.role != QLatin1String("auditor");
}

PushAnswer answerFrom(const QJsonObject &result)
{
    PushAnswer answer;
    answer.operationNumber = result.value(QStringLiteral("number")).toInteger();
    answer.state = result.value(QStringLiteral("state")).toString();
    answer.code = result.value(QStringLiteral("code")).toString();
    answer.reason = result.value(QStringLiteral("reason")).toString();
    answer.revision = result.value(QStringLiteral("revision")).toInteger();
    answer.merged = result.value(QStringLiteral("merged")).toBool();
    if (result.value(QStringLiteral("server_record")).isObject())
        answer.serverRecord = result.value(QStringLiteral("server_record")).toObject();
    answer.serverRevision = result.value(QStringLiteral("server_revision")).toInteger();
    return answer;
}

// The case each pulled record belongs to: an application itself, or the
// application a part of a case names (a tombstone carries no record: its id
// is an application's only when it is one).
void noteChangedCases(const QList<PulledChange> &changes, const QStringList &removed, QSet<QString> &noted,
                      SyncSummary &summary)
{
    const auto note = [&](const QString &id) {
        if (!id.isEmpty() && !noted.contains(id)) {
            noted.insert(id);
            summary.changedCases << id;
        }
    };
    for (const PulledChange &change : changes)
        note(change.entityType == QLatin1String("application")
                 ? change.entityId
                 : change.record.value(QLatin1String("application_id")).toString());
    for (const QString &id : removed)
        note(id);
}

} // namespace

QJsonObject SyncSummary::toJson() const
{
    return {{QStringLiteral("pushed"), pushed},         {QStringLiteral("applied"), applied},
            {QStringLiteral("merged"), merged},         {QStringLiteral("duplicate"), duplicate},
            {QStringLiteral("conflict"), conflict},     {QStringLiteral("rejected"), rejected},
            {QStringLiteral("pulled"), pulled},         {QStringLiteral("stored"), stored},
            {QStringLiteral("removed_cases"), removedCases}, {QStringLiteral("requests"), requests},
            {QStringLiteral("cursor"), cursor},         {QStringLiteral("checkpoint"), checkpoint},
            {QStringLiteral("duration_ms"), durationMs},
            {QStringLiteral("audit_log"), QJsonObject{{QStringLiteral("tree_size"), auditLogSize},
                                                      {QStringLiteral("root"), auditLogRoot}}},
            {QStringLiteral("revocations_received"), revocations >= 0 ? QJsonValue(revocations) : QJsonValue()},
            {QStringLiteral("attachments"), attachmentsJson()}};
}

QJsonObject SyncSummary::attachmentsJson() const
{
    QJsonArray failures;
    for (const DomainError &failure : attachmentFailures)
        failures.append(QJsonObject{{QStringLiteral("code"), failure.code()},
                                    {QStringLiteral("where"), failure.where()},
                                    {QStringLiteral("message"), failure.message()}});
    return {{QStringLiteral("uploaded"), attachmentsUploaded},
            {QStringLiteral("already_there"), attachmentsAlreadyThere},
            {QStringLiteral("downloaded"), attachmentsDownloaded},
            {QStringLiteral("unavailable"), attachmentsUnavailable},
            {QStringLiteral("failures"), failures}};
}

QJsonObject SyncStatus::toJson() const
{
    const auto instant = [](const std::optional<QDateTime> &at) {
        return at ? QJsonValue(record::instantText(*at)) : QJsonValue();
    };
    return {{QStringLiteral("server_url"), serverUrl.isEmpty() ? QJsonValue() : QJsonValue(serverUrl)},
            {QStringLiteral("user_id"), userId.isEmpty() ? QJsonValue() : QJsonValue(userId)},
            {QStringLiteral("last_push_at"), instant(lastPushAt)},
            {QStringLiteral("last_pull_at"), instant(lastPullAt)},
            {QStringLiteral("cursor"), cursor},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("conflicts"), conflicts},
            {QStringLiteral("rejected"), rejected}};
}

SyncClient::SyncClient(Workspace &workspace) : m_workspace(workspace) {}

SyncClient::SyncClient(Workspace &workspace, BackOfficeSession session)
    : m_workspace(workspace), m_session(std::move(session)), m_certificateAuthority(m_session.certificateAuthority)
{}

SyncClient::~SyncClient() = default;

void SyncClient::signIn(const QString &serverUrl, const QString &username, const QString &password)
{
    BackOfficeConnection connection(serverUrl, m_certificateAuthority);
    connection.setLanguage(m_language);
    m_session = connection.signIn(username, password);
}

SyncSummary SyncClient::sync()
{
    return run(true, true);
}

SyncSummary SyncClient::push()
{
    return run(true, false);
}

SyncSummary SyncClient::pull()
{
    return run(false, true);
}

SyncSummary SyncClient::run(bool pushing, bool pulling)
{
    if (!isSignedIn())
        throw DomainError(QStringLiteral("NOT_SIGNED_IN"), QString(),
                          tr("sign in to the back office before syncing"));
    QElapsedTimer timer;
    timer.start();
    SyncSummary summary;
    BackOfficeConnection connection(m_session);
    connection.setLanguage(m_language);
    AttachmentSync attachments(m_workspace, connection);
    if (pushing) {
        count(attachments.uploadPending(), summary); // before the operations that refer to them
        pushOutbox(connection, summary);
    }
    if (pulling) {
        pullPages(connection, summary);
        count(attachments.downloadMissing(), summary); // those the pulled records refer to
    }
    summary.requests = connection.requestCount();
    summary.durationMs = timer.elapsed();
    return summary;
}

void SyncClient::checkAuditLog(BackOfficeConnection &connection, const QJsonObject &auditLog, SyncSummary &summary)
{
    const TreeHeadWatch::Checked audit = TreeHeadWatch(m_workspace, connection).check(auditLog);
    summary.auditLogSize = qint64(audit.head.head.size);
    summary.auditLogRoot = QString::fromLatin1(merkle::bytes(audit.head.head.root).toHex());
}

void SyncClient::count(const AttachmentSync::Report &report, SyncSummary &summary)
{
    summary.attachmentsUploaded += report.uploaded.size();
    summary.attachmentsAlreadyThere += report.alreadyThere.size();
    summary.attachmentsDownloaded += report.downloaded.size();
    summary.attachmentsUnavailable += report.unavailable.size();
    summary.attachmentFailures.insert(summary.attachmentFailures.end(), report.failures.begin(), report.failures.end());
}

QByteArray SyncClient::pushBody(const QList<OutboxEntry> &operations, const QHash<qint64, QString> &reasons) const
{
    QByteArray body;
    body.reserve(4096 + operations.size() * 2400);
    body += "{\"device_id\":";
    appendString(body, m_workspace.deviceId());
    body += ",\"operations\":[";
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const OutboxEntry &entry = operations[i];
        const bool removal = entry.operation == QLatin1String("delete");
        if (i > 0)
            body += ',';
        body += "{\"number\":" + QByteArray::number(entry.operationNumber) + ",\"id\":";
        appendString(body, entry.operationId);
        body += ",\"type\":";
        appendString(body, entry.entityType);
        body += ",\"record_id\":";
        appendString(body, entry.entityId);
        body += ",\"operation\":";
        appendString(body, entry.operation);
        body += ",\"action\":";
        appendString(body, entry.action);
        if (const auto reason = reasons.constFind(entry.operationNumber); reason != reasons.constEnd()) {
            body += ",\"reason\":";
            appendString(body, *reason);
        }
        body += ",\"base_revision\":" + QByteArray::number(entry.baseRevision) + ",\"before\":";
        appendJsonOrNull(body, entry.before);
        body += ",\"record\":";
        appendJsonOrNull(body, removal ? QByteArray() : entry.payload);
        body += '}';
    }
    body += "]}";
    return body;
}

void SyncClient::pushOutbox(BackOfficeConnection &connection, SyncSummary &summary)
{
    Outbox outbox(m_workspace);
    SyncReplica replica(m_workspace);
    int batchSize = m_batchSize;
    for (;;) {
        // A few more than a batch: the status change and approval that follow
        // its last operation are settled with it (they are never sent).
        const QList<OutboxEntry> pending = outbox.pending(batchSize + 8);
        if (pending.isEmpty())
            return;
        QList<OutboxEntry> sent;
        QList<qint64> settled;
        QHash<QString, qint64> transitionOf; // application id → its pushed operation with an action
        QHash<qint64, QString> reasons;
        for (const OutboxEntry &entry : pending) {
            if (SyncReplica::isMadeByServer(entry.entityType)) {
                settled << entry.operationNumber;
                // A status change's reason travels with its application's action.
                const QJsonObject change = QJsonDocument::fromJson(entry.payload).object();
                const QString reason = change.value(QStringLiteral("reason")).toString();
                const auto owner = transitionOf.constFind(change.value(QStringLiteral("application_id")).toString());
                if (entry.entityType == QLatin1String("status_change") && !reason.isEmpty() && owner != transitionOf.constEnd())
                    reasons.insert(*owner, reason);
            } else {
                if (sent.size() == batchSize)
                    break;
                sent << entry;
                if (entry.entityType == QLatin1String("application"))
                    transitionOf.insert(entry.entityId, entry.operationNumber);
            }
        }
        QList<PushAnswer> answers;
        if (!sent.isEmpty()) {
            const BackOfficeConnection::Answer answer = connection.request("POST", kPushPath, pushBody(sent, reasons));
            if (answer.status == 413 && sent.size() > 1) {
                batchSize = std::max(1, int(sent.size() / 2)); // over the back office's body limit: smaller batches
                continue;
            }
            if (answer.status != 200)
                throw connection.refusal(answer, kPushPath);
            const QJsonObject json = answer.json();
            for (const QJsonValue &result : json.value(QStringLiteral("results")).toArray())
                answers << answerFrom(result.toObject());
            if (answers.size() != sent.size())
                throw DomainError(QStringLiteral("BACK_OFFICE_ERROR"), QString::fromStdString(kPushPath),
                                  tr("the back office answered %1 of the %2 changes sent; they stay queued")
                                      .arg(answers.size()).arg(sent.size()));
            summary.checkpoint = std::max(summary.checkpoint, json.value(QStringLiteral("checkpoint")).toInteger());
            summary.pushed += sent.size();
        }
        replica.recordAnswers(answers, settled);
        for (const PushAnswer &answer : answers) {
            if (answer.state == QLatin1String("applied")) {
                ++summary.applied;
                summary.merged += answer.merged ? 1 : 0;
            } else if (answer.state == QLatin1String("duplicate")) {
                ++summary.duplicate;
            } else if (answer.state == QLatin1String("conflict")) {
                ++summary.conflict;
            } else {
                ++summary.rejected;
            }
        }
    }
}

// A page as the back office sent it, read from its JSON.
struct SyncClient::FetchedPage
{
    QList<PulledChange> changes;
    QStringList removed;
    qint64 cursor = 0;
    bool more = false;
    QJsonObject auditLog; // the signed tree head and proof, on the first page
    std::optional<QJsonArray> revocations; // on the first page, when this desk's count was not the back office's
    QByteArray authority;                  // on the first page, when this desk had no CA certificate
};

SyncClient::FetchedPage SyncClient::fetchPage(BackOfficeConnection &connection, const QString &deviceId, qint64 cursor,
                                              const QStringList &heldCases, bool partitioned,
                                              const QJsonValue &auditTreeSize, const SigningTrustHeld &trust) const
{
    QJsonObject request{{QStringLiteral("device_id"), deviceId},
                        {QStringLiteral("cursor"), cursor},
                        {QStringLiteral("limit"), m_pageSize}};
    if (partitioned)
        request.insert(QStringLiteral("held_cases"), QJsonArray::fromStringList(heldCases));
    if (!auditTreeSize.isUndefined()) {
        request.insert(QStringLiteral("audit_tree_size"), auditTreeSize);
        request.insert(QStringLiteral("revocation_count"), qint64(trust.revocations));
        request.insert(QStringLiteral("has_ca_certificate"), trust.authority);
    }
    const QJsonObject page = connection.postJson(kPullPath, QJsonDocument(request).toJson(QJsonDocument::Compact));
    FetchedPage fetched;
    const QJsonArray changes = page.value(QStringLiteral("changes")).toArray();
    fetched.changes.reserve(changes.size());
    for (const QJsonValue &value : changes) {
        const QJsonObject change = value.toObject();
        PulledChange &pulled = fetched.changes.emplace_back();
        pulled.seq = change.value(QStringLiteral("seq")).toInteger();
        pulled.entityType = change.value(QStringLiteral("type")).toString();
        pulled.entityId = change.value(QStringLiteral("id")).toString();
        pulled.revision = change.value(QStringLiteral("revision")).toInteger();
        pulled.deleted = change.value(QStringLiteral("deleted")).toBool();
        pulled.record = change.value(QStringLiteral("record")).toObject();
    }
    for (const QJsonValue &id : page.value(QStringLiteral("removed_cases")).toArray())
        fetched.removed << id.toString();
    fetched.cursor = page.value(QStringLiteral("cursor")).toInteger();
    fetched.more = page.value(QStringLiteral("more")).toBool();
    fetched.auditLog = page.value(QStringLiteral("audit_log")).toObject();
    if (page.value(QStringLiteral("revocations")).isArray())
        fetched.revocations = page.value(QStringLiteral("revocations")).toArray();
    fetched.authority = page.value(QStringLiteral("ca_certificate")).toString().toLatin1();
    return fetched;
}

void SyncClient::pullPages(BackOfficeConnection &connection, SyncSummary &summary)
{
    SyncReplica replica(m_workspace);
    const SyncState state = loadSyncState(m_workspace);
    // Another back office's address, or another user: everything is pulled
    // again (stored records are simply rewritten), as the cursor means nothing here.
    qint64 cursor = state.serverUrl == m_session.serverUrl && state.userId == m_session.user.id ? state.pullCursor : 0;
    const bool partitioned = isPartitioned(m_session.user);
    const auto fetch = [&](qint64 from, bool first = false) {
        // The held cases and the kept tree head are read here, on the workspace's
        // thread; the request goes on another. Only the first page asks for the head.
        const QStringList held = partitioned ? replica.heldCases() : QStringList();
        QJsonValue auditTreeSize(QJsonValue::Undefined);
        SigningTrustHeld trust;
        if (first) {
            const std::optional<qint64> kept = TreeHeadWatch::keptSize(m_workspace);
            auditTreeSize = kept ? QJsonValue(*kept) : QJsonValue();
            trust = {SigningTrust::revocations(m_workspace.folder()).size(),
                     SigningTrust::authority(m_workspace.folder()).has_value()};
        }
        return std::async(std::launch::async, [this, &connection, device = m_workspace.deviceId(), from, held,
                                               partitioned, auditTreeSize, trust] {
            return fetchPage(connection, device, from, held, partitioned, auditTreeSize, trust);
        });
    };
    QSet<QString> noted;
    std::future<FetchedPage> next = fetch(cursor, true);
    for (int pages = 0;; ++pages) {
        const FetchedPage page = next.get();
        if (pages == 0) { // before anything of it is applied: the history this desk saw is still there
            checkAuditLog(connection, page.auditLog, summary);
            if (!page.authority.isEmpty())
                SigningTrust::keepAuthority(m_workspace.folder(), page.authority);
            if (page.revocations) {
                SigningTrust::keepRevocations(m_workspace.folder(), *page.revocations);
                summary.revocations = page.revocations->size();
            }
        }
        // Until the checkpoint of the push (read-your-writes); a page that
        // does not move the cursor ends it, whatever it says.
        const bool advanced = page.cursor > cursor;
        const bool again = (page.more || page.cursor < summary.checkpoint) && (advanced || pages == 0);
        // The next page is asked for while this one is applied, where what it
        // holds cannot change what to ask: a partitioned desk's next request
        // names the cases it holds once this page is in. A page that fails to
        // apply leaves the cursor where it was, and the one fetched after it unused.
        if (again && !partitioned)
            next = fetch(page.cursor);
        const AppliedPage applied = replica.applyPage(page.changes, page.removed, page.cursor, m_session.serverUrl,
                                                      m_session.user.id);
        summary.pulled += page.changes.size();
        summary.stored += applied.stored;
        summary.removedCases += applied.removedCases;
        noteChangedCases(page.changes, page.removed, noted, summary);
        cursor = page.cursor;
        if (!again)
            break;
        if (partitioned)
            next = fetch(page.cursor);
    }
    summary.cursor = cursor;
}

SyncStatus SyncClient::status(Workspace &workspace)
{
    const SyncState state = loadSyncState(workspace);
    SyncStatus status;
    status.serverUrl = state.serverUrl;
    status.userId = state.userId;
    status.lastPushAt = state.lastPushAt;
    status.lastPullAt = state.lastPullAt;
    status.cursor = state.pullCursor;
    status.pending = Outbox(workspace).pendingCount();
    status.conflicts = SyncReplica(workspace).conflictCount();
    QSqlQuery rejected = workspace.run(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'rejected'"));
    status.rejected = rejected.next() ? rejected.value(0).toLongLong() : 0;
    return status;
}

QList<SyncConflict> SyncClient::conflicts(Workspace &workspace)
{
    return SyncReplica(workspace).conflicts();
}

QList<OutboxEntry> SyncClient::rejected(Workspace &workspace)
{
    QList<OutboxEntry> entries = Outbox(workspace).needingAttention();
    entries.removeIf([](const OutboxEntry &entry) { return entry.state != QLatin1String("rejected"); });
    return entries;
}

void SyncClient::keepMine(Workspace &workspace, qint64 operationNumber, const QString &actorId)
{
    SyncReplica(workspace).keepMine(operationNumber, actorId);
}

void SyncClient::takeTheirs(Workspace &workspace, qint64 operationNumber)
{
    SyncReplica(workspace).takeTheirs(operationNumber);
}

void SyncClient::dismissRejected(Workspace &workspace, qint64 operationNumber)
{
    SyncReplica(workspace).dismissRejected(operationNumber);
}

} // namespace vd
