#pragma once

#include "committee.h"

#include <QList>
#include <QString>

#include <concepts>
#include <optional>

namespace vd {

class UnitOfWork;
class Workspace;

template <typename Record>
concept CommitteeRecord = std::same_as<Record, Committee> || std::same_as<Record, CommitteeTerm>
    || std::same_as<Record, CommitteeMembership> || std::same_as<Record, InterestDeclaration>
    || std::same_as<Record, Meeting> || std::same_as<Record, AgendaItem> || std::same_as<Record, Attendance>
    || std::same_as<Record, Review> || std::same_as<Record, CommitteeOutcome>;

// The assessment committee: its terms and members, their declarations of
// interest, meetings with their agenda and attendance, members' reviews with
// scores per criterion, and the committee's outcomes with conditions.
class CommitteeRepository
{
public:
    explicit CommitteeRepository(Workspace &workspace) : m_workspace(workspace) {}

    void save(UnitOfWork &work, Committee &committee, const QString &action = {});
    void save(UnitOfWork &work, CommitteeTerm &term, const QString &action = {});
    void save(UnitOfWork &work, CommitteeMembership &membership, const QString &action = {});
    void save(UnitOfWork &work, InterestDeclaration &declaration, const QString &action = {});
    void save(UnitOfWork &work, Meeting &meeting, const QString &action = {});
    void save(UnitOfWork &work, AgendaItem &item, const QString &action = {});
    void save(UnitOfWork &work, Attendance &attendance, const QString &action = {});
    void save(UnitOfWork &work, Review &review, const QString &action = {});
    void save(UnitOfWork &work, CommitteeOutcome &outcome, const QString &action = {});

    // Taking a case off an agenda, or a member out of a term (audited, queued for sync).
    void removeAgendaItem(UnitOfWork &work, const QString &id);
    void removeMembership(UnitOfWork &work, const QString &id);

    template <CommitteeRecord Record> std::optional<Record> find(const QString &id) const;

    QList<Committee> committees() const;
    QList<CommitteeTerm> terms(const QString &committeeId) const;           // earliest first
    QList<CommitteeMembership> memberships(const QString &termId) const;
    QList<CommitteeMembership> membershipsOf(const QString &userId) const;
    QList<InterestDeclaration> declarations(const QString &termId) const;
    QList<InterestDeclaration> declarationsFor(const QString &applicationId) const;
    QList<Meeting> meetings(const QString &committeeId) const;              // earliest first
    QList<AgendaItem> agenda(const QString &meetingId) const;               // by position
    QList<AgendaItem> agendaItemsFor(const QString &applicationId) const;
    QList<Attendance> attendance(const QString &meetingId) const;
    QList<Review> reviews(const QString &applicationId) const;
    QList<Review> reviewsAt(const QString &meetingId) const;
    QList<CommitteeOutcome> outcomes(const QString &applicationId) const;
    QList<CommitteeOutcome> outcomesAt(const QString &meetingId) const;

private:
    Workspace &m_workspace;
};

} // namespace vd
