#pragma once

#include "assessment.h"
#include "holidaycalendar.h"
#include "money.h"
#include "rulebook.h"
#include "user.h"
#include "workflow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace vd {

struct Application;
class Workspace;

// One person's request to move one case through the workflow.
struct TransitionRequest
{
    QString caseKey;                 // the reference (TVP/2024/00042) or, for a draft, the id
    QString action;                  // a scheme action id: submit, start_screening, approve…
    QString username;
    QString reason;                  // required by some actions (docs/workflow.md)
    std::optional<qint64> revision;  // the revision the person saw; a newer one refuses the change
};

// What became of a request: applied, or refused with a reason for a person.
struct TransitionResult
{
    QString caseKey;                 // as asked
    QString applicationId;
    QString reference;               // after the change: a first submission gets one
    bool applied = false;
    QString fromStatus;
    QString toStatus;                // when applied
    // When refused, a stable code: the workflow's (UNKNOWN_STATUS, STATUS_IS_TERMINAL,
    // ACTION_NOT_AVAILABLE_IN_STATUS, ROLE_NOT_PERMITTED, REASON_REQUIRED), or
    // USER_INACTIVE, STALE_REVISION, NOT_OWN_ENTERPRISE, CONFLICT_OF_INTEREST,
    // RULES_NOT_MET; in a batch also any DomainError code met on the way.
    QString refusalCode;
    QString reason;                  // the refusal as a sentence in the language asked for
    QList<Finding> findings;         // RULES_NOT_MET: the errors the rules engine found
    std::optional<Money> approvedGrant; // set by approve
};

// The result as JSON (the CLI's --json, the back office's answer): snake_case
// keys, absent values as null, the approved grant as a decimal string.
QJsonObject transitionResultJson(const TransitionResult &result);

// One action applied to many cases, each in its own unit of work.
struct TransitionBatch
{
    QList<TransitionResult> results; // in the order asked, each case once
    qsizetype appliedCount() const;
    qsizetype refusedCount() const { return results.size() - appliedCount(); }
};

// Applies workflow actions to cases as a user (the secretariat's desk, the
// applicant's portal, the back office: all call this). The decision is the
// workflow's (vd::Workflow), plus the rules a real programme enforces beyond
// the state machine:
//   - an inactive account acts on nothing;
//   - an applicant acts only on its own enterprise's cases;
//   - no one else acts on a case of the enterprise they belong to (so no one
//     approves their own enterprise's grant);
//   - a first submission must pass the rules engine without errors; it gets
//     the submission date and a provisional reference, PREFIX/YEAR/NNNNN, the
//     next free number of the year in this workspace (the back office assigns
//     the authoritative one when the submission reaches it: docs/casedesk.md);
//   - approval sets the approved grant: the committee's recommended grant, or
//     the rules engine's, never above what the rules give, and refuses when
//     the rules now find an error (a cap used up meanwhile);
//   - a secretariat officer who starts screening an unassigned case becomes
//     its case officer.
// An allowed change is written in ONE unit of work, read and decided inside
// its write transaction: the application's new status (revision checked), the
// status change with its reason, the approval when approving, and for each
// record an audit entry and an outbox entry. A refusal writes nothing.
class CaseTransitions
{
    Q_DECLARE_TR_FUNCTIONS(vd::CaseTransitions)

public:
    explicit CaseTransitions(Workspace &workspace, const Workflow &workflow = Workflow::technologyVoucher(),
                             const RuleBook &rules = RuleBook::technologyVoucher(),
                             const HolidayCalendar &calendar = HolidayCalendar::hongKong());

    // The time changes are made at (tests, replays); by default the clock's.
    void setTime(const QDateTime &at) { m_at = at; }

    // Throws DomainError UNKNOWN_USER, UNKNOWN_ACTION or NOT_FOUND (naming the
    // username, action or case) before anything is read for the decision; a
    // refusal is a result, never an exception. Reasons are in the language of
    // `locale` (names from the scheme, sentences from the installed translator).
    TransitionResult apply(const TransitionRequest &request, const QLocale &locale = QLocale());

    // The same action, reason and user for each case; a case named twice is
    // taken once. Unknown users, actions and cases throw before any case is
    // changed; after that each case succeeds or is refused on its own, and an
    // error on one case (a busy workspace, say) is reported as its refusal.
    TransitionBatch applyToEach(const QStringList &caseKeys, const QString &action, const QString &username,
                                const QString &reason, const QLocale &locale = QLocale());

private:
    struct Refusal
    {
        QString code;
        QString reason;
    };
    // What one decision is about.
    struct CaseContext
    {
        Workspace &workspace;
        const User &actor;
        const Application &application;
        const TransitionRequest &request;
        const QLocale &locale;
    };

    User user(const QString &username) const;
    void requireAction(const QString &action) const;
    Application requireCase(const QString &caseKey) const;
    TransitionResult decideAndApply(const User &user, const QString &applicationId, const TransitionRequest &request,
                                    const QLocale &locale);
    static std::optional<Refusal> accountRefusal(const CaseContext &context);
    static std::optional<Refusal> enterpriseRefusal(const CaseContext &context, const Workflow &workflow);
    // The consequences beyond the status (reference, submission date, grant,
    // case officer), and the rules engine's refusal when it finds errors.
    std::optional<Refusal> settle(const CaseContext &context, Application &changed, QDate today,
                                  QList<Finding> &findings) const;
    QDateTime now() const;
    QString nextReference(int year) const;

    Workspace &m_workspace;
    const Workflow &m_workflow;
    const RuleBook &m_rules;
    const HolidayCalendar &m_calendar;
    QDateTime m_at;
};

} // namespace vd
