#include "entitystore.h"

#include "applicationrepository.h"
#include "enterpriserepository.h"
#include "recordtable.h"

#include <QCoreApplication>

namespace vd {

using store::Records;

namespace {

// What the store does with one kind of record, type-erased.
struct Kind
{
    QString entityType;
    QString table;
    // Saves the record; returns its JSON as saved when `asSaved` is given.
    std::function<qint64(Workspace &, UnitOfWork &, const QJsonObject &, const QString &, QJsonObject *asSaved)> save;
    std::function<std::optional<QJsonObject>(Workspace &, const QString &)> find;
    std::function<QList<QJsonObject>(Workspace &, const Page &)> page;
    std::function<void(UnitOfWork &, const QString &, const QString &)> remove;
    std::function<void(Workspace &, const std::function<void(const RecordedChange &)> &)> forEachChange;
};

template <typename Record>
void defaultSave(Workspace &, UnitOfWork &work, Record &record, const QString &action)
{
    Records<Record>::save(work, record, action);
}

void defaultSave(Workspace &workspace, UnitOfWork &work, Enterprise &record, const QString &action)
{
    EnterpriseRepository(workspace).save(work, record, action);
}

void defaultSave(Workspace &workspace, UnitOfWork &work, Application &record, const QString &action)
{
    ApplicationRepository(workspace).save(work, record, action);
}

template <typename Record>
Kind kind()
{
    return {QString::fromLatin1(RecordFields<Record>::entity), QString::fromLatin1(store::Table<Record>::name),
            [](Workspace &workspace, UnitOfWork &work, const QJsonObject &json, const QString &action,
               QJsonObject *asSaved) -> qint64 {
                Record record = record::fromJson<Record>(json);
                defaultSave(workspace, work, record, action);
                if (asSaved)
                    *asSaved = record::toJson(record);
                if constexpr (requires { record.revision; })
                    return record.revision;
                else
                    return 0; // as its JSON: a record without a revision member carries none
            },
            [](Workspace &workspace, const QString &id) -> std::optional<QJsonObject> {
                const std::optional<Record> found = Records<Record>::find(workspace, id);
                return found ? std::optional<QJsonObject>(record::toJson(*found)) : std::nullopt;
            },
            [](Workspace &workspace, const Page &page) {
                QList<QJsonObject> objects;
                for (const Record &record : Records<Record>::where(workspace, QStringLiteral("1"), {}, page))
                    objects.append(record::toJson(record));
                return objects;
            },
            [](UnitOfWork &work, const QString &id, const QString &action) { Records<Record>::remove(work, id, action); },
            [](Workspace &workspace, const std::function<void(const RecordedChange &)> &visit) {
                constexpr int kPage = 500;
                QString last;
                for (;;) {
                    const QList<Record> page = Records<Record>::after(workspace, last, kPage);
                    for (const Record &record : page) {
                        qint64 revision = 1;
                        if constexpr (requires { record.revision; })
                            revision = record.revision;
                        else
                            revision = Records<Record>::revisionOf(workspace, record.id).value_or(1);
                        visit(store::recordedChange(QStringLiteral("create"), record, QByteArray(),
                                                    record::toCompactJson(record), 0, revision));
                    }
                    if (page.size() < kPage)
                        return;
                    last = page.last().id;
                }
            }};
}

// In an order in which each kind refers only to kinds before it.
const QList<Kind> &kinds()
{
    static const QList<Kind> all{
        kind<Enterprise>(), kind<EnterpriseRelation>(), kind<User>(), kind<Application>(), kind<StatusChange>(),
        kind<ClarificationRequest>(), kind<CorrespondenceEntry>(), kind<EligibilityCheck>(), kind<ChangeRequest>(), kind<SiteCheck>(),
        kind<ProjectReport>(), kind<Committee>(), kind<CommitteeTerm>(), kind<CommitteeMembership>(),
        kind<Meeting>(), kind<InterestDeclaration>(), kind<AgendaItem>(), kind<Attendance>(), kind<Review>(),
        kind<CommitteeOutcome>(), kind<Approval>(), kind<FundingAgreement>(), kind<DisbursementMilestone>(),
        kind<Payment>(), kind<Signature>()};
    return all;
}

const Kind &kindOf(const QString &entityType)
{
    for (const Kind &candidate : kinds()) {
        if (candidate.entityType == entityType)
            return candidate;
    }
    throw DomainError(QStringLiteral("UNKNOWN_ENTITY"), entityType,
                      QCoreApplication::translate("vd::EntityStore", "there is no kind of record called \"%1\"")
                          .arg(entityType));
}

} // namespace

const QStringList &EntityStore::entityTypes()
{
    static const QStringList types = [] {
        QStringList result;
        for (const Kind &each : kinds())
            result << each.entityType;
        return result;
    }();
    return types;
}

QJsonObject EntityStore::save(UnitOfWork &work, const QString &entityType, const QJsonObject &record,
                              const QString &action)
{
    QJsonObject saved;
    kindOf(entityType).save(m_workspace, work, record, action, &saved);
    return saved;
}

qint64 EntityStore::write(UnitOfWork &work, const QString &entityType, const QJsonObject &record, const QString &action)
{
    return kindOf(entityType).save(m_workspace, work, record, action, nullptr);
}

std::optional<QJsonObject> EntityStore::find(const QString &entityType, const QString &id) const
{
    return kindOf(entityType).find(m_workspace, id);
}

QString EntityStore::tableOf(const QString &entityType)
{
    return kindOf(entityType).table;
}

void EntityStore::remove(UnitOfWork &work, const QString &entityType, const QString &id, const QString &action)
{
    kindOf(entityType).remove(work, id, action);
}

void EntityStore::forEachChange(const QString &entityType,
                                const std::function<void(const RecordedChange &)> &visit) const
{
    kindOf(entityType).forEachChange(m_workspace, visit);
}

void EntityStore::forEach(const QString &entityType, const std::function<void(const QJsonObject &)> &visit) const
{
    const Kind &each = kindOf(entityType);
    constexpr int kPage = 500;
    for (int offset = 0;; offset += kPage) {
        const QList<QJsonObject> page = each.page(m_workspace, Page{kPage, offset});
        for (const QJsonObject &object : page)
            visit(object);
        if (page.size() < kPage)
            return;
    }
}

} // namespace vd
