#pragma once

#include "money.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace vd {

struct Approval
{
    QString id;
    QString applicationId;
    Money approvedGrant;
    QString approvedBy;
    QDateTime approvedAt;
    friend bool operator==(const Approval &, const Approval &) = default;
};

struct FundingAgreement
{
    QString id;
    qint64 revision = 0;
    QString applicationId;
    QDateTime issuedAt;
    std::optional<QDateTime> signingBookedFor;
    std::optional<QDateTime> signedAt;
    friend bool operator==(const FundingAgreement &, const FundingAgreement &) = default;
};

// A planned payment: the initial payment on signing, the final payment after
// the final report is accepted, or another agreed instalment.
struct DisbursementMilestone
{
    QString id;
    QString applicationId;
    QString kind;            // initial | final | other
    Money amount;
    QDate dueOn;
    QString description;
    friend bool operator==(const DisbursementMilestone &, const DisbursementMilestone &) = default;
};

struct Payment
{
    QString id;
    qint64 revision = 0;
    QString applicationId;
    QString milestoneId;
    QString kind;            // initial | final | other | recovery
    Money amount;
    QString status;          // proposed | released | recovered
    QString proposedBy;
    QDateTime proposedAt;
    QString releasedBy;
    std::optional<QDateTime> releasedAt;
    friend bool operator==(const Payment &, const Payment &) = default;
};

} // namespace vd
