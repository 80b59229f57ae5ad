#pragma once

#include "bilingualtext.h"
#include "money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vd {

struct Quotation
{
    QString id;
    QString supplier;
    Money amount;
    bool selected = false;
    bool platform = false; // from the programme's open e-procurement platform
    friend bool operator==(const Quotation &, const Quotation &) = default;
};

struct BudgetItem
{
    QString id;
    QString category;                 // scheme vocabulary: consultancy, subscription…
    BilingualText description;
    Money amount;
    std::optional<int> months;        // subscriptions only
    QList<Quotation> quotations;
    QString justification;            // why a quotation other than the lowest was selected
    friend bool operator==(const BudgetItem &, const BudgetItem &) = default;
};

// A reference to a file kept beside the case, addressed by its content.
struct AttachmentReference
{
    QString id;
    QString kind;                     // quotation, business_registration, audited_account…
    QString fileName;
    QString sha256;                   // hex
    qint64 size = 0;
    friend bool operator==(const AttachmentReference &, const AttachmentReference &) = default;
};

// A declaration the applicant makes on submission (no double funding, accuracy…).
struct ApplicantDeclaration
{
    QString kind;
    bool accepted = false;
    QDateTime declaredAt;
    friend bool operator==(const ApplicantDeclaration &, const ApplicantDeclaration &) = default;
};

struct Application
{
    QString id;                       // UUID
    qint64 revision = 0;
    QString reference;                // TVP/2026/00042, assigned on first submission
    QString scheme = QStringLiteral("TVP");
    QString enterpriseId;
    QString status = QStringLiteral("draft");
    BilingualText title;
    BilingualText description;
    QString solutionCategory;         // scheme vocabulary
    std::optional<QDate> submitted;
    QDate start;
    QDate end;
    QList<BudgetItem> items;
    QList<AttachmentReference> attachments;
    QList<ApplicantDeclaration> declarations;
    QString caseOfficerId;            // user id of the secretariat officer
    std::optional<Money> approvedGrant;
    std::optional<Money> finalGrant;
    QDateTime createdAt;
    QDateTime updatedAt;

    Money totalCost() const
    {
        Money total;
        for (const BudgetItem &item : items)
            total += item.amount;
        return total;
    }
    friend bool operator==(const Application &, const Application &) = default;
};

} // namespace vd
