#include "audittrail.h"

#include "recordjson.h"
#include "sha256.h"
#include "sql.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <charconv>

namespace vd {

namespace {

void addField(Sha256 &hasher, std::optional<QByteArrayView> value)
{
    if (!value) {
        hasher.add("~");
        return;
    }
    char length[24];
    const auto end = std::to_chars(length, length + sizeof length - 1, value->size()).ptr;
    *end = ':';
    hasher.add(QByteArrayView(length, end + 1 - length));
    hasher.add(*value);
}

// Every column of an entry, texts as their stored bytes.
const QString kChainColumns = QStringLiteral(
    "seq, CAST(id AS BLOB), CAST(at AS BLOB), CAST(actor_id AS BLOB), CAST(action AS BLOB), "
    "CAST(entity_type AS BLOB), CAST(entity_id AS BLOB), CAST(before_json AS BLOB), CAST(after_json AS BLOB), "
    "previous_hash, hash");

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

namespace {

QString entryId(Workspace &workspace, qint64 seq)
{
    QSqlQuery &query = workspace.statement(QStringLiteral("SELECT id FROM audit_entries WHERE seq = ?"));
    sql::bind(query, 0, seq);
    workspace.exec(query);
    const QString id = query.next() ? query.value(0).toString() : QString();
    query.finish();
    return id;
}

// Why an entry that hashes correctly does not link to the one before it.
AuditBreak linkBreak(Workspace &workspace, const QByteArray &link, const QByteArray &expected,
                     const QByteArray &previousLink, qint64 seq, qint64 previousSeq, qint64 *brokenSeq)
{
    *brokenSeq = seq;
    if (previousSeq > 0 && link == previousLink) { // it links past the one before: that one was added
        *brokenSeq = previousSeq;
        return AuditBreak::Inserted;
    }
    QSqlQuery &successor = workspace.statement(QStringLiteral("SELECT seq FROM audit_entries WHERE previous_hash = ? LIMIT 1"));
    sql::bind(successor, 0, expected);
    workspace.exec(successor);
    const bool elsewhere = successor.next();
    successor.finish();
    if (elsewhere) // the entry that follows the last good one is further on
        return AuditBreak::Reordered;
    if (previousSeq > 0 && seq == previousSeq + 1) { // no gap: the one before was rewritten, hash and all
        *brokenSeq = previousSeq;
        return AuditBreak::Edited;
    }
    return AuditBreak::Deleted;
}

// The hash of a row of kChainColumns as its contents are now, from its stored previous hash.
QByteArray contentHash(Sha256 &hasher, const QSqlQuery &query)
{
    addField(hasher, query.value(9).toByteArray());
    for (int column = 1; column <= 8; ++column)
        addField(hasher, query.isNull(column) ? std::nullopt
                                              : std::optional<QByteArrayView>(query.value(column).toByteArray()));
    return hasher.result();
}

} // namespace

void forEachAuditEntry(Workspace &workspace, const std::function<void(const AuditEntryHash &)> &visit)
{
    QSqlQuery &query = workspace.statement(QStringLiteral("SELECT ") + kChainColumns
                                           + QStringLiteral(" FROM audit_entries ORDER BY seq"));
    workspace.exec(query);
    Sha256 hasher;
    while (query.next()) {
        const QByteArray id = query.value(1).toByteArray();
        visit({query.value(0).toLongLong(), QString::fromUtf8(id), contentHash(hasher, query)});
    }
    query.finish();
}

AuditVerification verifyAuditChain(Workspace &workspace)
{
    AuditVerification result;
    // Texts are read as BLOBs: their stored UTF-8 bytes, with no conversion.
    QSqlQuery &query = workspace.statement(QStringLiteral("SELECT ") + kChainColumns
                                           + QStringLiteral(" FROM audit_entries ORDER BY seq"));
    workspace.exec(query);
    Sha256 hasher;
    QByteArray expected = auditChainStart();
    QByteArray previousLink = expected; // the previous entry's previous_hash
    qint64 previousSeq = 0;
    while (query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        const QByteArray link = query.value(9).toByteArray();
        const QByteArray stored = query.value(10).toByteArray();
        qint64 brokenSeq = seq;
        if (contentHash(hasher, query) != stored) {
            result.reason = AuditBreak::Edited;
        } else if (link != expected) {
            query.finish();
            result.reason = linkBreak(workspace, link, expected, previousLink, seq, previousSeq, &brokenSeq);
        } else {
            ++result.entriesChecked;
            expected = stored;
            previousLink = link;
            previousSeq = seq;
            continue;
        }
        query.finish();
        result.intact = false;
        result.firstBrokenSeq = brokenSeq;
        result.brokenEntryId = entryId(workspace, brokenSeq);
        break;
    }
    query.finish();
    result.headHash = expected;
    return result;
}

QList<AuditEntry> AuditTrail::select(const QString &sql, const QVariantList &values) const
{
    QSqlQuery &query = m_workspace.execute(sql, values);
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
