#include "changelog.h"

#include "caseaccess.h"
#include "entitystore.h"
#include "recordjson.h"
#include "sql.h"
#include "transaction.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QDateTime>

namespace vd {

namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// The records of a case an applicant receives (docs/sync.md): never the
// committee's, the secretariat's checks, or anyone's reviews.
const QString kApplicantCaseTypes = QStringLiteral(
    "'application', 'status_change', 'clarification_request', 'correspondence_entry', 'change_request', "
    "'project_report', 'approval', 'funding_agreement', 'disbursement_milestone', 'payment'");
const QString kCommitteeTypes =
    QStringLiteral("'committee', 'committee_term', 'committee_membership', 'meeting', 'attendance'");
const QString kStaffUsers = QStringLiteral(
    "(c.entity_type = 'user' AND c.entity_id IN (SELECT u.id FROM users AS u WHERE u.role <> 'applicant'))");

// A condition on `sync_changes AS c` for the rows the user receives, and its values.
std::pair<QString, QVariantList> partition(const User &user)
{
    const auto [cases, caseValues] = CaseAccess::condition(user);
    const QString visible = QStringLiteral("(SELECT a.id FROM applications AS a WHERE %1)").arg(cases);
    const QString enterprisesOfVisible =
        QStringLiteral("(c.entity_type = 'enterprise' AND c.entity_id IN "
                       "(SELECT a.enterprise_id FROM applications AS a WHERE %1))").arg(cases);
    switch (CaseAccess::viewOf(user)) {
    case CaseVisibility::Everything:
        return {QStringLiteral("1 = 1"), {}};
    case CaseVisibility::OwnEnterprise:
        // Its own signatures only: a review's signature holds the review.
        return {QStringLiteral("(c.application_id IN %1 AND (c.entity_type IN (%2) OR (c.entity_type = 'signature' AND "
                               "c.owner_id = ?))) OR (c.application_id IS NULL AND "
                               "((c.entity_type = 'enterprise' AND c.entity_id = ?) OR (c.entity_type = 'user' AND "
                               "c.entity_id IN (SELECT u.id FROM users AS u WHERE u.role <> 'applicant' "
                               "OR u.enterprise_id = ?))))").arg(visible, kApplicantCaseTypes),
                caseValues + QVariantList{user.id, user.enterpriseId, user.enterpriseId}};
    case CaseVisibility::CommitteeAgendas: {
        // Its meetings: those of the terms it sits in, and any it attended; its
        // committees are theirs.
        const QString terms = QStringLiteral("(SELECT cm.term_id FROM committee_memberships AS cm WHERE cm.user_id = ?)");
        const QString meetings = QStringLiteral("(SELECT m.id FROM meetings AS m WHERE m.term_id IN %1 OR EXISTS "
                                                "(SELECT 1 FROM meeting_attendance AS ma WHERE ma.meeting_id = m.id "
                                                "AND ma.user_id = ?))").arg(terms);
        const QString committees = QStringLiteral("(SELECT m.committee_id FROM meetings AS m WHERE m.id IN %1)").arg(meetings);
        QVariantList values = caseValues;
        values << user.id << caseValues;
        for (int i = 0; i < 10; ++i) // the declarations, committees, terms, memberships, meetings, attendance
            values << user.id;
        return {QStringLiteral(
                    "(c.application_id IN %1 AND (c.entity_type NOT IN ('review', 'interest_declaration', 'signature') OR c.owner_id = ?)) "
                    "OR (c.application_id IS NULL AND (%2 OR %3 "
                    "OR (c.entity_type = 'interest_declaration' AND c.owner_id = ?) "
                    "OR (c.entity_type = 'committee' AND c.entity_id IN %4) "
                    "OR (c.entity_type = 'committee_term' AND c.entity_id IN (SELECT t.id FROM committee_terms AS t "
                    "WHERE t.committee_id IN %4)) "
                    "OR (c.entity_type = 'committee_membership' AND c.entity_id IN (SELECT cm2.id FROM "
                    "committee_memberships AS cm2 WHERE cm2.term_id IN %5)) "
                    "OR (c.entity_type = 'meeting' AND c.entity_id IN %6) "
                    "OR (c.entity_type = 'attendance' AND c.entity_id IN (SELECT at.id FROM meeting_attendance AS at "
                    "WHERE at.meeting_id IN %6))))")
                    .arg(visible, enterprisesOfVisible, kStaffUsers, committees, terms, meetings),
                values};
    }
    case CaseVisibility::CommitteeOutcome:
    case CaseVisibility::Approved:
        // Those cases with all their records, and the committee's records they refer to.
        return {QStringLiteral("c.application_id IN %1 OR (c.application_id IS NULL AND (%2 OR %3 OR c.entity_type IN (%4)))")
                    .arg(visible, enterprisesOfVisible, kStaffUsers, kCommitteeTypes),
                caseValues + caseValues};
    case CaseVisibility::None:
        break;
    }
    if (user.active && user.role == QLatin1String("administrator"))
        return {QStringLiteral("c.entity_type = 'user' OR (c.entity_type = 'enterprise' AND c.entity_id IN "
                               "(SELECT u.enterprise_id FROM users AS u))"), {}};
    return {QStringLiteral("1 = 0"), {}};
}

const QString kColumns = QStringLiteral("c.seq, c.entity_type, c.entity_id, c.revision, c.deleted, c.payload");

} // namespace

bool ChangeLog::maySync(const User &user)
{
    return partition(user).first != QLatin1String("1 = 0");
}

bool ChangeLog::isPartitioned(const User &user)
{
    return CaseAccess::viewOf(user) != CaseVisibility::Everything;
}

void ChangeLog::enable(Workspace &workspace)
{
    if (sql::scalar(workspace.database(), QStringLiteral("SELECT count(*) FROM sync_change_log")).toInt() > 0) {
        workspace.m_keepsChangeLog = true;
        return;
    }
    Transaction transaction(workspace);
    const EntityStore store(workspace);
    for (const QString &type : EntityStore::entityTypes())
        store.forEachChange(type, [&](const RecordedChange &change) { append(workspace, change); });
    QSqlQuery &enabled = workspace.statement(QStringLiteral("INSERT INTO sync_change_log (singleton, enabled_at) VALUES (1, ?)"));
    sql::bind(enabled, 0, record::instantText(QDateTime::currentDateTimeUtc()));
    workspace.exec(enabled);
    transaction.commit();
    workspace.m_keepsChangeLog = true;
}

void ChangeLog::append(Workspace &workspace, const RecordedChange &change)
{
    sql::Write &remove = workspace.write(QStringLiteral("DELETE FROM sync_changes WHERE entity_type = ? AND entity_id = ?"));
    sql::bind(remove, 0, change.entityType);
    sql::bind(remove, 1, change.entityId);
    remove.exec();
    sql::Write &insert = workspace.write(QStringLiteral(
        "INSERT INTO sync_changes (entity_type, entity_id, revision, deleted, application_id, enterprise_id, owner_id, "
        "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const bool deleted = change.afterJson.isNull();
    sql::bind(insert, 0, change.entityType);
    sql::bind(insert, 1, change.entityId);
    sql::bind(insert, 2, change.revision);
    sql::bind(insert, 3, deleted ? 1 : 0);
    sql::bind(insert, 4, textOrNull(change.applicationId));
    sql::bind(insert, 5, textOrNull(change.enterpriseId));
    sql::bind(insert, 6, textOrNull(change.ownerId));
    if (deleted)
        sql::bind(insert, 7, QVariant(QMetaType::fromType<QString>()));
    else
        insert.bindText(7, change.afterJson);
    insert.exec();
}

qint64 ChangeLog::head() const
{
    QSqlQuery &query = m_workspace.statement(QStringLiteral("SELECT coalesce(max(seq), 0) FROM sync_changes"));
    m_workspace.exec(query);
    const qint64 head = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return head;
}

QList<LoggedChange> ChangeLog::select(const QString &sql, const QVariantList &values) const
{
    QSqlQuery &query = m_workspace.execute(sql, values);
    QList<LoggedChange> changes;
    while (query.next()) {
        LoggedChange &change = changes.emplace_back();
        change.seq = query.value(0).toLongLong();
        change.entityType = query.value(1).toString();
        change.entityId = query.value(2).toString();
        change.revision = query.value(3).toLongLong();
        change.deleted = query.value(4).toInt() != 0;
        change.payload = query.value(5).toByteArray();
    }
    query.finish();
    return changes;
}

ChangePage ChangeLog::pull(const User &user, qint64 cursor, int limit, const QStringList &heldCases) const
{
    ChangePage page;
    // Read in one transaction, so that the head, the page and the view agree.
    m_workspace.run(QStringLiteral("BEGIN"));
    try {
        page.head = head();
        const auto [where, values] = partition(user);
        page.changes = select(QStringLiteral("SELECT %1 FROM sync_changes AS c WHERE c.seq > ? AND c.seq <= ? AND (%2) "
                                             "ORDER BY c.seq LIMIT ?").arg(kColumns, where),
                              QVariantList{cursor, page.head} + values + QVariantList{limit});
        page.more = page.changes.size() == limit;
        page.cursor = page.more ? page.changes.last().seq : page.head;
        if (isPartitioned(user) && cursor > 0) {
            // The held cases, compared with the view in SQL: there may be thousands.
            m_workspace.run(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS sync_held (id TEXT PRIMARY KEY)"));
            m_workspace.run(QStringLiteral("DELETE FROM temp.sync_held"));
            QSqlQuery &hold = m_workspace.statement(QStringLiteral("INSERT OR IGNORE INTO temp.sync_held (id) VALUES (?)"));
            for (const QString &id : heldCases) {
                sql::bind(hold, 0, id);
                m_workspace.exec(hold);
            }
            const auto [cases, caseValues] = CaseAccess::condition(user);
            QSqlQuery &removed = m_workspace.execute(
                QStringLiteral("SELECT h.id FROM temp.sync_held AS h WHERE h.id NOT IN "
                               "(SELECT a.id FROM applications AS a WHERE %1) ORDER BY h.id").arg(cases), caseValues);
            while (removed.next())
                page.removedCases << removed.value(0).toString();
            removed.finish();
            // Cases newly in view, sent whole whatever the cursor: their rows
            // the cursor has passed, and their applicants.
            const QString newCases = QStringLiteral("(SELECT a.id FROM applications AS a WHERE (%1) AND a.id NOT IN "
                                                    "(SELECT id FROM temp.sync_held))").arg(cases);
            page.changes += select(QStringLiteral("SELECT %1 FROM sync_changes AS c WHERE c.seq <= ? AND "
                                                  "(c.application_id IN %2 OR (c.entity_type = 'enterprise' AND c.entity_id IN "
                                                  "(SELECT a.enterprise_id FROM applications AS a WHERE a.id IN %2))) "
                                                  "AND (%3) ORDER BY c.seq").arg(kColumns, newCases, where),
                                   QVariantList{page.cursor} + caseValues + caseValues + values);
        }
        m_workspace.run(QStringLiteral("COMMIT"));
    } catch (...) {
        m_workspace.run(QStringLiteral("ROLLBACK"));
        throw;
    }
    return page;
}

std::optional<LoggedChange> ChangeLog::find(const QString &entityType, const QString &entityId) const
{
    const QList<LoggedChange> found = select(QStringLiteral("SELECT %1 FROM sync_changes AS c WHERE c.entity_type = ? "
                                                            "AND c.entity_id = ?").arg(kColumns),
                                             {entityType, entityId});
    return found.isEmpty() ? std::nullopt : std::optional<LoggedChange>(found.first());
}

} // namespace vd
