#include "workflow.h"

#include "domainerror.h"
#include "jsonreader.h"

#include <QCoreApplication>
#include <QSet>

#include <functional>

namespace vd {

namespace {

// Gives lupdate the context the strings are looked up under at run time.
struct WorkflowText
{
    Q_DECLARE_TR_FUNCTIONS(vd::Workflow)
};

[[noreturn]] void invalid(const QString &where, const QString &message)
{
    throw DomainError(QStringLiteral("SCHEME_INVALID"), where, message);
}

QString indexed(const char *list, qsizetype index)
{
    return QString::fromLatin1(list) + u'[' + QString::number(index) + u']';
}

// Reads a non-empty list of ids, each known and listed once.
QStringList readIds(const JsonReader &entry, const QString &key, const std::function<bool(const QString &)> &known,
                    const char *unknownMessage)
{
    const QList<JsonReader> items = entry.array(key);
    if (items.isEmpty())
        entry.fail(key, WorkflowText::tr("must name at least one"));
    QStringList ids;
    for (const JsonReader &item : items) {
        if (!item.value().isString())
            item.failHere(WorkflowText::tr("expected an id written as text"));
        const QString id = item.value().toString();
        if (!known(id))
            invalid(item.path(), WorkflowText::tr(unknownMessage).arg(id));
        if (ids.contains(id))
            invalid(item.path(), WorkflowText::tr("\"%1\" is listed twice").arg(id));
        ids.append(id);
    }
    return ids;
}

QString quoted(const QString &name)
{
    return WorkflowText::tr("“%1”").arg(name);
}

// Names in the locale's list form, in the sentence for one or for several.
QString namesSentence(const QList<LocalizedName> &names, const QLocale &locale, const char *one, const char *several)
{
    QStringList parts;
    for (const LocalizedName &name : names)
        parts.append(quoted(name.in(locale)));
    return WorkflowText::tr(names.size() == 1 ? one : several).arg(locale.createSeparatedList(parts));
}

LocalizedName unnamed(const QString &id)
{
    return {id, id, id};
}

TransitionDecision refuse(TransitionDecision decision, const QString &code)
{
    decision.refusalCode = code;
    return decision;
}

// Two sentences one after the other: a space between them in English, none in Chinese.
QString twoSentences(const QString &first, const QString &second)
{
    return WorkflowText::tr("%1 %2", "one sentence after another").arg(first, second);
}

} // namespace

QString TransitionDecision::reason(const QLocale &locale) const
{
    if (allowed)
        return {};
    const QString statusName = m_names.status.in(locale);
    const QString actionName = m_names.action.in(locale);
    const QString roleName = m_names.role.in(locale);
    if (refusalCode == QLatin1String("UNKNOWN_STATUS"))
        return WorkflowText::tr("“%1” is not a case status of this scheme, so no action can be decided for it. "
                                "Reload the case and try again.").arg(statusName);
    if (refusalCode == QLatin1String("UNKNOWN_ACTION"))
        return WorkflowText::tr("“%1” is not an action of this scheme. Choose one of the actions offered for the case.")
            .arg(actionName);
    if (refusalCode == QLatin1String("UNKNOWN_ROLE"))
        return WorkflowText::tr("“%1” is not a role of this scheme, so it cannot act on cases. "
                                "Ask an administrator to check your account.").arg(roleName);
    if (refusalCode == QLatin1String("STATUS_IS_TERMINAL"))
        return WorkflowText::tr("The case is “%1”, which is final: the action “%2” can no longer be taken by anyone, "
                                "“%3” included.").arg(statusName, actionName, roleName);
    if (refusalCode == QLatin1String("ACTION_NOT_AVAILABLE_IN_STATUS"))
        return twoSentences(
            WorkflowText::tr("The action “%1” cannot be taken on a case that is “%2” (you act as “%3”).")
                .arg(actionName, statusName, roleName),
            namesSentence(m_names.availableFrom, locale,
                          QT_TRANSLATE_NOOP("vd::Workflow", "It can be taken only on a case that is %1."),
                          QT_TRANSLATE_NOOP("vd::Workflow", "It can be taken only on a case in one of these statuses: %1.")));
    if (refusalCode == QLatin1String("ROLE_NOT_PERMITTED"))
        return twoSentences(WorkflowText::tr("As “%1” you cannot take the action “%2” on a case that is “%3”.")
                                .arg(roleName, actionName, statusName),
                            namesSentence(m_names.permittedRoles, locale,
                                          QT_TRANSLATE_NOOP("vd::Workflow", "Only %1 can take it."),
                                          QT_TRANSLATE_NOOP("vd::Workflow", "Only these roles can take it: %1.")));
    return WorkflowText::tr("As “%1” you can take the action “%2” on a case that is “%3”, but only with a reason. "
                            "Write why, and try again.").arg(roleName, actionName, statusName);
}

Workflow::Workflow(const Scheme &scheme)
{
    m_roles = scheme.roles();
    readStatuses(scheme);
    readActions(scheme);
    checkGraph();
}

const Workflow &Workflow::technologyVoucher()
{
    static const Workflow workflow(Scheme::technologyVoucher());
    return workflow;
}

void Workflow::readStatuses(const Scheme &scheme)
{
    const QList<SchemeTerm> &terms = scheme.statuses().terms();
    if (terms.isEmpty())
        invalid(QStringLiteral("statuses"), WorkflowText::tr("lists no status; a workflow needs at least one"));
    for (qsizetype i = 0; i < terms.size(); ++i) {
        const JsonReader entry(terms[i].attributes, indexed("statuses", i));
        m_statuses.append({terms[i].id, terms[i].name, entry.optionalBoolean(QStringLiteral("terminal"), false)});
        if (!entry.optionalBoolean(QStringLiteral("initial"), false))
            continue;
        if (!m_initial.isEmpty())
            invalid(entry.pathOf(QStringLiteral("initial")),
                    WorkflowText::tr("only one status can be where every case starts, and \"%1\" already is").arg(m_initial));
        m_initial = terms[i].id;
    }
    if (m_initial.isEmpty())
        invalid(QStringLiteral("statuses"),
                WorkflowText::tr("no status is marked \"initial\": true; mark the one where every case starts"));
}

void Workflow::readActions(const Scheme &scheme)
{
    const auto knownStatus = [this](const QString &id) { return findStatus(id) != nullptr; };
    const auto knownRole = [this](const QString &id) { return m_roles.contains(id); };
    const QList<SchemeTerm> &terms = scheme.actions().terms();
    for (qsizetype i = 0; i < terms.size(); ++i) {
        const JsonReader entry(terms[i].attributes, indexed("actions", i));
        WorkflowAction action{terms[i].id, terms[i].name, {}, {}, {}, false};
        action.from = readIds(entry, QStringLiteral("from"), knownStatus,
                              QT_TRANSLATE_NOOP("vd::Workflow", "\"%1\" is not a status of this scheme"));
        action.to = entry.string(QStringLiteral("to"));
        if (!knownStatus(action.to))
            invalid(entry.pathOf(QStringLiteral("to")),
                    WorkflowText::tr("\"%1\" is not a status of this scheme").arg(action.to));
        action.roles = readIds(entry, QStringLiteral("roles"), knownRole,
                               QT_TRANSLATE_NOOP("vd::Workflow", "\"%1\" is not a role of this scheme"));
        action.reasonRequired = entry.optionalBoolean(QStringLiteral("reason_required"), false);
        for (qsizetype j = 0; j < action.from.size(); ++j) {
            const QString where = entry.pathOf(QStringLiteral("from")) + u'[' + QString::number(j) + u']';
            if (findStatus(action.from[j])->terminal)
                invalid(where,
                        WorkflowText::tr("\"%1\" is a terminal status: no action may lead out of it").arg(action.from[j]));
            if (action.from[j] == action.to)
                invalid(where, WorkflowText::tr("the action would lead from \"%1\" back to the same status").arg(action.to));
        }
        m_actions.append(action);
    }
}

// Every status must be reachable from the initial one, every status that is
// not terminal must have a way out, and every case must be able to finish.
void Workflow::checkGraph() const
{
    QSet<QString> reached{m_initial};
    QSet<QString> finishing;
    for (const Status &status : m_statuses) {
        if (status.terminal)
            finishing.insert(status.id);
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (const WorkflowAction &action : m_actions) {
            for (const QString &from : action.from) {
                if (reached.contains(from) && !reached.contains(action.to)) {
                    reached.insert(action.to);
                    grew = true;
                }
                if (finishing.contains(action.to) && !finishing.contains(from)) {
                    finishing.insert(from);
                    grew = true;
                }
            }
        }
    }
    for (qsizetype i = 0; i < m_statuses.size(); ++i) {
        const Status &status = m_statuses[i];
        if (!status.terminal && actionsFrom(status.id).isEmpty())
            invalid(indexed("statuses", i),
                    WorkflowText::tr("no action leads out of \"%1\"; add one, or mark the status \"terminal\": true")
                        .arg(status.id));
        if (!reached.contains(status.id))
            invalid(indexed("statuses", i), WorkflowText::tr("no case can reach \"%1\" from \"%2\"").arg(status.id, m_initial));
        if (!finishing.contains(status.id))
            invalid(indexed("statuses", i),
                    WorkflowText::tr("a case in \"%1\" could never finish: no chain of actions leads to a terminal status")
                        .arg(status.id));
    }
}

const Workflow::Status *Workflow::findStatus(const QString &id) const
{
    for (const Status &status : m_statuses) {
        if (status.id == id)
            return &status;
    }
    return nullptr;
}

const WorkflowAction *Workflow::findAction(const QString &id) const
{
    for (const WorkflowAction &action : m_actions) {
        if (action.id == id)
            return &action;
    }
    return nullptr;
}

LocalizedName Workflow::roleName(const QString &id) const
{
    const SchemeTerm *role = m_roles.find(id);
    return role ? role->name : unnamed(id);
}

const LocalizedName *Workflow::statusName(const QString &status) const
{
    const Status *found = findStatus(status);
    return found ? &found->name : nullptr;
}

QStringList Workflow::statuses() const
{
    QStringList ids;
    for (const Status &status : m_statuses)
        ids.append(status.id);
    return ids;
}

bool Workflow::isTerminal(const QString &status) const
{
    const Status *found = findStatus(status);
    return found && found->terminal;
}

QStringList Workflow::actionsFrom(const QString &status) const
{
    QStringList ids;
    for (const WorkflowAction &action : m_actions) {
        if (action.from.contains(status))
            ids.append(action.id);
    }
    return ids;
}

QStringList Workflow::allowedActions(const QString &status, const QString &role) const
{
    QStringList ids;
    for (const WorkflowAction &action : m_actions) {
        if (action.from.contains(status) && action.roles.contains(role))
            ids.append(action.id);
    }
    return ids;
}

TransitionDecision Workflow::decide(const QString &status, const QString &action, const QString &role,
                                    const QString &reason) const
{
    TransitionDecision decision;
    decision.status = status;
    decision.action = action;
    decision.role = role;
    const Status *knownStatus = findStatus(status);
    const WorkflowAction *knownAction = findAction(action);
    const SchemeTerm *knownRole = m_roles.find(role);
    decision.m_names.status = knownStatus ? knownStatus->name : unnamed(status);
    decision.m_names.action = knownAction ? knownAction->name : unnamed(action);
    decision.m_names.role = roleName(role);
    if (knownAction) {
        decision.permittedRoles = knownAction->roles;
        decision.availableFrom = knownAction->from;
        for (const QString &id : knownAction->roles)
            decision.m_names.permittedRoles.append(roleName(id));
        for (const QString &id : knownAction->from)
            decision.m_names.availableFrom.append(findStatus(id)->name);
    }

    if (!knownStatus)
        return refuse(decision, QStringLiteral("UNKNOWN_STATUS"));
    if (!knownAction)
        return refuse(decision, QStringLiteral("UNKNOWN_ACTION"));
    if (!knownRole)
        return refuse(decision, QStringLiteral("UNKNOWN_ROLE"));
    if (knownStatus->terminal)
        return refuse(decision, QStringLiteral("STATUS_IS_TERMINAL"));
    if (!knownAction->from.contains(status))
        return refuse(decision, QStringLiteral("ACTION_NOT_AVAILABLE_IN_STATUS"));
    if (!knownAction->roles.contains(role))
        return refuse(decision, QStringLiteral("ROLE_NOT_PERMITTED"));
    if (knownAction->reasonRequired && reason.trimmed().isEmpty())
        return refuse(decision, QStringLiteral("REASON_REQUIRED"));
    decision.allowed = true;
    decision.targetStatus = knownAction->to;
    return decision;
}

} // namespace vd
