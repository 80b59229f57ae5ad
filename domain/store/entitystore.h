#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace vd {

class UnitOfWork;
struct RecordedChange;
class Workspace;

// Any record by its entity type ("application", "review"…, RecordFields<…>::entity)
// and its JSON form (recordjson.h): what sync payloads and import/export
// files carry. Saving goes through the record's repository, so applications
// keep their search text and enterprises their applications' search text.
//
//   vd::EntityStore store(workspace);
//   vd::UnitOfWork work(workspace, QStringLiteral("sync"), vd::ChangeOrigin::Synced);
//   store.save(work, operation.entityType, payload);   // throws DomainError INPUT_ERROR on a bad payload
//   work.commit();
class EntityStore
{
public:
    explicit EntityStore(Workspace &workspace) : m_workspace(workspace) {}

    // The entity types stored on their own, in an order in which each refers
    // only to earlier ones (enterprise before application…), for export.
    static const QStringList &entityTypes();
    // The table a kind of record is stored in (UNKNOWN_ENTITY for an unknown type).
    static QString tableOf(const QString &entityType);

    // Saves the record the JSON describes (revision checked as for its
    // repository), returning the JSON of the record as saved (new revision,
    // ids given). UNKNOWN_ENTITY for an unknown type.
    QJsonObject save(UnitOfWork &work, const QString &entityType, const QJsonObject &record,
                     const QString &action = {});
    // The same, returning only the revision as saved (0 for a kind of record
    // that carries none, as its JSON has none): no JSON is built
    // (a pulled page stores thousands of records and reads none back).
    qint64 write(UnitOfWork &work, const QString &entityType, const QJsonObject &record, const QString &action = {});
    std::optional<QJsonObject> find(const QString &entityType, const QString &id) const;
    // Removes the record and its parts (NOT_FOUND when there is none), recorded as a deletion.
    void remove(UnitOfWork &work, const QString &entityType, const QString &id, const QString &action = {});
    // Calls visit with every record of the type as its creation (with whom it
    // belongs to), by id: how a store that starts keeping the change log
    // writes the rows of the records it already holds.
    void forEachChange(const QString &entityType, const std::function<void(const RecordedChange &)> &visit) const;
    // Calls visit with every record of the type, by id, a page at a time.
    void forEach(const QString &entityType, const std::function<void(const QJsonObject &)> &visit) const;

private:
    Workspace &m_workspace;
};

} // namespace vd
