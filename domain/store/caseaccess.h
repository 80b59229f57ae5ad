#pragma once

#include "applicationrepository.h"
#include "page.h"
#include "user.h"

#include <QList>
#include <QString>

namespace vd {

class Workspace;

// Which cases a role may see (docs/backoffice.md, "Who sees what"):
enum class CaseVisibility {
    None,             // administrator: manages accounts, not cases
    OwnEnterprise,    // applicant: its own enterprise's cases
    CommitteeAgendas, // committee member or chair: cases on the agendas of its meetings, minus those
                      // where it declared an interest
    CommitteeOutcome, // approving officer: cases the committee has given an outcome on
    Approved,         // finance: cases with an approved grant
    Everything,       // secretariat, auditor
};

// The server's answer to "may this user see this case", as one SQL condition
// so that a list, its count and a single case all agree. Inactive users see nothing.
class CaseAccess
{
public:
    explicit CaseAccess(Workspace &workspace) : m_workspace(workspace) {}

    static CaseVisibility viewOf(const User &user);

    // The user's cases, newest submission first (drafts, never submitted, last).
    QList<ApplicationSummary> cases(const User &user, const Page &page) const;
    qint64 count(const User &user) const;
    bool sees(const User &user, const QString &applicationId) const;
    // Whether a case in the user's view refers to this attachment (by its SHA-256).
    bool seesAttachment(const User &user, const QString &sha256) const;

    // A condition on `applications AS a` and the values of its placeholders
    // (the change log's partitions build on it).
    static std::pair<QString, QVariantList> condition(const User &user);

private:

    Workspace &m_workspace;
};

} // namespace vd
