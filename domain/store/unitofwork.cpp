#include "unitofwork.h"

#include "audittrail.h"
#include "recordjson.h"
#include "sql.h"
#include "uuid.h"
#include "workspace.h"

#include <QSqlQuery>

namespace vd {

namespace {

// Text bound so that SQLite stores exactly these UTF-8 bytes: the bytes go
// through QString only as valid UTF-8, which converts back unchanged.
QVariant storedText(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(QString::fromUtf8(bytes));
}

// The JSON goes in as its UTF-8 bytes (a BLOB), as it is hashed.
QVariant storedJson(const QByteArray &bytes)
{
    return bytes.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(bytes);
}

QByteArray utf8(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    return bytes.isNull() ? QByteArray("") : bytes;
}

std::optional<QByteArrayView> optionalView(const QByteArray &bytes)
{
    return bytes.isNull() ? std::nullopt : std::optional<QByteArrayView>(bytes);
}

QByteArray newId()
{
    return newUuid().toLatin1();
}

} // namespace

UnitOfWork::UnitOfWork(Workspace &workspace, QString actorId, ChangeOrigin origin)
    : m_workspace(workspace), m_transaction(workspace), m_actorId(std::move(actorId)), m_origin(origin)
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

void UnitOfWork::record(const RecordedChange &change)
{
    if (m_lastSeq < 0)
        loadChainHead();
    const QByteArray id = newId();
    const QByteArray at = record::instantText(this->at()).toLatin1();
    const QByteArray actor = utf8(m_actorId), action = utf8(change.action), type = utf8(change.entityType),
                     entity = utf8(change.entityId);
    const QByteArray hash = auditChainHash(m_hasher, {m_lastHash, id, at, actor, action, type, entity,
                                                      optionalView(change.beforeJson), optionalView(change.afterJson)});
    QSqlQuery &audit = m_workspace.statement(QStringLiteral(
        "INSERT INTO audit_entries (seq, id, at, actor_id, action, entity_type, entity_id, before_json, after_json, "
        "previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    sql::bind(audit, 0, m_lastSeq + 1);
    sql::bind(audit, 1, storedText(id));
    sql::bind(audit, 2, storedText(at));
    sql::bind(audit, 3, storedText(actor));
    sql::bind(audit, 4, storedText(action));
    sql::bind(audit, 5, storedText(type));
    sql::bind(audit, 6, storedText(entity));
    const QVariant before = storedJson(change.beforeJson), after = storedJson(change.afterJson);
    sql::bind(audit, 7, before);
    sql::bind(audit, 8, after);
    sql::bind(audit, 9, m_lastHash);
    sql::bind(audit, 10, hash);
    m_workspace.exec(audit);

    if (m_origin == ChangeOrigin::Local) {
        const bool removal = change.afterJson.isNull();
        QSqlQuery &outbox = m_workspace.statement(QStringLiteral(
            "INSERT INTO outbox (operation_number, operation_id, entity_type, entity_id, operation, base_revision, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        sql::bind(outbox, 0, m_lastSeq + 1);
        sql::bind(outbox, 1, storedText(newId()));
        sql::bind(outbox, 2, change.entityType);
        sql::bind(outbox, 3, change.entityId);
        sql::bind(outbox, 4, removal ? QStringLiteral("delete") : QStringLiteral("upsert"));
        sql::bind(outbox, 5, change.baseRevision);
        sql::bind(outbox, 6, storedText(at));
        m_workspace.exec(outbox);
    }
    ++m_lastSeq;
    m_lastHash = hash;
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

void UnitOfWork::commit()
{
    for (const auto &step : m_beforeCommit)
        step.second();
    m_beforeCommit.clear();
    m_transaction.commit();
}

} // namespace vd
