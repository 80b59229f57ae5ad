#pragma once

#include "bilingualtext.h"
#include "money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vd {

struct Committee
{
    QString id;
    qint64 revision = 0;
    BilingualText name;
    friend bool operator==(const Committee &, const Committee &) = default;
};

struct CommitteeTerm
{
    QString id;
    QString committeeId;
    QDate start;
    QDate end;
    friend bool operator==(const CommitteeTerm &, const CommitteeTerm &) = default;
};

struct CommitteeMembership
{
    QString id;
    QString termId;
    QString userId;
    QString position;        // chair | member
    bool official = false;   // officials need no annual declaration
    friend bool operator==(const CommitteeMembership &, const CommitteeMembership &) = default;
};

// An annual declaration of interests, or one made for a case at a meeting,
// with the chair's ruling on what the member does.
struct InterestDeclaration
{
    QString id;
    QString termId;
    QString userId;
    QString kind;            // annual | case
    QString applicationId;   // for a case declaration
    QString meetingId;
    QDate dueOn;             // annual: the first meeting of the term
    QDate declaredOn;
    QString description;
    QString chairRuling;     // none | may_participate | abstain | leave_room
    QString ruledBy;
    friend bool operator==(const InterestDeclaration &, const InterestDeclaration &) = default;
};

struct Meeting
{
    QString id;
    qint64 revision = 0;
    QString committeeId;
    QString termId;
    QDateTime heldAt;
    QString venue;
    QString mode;            // in_person | video | hybrid
    QString status;          // planned | held
    friend bool operator==(const Meeting &, const Meeting &) = default;
};

struct AgendaItem
{
    QString id;
    QString meetingId;
    QString applicationId;
    int position = 0;
    friend bool operator==(const AgendaItem &, const AgendaItem &) = default;
};

struct Attendance
{
    QString id;
    QString meetingId;
    QString userId;
    QString attendance;      // present | video | absent | apologies
    friend bool operator==(const Attendance &, const Attendance &) = default;
};

struct ReviewScore
{
    QString criterion;       // scheme review_criteria id
    int score = 0;
    friend bool operator==(const ReviewScore &, const ReviewScore &) = default;
};

// A member's own review of a case: scores per criterion, support or not.
struct Review
{
    QString id;
    qint64 revision = 0;
    QString applicationId;
    QString meetingId;
    QString reviewerId;
    QList<ReviewScore> scores;
    bool supported = false;
    QString comment;
    QDateTime submittedAt;
    friend bool operator==(const Review &, const Review &) = default;
};

// The committee's decision on a case, recorded by the chair.
struct CommitteeOutcome
{
    QString id;
    QString applicationId;
    QString meetingId;
    QString outcome;         // supported | not_supported
    std::optional<Money> recommendedGrant;
    QList<BilingualText> conditions;
    QString recordedBy;
    QDateTime recordedAt;
    friend bool operator==(const CommitteeOutcome &, const CommitteeOutcome &) = default;
};

} // namespace vd
