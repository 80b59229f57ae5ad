#include "syncreplica.h"

#include "domainerror.h"
#include "entitystore.h"
#include "recordjson.h"
#include "sql.h"
#include "syncstate.h"
#include "transaction.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace vd {

namespace {

const QString kSyncActor = QStringLiteral("sync");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QVariant textOrNull(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromUtf8(bytes));
}

QString now()
{
    return record::instantText(QDateTime::currentDateTimeUtc());
}

// The position of a kind of record among the kinds, parents first.
int orderOf(const QString &entityType)
{
    return int(EntityStore::entityTypes().indexOf(entityType));
}

} // namespace

bool SyncReplica::isMadeByServer(const QString &entityType)
{
    return entityType == QLatin1String("status_change") || entityType == QLatin1String("approval");
}

QStringList SyncReplica::heldCases() const
{
    QSqlQuery &query = m_workspace.statement(QStringLiteral(
        "SELECT id FROM applications UNION SELECT application_id FROM sync_parked WHERE application_id IS NOT NULL"));
    m_workspace.exec(query);
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    query.finish();
    return ids;
}

QSet<QString> SyncReplica::entitiesWithLocalChanges() const
{
    QSqlQuery &query = m_workspace.statement(
        QStringLiteral("SELECT DISTINCT entity_id FROM outbox WHERE state IN ('pending', 'conflict')"));
    m_workspace.exec(query);
    QSet<QString> ids;
    while (query.next())
        ids.insert(query.value(0).toString());
    query.finish();
    return ids;
}

std::optional<std::pair<QString, QString>> SyncReplica::missingReference(const QString &entityType,
                                                                          const QJsonObject &record)
{
    const QString table = EntityStore::tableOf(entityType);
    auto found = m_references.find(table);
    if (found == m_references.end()) {
        QList<std::pair<QString, QString>> references;
        QSqlQuery list = m_workspace.run(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(table));
        while (list.next())
            references.append({list.value(QStringLiteral("from")).toString(), list.value(QStringLiteral("table")).toString()});
        found = m_references.insert(table, references);
    }
    for (const auto &[column, parent] : *found) {
        const QString id = record.value(column).toString();
        if (id.isEmpty())
            continue;
        QSqlQuery &exists = m_workspace.statement(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(parent));
        sql::bind(exists, 0, id);
        m_workspace.exec(exists);
        const bool there = exists.next();
        exists.finish();
        if (!there)
            return std::pair{parent, id};
    }
    return std::nullopt;
}

bool SyncReplica::storeOrPark(const PulledChange &change, UnitOfWork &work, const QSet<QString> &waiting)
{
    Q_UNUSED(waiting);
    QSqlQuery &unpark = m_workspace.statement(QStringLiteral("DELETE FROM sync_parked WHERE entity_type = ? AND entity_id = ?"));
    sql::bind(unpark, 0, change.entityType);
    sql::bind(unpark, 1, change.entityId);
    EntityStore store(m_workspace);
    if (change.deleted) {
        m_workspace.exec(unpark);
        if (store.find(change.entityType, change.entityId))
            store.remove(work, change.entityType, change.entityId, QStringLiteral("removed_by_back_office"));
        return true;
    }
    if (const auto missing = missingReference(change.entityType, change.record)) {
        m_workspace.exec(unpark);
        QSqlQuery &park = m_workspace.statement(QStringLiteral(
            "INSERT INTO sync_parked (entity_type, entity_id, revision, application_id, waiting_table, waiting_id, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        sql::bind(park, 0, change.entityType);
        sql::bind(park, 1, change.entityId);
        sql::bind(park, 2, change.revision);
        const QString application = change.entityType == QLatin1String("application")
            ? change.entityId : change.record.value(QStringLiteral("application_id")).toString();
        sql::bind(park, 3, application.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(application));
        sql::bind(park, 4, missing->first);
        sql::bind(park, 5, missing->second);
        sql::bind(park, 6, QString::fromUtf8(compact(change.record)));
        m_workspace.exec(park);
        return false;
    }
    if (change.entityType == QLatin1String("application")) {
        // A provisional reference given here gives way to the back office's.
        const QString reference = change.record.value(QStringLiteral("reference")).toString();
        if (!reference.isEmpty()) {
            QSqlQuery &release = m_workspace.statement(
                QStringLiteral("UPDATE applications SET reference = NULL WHERE reference = ? AND id <> ?"));
            sql::bind(release, 0, reference);
            sql::bind(release, 1, change.entityId);
            m_workspace.exec(release);
        }
    }
    store.write(work, change.entityType, change.record, QStringLiteral("pulled"));
    m_workspace.exec(unpark);
    return true;
}

void SyncReplica::retryParked(UnitOfWork &work, const QSet<QString> &waiting, AppliedPage &applied)
{
    // Parents first; again while a pass stores anything, as parked records may
    // wait for each other. Only those whose awaited record is here are read.
    for (bool progress = true; progress;) {
        progress = false;
        QStringList tables; // from PRAGMA foreign_key_list, never from a request
        QSqlQuery waited = m_workspace.run(QStringLiteral("SELECT DISTINCT waiting_table FROM sync_parked"));
        while (waited.next())
            tables << waited.value(0).toString();
        waited.finish();
        QList<PulledChange> parked;
        for (const QString &table : tables) {
            QSqlQuery &select = m_workspace.statement(QStringLiteral(
                "SELECT p.entity_type, p.entity_id, p.revision, p.payload FROM sync_parked AS p WHERE p.waiting_table = ? "
                "AND EXISTS (SELECT 1 FROM %1 AS t WHERE t.id = p.waiting_id)").arg(table));
            sql::bind(select, 0, table);
            m_workspace.exec(select);
            while (select.next()) {
                PulledChange &change = parked.emplace_back();
                change.entityType = select.value(0).toString();
                change.entityId = select.value(1).toString();
                change.revision = select.value(2).toLongLong();
                change.record = QJsonDocument::fromJson(select.value(3).toString().toUtf8()).object();
            }
            select.finish();
        }
        std::stable_sort(parked.begin(), parked.end(), [](const PulledChange &a, const PulledChange &b) {
            return orderOf(a.entityType) < orderOf(b.entityType);
        });
        for (const PulledChange &change : parked) {
            // Stored, or parked again waiting for its next missing reference.
            if (storeOrPark(change, work, waiting)) {
                ++applied.stored;
                --applied.parked;
                progress = true;
            }
        }
    }
}

void SyncReplica::removeCase(const QString &applicationId)
{
    static const QStringList tables = [this] {
        QStringList found;
        for (const QString &type : EntityStore::entityTypes()) {
            const QString table = EntityStore::tableOf(type);
            QSqlQuery columns = m_workspace.run(QStringLiteral("PRAGMA table_info(%1)").arg(table));
            while (columns.next()) {
                if (columns.value(QStringLiteral("name")).toString() == QLatin1String("application_id"))
                    found << table;
            }
        }
        return found;
    }();
    for (const QString &table : tables) {
        QSqlQuery &remove = m_workspace.statement(QStringLiteral("DELETE FROM %1 WHERE application_id = ?").arg(table));
        sql::bind(remove, 0, applicationId);
        m_workspace.exec(remove);
    }
    for (const QString &sql : {QStringLiteral("DELETE FROM applications WHERE id = ?"),
                               QStringLiteral("DELETE FROM sync_parked WHERE application_id = ?")}) {
        QSqlQuery &remove = m_workspace.statement(sql);
        sql::bind(remove, 0, applicationId);
        m_workspace.exec(remove);
    }
}

AppliedPage SyncReplica::applyPage(const QList<PulledChange> &changes, const QStringList &removedCases, qint64 cursor,
                                   const QString &serverUrl, const QString &userId)
{
    AppliedPage applied;
    UnitOfWork work(m_workspace, kSyncActor, ChangeOrigin::Synced);
    const QSet<QString> waiting = entitiesWithLocalChanges();
    for (const QString &id : removedCases) {
        removeCase(id);
        ++applied.removedCases;
    }
    bool parkedAny = false;
    for (const PulledChange &change : changes) {
        if (waiting.contains(change.entityId)) {
            // Kept for the person; a conflict of it now shows the back office's latest version.
            QSqlQuery &update = m_workspace.statement(QStringLiteral(
                "UPDATE sync_conflicts SET server_record = ?, server_revision = ? WHERE entity_type = ? AND entity_id = ?"));
            sql::bind(update, 0, change.deleted ? QVariant(QMetaType::fromType<QString>())
                                                : QVariant(QString::fromUtf8(compact(change.record))));
            sql::bind(update, 1, change.revision);
            sql::bind(update, 2, change.entityType);
            sql::bind(update, 3, change.entityId);
            m_workspace.exec(update);
            ++applied.keptLocal;
            continue;
        }
        if (storeOrPark(change, work, waiting)) {
            ++applied.stored;
        } else {
            ++applied.parked;
            parkedAny = true;
        }
    }
    if (parkedAny || applied.stored > 0)
        retryParked(work, waiting, applied);
    SyncState state = loadSyncState(m_workspace);
    state.pullCursor = cursor;
    state.lastPullAt = QDateTime::currentDateTimeUtc();
    state.serverUrl = serverUrl;
    state.userId = userId;
    saveSyncState(m_workspace, state);
    work.commit();
    return applied;
}

void SyncReplica::storeServerVersion(UnitOfWork &work, const QString &entityType, const QString &entityId,
                                     const std::optional<QJsonObject> &record)
{
    EntityStore store(m_workspace);
    if (record && !record->isEmpty()) {
        store.write(work, entityType, *record, QStringLiteral("pulled"));
    } else if (store.find(entityType, entityId)) {
        store.remove(work, entityType, entityId, QStringLiteral("removed_by_back_office"));
    }
}

void SyncReplica::recordAnswers(const QList<PushAnswer> &answers, const QList<qint64> &settledNumbers)
{
    UnitOfWork work(m_workspace, kSyncActor, ChangeOrigin::Synced);
    QSqlQuery &done = m_workspace.statement(QStringLiteral("DELETE FROM outbox WHERE operation_number = ?"));
    QSqlQuery &keep = m_workspace.statement(QStringLiteral(
        "UPDATE outbox SET state = ?, result_reason = ?, acknowledged_at = ? WHERE operation_number = ?"));
    for (const PushAnswer &answer : answers) {
        if (answer.state == QLatin1String("applied") || answer.state == QLatin1String("duplicate")) {
            sql::bind(done, 0, answer.operationNumber);
            m_workspace.exec(done);
            continue;
        }
        if (answer.state != QLatin1String("conflict") && answer.state != QLatin1String("rejected"))
            throw DomainError(QStringLiteral("INPUT_ERROR"), QString::number(answer.operationNumber),
                              tr("the back office answered \"%1\" for a queued change, which this program does not know")
                                  .arg(answer.state));
        sql::bind(keep, 0, answer.state);
        sql::bind(keep, 1, answer.reason);
        sql::bind(keep, 2, now());
        sql::bind(keep, 3, answer.operationNumber);
        m_workspace.exec(keep);
        QSqlQuery &entry = m_workspace.execute(
            QStringLiteral("SELECT o.entity_type, o.entity_id, CAST(a.after_json AS BLOB) FROM outbox AS o "
                           "JOIN audit_entries AS a ON a.seq = o.operation_number WHERE o.operation_number = ?"),
            {answer.operationNumber});
        QString type, id;
        QByteArray local;
        if (entry.next()) {
            type = entry.value(0).toString();
            id = entry.value(1).toString();
            local = entry.value(2).toByteArray();
        }
        entry.finish();
        if (type.isEmpty())
            continue;
        if (answer.state == QLatin1String("conflict")) {
            m_workspace.execute(QStringLiteral("DELETE FROM sync_conflicts WHERE operation_number = ?"), {answer.operationNumber})
                .finish();
            m_workspace
                .execute(QStringLiteral("INSERT INTO sync_conflicts (operation_number, entity_type, entity_id, local_record, "
                                        "server_record, server_revision, code, reason, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                         {answer.operationNumber, type, id, textOrNull(local),
                          textOrNull(answer.serverRecord ? compact(*answer.serverRecord) : QByteArray()),
                          answer.serverRevision, answer.code, answer.reason, now()})
                .finish();
            continue;
        }
        // Rejected: the back office's version takes the local one's place,
        // unless another local change of the record is still waiting.
        QSqlQuery &others = m_workspace.execute(
            QStringLiteral("SELECT count(*) FROM outbox WHERE entity_id = ? AND state IN ('pending', 'conflict') "
                           "AND operation_number <> ?"), {id, answer.operationNumber});
        const bool othersWaiting = others.next() && others.value(0).toLongLong() > 0;
        others.finish();
        if (answer.serverRecord && !othersWaiting)
            storeServerVersion(work, type, id, answer.serverRecord);
    }
    // Provisional records only the back office makes: its own come with the next pull.
    for (const qint64 number : settledNumbers) {
        QSqlQuery &entry = m_workspace.execute(
            QStringLiteral("SELECT entity_type, entity_id FROM outbox WHERE operation_number = ?"), {number});
        QString type, id;
        if (entry.next()) {
            type = entry.value(0).toString();
            id = entry.value(1).toString();
        }
        entry.finish();
        sql::bind(done, 0, number);
        m_workspace.exec(done);
        EntityStore store(m_workspace);
        if (!type.isEmpty() && store.find(type, id))
            store.remove(work, type, id, QStringLiteral("replaced_by_back_office"));
    }
    SyncState state = loadSyncState(m_workspace);
    state.lastPushAt = QDateTime::currentDateTimeUtc();
    saveSyncState(m_workspace, state);
    work.commit();
}

QList<SyncConflict> SyncReplica::conflicts() const
{
    QSqlQuery &query = m_workspace.statement(QStringLiteral(
        "SELECT operation_number, entity_type, entity_id, local_record, server_record, server_revision, code, reason, "
        "found_at FROM sync_conflicts ORDER BY operation_number"));
    m_workspace.exec(query);
    QList<SyncConflict> conflicts;
    while (query.next()) {
        SyncConflict &c = conflicts.emplace_back();
        c.operationNumber = query.value(0).toLongLong();
        c.entityType = query.value(1).toString();
        c.entityId = query.value(2).toString();
        c.localRecord = query.value(3).toString().toUtf8();
        c.serverRecord = query.value(4).toString().toUtf8();
        c.serverRevision = query.value(5).toLongLong();
        c.code = query.value(6).toString();
        c.reason = query.value(7).toString();
        c.foundAt = record::instantFromText(query.value(8).toString());
    }
    query.finish();
    return conflicts;
}

qint64 SyncReplica::conflictCount() const
{
    QSqlQuery query = m_workspace.run(QStringLiteral("SELECT count(*) FROM sync_conflicts"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

SyncConflict SyncReplica::conflict(qint64 operationNumber) const
{
    for (const SyncConflict &each : conflicts()) {
        if (each.operationNumber == operationNumber)
            return each;
    }
    throw DomainError(QStringLiteral("NOT_FOUND"), QString::number(operationNumber),
                      tr("there is no conflict for change %1; it may have been resolved already").arg(operationNumber));
}

void SyncReplica::keepMine(qint64 operationNumber, const QString &actorId)
{
    const SyncConflict c = conflict(operationNumber);
    const std::optional<QJsonObject> server = c.serverRecord.isEmpty()
        ? std::nullopt : std::optional<QJsonObject>(QJsonDocument::fromJson(c.serverRecord).object());
    WriteBatch batch(m_workspace);
    {
        UnitOfWork synced(m_workspace, kSyncActor, ChangeOrigin::Synced);
        storeServerVersion(synced, c.entityType, c.entityId, server);
        synced.commit();
    }
    {
        // Made again on the back office's version: queued with its revision as the base.
        UnitOfWork local(m_workspace, actorId, ChangeOrigin::Local);
        EntityStore store(m_workspace);
        if (!c.localRecord.isEmpty()) {
            QJsonObject mine = QJsonDocument::fromJson(c.localRecord).object();
            mine.insert(QStringLiteral("revision"), server ? c.serverRevision : 0);
            store.write(local, c.entityType, mine, QStringLiteral("keep_mine"));
        } else if (store.find(c.entityType, c.entityId)) {
            store.remove(local, c.entityType, c.entityId, QStringLiteral("keep_mine"));
        }
        local.commit();
    }
    for (const QString &sql : {QStringLiteral("DELETE FROM outbox WHERE operation_number = ?"),
                               QStringLiteral("DELETE FROM sync_conflicts WHERE operation_number = ?")})
        m_workspace.execute(sql, {operationNumber}).finish();
    batch.commit();
}

void SyncReplica::takeTheirs(qint64 operationNumber)
{
    const SyncConflict c = conflict(operationNumber);
    UnitOfWork work(m_workspace, kSyncActor, ChangeOrigin::Synced);
    storeServerVersion(work, c.entityType, c.entityId,
                       c.serverRecord.isEmpty() ? std::nullopt
                                                : std::optional<QJsonObject>(QJsonDocument::fromJson(c.serverRecord).object()));
    for (const QString &sql : {QStringLiteral("DELETE FROM outbox WHERE operation_number = ?"),
                               QStringLiteral("DELETE FROM sync_conflicts WHERE operation_number = ?")})
        m_workspace.execute(sql, {operationNumber}).finish();
    work.commit();
}

void SyncReplica::dismissRejected(qint64 operationNumber)
{
    Transaction transaction(m_workspace);
    m_workspace.execute(QStringLiteral("DELETE FROM outbox WHERE operation_number = ? AND state = 'rejected'"),
                        {operationNumber}).finish();
    transaction.commit();
}

} // namespace vd
