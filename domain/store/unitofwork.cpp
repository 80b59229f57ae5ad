#include "unitofwork.h"

#include "auditlog.h"
#include "audittrail.h"
#include "changelog.h"
#include "domainerror.h"
#include "recordjson.h"
#include "sql.h"
#include "uuid.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace vd {

namespace {

// Text bound so that SQLite stores exactly these UTF-8 bytes: the bytes go
// through QString only as valid UTF-8, which converts back unchanged.
QVariant storedText(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(QString::fromUtf8(bytes));
}

QByteArray utf8(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    return bytes.isNull() ? QByteArray("") : bytes;
}

std::optional<QByteArray> optionalBytes(const QByteArray &bytes)
{
    return bytes.isNull() ? std::nullopt : std::optional<QByteArray>(bytes);
}

QByteArray newId()
{
    return newUuid().toLatin1();
}

} // namespace

UnitOfWork::UnitOfWork(Workspace &workspace, QString actorId, ChangeOrigin origin)
    : m_workspace(workspace), m_transaction(workspace), m_actorId(std::move(actorId)),
      m_origin(origin == ChangeOrigin::Local && workspace.keepsChangeLog() ? ChangeOrigin::Server : origin)
{
}

QDateTime UnitOfWork::at() const
{
    return m_at.isValid() ? m_at.toUTC() : QDateTime::currentDateTimeUtc();
}

void UnitOfWork::loadChainHead()
{
    // Read inside the write transaction, so no other writer can extend the chain meanwhile.
    QSqlQuery &head = m_workspace.statement(QStringLiteral("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1"));
    m_workspace.exec(head);
    if (head.next()) {
        m_lastSeq = head.value(0).toLongLong();
        m_lastHash = head.value(1).toByteArray();
    } else {
        m_lastSeq = 0;
        m_lastHash = auditChainStart();
    }
    head.finish();
}

StoredAuditEntry nextAuditEntry(Sha256 &hasher, const AuditChainHead &head, QByteArray at, QByteArray actor,
                                const RecordedChange &change)
{
    StoredAuditEntry entry{head.seq + 1, newId(), std::move(at), std::move(actor), utf8(change.action),
                           utf8(change.entityType), utf8(change.entityId), optionalBytes(change.beforeJson),
                           optionalBytes(change.afterJson), head.hash, {}};
    entry.hash = auditChainHash(hasher, entry.chainFields());
    return entry;
}

const QString &auditEntryInsert()
{
    static const QString statement = QStringLiteral(
        "INSERT INTO audit_entries (seq, id, at, actor_id, action, entity_type, entity_id, before_json, after_json, "
        "previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return statement;
}

AuditChainHead UnitOfWork::chainHead()
{
    if (m_lastSeq < 0)
        loadChainHead();
    return {m_lastSeq, m_lastHash};
}

void UnitOfWork::chainContinued(const AuditChainHead &from, const AuditChainHead &to, qint64 entries)
{
    const AuditChainHead head = chainHead();
    if (from.seq != head.seq || from.hash != head.hash || to.seq != from.seq + entries)
        throw DomainError(QStringLiteral("AUDIT_CHAIN_BROKEN"), QString::number(to.seq),
                          QCoreApplication::translate("vd::UnitOfWork",
                              "audit entries written in bulk do not continue the audit trail of this workspace; "
                              "nothing was written"));
    m_lastSeq = to.seq;
    m_lastHash = to.hash;
    m_recorded += entries;
}

void UnitOfWork::record(const RecordedChange &change)
{
    if (m_origin == ChangeOrigin::Restored)
        return;
    const StoredAuditEntry entry = nextAuditEntry(m_hasher, chainHead(), record::instantText(this->at()).toLatin1(),
                                                  utf8(m_actorId), change);
    sql::Write &audit = m_workspace.write(auditEntryInsert());
    bindAuditEntry(audit, entry);
    audit.exec();
    const QByteArray &at = entry.at;

    if (m_origin == ChangeOrigin::Local) {
        const bool removal = change.afterJson.isNull();
        sql::Write &outbox = m_workspace.write(QStringLiteral(
            "INSERT INTO outbox (operation_number, operation_id, entity_type, entity_id, operation, base_revision, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        sql::bind(outbox, 0, m_lastSeq + 1);
        outbox.bindText(1, newId());
        sql::bind(outbox, 2, change.entityType);
        sql::bind(outbox, 3, change.entityId);
        sql::bind(outbox, 4, removal ? QStringLiteral("delete") : QStringLiteral("upsert"));
        sql::bind(outbox, 5, change.baseRevision);
        outbox.bindText(6, at);
        outbox.exec();
    }
    if (m_workspace.keepsChangeLog() && m_origin == ChangeOrigin::Server)
        ChangeLog::append(m_workspace, change);
    if (m_workspace.keepsChangeLog())
        AuditLog::appendLeaf(m_workspace, entry.seq, entry.id, entry.hash);
    m_lastSeq = entry.seq;
    m_lastHash = entry.hash;
    ++m_recorded;
}

void UnitOfWork::beforeCommit(const QString &name, std::function<void()> step)
{
    for (const auto &registered : m_beforeCommit) {
        if (registered.first == name)
            return;
    }
    m_beforeCommit.emplace_back(name, std::move(step));
}

void UnitOfWork::restoreAuditEntry(const StoredAuditEntry &entry)
{
    if (m_lastSeq < 0)
        loadChainHead();
    if (entry.seq != m_lastSeq + 1 || entry.previousHash != m_lastHash
        || auditChainHash(m_hasher, entry.chainFields()) != entry.hash)
        throw DomainError(QStringLiteral("AUDIT_CHAIN_BROKEN"), QString::fromUtf8(entry.id),
                          QCoreApplication::translate("vd::UnitOfWork",
                              "audit entry %1 does not continue the audit trail of this workspace; nothing was "
                              "restored").arg(entry.seq));
    QSqlQuery &audit = m_workspace.statement(auditEntryInsert());
    const auto optionalText = [](const std::optional<QByteArray> &bytes) {
        return bytes ? storedText(*bytes) : QVariant(QMetaType::fromType<QString>());
    };
    audit.bindValue(0, entry.seq);
    audit.bindValue(1, storedText(entry.id));
    audit.bindValue(2, storedText(entry.at));
    audit.bindValue(3, storedText(entry.actorId));
    audit.bindValue(4, storedText(entry.action));
    audit.bindValue(5, storedText(entry.entityType));
    audit.bindValue(6, storedText(entry.entityId));
    audit.bindValue(7, optionalText(entry.beforeJson));
    audit.bindValue(8, optionalText(entry.afterJson));
    audit.bindValue(9, entry.previousHash);
    audit.bindValue(10, entry.hash);
    m_workspace.exec(audit);
    m_lastSeq = entry.seq;
    m_lastHash = entry.hash;
    ++m_recorded;
}

void UnitOfWork::commit()
{
    for (auto &step : m_beforeCommit) {
        if (!m_transaction.isSavepoint()) {
            step.second();
            continue;
        }
        // Inside a WriteBatch: done once, when the batch commits.
        auto &later = m_workspace.m_batchSteps;
        if (std::none_of(later.begin(), later.end(), [&](const auto &each) { return each.first == step.first; }))
            later.emplace_back(step.first, std::move(step.second));
    }
    m_beforeCommit.clear();
    m_transaction.commit();
}

} // namespace vd
