#include "applicationrepository.h"

#include "applicationsearch.h"
#include "recordtable.h"

namespace vd {

using store::Column;
using store::Records;

namespace {

const QString kSummaryColumns = QStringLiteral(
    "a.id, a.revision, a.reference, a.status, a.title_en, a.title_zh, a.enterprise_id, e.name_en, e.name_zh, "
    "e.sector, a.solution_category, a.submitted, a.case_officer_id, "
    "(SELECT coalesce(sum(i.amount_cents), 0) FROM application_items AS i WHERE i.application_id = a.id), "
    "a.approved_grant_cents, a.updated_at");
const QString kFrom = QStringLiteral(" FROM applications AS a LEFT JOIN enterprises AS e ON e.id = a.enterprise_id");

ApplicationSummary summaryFrom(const QSqlQuery &query)
{
    ApplicationSummary summary;
    int pos = 0;
    Column<QString>::read(query, pos, summary.id);
    Column<qint64>::read(query, pos, summary.revision);
    Column<QString>::read(query, pos, summary.reference);
    Column<QString>::read(query, pos, summary.status);
    Column<BilingualText>::read(query, pos, summary.title);
    Column<QString>::read(query, pos, summary.enterpriseId);
    Column<BilingualText>::read(query, pos, summary.enterpriseName);
    Column<QString>::read(query, pos, summary.sector);
    Column<QString>::read(query, pos, summary.solutionCategory);
    Column<std::optional<QDate>>::read(query, pos, summary.submitted);
    Column<QString>::read(query, pos, summary.caseOfficerId);
    Column<Money>::read(query, pos, summary.totalCost);
    Column<std::optional<Money>>::read(query, pos, summary.approvedGrant);
    Column<QDateTime>::read(query, pos, summary.updatedAt);
    return summary;
}

// The WHERE clause of a filter, with its values.
std::pair<QString, QVariantList> conditionsOf(const ApplicationFilter &filter)
{
    auto [conditions, values] = ApplicationRepository::conditions(filter);
    return {conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions, values};
}

} // namespace

std::pair<QString, QVariantList> ApplicationRepository::conditions(const ApplicationFilter &filter)
{
    QStringList conditions;
    QVariantList values;
    const auto add = [&](const QString &condition, const QVariant &value) {
        conditions << condition;
        values << value;
    };
    if (!filter.statuses.isEmpty()) {
        conditions << QStringLiteral("a.status IN (%1)").arg(store::placeholders(filter.statuses.size()));
        for (const QString &status : filter.statuses)
            values << status;
    }
    if (!filter.sector.isEmpty())
        add(QStringLiteral("e.sector = ?"), filter.sector);
    if (!filter.solutionCategory.isEmpty())
        add(QStringLiteral("a.solution_category = ?"), filter.solutionCategory);
    if (!filter.caseOfficerId.isEmpty())
        add(QStringLiteral("a.case_officer_id = ?"), filter.caseOfficerId);
    if (!filter.enterpriseId.isEmpty())
        add(QStringLiteral("a.enterprise_id = ?"), filter.enterpriseId);
    if (filter.submittedFrom)
        add(QStringLiteral("a.submitted >= ?"), record::dateText(*filter.submittedFrom));
    if (filter.submittedTo)
        add(QStringLiteral("a.submitted <= ?"), record::dateText(*filter.submittedTo));
    if (filter.clarificationOverdueOn)
        add(QStringLiteral("EXISTS (SELECT 1 FROM clarification_requests AS c WHERE c.application_id = a.id "
                           "AND c.answered_at IS NULL AND c.due_on < ?)"),
            record::dateText(*filter.clarificationOverdueOn));
    return {conditions.join(QStringLiteral(" AND ")), values};
}

namespace {

QString orderBy(ApplicationOrder order)
{
    switch (order) {
    case ApplicationOrder::SubmittedOldestFirst:
        return QStringLiteral(" ORDER BY a.submitted, a.reference, a.id");
    case ApplicationOrder::SubmittedNewestFirst:
        return QStringLiteral(" ORDER BY a.submitted DESC, a.reference DESC, a.id DESC");
    case ApplicationOrder::Reference:
        return QStringLiteral(" ORDER BY a.reference, a.id");
    }
    return {};
}

} // namespace

void ApplicationRepository::save(UnitOfWork &work, Application &application, const QString &action)
{
    Application stamped = application;
    stamp(stamped, work.at());
    Records<Application>::save(work, stamped, action);
    ApplicationSearch::index(work, stamped);
    application = std::move(stamped);
}

void ApplicationRepository::stamp(Application &application, const QDateTime &now)
{
    if (!application.createdAt.isValid())
        application.createdAt = now;
    application.updatedAt = now;
}

std::optional<Application> ApplicationRepository::find(const QString &id) const
{
    return Records<Application>::find(m_workspace, id);
}

std::optional<Application> ApplicationRepository::findByReference(const QString &reference) const
{
    const QList<Application> found = Records<Application>::where(m_workspace, QStringLiteral("reference = ?"), {reference});
    return found.isEmpty() ? std::nullopt : std::optional<Application>(found.first());
}

QList<ApplicationSummary> ApplicationRepository::list(const ApplicationFilter &filter, const Page &page,
                                                      ApplicationOrder order) const
{
    auto [where, values] = conditionsOf(filter);
    values << page.limit << page.offset;
    QSqlQuery &query = m_workspace.execute(QStringLiteral("SELECT ") + kSummaryColumns + kFrom + where + orderBy(order)
                                               + QStringLiteral(" LIMIT ? OFFSET ?"),
                                           values);
    QList<ApplicationSummary> summaries;
    while (query.next())
        summaries.append(summaryFrom(query));
    query.finish();
    return summaries;
}

qint64 ApplicationRepository::count(const ApplicationFilter &filter) const
{
    const auto [where, values] = conditionsOf(filter);
    QSqlQuery &query = m_workspace.execute(QStringLiteral("SELECT count(*)") + kFrom + where, values);
    const qint64 count = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return count;
}

QList<StatusCount> ApplicationRepository::countByStatus(const ApplicationFilter &filter) const
{
    const auto [where, values] = conditionsOf(filter);
    QSqlQuery &query = m_workspace.execute(
        QStringLiteral("SELECT a.status, count(*), coalesce(sum(t.total), 0), coalesce(sum(a.approved_grant_cents), 0)")
        + kFrom
        + QStringLiteral(" LEFT JOIN (SELECT application_id, sum(amount_cents) AS total FROM application_items "
                         "GROUP BY application_id) AS t ON t.application_id = a.id")
        + where + QStringLiteral(" GROUP BY a.status ORDER BY a.status"), values);
    QList<StatusCount> counts;
    while (query.next())
        counts.append({query.value(0).toString(), query.value(1).toLongLong(), Money::fromCents(query.value(2).toLongLong()),
                       Money::fromCents(query.value(3).toLongLong())});
    query.finish();
    return counts;
}

QList<ApplicationSummary> ApplicationRepository::summaries(const QStringList &ids) const
{
    if (ids.isEmpty())
        return {};
    QSqlQuery &query = m_workspace.statement(QStringLiteral("SELECT ") + kSummaryColumns + kFrom
                                             + QStringLiteral(" WHERE a.id IN (%1)").arg(store::placeholders(ids.size())));
    for (int i = 0; i < ids.size(); ++i)
        sql::bind(query, i, ids[i]);
    m_workspace.exec(query);
    QHash<QString, ApplicationSummary> byId;
    while (query.next()) {
        ApplicationSummary summary = summaryFrom(query);
        byId.insert(summary.id, summary);
    }
    query.finish();
    QList<ApplicationSummary> ordered;
    for (const QString &id : ids) {
        const auto found = byId.constFind(id);
        if (found != byId.constEnd())
            ordered.append(*found);
    }
    return ordered;
}

void ApplicationRepository::recordStatusChange(UnitOfWork &work, StatusChange &change, const QString &action)
{
    Records<StatusChange>::save(work, change, action.isEmpty() ? change.action : action);
}

QList<StatusChange> ApplicationRepository::statusChanges(const QString &applicationId) const
{
    return Records<StatusChange>::where(m_workspace, QStringLiteral("application_id = ?"), {applicationId});
}

} // namespace vd
