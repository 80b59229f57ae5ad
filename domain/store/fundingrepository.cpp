#include "fundingrepository.h"

#include "recordtable.h"

namespace vd {

using store::Records;

void FundingRepository::save(UnitOfWork &work, Approval &approval, const QString &action)
{
    Records<Approval>::save(work, approval, action);
}

void FundingRepository::save(UnitOfWork &work, FundingAgreement &agreement, const QString &action)
{
    Records<FundingAgreement>::save(work, agreement, action);
}

void FundingRepository::save(UnitOfWork &work, DisbursementMilestone &milestone, const QString &action)
{
    Records<DisbursementMilestone>::save(work, milestone, action);
}

void FundingRepository::save(UnitOfWork &work, Payment &payment, const QString &action)
{
    Records<Payment>::save(work, payment, action);
}

template <FundingRecord Record>
std::optional<Record> FundingRepository::find(const QString &id) const
{
    return Records<Record>::find(m_workspace, id);
}

template <FundingRecord Record>
QList<Record> FundingRepository::forApplication(const QString &applicationId) const
{
    return Records<Record>::where(m_workspace, QStringLiteral("application_id = ?"), {applicationId});
}

template std::optional<Approval> FundingRepository::find(const QString &) const;
template std::optional<FundingAgreement> FundingRepository::find(const QString &) const;
template std::optional<DisbursementMilestone> FundingRepository::find(const QString &) const;
template std::optional<Payment> FundingRepository::find(const QString &) const;
template QList<Approval> FundingRepository::forApplication(const QString &) const;
template QList<FundingAgreement> FundingRepository::forApplication(const QString &) const;
template QList<DisbursementMilestone> FundingRepository::forApplication(const QString &) const;
template QList<Payment> FundingRepository::forApplication(const QString &) const;

QList<Payment> FundingRepository::paymentsWithStatus(const QString &status) const
{
    return Records<Payment>::where(m_workspace, QStringLiteral("status = ?"), {status});
}

} // namespace vd
