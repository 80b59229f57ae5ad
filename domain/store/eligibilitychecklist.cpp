#include "eligibilitychecklist.h"

#include "applicationrepository.h"
#include "caseworkrepository.h"
#include "domainerror.h"
#include "unitofwork.h"
#include "uuid.h"

#include <QJsonArray>

namespace vd {

EligibilityChecklist::EligibilityChecklist(Workspace &workspace, const Scheme &scheme)
    : m_workspace(workspace), m_scheme(scheme)
{
}

QList<EligibilityCheck> EligibilityChecklist::forApplication(const QString &applicationId) const
{
    const QList<EligibilityCheck> kept = CaseworkRepository(m_workspace).forApplication<EligibilityCheck>(applicationId);
    QList<EligibilityCheck> checklist;
    for (const SchemeTerm &term : m_scheme.eligibilityChecks().terms()) {
        const auto found = std::find_if(kept.cbegin(), kept.cend(),
                                        [&term](const EligibilityCheck &check) { return check.item == term.id; });
        if (found != kept.cend()) {
            checklist.append(*found);
            continue;
        }
        EligibilityCheck open;
        open.applicationId = applicationId;
        open.item = term.id;
        checklist.append(open);
    }
    return checklist;
}

bool EligibilityChecklist::mayCheck(const User &user, const QString &item) const
{
    const SchemeTerm *term = m_scheme.eligibilityChecks().find(item);
    return user.active && term
        && term->attributes.value(QLatin1String("roles")).toArray().contains(QJsonValue(user.role));
}

EligibilityCheck EligibilityChecklist::record(const User &officer, const QString &applicationId, const QString &item,
                                              bool confirmed, const QString &note)
{
    if (!m_scheme.eligibilityChecks().contains(item))
        throw DomainError(QStringLiteral("UNKNOWN_ITEM"), item,
                          tr("the scheme's eligibility checklist has no such item."));
    if (!mayCheck(officer, item))
        throw DomainError(QStringLiteral("ROLE_NOT_PERMITTED"), officer.username,
                          tr("only the secretariat ticks the eligibility checklist."));
    if (!ApplicationRepository(m_workspace).find(applicationId))
        throw DomainError(QStringLiteral("NOT_FOUND"), applicationId, tr("this case is not in the workspace."));

    UnitOfWork work(m_workspace, officer.id);
    if (m_at.isValid())
        work.setTime(m_at);
    EligibilityCheck check;
    for (const EligibilityCheck &kept : forApplication(applicationId)) {
        if (kept.item == item)
            check = kept;
    }
    if (check.id.isEmpty())
        check.id = newUuid();
    check.confirmed = confirmed;
    check.note = note.trimmed();
    check.checkedBy = officer.id;
    check.checkedAt = work.at();
    CaseworkRepository(m_workspace).save(work, check, confirmed ? QStringLiteral("confirm_eligibility")
                                                                : QStringLiteral("withdraw_eligibility"));
    work.commit();
    return check;
}

} // namespace vd
