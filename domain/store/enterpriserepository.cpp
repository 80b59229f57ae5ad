#include "enterpriserepository.h"

#include "applicationsearch.h"
#include "recordtable.h"

namespace vd {

using store::Records;

void EnterpriseRepository::save(UnitOfWork &work, Enterprise &enterprise, const QString &action)
{
    const bool known = Records<Enterprise>::revisionOf(m_workspace, enterprise.id).has_value();
    Records<Enterprise>::save(work, enterprise, action);
    if (known) // a new enterprise has no applications yet
        ApplicationSearch::reindexEnterprise(work, enterprise.id);
}

void EnterpriseRepository::save(UnitOfWork &work, EnterpriseRelation &relation, const QString &action)
{
    Records<EnterpriseRelation>::save(work, relation, action);
}

std::optional<Enterprise> EnterpriseRepository::find(const QString &id) const
{
    return Records<Enterprise>::find(m_workspace, id);
}

std::optional<Enterprise> EnterpriseRepository::findByBrNumber(const QString &brNumber) const
{
    const QList<Enterprise> found = Records<Enterprise>::where(m_workspace, QStringLiteral("br_number = ?"), {brNumber});
    return found.isEmpty() ? std::nullopt : std::optional<Enterprise>(found.first());
}

QList<Enterprise> EnterpriseRepository::list(int limit, int offset) const
{
    return Records<Enterprise>::where(m_workspace, QStringLiteral("1"), {}, Page{limit, offset});
}

qint64 EnterpriseRepository::count() const
{
    QSqlQuery query = m_workspace.run(QStringLiteral("SELECT count(*) FROM enterprises"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

QList<EnterpriseRelation> EnterpriseRepository::relations(const QString &enterpriseId) const
{
    return Records<EnterpriseRelation>::where(
        m_workspace, QStringLiteral("enterprise_id = ? OR related_enterprise_id = ?"), {enterpriseId, enterpriseId});
}

QList<ApplicationHistoryEntry> EnterpriseRepository::history(const QString &enterpriseId) const
{
    QSqlQuery &query = m_workspace.statement(QStringLiteral(
        "SELECT reference, submitted, status, approved_grant_cents, final_grant_cents FROM applications "
        "WHERE enterprise_id = ? AND reference IS NOT NULL ORDER BY submitted, reference"));
    sql::bind(query, 0, enterpriseId);
    m_workspace.exec(query);
    QList<ApplicationHistoryEntry> history;
    while (query.next()) {
        ApplicationHistoryEntry &entry = history.emplace_back();
        int pos = 0;
        store::Column<QString>::read(query, pos, entry.reference);
        store::Column<QDate>::read(query, pos, entry.submitted);
        store::Column<QString>::read(query, pos, entry.status);
        std::optional<Money> approved;
        store::Column<std::optional<Money>>::read(query, pos, approved);
        entry.approvedGrant = approved.value_or(Money());
        store::Column<std::optional<Money>>::read(query, pos, entry.finalGrant);
    }
    query.finish();
    return history;
}

QList<RelatedEnterprise> EnterpriseRepository::relatedEnterprises(const QString &enterpriseId) const
{
    QSqlQuery &query = m_workspace.statement(QStringLiteral(
        "SELECT e.id, e.br_number, r.common_ownership_bp FROM enterprise_relations AS r "
        "JOIN enterprises AS e ON e.id = CASE WHEN r.enterprise_id = ? THEN r.related_enterprise_id "
        "ELSE r.enterprise_id END "
        "WHERE r.enterprise_id = ? OR r.related_enterprise_id = ? ORDER BY e.br_number"));
    for (int i = 0; i < 3; ++i)
        sql::bind(query, i, enterpriseId);
    m_workspace.exec(query);
    QList<std::pair<QString, RelatedEnterprise>> related;
    while (query.next())
        related.append({query.value(0).toString(),
                        {query.value(1).toString(), Percentage::fromHundredths(query.value(2).toInt()), {}}});
    query.finish();
    QList<RelatedEnterprise> result;
    for (auto &[id, enterprise] : related) {
        enterprise.history = history(id);
        result.append(enterprise);
    }
    return result;
}

} // namespace vd
