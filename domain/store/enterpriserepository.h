#pragma once

#include "casework.h"
#include "enterprise.h"

#include <QList>
#include <QString>

#include <optional>

namespace vd {

class UnitOfWork;
class Workspace;

// Applicants (with their owners) and the ownership relations between them.
class EnterpriseRepository
{
public:
    explicit EnterpriseRepository(Workspace &workspace) : m_workspace(workspace) {}

    // Inserts or updates (revision checked: STALE_REVISION), and keeps the
    // search text of the enterprise's applications in step with its name.
    void save(UnitOfWork &work, Enterprise &enterprise, const QString &action = {});
    void save(UnitOfWork &work, EnterpriseRelation &relation, const QString &action = {});

    std::optional<Enterprise> find(const QString &id) const;
    std::optional<Enterprise> findByBrNumber(const QString &brNumber) const;
    QList<Enterprise> list(int limit, int offset) const; // by English name
    qint64 count() const;

    // Relations in which the enterprise takes part, on either side.
    QList<EnterpriseRelation> relations(const QString &enterpriseId) const;
    // The enterprise's applications that have a reference (were submitted),
    // oldest first, as the rules engine reads them.
    QList<ApplicationHistoryEntry> history(const QString &enterpriseId) const;
    // The enterprises related to it, each with its history, for the cap rules.
    QList<RelatedEnterprise> relatedEnterprises(const QString &enterpriseId) const;

private:
    Workspace &m_workspace;
};

} // namespace vd
