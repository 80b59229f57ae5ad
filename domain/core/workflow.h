#pragma once

#include "scheme.h"

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace vd {

// One action of the scheme's workflow: who may take a case from which
// statuses to which one.
struct WorkflowAction
{
    QString id;
    LocalizedName name;
    QStringList from;
    QString to;
    QStringList roles;
    bool reasonRequired = false;
};

// The answer to "may this role take this action on a case in this status?".
// When refused, refusalCode is one of UNKNOWN_STATUS, UNKNOWN_ACTION,
// UNKNOWN_ROLE, STATUS_IS_TERMINAL, ACTION_NOT_AVAILABLE_IN_STATUS,
// ROLE_NOT_PERMITTED, REASON_REQUIRED (checked in that order), and reason()
// says why in a sentence for a person.
class TransitionDecision
{
public:
    bool allowed = false;
    QString targetStatus;   // when allowed
    QString refusalCode;    // when refused
    QString status;         // what was asked
    QString action;
    QString role;
    QStringList permittedRoles;  // roles that may take the action (known action)
    QStringList availableFrom;   // statuses the action starts from (known action)

    // The refusal as a sentence naming the case status, the action and the
    // role by their scheme names in the locale's language, and who may do it
    // instead or from which statuses it is available. The sentence itself
    // comes from the installed translator (Language::apply). Empty when allowed.
    QString reason(const QLocale &locale) const;

private:
    friend class Workflow;
    struct Names
    {
        LocalizedName status, action, role;
        QList<LocalizedName> permittedRoles, availableFrom;
    };
    Names m_names;
};

// The one state machine of a scheme (DESIGN.md §3), built from its
// `statuses` and `actions` data and enforced alike by the desktop and the
// back office. The data is checked when the workflow is built: an action
// naming an unknown status or role, a status listed twice, a status no case
// can reach from the initial one, a status no case can leave although it is
// not terminal, a terminal status with a way out, or a loop with no way to
// a terminal status throws DomainError SCHEME_INVALID naming the JSON path.
class Workflow
{
public:
    explicit Workflow(const Scheme &scheme);
    // The workflow of Scheme::technologyVoucher(), built once.
    static const Workflow &technologyVoucher();

    // Decides for any (status, action, role); a reason that is empty or only
    // blanks does not count for an action that requires one.
    TransitionDecision decide(const QString &status, const QString &action, const QString &role,
                              const QString &reason = {}) const;

    QStringList statuses() const;                                    // in scheme order
    const QString &initialStatus() const { return m_initial; }
    bool isTerminal(const QString &status) const;                    // false for an unknown status
    QStringList actionsFrom(const QString &status) const;            // for any role, scheme order
    QStringList allowedActions(const QString &status, const QString &role) const;
    const QList<WorkflowAction> &actions() const { return m_actions; }
    const WorkflowAction *findAction(const QString &id) const;
    const LocalizedName *statusName(const QString &status) const;

private:
    struct Status
    {
        QString id;
        LocalizedName name;
        bool terminal = false;
    };

    void readStatuses(const Scheme &scheme);
    void readActions(const Scheme &scheme);
    void checkGraph() const;
    const Status *findStatus(const QString &id) const;
    LocalizedName roleName(const QString &id) const;

    QList<Status> m_statuses;
    QList<WorkflowAction> m_actions;
    SchemeVocabulary m_roles;
    QString m_initial;
};

} // namespace vd
