#pragma once

#include "bilingualtext.h"
#include "money.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace vd {

struct Owner
{
    QString name;
    Percentage share;
    friend bool operator==(const Owner &, const Owner &) = default;
};

// An applicant: an enterprise registered in Hong Kong (or a statutory body).
struct Enterprise
{
    QString id;                       // UUID
    qint64 revision = 0;
    std::optional<QString> brNumber;  // 8 digits; none only for a statutory body
    BilingualText name;
    QString entityType;               // scheme vocabulary: company, sole_proprietorship…
    bool listed = false;
    bool governmentSubvented = false;
    bool substantiveBusinessInHk = true;
    QDate businessCommenced;
    int employees = 0;
    bool manufacturing = false;
    QList<Owner> owners;
    QString sector;                   // scheme vocabulary
    BilingualText address;
    QString contactName;
    QString contactEmail;
    QString contactPhone;

    friend bool operator==(const Enterprise &, const Enterprise &) = default;
};

// One of an applicant's earlier applications, as the rules engine sees it.
struct ApplicationHistoryEntry
{
    QString reference;
    QDate submitted;
    QString status;
    Money approvedGrant;
    std::optional<Money> finalGrant;
    friend bool operator==(const ApplicationHistoryEntry &, const ApplicationHistoryEntry &) = default;
};

// An enterprise sharing owners with the applicant, with its own history.
struct RelatedEnterprise
{
    QString brNumber;
    Percentage commonOwnership;
    QList<ApplicationHistoryEntry> history;
    friend bool operator==(const RelatedEnterprise &, const RelatedEnterprise &) = default;
};

} // namespace vd
