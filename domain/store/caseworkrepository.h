#pragma once

#include "casework.h"

#include <QDate>
#include <QList>
#include <QString>

#include <concepts>
#include <optional>

namespace vd {

class UnitOfWork;
class Workspace;

template <typename Record>
concept CaseworkRecord = std::same_as<Record, ClarificationRequest> || std::same_as<Record, CorrespondenceEntry>
    || std::same_as<Record, EligibilityCheck> || std::same_as<Record, ChangeRequest> || std::same_as<Record, SiteCheck> || std::same_as<Record, ProjectReport>;

// The secretariat's work on a case: clarification requests, correspondence,
// eligibility checks, change requests, site checks and project reports.
class CaseworkRepository
{
public:
    explicit CaseworkRepository(Workspace &workspace) : m_workspace(workspace) {}

    void save(UnitOfWork &work, ClarificationRequest &request, const QString &action = {});
    void save(UnitOfWork &work, CorrespondenceEntry &entry, const QString &action = {});
    void save(UnitOfWork &work, EligibilityCheck &check, const QString &action = {});
    void save(UnitOfWork &work, ChangeRequest &request, const QString &action = {});
    void save(UnitOfWork &work, SiteCheck &check, const QString &action = {});
    void save(UnitOfWork &work, ProjectReport &report, const QString &action = {});

    //   auto request = casework.find<vd::ClarificationRequest>(id);
    //   auto letters = casework.forApplication<vd::CorrespondenceEntry>(applicationId);
    template <CaseworkRecord Record> std::optional<Record> find(const QString &id) const;
    // Oldest first.
    template <CaseworkRecord Record> QList<Record> forApplication(const QString &applicationId) const;

    // Unanswered clarification requests due before the day, earliest due first.
    QList<ClarificationRequest> overdueClarifications(const QDate &asOf) const;
    // Unanswered requests due from `from` to `to` (inclusive) not yet reminded: the reminders to send.
    QList<ClarificationRequest> clarificationsToRemind(const QDate &from, const QDate &to) const;

private:
    Workspace &m_workspace;
};

} // namespace vd
