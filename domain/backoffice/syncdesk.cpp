#include "syncdesk.h"

#include "apierror.h"
#include "application.h"
#include "caseaccess.h"
#include "casesignatures.h"
#include "casetransitions.h"
#include "certificatedesk.h"
#include "detachedsignature.h"
#include "changelog.h"
#include "domainerror.h"
#include "entitystore.h"
#include "recordjson.h"
#include "signedcontent.h"
#include "sql.h"
#include "syncreplica.h"
#include "transaction.h"
#include "unitofwork.h"
#include "workflow.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace vd {

struct SyncDesk::Operation
{
    qint64 number = 0;
    QString type;
    QString recordId;
    bool removal = false;
    QString action;
    qint64 baseRevision = 0;
    std::optional<QJsonObject> before;
    std::optional<QJsonObject> record;
    QString reason;
};

struct SyncDesk::Outcome
{
    QString state;
    QString code;
    QString reason;
    qint64 revision = 0;
    bool merged = false;
    std::optional<QJsonObject> serverRecord;

    static Outcome applied(qint64 revision, bool merged = false) { return {QStringLiteral("applied"), {}, {}, revision, merged, {}}; }
    static Outcome rejected(const QString &code, const QString &reason, std::optional<QJsonObject> server = {})
    {
        return {QStringLiteral("rejected"), code, reason, 0, false, std::move(server)};
    }
    static Outcome conflict(const QString &code, const QString &reason, std::optional<QJsonObject> server)
    {
        return {QStringLiteral("conflict"), code, reason, 0, false, std::move(server)};
    }
};

namespace {

// Fields a client never decides: the record's bookkeeping, and on an
// application what only the workflow sets.
bool isBookkeeping(const QString &key)
{
    return key == QLatin1String("revision") || key == QLatin1String("updated_at") || key == QLatin1String("created_at");
}

const QStringList kWorkflowFields{QStringLiteral("status"), QStringLiteral("reference"), QStringLiteral("submitted"),
                                  QStringLiteral("approved_grant"), QStringLiteral("final_grant")};

// The fields whose values differ between two versions of a record.
QSet<QString> changedFields(const QJsonObject &from, const QJsonObject &to)
{
    QSet<QString> changed;
    for (auto it = to.begin(); it != to.end(); ++it) {
        if (!isBookkeeping(it.key()) && from.value(it.key()) != it.value())
            changed.insert(it.key());
    }
    for (auto it = from.begin(); it != from.end(); ++it) {
        if (!isBookkeeping(it.key()) && !to.contains(it.key()))
            changed.insert(it.key());
    }
    return changed;
}

QString caseOf(const QString &type, const QJsonObject &record)
{
    return type == QLatin1String("application") ? record.value(QStringLiteral("id")).toString()
                                                : record.value(QStringLiteral("application_id")).toString();
}

// The kinds of record each role may write (docs/sync.md, "Who writes what").
const QHash<QString, QStringList> &writableByRole()
{
    static const QHash<QString, QStringList> writable{
        {QStringLiteral("applicant"),
         {QStringLiteral("enterprise"), QStringLiteral("application"), QStringLiteral("clarification_request"),
          QStringLiteral("correspondence_entry"), QStringLiteral("change_request"), QStringLiteral("project_report"),
          QStringLiteral("signature")}},
        {QStringLiteral("committee_member"),
         {QStringLiteral("review"), QStringLiteral("interest_declaration"), QStringLiteral("signature")}},
        {QStringLiteral("committee_chair"),
         {QStringLiteral("review"), QStringLiteral("interest_declaration"), QStringLiteral("committee_outcome"),
          QStringLiteral("attendance"), QStringLiteral("signature")}},
        {QStringLiteral("approving_officer"), {QStringLiteral("application"), QStringLiteral("signature")}},
        {QStringLiteral("finance"),
         {QStringLiteral("application"), QStringLiteral("funding_agreement"), QStringLiteral("disbursement_milestone"),
          QStringLiteral("payment"), QStringLiteral("signature")}},
        {QStringLiteral("administrator"), {QStringLiteral("user")}},
        {QStringLiteral("auditor"), {}},
    };
    return writable;
}

// Roles that move a case only through the workflow, never by editing it.
bool movesCasesOnly(const QString &role)
{
    return role == QLatin1String("approving_officer") || role == QLatin1String("finance");
}

QByteArray jsonText(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

[[noreturn]] void badInput(const QString &where, const QString &message)
{
    throw ApiError(400, QStringLiteral("INPUT_ERROR"), message, where);
}

} // namespace

bool SyncDesk::seesCase(const QString &applicationId) const
{
    auto found = m_seen.find(applicationId);
    if (found == m_seen.end())
        found = m_seen.insert(applicationId, CaseAccess(m_workspace).sees(m_user, applicationId));
    return *found;
}

QByteArray SyncDesk::pull(const QJsonObject &body)
{
    const JsonReader reader(body, QStringLiteral("body"));
    const qint64 cursor = reader.optionalInteger(QStringLiteral("cursor"), 0, std::numeric_limits<qint64>::max()).value_or(0);
    const int limit = int(reader.optionalInteger(QStringLiteral("limit"), 1, 2000).value_or(500));
    QStringList held;
    if (body.contains(QStringLiteral("held_cases")) && !body.value(QStringLiteral("held_cases")).isNull()) {
        const QJsonValue value = body.value(QStringLiteral("held_cases"));
        if (!value.isArray())
            badInput(QStringLiteral("body.held_cases"), tr("expected an array of case ids"));
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isString())
                badInput(QStringLiteral("body.held_cases[%1]").arg(i), tr("expected a case id (a string)"));
            held << array[i].toString();
        }
    }
    if (body.contains(QStringLiteral("device_id")) && !body.value(QStringLiteral("device_id")).isString())
        badInput(QStringLiteral("body.device_id"), tr("expected this device's id (a string)"));

    const ChangePage page = ChangeLog(m_workspace).pull(m_user, cursor, limit, held);
    QByteArray out;
    qsizetype size = 256;
    for (const LoggedChange &change : page.changes)
        size += change.payload.size() + 160;
    out.reserve(size);
    out += "{\"changes\":[";
    for (qsizetype i = 0; i < page.changes.size(); ++i) {
        const LoggedChange &change = page.changes[i];
        if (i > 0)
            out += ',';
        out += "{\"seq\":" + QByteArray::number(change.seq) + ",\"type\":" + jsonText(change.entityType)
               + ",\"id\":" + jsonText(change.entityId) + ",\"revision\":" + QByteArray::number(change.revision)
               + (change.deleted ? ",\"deleted\":true,\"record\":null}" : ",\"deleted\":false,\"record\":");
        if (!change.deleted) {
            out += change.payload;
            out += '}';
        }
    }
    out += "],\"removed_cases\":[";
    for (qsizetype i = 0; i < page.removedCases.size(); ++i) {
        if (i > 0)
            out += ',';
        out += jsonText(page.removedCases[i]);
    }
    out += "],\"cursor\":" + QByteArray::number(page.cursor) + ",\"more\":" + (page.more ? "true" : "false")
           + ",\"head\":" + QByteArray::number(page.head) + '}';
    return out;
}

QJsonObject SyncDesk::push(const QJsonObject &body, int maxOperations, const QLocale &locale)
{
    const JsonReader reader(body, QStringLiteral("body"));
    const QString device = reader.string(QStringLiteral("device_id"));
    if (device.isEmpty() || device.size() > 100)
        badInput(QStringLiteral("body.device_id"), tr("expected this device's id: 1 to 100 characters"));
    const QList<JsonReader> items = reader.array(QStringLiteral("operations"));
    if (items.size() > maxOperations)
        throw ApiError(413, QStringLiteral("TOO_MANY_OPERATIONS"),
                       tr("A push carries at most %1 operations; send the rest in another push.").arg(maxOperations),
                       QStringLiteral("body.operations"));
    // Every operation is read before any is decided: a malformed request applies nothing.
    QList<Operation> operations;
    for (const JsonReader &item : items) {
        Operation &op = operations.emplace_back();
        op.number = item.integer(QStringLiteral("number"), 1, std::numeric_limits<qint64>::max());
        op.type = item.string(QStringLiteral("type"));
        op.recordId = item.string(QStringLiteral("record_id"));
        op.removal = item.oneOf(QStringLiteral("operation"), {QStringLiteral("upsert"), QStringLiteral("delete")})
                     == QLatin1String("delete");
        op.action = item.optionalString(QStringLiteral("action"));
        op.reason = item.optionalString(QStringLiteral("reason"));
        op.baseRevision = item.optionalInteger(QStringLiteral("base_revision"), 0, std::numeric_limits<qint64>::max()).value_or(0);
        if (const std::optional<JsonReader> before = item.optionalObject(QStringLiteral("before")))
            op.before = before->value().toObject();
        if (const std::optional<JsonReader> record = item.optionalObject(QStringLiteral("record")))
            op.record = record->value().toObject();
        if (!op.removal && !op.record)
            badInput(item.path() + QStringLiteral(".record"), tr("an upsert carries the record"));
    }

    ChangeLog log(m_workspace);
    QJsonArray results;
    WriteBatch batch(m_workspace);
    QHash<qint64, QJsonObject> answered;
    if (!operations.isEmpty()) {
        QSqlQuery &earlier = m_workspace.execute(
            QStringLiteral("SELECT number, answer FROM sync_operations WHERE device_id = ? AND number BETWEEN ? AND ?"),
            {device, std::min_element(operations.begin(), operations.end(), [](auto &a, auto &b) { return a.number < b.number; })->number,
             std::max_element(operations.begin(), operations.end(), [](auto &a, auto &b) { return a.number < b.number; })->number});
        while (earlier.next())
            answered.insert(earlier.value(0).toLongLong(), QJsonDocument::fromJson(earlier.value(1).toString().toUtf8()).object());
        earlier.finish();
    }
    QSqlQuery &keep = m_workspace.statement(QStringLiteral(
        "INSERT INTO sync_operations (device_id, number, user_id, answer, answered_at) VALUES (?, ?, ?, ?, ?)"));
    const QString now = record::instantText(QDateTime::currentDateTimeUtc());
    for (const Operation &op : operations) {
        if (const auto found = answered.constFind(op.number); found != answered.constEnd()) {
            QJsonObject again = *found;
            if (again.value(QStringLiteral("state")).toString() == QLatin1String("applied"))
                again.insert(QStringLiteral("state"), QStringLiteral("duplicate"));
            results.append(again);
            continue;
        }
        Outcome outcome;
        try {
            outcome = decide(op, locale);
        } catch (const DomainError &e) {
            if (e.code() == QLatin1String("WORKSPACE_BUSY"))
                throw;
            outcome = Outcome::rejected(e.code(), e.message());
        }
        QJsonObject answer{{QStringLiteral("number"), op.number}, {QStringLiteral("state"), outcome.state}};
        if (outcome.state == QLatin1String("applied")) {
            answer.insert(QStringLiteral("revision"), outcome.revision);
            answer.insert(QStringLiteral("seq"), log.head());
            if (outcome.merged)
                answer.insert(QStringLiteral("merged"), true);
        } else {
            answer.insert(QStringLiteral("code"), outcome.code);
            answer.insert(QStringLiteral("reason"), outcome.reason);
            if (outcome.serverRecord) {
                answer.insert(QStringLiteral("server_record"), *outcome.serverRecord);
                answer.insert(QStringLiteral("server_revision"), outcome.serverRecord->value(QStringLiteral("revision")));
            } else if (outcome.state == QLatin1String("conflict")) {
                answer.insert(QStringLiteral("server_record"), QJsonValue());
                answer.insert(QStringLiteral("server_revision"), 0);
            }
        }
        sql::bind(keep, 0, device);
        sql::bind(keep, 1, op.number);
        sql::bind(keep, 2, m_user.id);
        sql::bind(keep, 3, QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
        sql::bind(keep, 4, now);
        m_workspace.exec(keep);
        answered.insert(op.number, answer);
        results.append(answer);
    }
    const qint64 checkpoint = log.head();
    batch.commit();
    return {{QStringLiteral("results"), results}, {QStringLiteral("checkpoint"), checkpoint}};
}

SyncDesk::Outcome SyncDesk::decide(const Operation &op, const QLocale &locale)
{
    if (!EntityStore::entityTypes().contains(op.type))
        return Outcome::rejected(QStringLiteral("UNKNOWN_ENTITY"), tr("There is no kind of record called \"%1\".").arg(op.type));
    if (SyncReplica::isMadeByServer(op.type))
        return Outcome::rejected(QStringLiteral("SERVER_MADE_RECORD"),
                                 tr("Only the back office makes %1 records: they come with the workflow action.").arg(op.type));
    if (QUuid::fromString(op.recordId).isNull())
        return Outcome::rejected(QStringLiteral("INPUT_ERROR"), tr("A record's id must be a UUID, not \"%1\".").arg(op.recordId.left(64)));
    Transaction savepoint(m_workspace); // inside the push's batch: a savepoint
    const std::optional<QJsonObject> stored = EntityStore(m_workspace).find(op.type, op.recordId);
    Outcome outcome = op.removal ? remove(op, stored) : upsert(op, stored, locale);
    if (outcome.state == QLatin1String("applied")) {
        if (m_workspace.hasUnresolvedReferences())
            return Outcome::rejected(QStringLiteral("REFERENCE_MISSING"),
                                     tr("The record refers to a record the back office does not have (or no longer has)."));
        savepoint.commit();
    }
    return outcome;
}

std::optional<SyncDesk::Outcome> SyncDesk::refusal(const Operation &op, const std::optional<QJsonObject> &stored,
                                                   const QJsonObject &changes) const
{
    const QString &role = m_user.role;
    const auto refuse = [&](const QString &code, const QString &reason) {
        // The user may see what it may write: its version goes back with the refusal.
        return std::optional<Outcome>(Outcome::rejected(code, reason, code == QLatin1String("CASE_NOT_VISIBLE") ? std::nullopt : stored));
    };
    const bool writable = role == QLatin1String("secretariat") ? op.type != QLatin1String("user")
                                                               : writableByRole().value(role).contains(op.type);
    if (!writable)
        return refuse(QStringLiteral("ROLE_NOT_PERMITTED"),
                      tr("Your role (%1) may not change %2 records.").arg(role, op.type));
    const QJsonObject next = op.record.value_or(QJsonObject());
    const bool creatingCase = !stored && op.type == QLatin1String("application");
    for (const QString &caseId : {stored ? caseOf(op.type, *stored) : QString(), creatingCase ? QString() : caseOf(op.type, next)}) {
        if (!caseId.isEmpty() && !seesCase(caseId))
            return refuse(QStringLiteral("CASE_NOT_VISIBLE"), tr("The case is not among the cases you can see."));
    }
    const auto ownedBy = [&](const QString &key) {
        return (!stored || stored->value(key).toString() == m_user.id) && (op.removal || next.value(key).toString() == m_user.id);
    };
    if (op.type == QLatin1String("signature") && (stored || op.removal))
        return refuse(QStringLiteral("SIGNATURE_FINAL"), tr("A signature is never changed or removed; sign again instead."));
    if (op.type == QLatin1String("review") && role != QLatin1String("secretariat") && !ownedBy(QStringLiteral("reviewer_id")))
        return refuse(QStringLiteral("NOT_YOURS"), tr("A review is written only by its reviewer."));
    if (op.type == QLatin1String("interest_declaration") && role != QLatin1String("secretariat") && !ownedBy(QStringLiteral("user_id")))
        return refuse(QStringLiteral("NOT_YOURS"), tr("An interest declaration is made only by the member it is about."));
    if (role == QLatin1String("applicant")) {
        const QString key = op.type == QLatin1String("enterprise") ? QStringLiteral("id") : QStringLiteral("enterprise_id");
        if ((op.type == QLatin1String("enterprise") || op.type == QLatin1String("application"))
            && ((stored && stored->value(key).toString() != m_user.enterpriseId)
                || (!op.removal && next.value(key).toString() != m_user.enterpriseId)))
            return refuse(QStringLiteral("NOT_OWN_ENTERPRISE"), tr("An applicant changes only its own enterprise's records."));
        static const QStringList editable{QStringLiteral("draft"), QStringLiteral("clarification_requested")};
        if (op.type == QLatin1String("application") && stored && !changes.isEmpty()
            && !editable.contains(stored->value(QStringLiteral("status")).toString()))
            return refuse(QStringLiteral("APPLICATION_LOCKED"),
                          tr("A submitted application changes only through its workflow, or when clarification is requested."));
    }
    if (op.type == QLatin1String("application") && movesCasesOnly(role) && (!changes.isEmpty() || !stored))
        return refuse(QStringLiteral("ROLE_NOT_PERMITTED"),
                      tr("Your role (%1) moves a case through its workflow but does not edit it.").arg(role));
    return std::nullopt;
}

SyncDesk::Outcome SyncDesk::remove(const Operation &op, const std::optional<QJsonObject> &stored)
{
    if (std::optional<Outcome> refused = refusal(op, stored, {}))
        return *refused;
    if (!stored)
        return Outcome::applied(op.baseRevision); // gone already
    const qint64 revision = stored->value(QStringLiteral("revision")).toInteger();
    if (op.baseRevision != revision)
        return Outcome::conflict(QStringLiteral("STALE_REVISION"),
                                 tr("The record was changed on the back office (revision %1) after the revision %2 you "
                                    "removed.").arg(revision).arg(op.baseRevision), stored);
    UnitOfWork work(m_workspace, m_user.id);
    EntityStore(m_workspace).remove(work, op.type, op.recordId, op.action.isEmpty() ? QStringLiteral("delete") : op.action);
    work.commit();
    return Outcome::applied(revision);
}

SyncDesk::Outcome SyncDesk::upsert(const Operation &op, const std::optional<QJsonObject> &stored, const QLocale &locale)
{
    QJsonObject record = *op.record;
    if (record.value(QStringLiteral("id")).toString().isEmpty())
        record.insert(QStringLiteral("id"), op.recordId);
    if (record.value(QStringLiteral("id")).toString() != op.recordId)
        return Outcome::rejected(QStringLiteral("INPUT_ERROR"), tr("The record's id is not the operation's record_id."));
    const bool application = op.type == QLatin1String("application");
    const Workflow &workflow = Workflow::technologyVoucher();
    const bool workflowAction = workflow.findAction(op.action) != nullptr;
    EntityStore store(m_workspace);

    if (!stored) {
        if (op.baseRevision > 0)
            return Outcome::conflict(QStringLiteral("RECORD_REMOVED"),
                                     tr("The record was removed on the back office after you changed it."), std::nullopt);
        if (std::optional<Outcome> refused = refusal(op, stored, record))
            return *refused;
        if (op.type == QLatin1String("signature")) {
            if (std::optional<Outcome> refused = signatureRefusal(record))
                return *refused;
        }
        if (application) {
            if (record.value(QStringLiteral("status")).toString() != QLatin1String("draft"))
                return Outcome::rejected(QStringLiteral("ACTION_REQUIRED"),
                                         tr("A new application starts as a draft; it is submitted by the submit action."));
            static const QJsonObject blank = record::toJson(Application{});
            for (const QString &key : kWorkflowFields.mid(1))
                record.insert(key, blank.value(key));
        }
        record.insert(QStringLiteral("revision"), 0);
        UnitOfWork work(m_workspace, m_user.id);
        const qint64 revision = store.write(work, op.type, record, workflowAction || op.action.isEmpty() ? QStringLiteral("create") : op.action);
        work.commit();
        return Outcome::applied(revision);
    }

    const QJsonObject &server = *stored;
    const qint64 revision = server.value(QStringLiteral("revision")).toInteger();
    if (op.baseRevision > revision || (op.baseRevision < revision && !op.before))
        return Outcome::conflict(QStringLiteral("STALE_REVISION"),
                                 tr("The record is at revision %1 on the back office; yours was made on revision %2.")
                                     .arg(revision).arg(op.baseRevision), server);
    const QJsonObject before = op.before.value_or(server);
    const QSet<QString> mine = changedFields(before, record);
    bool merged = false;
    if (op.baseRevision < revision) {
        // Changed on both sides: merged when the fields do not overlap.
        QStringList both;
        for (const QString &key : changedFields(before, server)) {
            if (mine.contains(key) && record.value(key) != server.value(key))
                both << key;
        }
        if (!both.isEmpty()) {
            both.sort();
            return Outcome::conflict(QStringLiteral("STALE_REVISION"),
                                     tr("Changed on the back office too (revision %1, yours was made on %2): %3.")
                                         .arg(revision).arg(op.baseRevision).arg(both.join(QStringLiteral(", "))),
                                     server);
        }
        merged = true;
    }
    QJsonObject changes;
    for (const QString &key : mine)
        changes.insert(key, record.value(key));
    const bool statusChanged = application && changes.contains(QStringLiteral("status"))
                               && changes.value(QStringLiteral("status")) != server.value(QStringLiteral("status"));
    if (application) {
        for (const QString &key : kWorkflowFields)
            changes.remove(key);
    }
    if (std::optional<Outcome> refused = refusal(op, stored, changes))
        return *refused;
    if (statusChanged && !workflowAction)
        return Outcome::rejected(QStringLiteral("ACTION_REQUIRED"),
                                 tr("A case's status changes only by a workflow action (such as submit), not by editing it."),
                                 server);
    qint64 saved = revision;
    if (!changes.isEmpty()) {
        QJsonObject next = server;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            next.insert(it.key(), it.value());
        UnitOfWork work(m_workspace, m_user.id);
        saved = store.write(work, op.type, next, op.action.isEmpty() || workflowAction ? QStringLiteral("update") : op.action);
        work.commit();
    }
    if (!statusChanged && saved > 0)
        return Outcome::applied(saved, merged); // the revision as written: nothing needs reading back
    if (statusChanged && m_signaturesRequired) {
        if (const std::optional<QString> missing = CaseSignatures::missingFor(m_workspace, op.recordId, op.action, m_user.id))
            return Outcome::rejected(QStringLiteral("SIGNATURE_REQUIRED"), *missing, server);
    }
    if (statusChanged) {
        TransitionRequest request;
        request.caseKey = op.recordId;
        request.action = op.action;
        request.username = m_user.username;
        request.reason = op.reason;
        const TransitionResult result = CaseTransitions(m_workspace).apply(request, locale);
        if (!result.applied)
            return Outcome::rejected(result.refusalCode, result.reason, server);
    }
    const std::optional<LoggedChange> logged = ChangeLog(m_workspace).find(op.type, op.recordId);
    return Outcome::applied(logged ? logged->revision : revision, merged);
}

namespace {

// Who signs what: a purpose of the role (CaseSignatures::purposesOf), a
// review only by its reviewer, a payment's release once it is released.
bool signsFor(const User &user, const QString &purpose, const QJsonObject &record)
{
    if (!CaseSignatures::purposesOf(user.role).contains(purpose))
        return false;
    if (purpose == QLatin1String("review"))
        return record.value(QStringLiteral("reviewer_id")).toString() == user.id;
    if (purpose == QLatin1String("payment_release"))
        return record.value(QStringLiteral("status")).toString() == QLatin1String("released");
    return true;
}

} // namespace

// A signature arriving: refused with the reason unless its signer is the
// user, its purpose theirs, what it signed the record as held here, and its
// certificate the CA's, valid and not revoked at its signing time.
std::optional<SyncDesk::Outcome> SyncDesk::signatureRefusal(const QJsonObject &json) const
{
    const Signature signature = record::fromJson<Signature>(json);
    const auto refuse = [](const QString &code, const QString &reason) { return std::optional<Outcome>(Outcome::rejected(code, reason)); };
    if (signature.signerId != m_user.id)
        return refuse(QStringLiteral("NOT_YOURS"), tr("A signature is made only by its signer."));
    if (!m_certificates)
        return refuse(QStringLiteral("SIGNATURE_NOT_CHECKED"), tr("This back office checks no signatures."));
    if (Signature::entityTypeOf(signature.purpose) != signature.entityType)
        return refuse(QStringLiteral("INPUT_ERROR"),
                      tr("A signature for %1 signs a record of another kind, not %2.").arg(signature.purpose, signature.entityType));
    const SignedContent::Item item = SignedContent::of(m_workspace, signature.purpose, signature.entityId);
    if (!signsFor(m_user, signature.purpose, item.record))
        return refuse(QStringLiteral("ROLE_NOT_PERMITTED"),
                      tr("Your role (%1) does not sign this %2.").arg(m_user.role, CaseSignatures::purposeName(signature.purpose)));
    if (item.applicationId != signature.applicationId)
        return refuse(QStringLiteral("INPUT_ERROR"), tr("The signed record belongs to another case."));
    if (item.content != signature.content.toUtf8())
        return refuse(QStringLiteral("SIGNATURE_CONTENT_MISMATCH"),
                      tr("What was signed is not the %1 as the back office holds it: it changed after it was signed. "
                         "Sync, look at it again and sign it again.").arg(CaseSignatures::purposeName(signature.purpose)));
    const SignatureCheck check = DetachedSignature::verify(item.content, QByteArray::fromBase64(signature.signature.toLatin1()),
                                                           m_certificates->authority(), m_certificates->revocations());
    if (!check.verified())
        return refuse(check.code(), check.reason());
    if (check.signer->subject().userId != m_user.id || check.signer->serial() != signature.certificateSerial
        || check.signingTime.toSecsSinceEpoch() != signature.signedAt.toSecsSinceEpoch())
        return refuse(QStringLiteral("SIGNATURE_MISMATCH"),
                      tr("The signature's certificate or signing time is not the one the record names, or not yours."));
    return std::nullopt;
}

} // namespace vd
