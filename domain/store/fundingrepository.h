#pragma once

#include "funding.h"

#include <QList>
#include <QString>

#include <concepts>
#include <optional>

namespace vd {

class UnitOfWork;
class Workspace;

template <typename Record>
concept FundingRecord = std::same_as<Record, Approval> || std::same_as<Record, FundingAgreement>
    || std::same_as<Record, DisbursementMilestone> || std::same_as<Record, Payment>;

// Approvals, funding agreements, disbursement milestones and payments.
class FundingRepository
{
public:
    explicit FundingRepository(Workspace &workspace) : m_workspace(workspace) {}

    void save(UnitOfWork &work, Approval &approval, const QString &action = {});
    void save(UnitOfWork &work, FundingAgreement &agreement, const QString &action = {});
    void save(UnitOfWork &work, DisbursementMilestone &milestone, const QString &action = {});
    void save(UnitOfWork &work, Payment &payment, const QString &action = {});

    template <FundingRecord Record> std::optional<Record> find(const QString &id) const;
    // Oldest first (milestones by due date).
    template <FundingRecord Record> QList<Record> forApplication(const QString &applicationId) const;
    // Payments in a state (proposed, released, recovered), oldest first: e.g. those awaiting release.
    QList<Payment> paymentsWithStatus(const QString &status) const;

private:
    Workspace &m_workspace;
};

} // namespace vd
