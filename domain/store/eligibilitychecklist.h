#pragma once

#include "casework.h"
#include "scheme.h"
#include "user.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace vd {

class Workspace;

// The scheme's eligibility checklist for a case (its `eligibility_checks`
// vocabulary: registered in Hong Kong, not listed…), ticked by hand by the
// roles each item names. A tick or an untick changes the case's one record for
// the item in a unit of work of its own, so the audit trail keeps every one.
class EligibilityChecklist
{
    Q_DECLARE_TR_FUNCTIONS(vd::EligibilityChecklist)

public:
    explicit EligibilityChecklist(Workspace &workspace, const Scheme &scheme = Scheme::technologyVoucher());

    // The time ticks are recorded at (tests); by default the clock's.
    void setTime(const QDateTime &at) { m_at = at; }

    // One entry per item of the scheme, in its order: the record kept for the
    // item, or an unconfirmed one without an id when nobody has checked it yet.
    QList<EligibilityCheck> forApplication(const QString &applicationId) const;
    bool mayCheck(const User &user, const QString &item) const;

    // Throws DomainError UNKNOWN_ITEM, ROLE_NOT_PERMITTED or NOT_FOUND; nothing is written then.
    EligibilityCheck record(const User &officer, const QString &applicationId, const QString &item, bool confirmed,
                            const QString &note = {});

private:
    Workspace &m_workspace;
    const Scheme &m_scheme;
    QDateTime m_at;
};

} // namespace vd
