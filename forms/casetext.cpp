#include "casetext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "money.h"

namespace vd {

namespace {

struct Term
{
    const char *code;
    const char *text;
};

QString lookUp(std::initializer_list<Term> terms, const QString &code)
{
    for (const Term &term : terms) {
        if (code == QLatin1String(term.code))
            return QCoreApplication::translate("vd::CaseText", term.text);
    }
    return {};
}

} // namespace

// Fields that name a record rather than say something about it.
bool CaseText::isBookkeeping(const QString &field)
{
    return field == QLatin1String("id") || field == QLatin1String("revision") || field == QLatin1String("application_id")
        || field == QLatin1String("clarification_id") || field == QLatin1String("enterprise_id")
        || field == QLatin1String("meeting_id") || field == QLatin1String("created_at")
        || field == QLatin1String("updated_at")
        // what the timeline's own columns say already: when, who and what
        || field == QLatin1String("at") || field == QLatin1String("actor_id") || field == QLatin1String("action");
}

namespace {

bool namesPerson(const QString &field)
{
    return field.endsWith(QLatin1String("_by")) || field == QLatin1String("actor_id")
        || field == QLatin1String("author_id") || field == QLatin1String("case_officer_id")
        || field == QLatin1String("officer_id") || field == QLatin1String("reviewer_id")
        || field == QLatin1String("user_id");
}

// Money travels in records as decimal strings ("174300.00").
bool namesMoney(const QString &field)
{
    return field.endsWith(QLatin1String("grant")) || field.endsWith(QLatin1String("amount"))
        || field.endsWith(QLatin1String("cost"));
}

bool namesStatus(const QString &field)
{
    return field == QLatin1String("status") || field == QLatin1String("from_status") || field == QLatin1String("to_status");
}

} // namespace

QString CaseText::fieldName(const QString &field)
{
    const QString known = lookUp({{"status", QT_TRANSLATE_NOOP("vd::CaseText", "Status")},
                                  {"from_status", QT_TRANSLATE_NOOP("vd::CaseText", "From status")},
                                  {"to_status", QT_TRANSLATE_NOOP("vd::CaseText", "To status")},
                                  {"action", QT_TRANSLATE_NOOP("vd::CaseText", "Action")},
                                  {"reason", QT_TRANSLATE_NOOP("vd::CaseText", "Reason")},
                                  {"reference", QT_TRANSLATE_NOOP("vd::CaseText", "Reference")},
                                  {"title", QT_TRANSLATE_NOOP("vd::CaseText", "Project title")},
                                  {"submitted", QT_TRANSLATE_NOOP("vd::CaseText", "Submitted on")},
                                  {"case_officer_id", QT_TRANSLATE_NOOP("vd::CaseText", "Case officer")},
                                  {"approved_grant", QT_TRANSLATE_NOOP("vd::CaseText", "Approved grant")},
                                  {"final_grant", QT_TRANSLATE_NOOP("vd::CaseText", "Final grant")},
                                  {"question", QT_TRANSLATE_NOOP("vd::CaseText", "Question")},
                                  {"answer", QT_TRANSLATE_NOOP("vd::CaseText", "Answer")},
                                  {"due_on", QT_TRANSLATE_NOOP("vd::CaseText", "Due on")},
                                  {"asked_by", QT_TRANSLATE_NOOP("vd::CaseText", "Asked by")},
                                  {"asked_at", QT_TRANSLATE_NOOP("vd::CaseText", "Asked at")},
                                  {"answered_by", QT_TRANSLATE_NOOP("vd::CaseText", "Answered by")},
                                  {"answered_at", QT_TRANSLATE_NOOP("vd::CaseText", "Answered at")},
                                  {"reminded_at", QT_TRANSLATE_NOOP("vd::CaseText", "Reminded at")},
                                  {"subject", QT_TRANSLATE_NOOP("vd::CaseText", "Subject")},
                                  {"body", QT_TRANSLATE_NOOP("vd::CaseText", "Text")},
                                  {"direction", QT_TRANSLATE_NOOP("vd::CaseText", "Direction")},
                                  {"channel", QT_TRANSLATE_NOOP("vd::CaseText", "Channel")},
                                  {"author_id", QT_TRANSLATE_NOOP("vd::CaseText", "Written by")},
                                  {"at", QT_TRANSLATE_NOOP("vd::CaseText", "At")},
                                  {"actor_id", QT_TRANSLATE_NOOP("vd::CaseText", "By")},
                                  {"item", QT_TRANSLATE_NOOP("vd::CaseText", "Checklist item")},
                                  {"confirmed", QT_TRANSLATE_NOOP("vd::CaseText", "Confirmed")},
                                  {"note", QT_TRANSLATE_NOOP("vd::CaseText", "Note")},
                                  {"checked_by", QT_TRANSLATE_NOOP("vd::CaseText", "Checked by")},
                                  {"checked_at", QT_TRANSLATE_NOOP("vd::CaseText", "Checked at")},
                                  {"description", QT_TRANSLATE_NOOP("vd::CaseText", "Description")},
                                  {"solution_category", QT_TRANSLATE_NOOP("vd::CaseText", "Solution category")},
                                  {"start", QT_TRANSLATE_NOOP("vd::CaseText", "Project start")},
                                  {"end", QT_TRANSLATE_NOOP("vd::CaseText", "Project end")},
                                  {"items", QT_TRANSLATE_NOOP("vd::CaseText", "Budget items")},
                                  {"attachments", QT_TRANSLATE_NOOP("vd::CaseText", "Attachments")},
                                  {"declarations", QT_TRANSLATE_NOOP("vd::CaseText", "Declarations")},
                                  {"applicant_id", QT_TRANSLATE_NOOP("vd::CaseText", "Applicant")},
                                  {"name", QT_TRANSLATE_NOOP("vd::CaseText", "Name")},
                                  {"address", QT_TRANSLATE_NOOP("vd::CaseText", "Address")},
                                  {"contact_name", QT_TRANSLATE_NOOP("vd::CaseText", "Contact person")},
                                  {"contact_email", QT_TRANSLATE_NOOP("vd::CaseText", "Contact e-mail")},
                                  {"contact_phone", QT_TRANSLATE_NOOP("vd::CaseText", "Contact telephone")},
                                  {"employees", QT_TRANSLATE_NOOP("vd::CaseText", "Employees")},
                                  {"sector", QT_TRANSLATE_NOOP("vd::CaseText", "Sector")},
                                  {"summary", QT_TRANSLATE_NOOP("vd::CaseText", "Summary")},
                                  {"comment", QT_TRANSLATE_NOOP("vd::CaseText", "Comment")},
                                  {"notes", QT_TRANSLATE_NOOP("vd::CaseText", "Notes")},
                                  {"amount", QT_TRANSLATE_NOOP("vd::CaseText", "Amount")},
                                  {"score", QT_TRANSLATE_NOOP("vd::CaseText", "Score")},
                                  {"outcome", QT_TRANSLATE_NOOP("vd::CaseText", "Outcome")},
                                  {"recommended_grant", QT_TRANSLATE_NOOP("vd::CaseText", "Recommended grant")},
                                  {"username", QT_TRANSLATE_NOOP("vd::CaseText", "User name")},
                                  {"display_name", QT_TRANSLATE_NOOP("vd::CaseText", "Name")},
                                  {"email", QT_TRANSLATE_NOOP("vd::CaseText", "E-mail")},
                                  {"role", QT_TRANSLATE_NOOP("vd::CaseText", "Role")},
                                  {"active", QT_TRANSLATE_NOOP("vd::CaseText", "Active")}},
                                 field);
    if (!known.isEmpty())
        return known;
    QString words = field;
    words.replace(u'_', u' ');
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

namespace {

QJsonObject objectOf(const QByteArray &json)
{
    return json.isNull() ? QJsonObject() : QJsonDocument::fromJson(json).object();
}

} // namespace

QString CaseText::person(const QString &userId) const
{
    if (userId.isEmpty())
        return tr("nobody");
    const auto found = m_people.constFind(userId);
    if (found == m_people.constEnd())
        return tr("someone outside this workspace");
    const QString name = found->displayName.in(QLocale());
    return name.isEmpty() ? found->username : name;
}

QString CaseText::date(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString CaseText::dateTime(const QDateTime &instant)
{
    return instant.isValid() ? QLocale().toString(instant.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString CaseText::direction(const QString &direction)
{
    const QString text = lookUp({{"incoming", QT_TRANSLATE_NOOP("vd::CaseText", "Received")},
                                 {"outgoing", QT_TRANSLATE_NOOP("vd::CaseText", "Sent")}},
                                direction);
    return text.isEmpty() ? direction : text;
}

QString CaseText::channel(const QString &channel)
{
    const QString text = lookUp({{"email", QT_TRANSLATE_NOOP("vd::CaseText", "E-mail")},
                                 {"letter", QT_TRANSLATE_NOOP("vd::CaseText", "Letter")},
                                 {"portal", QT_TRANSLATE_NOOP("vd::CaseText", "Online portal")},
                                 {"phone", QT_TRANSLATE_NOOP("vd::CaseText", "Telephone")}},
                                channel);
    return text.isEmpty() ? channel : text;
}

QString CaseText::status(const QString &status) const
{
    return m_scheme.statuses().nameOf(status, QLocale());
}

QString CaseText::recordKind(const QString &entityType)
{
    const QString text = lookUp(
        {{"application", QT_TRANSLATE_NOOP("vd::CaseText", "Application")},
         {"status_change", QT_TRANSLATE_NOOP("vd::CaseText", "Status change")},
         {"clarification_request", QT_TRANSLATE_NOOP("vd::CaseText", "Clarification request")},
         {"correspondence_entry", QT_TRANSLATE_NOOP("vd::CaseText", "Correspondence")},
         {"eligibility_check", QT_TRANSLATE_NOOP("vd::CaseText", "Eligibility checklist")},
         {"change_request", QT_TRANSLATE_NOOP("vd::CaseText", "Change request")},
         {"site_check", QT_TRANSLATE_NOOP("vd::CaseText", "Site check")},
         {"project_report", QT_TRANSLATE_NOOP("vd::CaseText", "Project report")},
         {"agenda_item", QT_TRANSLATE_NOOP("vd::CaseText", "Agenda item")},
         {"interest_declaration", QT_TRANSLATE_NOOP("vd::CaseText", "Declaration of interest")},
         {"review", QT_TRANSLATE_NOOP("vd::CaseText", "Review")},
         {"committee_outcome", QT_TRANSLATE_NOOP("vd::CaseText", "Committee outcome")},
         {"approval", QT_TRANSLATE_NOOP("vd::CaseText", "Approval")},
         {"funding_agreement", QT_TRANSLATE_NOOP("vd::CaseText", "Funding agreement")},
         {"disbursement_milestone", QT_TRANSLATE_NOOP("vd::CaseText", "Disbursement milestone")},
         {"payment", QT_TRANSLATE_NOOP("vd::CaseText", "Payment")},
         {"enterprise", QT_TRANSLATE_NOOP("vd::CaseText", "Enterprise")},
         {"enterprise_relation", QT_TRANSLATE_NOOP("vd::CaseText", "Related enterprise")},
         {"user", QT_TRANSLATE_NOOP("vd::CaseText", "User account")},
         {"committee", QT_TRANSLATE_NOOP("vd::CaseText", "Committee")},
         {"committee_term", QT_TRANSLATE_NOOP("vd::CaseText", "Committee term")},
         {"committee_membership", QT_TRANSLATE_NOOP("vd::CaseText", "Committee membership")},
         {"meeting", QT_TRANSLATE_NOOP("vd::CaseText", "Meeting")},
         {"attendance", QT_TRANSLATE_NOOP("vd::CaseText", "Attendance")}},
        entityType);
    return text.isEmpty() ? fieldName(entityType) : text;
}

QString CaseText::auditAction(const AuditEntry &entry) const
{
    if (const SchemeTerm *action = m_scheme.actions().find(entry.action))
        return action->name.in(QLocale());
    const QString text = lookUp({{"create", QT_TRANSLATE_NOOP("vd::CaseText", "Created")},
                                 {"update", QT_TRANSLATE_NOOP("vd::CaseText", "Changed")},
                                 {"delete", QT_TRANSLATE_NOOP("vd::CaseText", "Removed")},
                                 {"import", QT_TRANSLATE_NOOP("vd::CaseText", "Imported")},
                                 {"confirm_eligibility", QT_TRANSLATE_NOOP("vd::CaseText", "Confirmed")},
                                 {"withdraw_eligibility", QT_TRANSLATE_NOOP("vd::CaseText", "Confirmation withdrawn")}},
                                entry.action);
    return text.isEmpty() ? fieldName(entry.action) : text;
}

QString CaseText::fieldValue(const QString &field, const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("—");
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    if (value.isArray())
        return tr("%n entries", nullptr, int(value.toArray().size()));
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains(QLatin1String("en")) || object.contains(QLatin1String("zh")))
            return BilingualText{object.value(QLatin1String("en")).toString(), object.value(QLatin1String("zh")).toString()}
                .in(QLocale());
        return tr("%n details", nullptr, int(object.size()));
    }
    const QString text = value.isString() ? value.toString() : value.toVariant().toString();
    if (namesPerson(field))
        return person(text);
    if (namesStatus(field))
        return status(text);
    if (field == QLatin1String("item"))
        return m_scheme.eligibilityChecks().nameOf(text, QLocale());
    if (field == QLatin1String("direction"))
        return direction(text);
    if (field == QLatin1String("channel"))
        return channel(text);
    if (field == QLatin1String("action"))
        return m_scheme.actions().nameOf(text, QLocale());
    if (field.endsWith(QLatin1String("_at")) || field == QLatin1String("at"))
        return dateTime(QDateTime::fromString(text, Qt::ISODateWithMs));
    if (const QDate day = QDate::fromString(text, Qt::ISODate); day.isValid() && text.size() == 10)
        return date(day);
    if (namesMoney(field)) {
        if (const std::optional<Money> amount = Money::parse(text))
            return amount->toDisplayString(QLocale());
    }
    return text;
}

QStringList CaseText::auditChanges(const AuditEntry &entry) const
{
    const QJsonObject before = objectOf(entry.beforeJson);
    const QJsonObject after = objectOf(entry.afterJson);
    QStringList fields = after.keys();
    for (const QString &field : before.keys()) {
        if (!fields.contains(field))
            fields << field;
    }
    QStringList changes;
    for (const QString &field : std::as_const(fields)) {
        const QJsonValue was = before.value(field);
        const QJsonValue is = after.value(field);
        if (isBookkeeping(field) || was == is)
            continue;
        if (entry.beforeJson.isNull()) {
            if (!is.isNull() && !(is.isString() && is.toString().isEmpty()) && !(is.isArray() && is.toArray().isEmpty()))
                changes << tr("%1: %2").arg(fieldName(field), fieldValue(field, is));
        } else {
            changes << tr("%1: %2 → %3").arg(fieldName(field), fieldValue(field, was), fieldValue(field, is));
        }
    }
    return changes;
}

} // namespace vd
