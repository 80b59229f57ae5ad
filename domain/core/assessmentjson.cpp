#include "assessmentjson.h"

#include "rulebook.h"
#include "scheme.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vd {

namespace {

struct AssessmentJsonText
{
    Q_DECLARE_TR_FUNCTIONS(vd::AssessmentJson)
};

const QString kInputFormat = QStringLiteral("voucherdesk.assess/1");
const QString kOutputFormat = QStringLiteral("voucherdesk.assessment/1");
constexpr qint64 kMaxRevision = qint64(1) << 53; // exact in a JSON number
constexpr qint64 kManyEmployees = 10'000'000;
constexpr qint64 kManyMonths = 1200;

QJsonValue dateValue(QDate date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue moneyValue(const std::optional<Money> &amount)
{
    return amount ? QJsonValue(amount->toDecimalString()) : QJsonValue();
}

// Instants are written in UTC with milliseconds, and read with any offset.
QJsonValue instantValue(const QDateTime &instant)
{
    return instant.isValid() ? QJsonValue(instant.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime readInstant(const JsonReader &reader, const QString &key)
{
    if (reader.isNull(key))
        return {};
    static const QRegularExpression shape(
        QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?(Z|[+-][0-9]{2}:[0-9]{2})$"));
    const QString text = reader.string(key);
    const QDateTime instant = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!shape.match(text).hasMatch() || !instant.isValid())
        reader.fail(key, AssessmentJsonText::tr("\"%1\" is not a date and time; write it as 2024-05-02T09:30:00Z").arg(text));
    return instant;
}

// Bilingual text that may be left empty, such as a draft's title.
BilingualText readOptionalText(const JsonReader &reader, const QString &key)
{
    const auto text = reader.optionalObject(key);
    if (!text)
        return {};
    return {text->optionalString(QStringLiteral("en")), text->optionalString(QStringLiteral("zh"))};
}

// A vocabulary term that may be left empty, such as a sector not yet chosen.
QString readOptionalTerm(const JsonReader &reader, const QString &key, const SchemeVocabulary &vocabulary)
{
    if (reader.isNull(key))
        return {};
    return reader.string(key).isEmpty() ? QString() : reader.oneOf(key, vocabulary.ids());
}

qint64 readRevision(const JsonReader &reader)
{
    return reader.optionalInteger(QStringLiteral("revision"), 0, kMaxRevision).value_or(0);
}

QJsonArray findingsToJson(const QList<Finding> &findings)
{
    QJsonArray array;
    for (const Finding &finding : findings)
        array.append(QJsonObject{{QStringLiteral("code"), finding.code},
                                 {QStringLiteral("path"), finding.path},
                                 {QStringLiteral("message"), finding.message()}});
    return array;
}

Quotation readQuotation(const JsonReader &reader)
{
    Quotation quotation;
    quotation.id = reader.optionalString(QStringLiteral("id"));
    quotation.supplier = reader.string(QStringLiteral("supplier"));
    if (quotation.supplier.trimmed().isEmpty())
        reader.fail(QStringLiteral("supplier"), AssessmentJsonText::tr("needs the supplier's name"));
    quotation.amount = reader.money(QStringLiteral("amount"), true);
    quotation.selected = reader.optionalBoolean(QStringLiteral("selected"), false);
    quotation.platform = reader.optionalBoolean(QStringLiteral("platform"), false);
    return quotation;
}

QJsonObject quotationToJson(const Quotation &quotation)
{
    return {{QStringLiteral("id"), quotation.id},
            {QStringLiteral("supplier"), quotation.supplier},
            {QStringLiteral("amount"), quotation.amount.toDecimalString()},
            {QStringLiteral("selected"), quotation.selected},
            {QStringLiteral("platform"), quotation.platform}};
}

BudgetItem readItem(const JsonReader &reader, const RuleBook &rules, Completeness completeness)
{
    BudgetItem item;
    item.id = reader.optionalString(QStringLiteral("id"));
    item.category = reader.oneOf(QStringLiteral("category"), rules.scheme().budgetCategories().ids());
    item.description = reader.bilingual(QStringLiteral("description"));
    item.amount = reader.money(QStringLiteral("amount"), true);
    if (const auto months = reader.optionalInteger(QStringLiteral("months"), 1, kManyMonths))
        item.months = int(*months);
    else if (completeness == Completeness::Complete && rules.countsMonths(item.category))
        reader.fail(QStringLiteral("months"), AssessmentJsonText::tr("is required for this category: give the number of months"));
    for (const JsonReader &quotation : reader.array(QStringLiteral("quotations"), false))
        item.quotations.append(readQuotation(quotation));
    item.justification = reader.optionalString(QStringLiteral("justification"));
    return item;
}

QJsonObject itemToJson(const BudgetItem &item)
{
    QJsonArray quotations;
    for (const Quotation &quotation : item.quotations)
        quotations.append(quotationToJson(quotation));
    return {{QStringLiteral("id"), item.id},
            {QStringLiteral("category"), item.category},
            {QStringLiteral("description"), item.description.toJson()},
            {QStringLiteral("amount"), item.amount.toDecimalString()},
            {QStringLiteral("months"), item.months ? QJsonValue(*item.months) : QJsonValue()},
            {QStringLiteral("quotations"), quotations},
            {QStringLiteral("justification"), item.justification.isEmpty() ? QJsonValue() : QJsonValue(item.justification)}};
}

AttachmentReference readAttachment(const JsonReader &reader)
{
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-fA-F]{64}$"));
    AttachmentReference attachment;
    attachment.id = reader.optionalString(QStringLiteral("id"));
    attachment.kind = reader.string(QStringLiteral("kind"));
    attachment.fileName = reader.string(QStringLiteral("file_name"));
    attachment.sha256 = reader.string(QStringLiteral("sha256"));
    if (!sha256.match(attachment.sha256).hasMatch())
        reader.fail(QStringLiteral("sha256"), AssessmentJsonText::tr("must be a SHA-256 digest: 64 hexadecimal digits"));
    attachment.size = reader.integer(QStringLiteral("size"), 0, kMaxRevision);
    return attachment;
}

QJsonObject attachmentToJson(const AttachmentReference &attachment)
{
    return {{QStringLiteral("id"), attachment.id},
            {QStringLiteral("kind"), attachment.kind},
            {QStringLiteral("file_name"), attachment.fileName},
            {QStringLiteral("sha256"), attachment.sha256},
            {QStringLiteral("size"), attachment.size}};
}

ApplicantDeclaration readDeclaration(const JsonReader &reader)
{
    return {reader.string(QStringLiteral("kind")), reader.boolean(QStringLiteral("accepted")),
            readInstant(reader, QStringLiteral("declared_at"))};
}

QJsonObject declarationToJson(const ApplicantDeclaration &declaration)
{
    return {{QStringLiteral("kind"), declaration.kind},
            {QStringLiteral("accepted"), declaration.accepted},
            {QStringLiteral("declared_at"), instantValue(declaration.declaredAt)}};
}

} // namespace

Enterprise readApplicant(const JsonReader &reader, const Scheme &scheme)
{
    Enterprise applicant;
    applicant.id = reader.optionalString(QStringLiteral("id"));
    applicant.revision = readRevision(reader);
    // Its shape is a rule (INVALID_BR_NUMBER), not a reading matter: any text is read.
    if (!reader.isNull(QStringLiteral("br_number")))
        applicant.brNumber = reader.string(QStringLiteral("br_number"));
    applicant.name = reader.bilingual(QStringLiteral("name"));
    applicant.entityType = reader.oneOf(QStringLiteral("entity_type"), scheme.entityTypes().ids());
    applicant.listed = reader.boolean(QStringLiteral("listed"));
    applicant.governmentSubvented = reader.boolean(QStringLiteral("government_subvented"));
    applicant.substantiveBusinessInHk = reader.boolean(QStringLiteral("substantive_business_in_hk"));
    applicant.businessCommenced = reader.date(QStringLiteral("business_commenced"));
    applicant.employees = int(reader.integer(QStringLiteral("employees"), 0, kManyEmployees));
    applicant.manufacturing = reader.boolean(QStringLiteral("manufacturing"));
    for (const JsonReader &owner : reader.array(QStringLiteral("owners"), false))
        applicant.owners.append(Owner{owner.string(QStringLiteral("name")), owner.percentage(QStringLiteral("share_pct"))});
    applicant.sector = readOptionalTerm(reader, QStringLiteral("sector"), scheme.sectors());
    applicant.address = readOptionalText(reader, QStringLiteral("address"));
    applicant.contactName = reader.optionalString(QStringLiteral("contact_name"));
    applicant.contactEmail = reader.optionalString(QStringLiteral("contact_email"));
    applicant.contactPhone = reader.optionalString(QStringLiteral("contact_phone"));
    return applicant;
}

QJsonObject applicantToJson(const Enterprise &applicant)
{
    QJsonArray owners;
    for (const Owner &owner : applicant.owners)
        owners.append(QJsonObject{{QStringLiteral("name"), owner.name}, {QStringLiteral("share_pct"), owner.share.toString()}});
    return {{QStringLiteral("id"), applicant.id},
            {QStringLiteral("revision"), applicant.revision},
            {QStringLiteral("br_number"), applicant.brNumber ? QJsonValue(*applicant.brNumber) : QJsonValue()},
            {QStringLiteral("name"), applicant.name.toJson()},
            {QStringLiteral("entity_type"), applicant.entityType},
            {QStringLiteral("listed"), applicant.listed},
            {QStringLiteral("government_subvented"), applicant.governmentSubvented},
            {QStringLiteral("substantive_business_in_hk"), applicant.substantiveBusinessInHk},
            {QStringLiteral("business_commenced"), dateValue(applicant.businessCommenced)},
            {QStringLiteral("employees"), applicant.employees},
            {QStringLiteral("manufacturing"), applicant.manufacturing},
            {QStringLiteral("owners"), owners},
            {QStringLiteral("sector"), applicant.sector},
            {QStringLiteral("address"), applicant.address.toJson()},
            {QStringLiteral("contact_name"), applicant.contactName},
            {QStringLiteral("contact_email"), applicant.contactEmail},
            {QStringLiteral("contact_phone"), applicant.contactPhone}};
}

ApplicationHistoryEntry readHistoryEntry(const JsonReader &reader, const Scheme &scheme)
{
    ApplicationHistoryEntry entry;
    entry.reference = reader.string(QStringLiteral("reference"));
    entry.submitted = reader.date(QStringLiteral("submitted"));
    entry.status = reader.oneOf(QStringLiteral("status"), scheme.statuses().ids());
    // An application that never got as far as approval has no approved grant.
    entry.approvedGrant = reader.optionalMoney(QStringLiteral("approved_grant"), false).value_or(Money());
    entry.finalGrant = reader.optionalMoney(QStringLiteral("final_grant"), false);
    return entry;
}

QJsonObject historyEntryToJson(const ApplicationHistoryEntry &entry)
{
    return {{QStringLiteral("reference"), entry.reference},
            {QStringLiteral("submitted"), dateValue(entry.submitted)},
            {QStringLiteral("status"), entry.status},
            {QStringLiteral("approved_grant"), entry.approvedGrant.toDecimalString()},
            {QStringLiteral("final_grant"), moneyValue(entry.finalGrant)}};
}

QList<ApplicationHistoryEntry> readHistory(const JsonReader &parent, const QString &key, const Scheme &scheme)
{
    QList<ApplicationHistoryEntry> history;
    for (const JsonReader &entry : parent.array(key, false))
        history.append(readHistoryEntry(entry, scheme));
    return history;
}

QJsonArray historyToJson(const QList<ApplicationHistoryEntry> &history)
{
    QJsonArray array;
    for (const ApplicationHistoryEntry &entry : history)
        array.append(historyEntryToJson(entry));
    return array;
}

RelatedEnterprise readRelatedEnterprise(const JsonReader &reader, const Scheme &scheme)
{
    return {reader.string(QStringLiteral("br_number")), reader.percentage(QStringLiteral("common_ownership_pct")),
            readHistory(reader, QStringLiteral("history"), scheme)};
}

QJsonObject relatedEnterpriseToJson(const RelatedEnterprise &related)
{
    return {{QStringLiteral("br_number"), related.brNumber},
            {QStringLiteral("common_ownership_pct"), related.commonOwnership.toString()},
            {QStringLiteral("history"), historyToJson(related.history)}};
}

Application readApplication(const JsonReader &reader, const RuleBook &rules, Completeness completeness)
{
    const Scheme &scheme = rules.scheme();
    const bool complete = completeness == Completeness::Complete;
    Application application;
    application.id = reader.optionalString(QStringLiteral("id"));
    application.revision = readRevision(reader);
    application.reference = reader.optionalString(QStringLiteral("reference"));
    application.scheme = reader.optionalString(QStringLiteral("scheme"), application.scheme);
    application.enterpriseId = reader.optionalString(QStringLiteral("applicant_id"));
    if (!reader.isNull(QStringLiteral("status")))
        application.status = reader.oneOf(QStringLiteral("status"), scheme.statuses().ids());
    application.title = readOptionalText(reader, QStringLiteral("title"));
    application.description = readOptionalText(reader, QStringLiteral("description"));
    application.solutionCategory = readOptionalTerm(reader, QStringLiteral("solution_category"), scheme.solutionCategories());
    if (complete)
        application.submitted = reader.date(QStringLiteral("submitted"));
    else
        application.submitted = reader.optionalDate(QStringLiteral("submitted"));
    application.start = complete ? reader.date(QStringLiteral("start")) : reader.optionalDate(QStringLiteral("start")).value_or(QDate());
    application.end = complete ? reader.date(QStringLiteral("end")) : reader.optionalDate(QStringLiteral("end")).value_or(QDate());
    for (const JsonReader &item : reader.array(QStringLiteral("items"), complete))
        application.items.append(readItem(item, rules, completeness));
    for (const JsonReader &attachment : reader.array(QStringLiteral("attachments"), false))
        application.attachments.append(readAttachment(attachment));
    for (const JsonReader &declaration : reader.array(QStringLiteral("declarations"), false))
        application.declarations.append(readDeclaration(declaration));
    application.caseOfficerId = reader.optionalString(QStringLiteral("case_officer_id"));
    application.approvedGrant = reader.optionalMoney(QStringLiteral("approved_grant"), false);
    application.finalGrant = reader.optionalMoney(QStringLiteral("final_grant"), false);
    application.createdAt = readInstant(reader, QStringLiteral("created_at"));
    application.updatedAt = readInstant(reader, QStringLiteral("updated_at"));
    return application;
}

QJsonObject applicationToJson(const Application &application)
{
    QJsonArray items;
    for (const BudgetItem &item : application.items)
        items.append(itemToJson(item));
    QJsonArray attachments;
    for (const AttachmentReference &attachment : application.attachments)
        attachments.append(attachmentToJson(attachment));
    QJsonArray declarations;
    for (const ApplicantDeclaration &declaration : application.declarations)
        declarations.append(declarationToJson(declaration));
    return {{QStringLiteral("id"), application.id},
            {QStringLiteral("revision"), application.revision},
            {QStringLiteral("reference"), application.reference},
            {QStringLiteral("scheme"), application.scheme},
            {QStringLiteral("applicant_id"), application.enterpriseId},
            {QStringLiteral("status"), application.status},
            {QStringLiteral("title"), application.title.toJson()},
            {QStringLiteral("description"), application.description.toJson()},
            {QStringLiteral("solution_category"), application.solutionCategory},
            {QStringLiteral("submitted"), dateValue(application.submitted.value_or(QDate()))},
            {QStringLiteral("start"), dateValue(application.start)},
            {QStringLiteral("end"), dateValue(application.end)},
            {QStringLiteral("items"), items},
            {QStringLiteral("attachments"), attachments},
            {QStringLiteral("declarations"), declarations},
            {QStringLiteral("case_officer_id"), application.caseOfficerId},
            {QStringLiteral("approved_grant"), moneyValue(application.approvedGrant)},
            {QStringLiteral("final_grant"), moneyValue(application.finalGrant)},
            {QStringLiteral("created_at"), instantValue(application.createdAt)},
            {QStringLiteral("updated_at"), instantValue(application.updatedAt)}};
}

AssessmentInput readAssessmentInput(const QJsonObject &document, const RuleBook &rules)
{
    const JsonReader root(document, QString());
    const QString format = root.string(QStringLiteral("format"));
    if (format != kInputFormat)
        root.fail(QStringLiteral("format"),
                  AssessmentJsonText::tr("unknown format \"%1\"; expected \"%2\"").arg(format, kInputFormat));
    const QString scheme = root.string(QStringLiteral("scheme"));
    if (scheme != rules.scheme().id())
        root.fail(QStringLiteral("scheme"),
                  AssessmentJsonText::tr("unknown scheme \"%1\"; expected \"%2\"").arg(scheme, rules.scheme().id()));
    AssessmentInput input;
    input.applicant = readApplicant(root.object(QStringLiteral("applicant")), rules.scheme());
    input.history = readHistory(root, QStringLiteral("history"), rules.scheme());
    for (const JsonReader &related : root.array(QStringLiteral("related"), false))
        input.related.append(readRelatedEnterprise(related, rules.scheme()));
    input.application = readApplication(root.object(QStringLiteral("application")), rules, Completeness::Complete);
    return input;
}

QJsonObject assessmentInputToJson(const AssessmentInput &input, const QString &schemeId)
{
    QJsonArray related;
    for (const RelatedEnterprise &enterprise : input.related)
        related.append(relatedEnterpriseToJson(enterprise));
    return {{QStringLiteral("format"), kInputFormat},
            {QStringLiteral("scheme"), schemeId},
            {QStringLiteral("applicant"), applicantToJson(input.applicant)},
            {QStringLiteral("history"), historyToJson(input.history)},
            {QStringLiteral("related"), related},
            {QStringLiteral("application"), applicationToJson(input.application)}};
}

QJsonObject assessmentToJson(const Assessment &assessment)
{
    return {{QStringLiteral("format"), kOutputFormat},
            {QStringLiteral("rule_set"), assessment.ruleSet.isEmpty() ? QJsonValue() : QJsonValue(assessment.ruleSet)},
            {QStringLiteral("eligible"), assessment.eligible},
            {QStringLiteral("total_cost"), assessment.totalCost.toDecimalString()},
            {QStringLiteral("eligible_cost"), assessment.eligibleCost.toDecimalString()},
            {QStringLiteral("grant"), assessment.grant.toDecimalString()},
            {QStringLiteral("applicant_contribution"), assessment.applicantContribution.toDecimalString()},
            {QStringLiteral("cap_remaining_before"), assessment.capRemainingBefore.toDecimalString()},
            {QStringLiteral("projects_used_before"), assessment.projectsUsedBefore},
            {QStringLiteral("initial_payment_max"), assessment.initialPaymentMax.toDecimalString()},
            {QStringLiteral("audited_accounts_required"), assessment.auditedAccountsRequired},
            {QStringLiteral("final_report_due"), dateValue(assessment.finalReportDue)},
            {QStringLiteral("evaluation_report_due"), dateValue(assessment.evaluationReportDue)},
            {QStringLiteral("records_retained_until"), dateValue(assessment.recordsRetainedUntil)},
            {QStringLiteral("errors"), findingsToJson(assessment.errors)},
            {QStringLiteral("warnings"), findingsToJson(assessment.warnings)}};
}

} // namespace vd
