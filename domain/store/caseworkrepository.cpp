#include "caseworkrepository.h"

#include "recordtable.h"

namespace vd {

using store::Records;

void CaseworkRepository::save(UnitOfWork &work, ClarificationRequest &request, const QString &action)
{
    Records<ClarificationRequest>::save(work, request, action);
}

void CaseworkRepository::save(UnitOfWork &work, CorrespondenceEntry &entry, const QString &action)
{
    Records<CorrespondenceEntry>::save(work, entry, action);
}

void CaseworkRepository::save(UnitOfWork &work, EligibilityCheck &check, const QString &action)
{
    Records<EligibilityCheck>::save(work, check, action);
}

void CaseworkRepository::save(UnitOfWork &work, ChangeRequest &request, const QString &action)
{
    Records<ChangeRequest>::save(work, request, action);
}

void CaseworkRepository::save(UnitOfWork &work, SiteCheck &check, const QString &action)
{
    Records<SiteCheck>::save(work, check, action);
}

void CaseworkRepository::save(UnitOfWork &work, ProjectReport &report, const QString &action)
{
    Records<ProjectReport>::save(work, report, action);
}

template <CaseworkRecord Record>
std::optional<Record> CaseworkRepository::find(const QString &id) const
{
    return Records<Record>::find(m_workspace, id);
}

template <CaseworkRecord Record>
QList<Record> CaseworkRepository::forApplication(const QString &applicationId) const
{
    return Records<Record>::where(m_workspace, QStringLiteral("application_id = ?"), {applicationId});
}

template std::optional<ClarificationRequest> CaseworkRepository::find(const QString &) const;
template std::optional<CorrespondenceEntry> CaseworkRepository::find(const QString &) const;
template std::optional<EligibilityCheck> CaseworkRepository::find(const QString &) const;
template std::optional<ChangeRequest> CaseworkRepository::find(const QString &) const;
template std::optional<SiteCheck> CaseworkRepository::find(const QString &) const;
template std::optional<ProjectReport> CaseworkRepository::find(const QString &) const;
template QList<ClarificationRequest> CaseworkRepository::forApplication(const QString &) const;
template QList<CorrespondenceEntry> CaseworkRepository::forApplication(const QString &) const;
template QList<EligibilityCheck> CaseworkRepository::forApplication(const QString &) const;
template QList<ChangeRequest> CaseworkRepository::forApplication(const QString &) const;
template QList<SiteCheck> CaseworkRepository::forApplication(const QString &) const;
template QList<ProjectReport> CaseworkRepository::forApplication(const QString &) const;

QList<ClarificationRequest> CaseworkRepository::overdueClarifications(const QDate &asOf) const
{
    return Records<ClarificationRequest>::where(m_workspace, QStringLiteral("answered_at IS NULL AND due_on < ?"),
                                                {record::dateText(asOf)});
}

QList<ClarificationRequest> CaseworkRepository::clarificationsToRemind(const QDate &from, const QDate &to) const
{
    return Records<ClarificationRequest>::where(
        m_workspace, QStringLiteral("answered_at IS NULL AND reminded_at IS NULL AND due_on BETWEEN ? AND ?"),
        {record::dateText(from), record::dateText(to)});
}

} // namespace vd
