#include "audittrail.h"

#include "recordjson.h"
#include "sha256.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QtEndian>

namespace vd {

namespace {

void addField(Sha256 &hasher, std::optional<QByteArrayView> value)
{
    if (!value) {
        hasher.add(QByteArrayView("\x00", 1));
        return;
    }
    char prefix[9];
    prefix[0] = 0x01;
    qToBigEndian<quint64>(quint64(value->size()), prefix + 1);
    hasher.add(QByteArrayView(prefix, sizeof prefix));
    hasher.add(*value);
}

// Column texts are read as BLOBs: the UTF-8 bytes exactly as stored, with no
// conversion to QString and back.
const QString kChainColumns = QStringLiteral(
    "seq, CAST(id AS BLOB), CAST(at AS BLOB), CAST(actor_id AS BLOB), CAST(action AS BLOB), "
    "CAST(entity_type AS BLOB), CAST(entity_id AS BLOB), CAST(before_json AS BLOB), CAST(after_json AS BLOB), "
    "previous_hash, hash");

std::optional<QByteArrayView> optionalBytes(const QSqlQuery &query, int column, const QByteArray &bytes)
{
    if (query.isNull(column))
        return std::nullopt;
    return QByteArrayView(bytes);
}

AuditEntry entryFrom(const QSqlQuery &query)
{
    AuditEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.id = QString::fromUtf8(query.value(1).toByteArray());
    entry.at = record::instantFromText(QString::fromUtf8(query.value(2).toByteArray()));
    entry.actorId = QString::fromUtf8(query.value(3).toByteArray());
    entry.action = QString::fromUtf8(query.value(4).toByteArray());
    entry.entityType = QString::fromUtf8(query.value(5).toByteArray());
    entry.entityId = QString::fromUtf8(query.value(6).toByteArray());
    if (!query.isNull(7))
        entry.beforeJson = query.value(7).toByteArray();
    if (!query.isNull(8))
        entry.afterJson = query.value(8).toByteArray();
    entry.previousHash = query.value(9).toByteArray();
    entry.hash = query.value(10).toByteArray();
    return entry;
}

std::optional<QByteArray> optionalColumn(const QSqlQuery &query, int column)
{
    return query.isNull(column) ? std::nullopt : std::optional<QByteArray>(query.value(column).toByteArray());
}

} // namespace

AuditChainFields StoredAuditEntry::chainFields() const
{
    const auto view = [](const std::optional<QByteArray> &bytes) {
        return bytes ? std::optional<QByteArrayView>(*bytes) : std::nullopt;
    };
    return {previousHash, id, at, actorId, action, entityType, entityId, view(beforeJson), view(afterJson)};
}

QByteArray auditChainStart()
{
    return QByteArray(32, '\0');
}

QByteArray auditChainHash(Sha256 &hasher, const AuditChainFields &fields)
{
    addField(hasher, fields.previousHash);
    addField(hasher, fields.id);
    addField(hasher, fields.at);
    addField(hasher, fields.actorId);
    addField(hasher, fields.action);
    addField(hasher, fields.entityType);
    addField(hasher, fields.entityId);
    addField(hasher, fields.beforeJson);
    addField(hasher, fields.afterJson);
    return hasher.result();
}

QString AuditVerification::description() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("vd::AuditVerification", text); };
    switch (reason) {
    case AuditBreak::None:
        return QCoreApplication::translate("vd::AuditVerification", "The audit trail is intact: %n entries checked.",
                                           nullptr, int(entriesChecked));
    case AuditBreak::Edited:
        return tr("Audit entry %1 (%2) was changed after it was written.").arg(*firstBrokenSeq).arg(brokenEntryId);
    case AuditBreak::Deleted:
        return tr("An audit entry before entry %1 (%2) was deleted.").arg(*firstBrokenSeq).arg(brokenEntryId);
    case AuditBreak::Reordered:
        return tr("Audit entry %1 (%2) is out of order: entries were moved.").arg(*firstBrokenSeq).arg(brokenEntryId);
    case AuditBreak::Inserted:
        return tr("Audit entry %1 (%2) was inserted into the trail afterwards.").arg(*firstBrokenSeq).arg(brokenEntryId);
    }
    return {};
}

AuditVerification verifyAuditChain(Workspace &workspace)
{
    AuditVerification result;
    QSqlQuery &query = workspace.statement(QStringLiteral("SELECT ") + kChainColumns
                                           + QStringLiteral(" FROM audit_entries ORDER BY seq"));
    workspace.exec(query);
    Sha256 hasher;
    QByteArray expected = auditChainStart();
    QByteArray previousLink = expected; // the previous entry's previous_hash
    qint64 previousSeq = 0;
    const auto broken = [&](qint64 seq, const QString &id, AuditBreak reason) {
        result.intact = false;
        result.firstBrokenSeq = seq;
        result.brokenEntryId = id;
        result.reason = reason;
    };
    QString previousId;
    while (query.next()) {
        const QByteArray id = query.value(1).toByteArray();
        const QByteArray before = query.value(7).toByteArray();
        const QByteArray after = query.value(8).toByteArray();
        const QByteArray link = query.value(9).toByteArray();
        const QByteArray stored = query.value(10).toByteArray();
        const QByteArray at = query.value(2).toByteArray(), actor = query.value(3).toByteArray(),
                         action = query.value(4).toByteArray(), type = query.value(5).toByteArray(),
                         entity = query.value(6).toByteArray();
        const qint64 seq = query.value(0).toLongLong();
        const AuditChainFields fields{link, id, at, actor, action, type, entity,
                                      optionalBytes(query, 7, before), optionalBytes(query, 8, after)};
        if (auditChainHash(hasher, fields) != stored) {
            broken(seq, QString::fromUtf8(id), AuditBreak::Edited);
            break;
        }
        if (link != expected) {
            query.finish();
            if (link == previousLink && previousSeq > 0) {
                broken(previousSeq, previousId, AuditBreak::Inserted);
            } else {
                QSqlQuery &successor = workspace.statement(
                    QStringLiteral("SELECT seq FROM audit_entries WHERE previous_hash = ? LIMIT 1"));
                successor.bindValue(0, expected);
                workspace.exec(successor);
                const bool elsewhere = successor.next();
                successor.finish();
                if (elsewhere)
                    broken(seq, QString::fromUtf8(id), AuditBreak::Reordered);
                else if (seq == previousSeq + 1 && previousSeq > 0) // the previous entry was rewritten, hash and all
                    broken(previousSeq, previousId, AuditBreak::Edited);
                else
                    broken(seq, QString::fromUtf8(id), AuditBreak::Deleted);
            }
            break;
        }
        ++result.entriesChecked;
        expected = stored;
        previousLink = link;
        previousSeq = seq;
        previousId = QString::fromUtf8(id);
    }
    query.finish();
    result.headHash = expected;
    return result;
}

QList<AuditEntry> AuditTrail::select(const QString &sql, const QVariantList &values) const
{
    QSqlQuery &query = m_workspace.statement(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values[i]);
    m_workspace.exec(query);
    QList<AuditEntry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    query.finish();
    return entries;
}

QList<AuditEntry> AuditTrail::forEntity(const QString &entityId) const
{
    return select(QStringLiteral("SELECT ") + kChainColumns
                      + QStringLiteral(" FROM audit_entries WHERE entity_id = ? ORDER BY seq"),
                  {entityId});
}

QList<AuditEntry> AuditTrail::after(qint64 seq, int limit) const
{
    return select(QStringLiteral("SELECT ") + kChainColumns
                      + QStringLiteral(" FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?"),
                  {seq, limit});
}

QList<StoredAuditEntry> AuditTrail::storedAfter(qint64 seq, int limit) const
{
    QSqlQuery &query = m_workspace.statement(QStringLiteral("SELECT ") + kChainColumns
                                             + QStringLiteral(" FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?"));
    query.bindValue(0, seq);
    query.bindValue(1, limit);
    m_workspace.exec(query);
    QList<StoredAuditEntry> entries;
    while (query.next()) {
        entries.append({query.value(0).toLongLong(), query.value(1).toByteArray(), query.value(2).toByteArray(),
                        query.value(3).toByteArray(), query.value(4).toByteArray(), query.value(5).toByteArray(),
                        query.value(6).toByteArray(), optionalColumn(query, 7), optionalColumn(query, 8),
                        query.value(9).toByteArray(), query.value(10).toByteArray()});
    }
    query.finish();
    return entries;
}

qint64 AuditTrail::count() const
{
    QSqlQuery query = m_workspace.run(QStringLiteral("SELECT count(*) FROM audit_entries"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

std::optional<AuditEntry> AuditTrail::last() const
{
    const QList<AuditEntry> entries = select(QStringLiteral("SELECT ") + kChainColumns
                                                 + QStringLiteral(" FROM audit_entries ORDER BY seq DESC LIMIT 1"),
                                             {});
    return entries.isEmpty() ? std::nullopt : std::optional<AuditEntry>(entries.first());
}

} // namespace vd
