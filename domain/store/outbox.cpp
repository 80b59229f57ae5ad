#include "outbox.h"

#include "domainerror.h"
#include "recordjson.h"
#include "transaction.h"
#include "sql.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace vd {

namespace {

const QString kColumns = QStringLiteral(
    "o.operation_number, o.operation_id, o.entity_type, o.entity_id, o.operation, "
    "CAST(coalesce(a.after_json, a.before_json) AS BLOB), o.base_revision, o.created_at, o.state, o.attempts, "
    "o.result_reason, CAST(a.before_json AS BLOB), a.action");
const QString kFrom = QStringLiteral(" FROM outbox AS o JOIN audit_entries AS a ON a.seq = o.operation_number");

} // namespace

QList<OutboxEntry> Outbox::select(const QString &sql, const QVariantList &values) const
{
    QSqlQuery &query = m_workspace.execute(sql, values);
    QList<OutboxEntry> entries;
    while (query.next()) {
        OutboxEntry &entry = entries.emplace_back();
        entry.operationNumber = query.value(0).toLongLong();
        entry.operationId = query.value(1).toString();
        entry.entityType = query.value(2).toString();
        entry.entityId = query.value(3).toString();
        entry.operation = query.value(4).toString();
        entry.payload = query.value(5).toByteArray();
        entry.baseRevision = query.value(6).toLongLong();
        entry.createdAt = record::instantFromText(query.value(7).toString());
        entry.state = query.value(8).toString();
        entry.attempts = query.value(9).toInt();
        entry.resultReason = query.value(10).toString();
        entry.before = query.isNull(11) ? QByteArray() : query.value(11).toByteArray();
        entry.action = query.value(12).toString();
    }
    query.finish();
    return entries;
}

QList<OutboxEntry> Outbox::pending(int limit) const
{
    return select(QStringLiteral("SELECT ") + kColumns + kFrom
                      + QStringLiteral(" WHERE o.state = 'pending' ORDER BY o.operation_number LIMIT ?"),
                  {limit});
}

qint64 Outbox::pendingCount() const
{
    QSqlQuery query = m_workspace.run(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

QList<OutboxEntry> Outbox::needingAttention() const
{
    return select(QStringLiteral("SELECT ") + kColumns + kFrom
                      + QStringLiteral(" WHERE o.state IN ('conflict', 'rejected') ORDER BY o.operation_number"),
                  {});
}

void Outbox::acknowledge(const QList<OutboxAcknowledgement> &answers)
{
    static const QStringList done{QStringLiteral("applied"), QStringLiteral("duplicate")};
    static const QStringList refused{QStringLiteral("conflict"), QStringLiteral("rejected")};
    Transaction transaction(m_workspace);
    QSqlQuery &remove = m_workspace.statement(QStringLiteral("DELETE FROM outbox WHERE operation_number = ?"));
    QSqlQuery &keep = m_workspace.statement(QStringLiteral(
        "UPDATE outbox SET state = ?, result_reason = ?, acknowledged_at = ? WHERE operation_number = ?"));
    const QString now = record::instantText(QDateTime::currentDateTimeUtc());
    for (const OutboxAcknowledgement &answer : answers) {
        if (done.contains(answer.state)) {
            sql::bind(remove, 0, answer.operationNumber);
            m_workspace.exec(remove);
        } else if (refused.contains(answer.state)) {
            sql::bind(keep, 0, answer.state);
            sql::bind(keep, 1, answer.reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(answer.reason));
            sql::bind(keep, 2, now);
            sql::bind(keep, 3, answer.operationNumber);
            m_workspace.exec(keep);
        } else {
            throw DomainError(QStringLiteral("INPUT_ERROR"), QString::number(answer.operationNumber),
                              QCoreApplication::translate("vd::Outbox", "unknown answer \"%1\" for a queued change")
                                  .arg(answer.state));
        }
    }
    transaction.commit();
}

void Outbox::countAttempt(const QList<qint64> &operationNumbers)
{
    Transaction transaction(m_workspace);
    QSqlQuery &update = m_workspace.statement(
        QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE operation_number = ?"));
    for (const qint64 number : operationNumbers) {
        sql::bind(update, 0, number);
        m_workspace.exec(update);
    }
    transaction.commit();
}

} // namespace vd
