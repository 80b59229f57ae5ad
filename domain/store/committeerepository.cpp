#include "committeerepository.h"

#include "recordtable.h"

namespace vd {

using store::Records;

void CommitteeRepository::save(UnitOfWork &work, Committee &committee, const QString &action)
{
    Records<Committee>::save(work, committee, action);
}

void CommitteeRepository::save(UnitOfWork &work, CommitteeTerm &term, const QString &action)
{
    Records<CommitteeTerm>::save(work, term, action);
}

void CommitteeRepository::save(UnitOfWork &work, CommitteeMembership &membership, const QString &action)
{
    Records<CommitteeMembership>::save(work, membership, action);
}

void CommitteeRepository::save(UnitOfWork &work, InterestDeclaration &declaration, const QString &action)
{
    Records<InterestDeclaration>::save(work, declaration, action);
}

void CommitteeRepository::save(UnitOfWork &work, Meeting &meeting, const QString &action)
{
    Records<Meeting>::save(work, meeting, action);
}

void CommitteeRepository::save(UnitOfWork &work, AgendaItem &item, const QString &action)
{
    Records<AgendaItem>::save(work, item, action);
}

void CommitteeRepository::save(UnitOfWork &work, Attendance &attendance, const QString &action)
{
    Records<Attendance>::save(work, attendance, action);
}

void CommitteeRepository::save(UnitOfWork &work, Review &review, const QString &action)
{
    Records<Review>::save(work, review, action);
}

void CommitteeRepository::save(UnitOfWork &work, CommitteeOutcome &outcome, const QString &action)
{
    Records<CommitteeOutcome>::save(work, outcome, action);
}

void CommitteeRepository::removeAgendaItem(UnitOfWork &work, const QString &id)
{
    Records<AgendaItem>::remove(work, id, QStringLiteral("remove_from_agenda"));
}

void CommitteeRepository::removeMembership(UnitOfWork &work, const QString &id)
{
    Records<CommitteeMembership>::remove(work, id, QStringLiteral("remove_member"));
}

template <CommitteeRecord Record>
std::optional<Record> CommitteeRepository::find(const QString &id) const
{
    return Records<Record>::find(m_workspace, id);
}

template std::optional<Committee> CommitteeRepository::find(const QString &) const;
template std::optional<CommitteeTerm> CommitteeRepository::find(const QString &) const;
template std::optional<CommitteeMembership> CommitteeRepository::find(const QString &) const;
template std::optional<InterestDeclaration> CommitteeRepository::find(const QString &) const;
template std::optional<Meeting> CommitteeRepository::find(const QString &) const;
template std::optional<AgendaItem> CommitteeRepository::find(const QString &) const;
template std::optional<Attendance> CommitteeRepository::find(const QString &) const;
template std::optional<Review> CommitteeRepository::find(const QString &) const;
template std::optional<CommitteeOutcome> CommitteeRepository::find(const QString &) const;

QList<Committee> CommitteeRepository::committees() const
{
    return Records<Committee>::where(m_workspace, QStringLiteral("1"), {});
}

QList<CommitteeTerm> CommitteeRepository::terms(const QString &committeeId) const
{
    return Records<CommitteeTerm>::where(m_workspace, QStringLiteral("committee_id = ?"), {committeeId});
}

QList<CommitteeMembership> CommitteeRepository::memberships(const QString &termId) const
{
    return Records<CommitteeMembership>::where(m_workspace, QStringLiteral("term_id = ?"), {termId});
}

QList<CommitteeMembership> CommitteeRepository::membershipsOf(const QString &userId) const
{
    return Records<CommitteeMembership>::where(m_workspace, QStringLiteral("user_id = ?"), {userId});
}

QList<InterestDeclaration> CommitteeRepository::declarations(const QString &termId) const
{
    return Records<InterestDeclaration>::where(m_workspace, QStringLiteral("term_id = ?"), {termId});
}

QList<InterestDeclaration> CommitteeRepository::declarationsFor(const QString &applicationId) const
{
    return Records<InterestDeclaration>::where(m_workspace, QStringLiteral("application_id = ?"), {applicationId});
}

QList<Meeting> CommitteeRepository::meetings(const QString &committeeId) const
{
    return Records<Meeting>::where(m_workspace, QStringLiteral("committee_id = ?"), {committeeId});
}

QList<AgendaItem> CommitteeRepository::agenda(const QString &meetingId) const
{
    return Records<AgendaItem>::where(m_workspace, QStringLiteral("meeting_id = ?"), {meetingId});
}

QList<AgendaItem> CommitteeRepository::agendaItemsFor(const QString &applicationId) const
{
    return Records<AgendaItem>::where(m_workspace, QStringLiteral("application_id = ?"), {applicationId});
}

QList<Attendance> CommitteeRepository::attendance(const QString &meetingId) const
{
    return Records<Attendance>::where(m_workspace, QStringLiteral("meeting_id = ?"), {meetingId});
}

QList<Review> CommitteeRepository::reviews(const QString &applicationId) const
{
    return Records<Review>::where(m_workspace, QStringLiteral("application_id = ?"), {applicationId});
}

QList<Review> CommitteeRepository::reviewsAt(const QString &meetingId) const
{
    return Records<Review>::where(m_workspace, QStringLiteral("meeting_id = ?"), {meetingId});
}

QList<CommitteeOutcome> CommitteeRepository::outcomes(const QString &applicationId) const
{
    return Records<CommitteeOutcome>::where(m_workspace, QStringLiteral("application_id = ?"), {applicationId});
}

QList<CommitteeOutcome> CommitteeRepository::outcomesAt(const QString &meetingId) const
{
    return Records<CommitteeOutcome>::where(m_workspace, QStringLiteral("meeting_id = ?"), {meetingId});
}

} // namespace vd
