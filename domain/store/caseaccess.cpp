#include "caseaccess.h"

#include "workspace.h"

namespace vd {

CaseVisibility CaseAccess::viewOf(const User &user)
{
    const QString &role = user.role;
    if (!user.active)
        return CaseVisibility::None;
    if (role == QLatin1String("applicant"))
        return user.enterpriseId.isEmpty() ? CaseVisibility::None : CaseVisibility::OwnEnterprise;
    if (role == QLatin1String("committee_member") || role == QLatin1String("committee_chair"))
        return CaseVisibility::CommitteeAgendas;
    if (role == QLatin1String("approving_officer"))
        return CaseVisibility::CommitteeOutcome;
    if (role == QLatin1String("finance"))
        return CaseVisibility::Approved;
    if (role == QLatin1String("secretariat") || role == QLatin1String("auditor"))
        return CaseVisibility::Everything;
    return CaseVisibility::None;
}

std::pair<QString, QVariantList> CaseAccess::condition(const User &user)
{
    switch (viewOf(user)) {
    case CaseVisibility::None:
        return {QStringLiteral("0"), {}};
    case CaseVisibility::OwnEnterprise:
        return {QStringLiteral("a.enterprise_id = ?"), {user.enterpriseId}};
    case CaseVisibility::CommitteeAgendas:
        // Its meetings: those of the terms it sat in, and any it attended.
        return {QStringLiteral(
                    "a.id IN (SELECT ai.application_id FROM agenda_items AS ai JOIN meetings AS m ON m.id = ai.meeting_id "
                    "WHERE m.term_id IN (SELECT cm.term_id FROM committee_memberships AS cm WHERE cm.user_id = ?) "
                    "OR EXISTS (SELECT 1 FROM meeting_attendance AS ma WHERE ma.meeting_id = m.id AND ma.user_id = ?)) "
                    "AND NOT EXISTS (SELECT 1 FROM interest_declarations AS d WHERE d.application_id = a.id "
                    "AND d.user_id = ?)"),
                {user.id, user.id, user.id}};
    case CaseVisibility::CommitteeOutcome:
        return {QStringLiteral("EXISTS (SELECT 1 FROM committee_outcomes AS o WHERE o.application_id = a.id)"), {}};
    case CaseVisibility::Approved:
        return {QStringLiteral("a.approved_grant_cents IS NOT NULL"), {}};
    case CaseVisibility::Everything:
        return {QStringLiteral("1 = 1"), {}};
    }
    return {QStringLiteral("1 = 0"), {}};
}

QList<ApplicationSummary> CaseAccess::cases(const User &user, const Page &page) const
{
    auto [where, values] = condition(user);
    values << page.limit << page.offset;
    QSqlQuery &query = m_workspace.execute(
        QStringLiteral("SELECT a.id FROM applications AS a WHERE %1 "
                       "ORDER BY a.submitted IS NULL, a.submitted DESC, a.id LIMIT ? OFFSET ?").arg(where),
        values);
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    query.finish();
    return ApplicationRepository(m_workspace).summaries(ids);
}

qint64 CaseAccess::count(const User &user) const
{
    const auto [where, values] = condition(user);
    QSqlQuery &query = m_workspace.execute(
        QStringLiteral("SELECT count(*) FROM applications AS a WHERE %1").arg(where), values);
    const qint64 count = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return count;
}

bool CaseAccess::sees(const User &user, const QString &applicationId) const
{
    auto [where, values] = condition(user);
    values.prepend(applicationId);
    QSqlQuery &query = m_workspace.execute(
        QStringLiteral("SELECT 1 FROM applications AS a WHERE a.id = ? AND (%1)").arg(where), values);
    const bool found = query.next();
    query.finish();
    return found;
}

bool CaseAccess::seesAttachment(const User &user, const QString &sha256) const
{
    auto [where, values] = condition(user);
    values.prepend(sha256);
    QSqlQuery &query = m_workspace.execute(
        QStringLiteral("SELECT 1 FROM application_attachments AS aa JOIN applications AS a ON a.id = aa.application_id "
                       "WHERE aa.sha256 = ? AND (%1) LIMIT 1").arg(where),
        values);
    const bool found = query.next();
    query.finish();
    return found;
}

} // namespace vd
