// show REF: one case in full.
#include "clicommand.h"

#include "assessmentjson.h"
#include "casefile.h"
#include "casesummaries.h"
#include "clioptions.h"
#include "domainerror.h"
#include "recordjson.h"
#include "scheme.h"
#include "texttable.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

// Values of the records' own fields (the scheme's vocabularies have their own names).
struct Term
{
    const char *id;
    const char *text;
};
constexpr Term kTerms[] = {
    {"incoming", QT_TRANSLATE_NOOP("vd::cli", "incoming")},
    {"outgoing", QT_TRANSLATE_NOOP("vd::cli", "outgoing")},
    {"email", QT_TRANSLATE_NOOP("vd::cli", "e-mail")},
    {"letter", QT_TRANSLATE_NOOP("vd::cli", "letter")},
    {"portal", QT_TRANSLATE_NOOP("vd::cli", "portal")},
    {"phone", QT_TRANSLATE_NOOP("vd::cli", "phone")},
    {"pending", QT_TRANSLATE_NOOP("vd::cli", "pending")},
    {"approved", QT_TRANSLATE_NOOP("vd::cli", "approved")},
    {"rejected", QT_TRANSLATE_NOOP("vd::cli", "rejected")},
    {"satisfactory", QT_TRANSLATE_NOOP("vd::cli", "satisfactory")},
    {"issues_found", QT_TRANSLATE_NOOP("vd::cli", "issues found")},
    {"suspicious", QT_TRANSLATE_NOOP("vd::cli", "suspicious")},
    {"final", QT_TRANSLATE_NOOP("vd::cli", "final")},
    {"evaluation", QT_TRANSLATE_NOOP("vd::cli", "evaluation")},
    {"initial", QT_TRANSLATE_NOOP("vd::cli", "initial")},
    {"other", QT_TRANSLATE_NOOP("vd::cli", "other")},
    {"recovery", QT_TRANSLATE_NOOP("vd::cli", "recovery")},
    {"proposed", QT_TRANSLATE_NOOP("vd::cli", "proposed")},
    {"released", QT_TRANSLATE_NOOP("vd::cli", "released")},
    {"recovered", QT_TRANSLATE_NOOP("vd::cli", "recovered")},
    {"in_person", QT_TRANSLATE_NOOP("vd::cli", "in person")},
    {"video", QT_TRANSLATE_NOOP("vd::cli", "video")},
    {"hybrid", QT_TRANSLATE_NOOP("vd::cli", "hybrid")},
    {"planned", QT_TRANSLATE_NOOP("vd::cli", "planned")},
    {"held", QT_TRANSLATE_NOOP("vd::cli", "held")},
    {"supported", QT_TRANSLATE_NOOP("vd::cli", "supported")},
    {"not_supported", QT_TRANSLATE_NOOP("vd::cli", "not supported")},
    {"upcoming", QT_TRANSLATE_NOOP("vd::cli", "upcoming")},
    {"due_soon", QT_TRANSLATE_NOOP("vd::cli", "due soon")},
    {"overdue", QT_TRANSLATE_NOOP("vd::cli", "overdue")},
    {"met", QT_TRANSLATE_NOOP("vd::cli", "met")},
    {"none", QT_TRANSLATE_NOOP("vd::cli", "no ruling")},
    {"may_participate", QT_TRANSLATE_NOOP("vd::cli", "may take part")},
    {"abstain", QT_TRANSLATE_NOOP("vd::cli", "abstains")},
    {"leave_room", QT_TRANSLATE_NOOP("vd::cli", "leaves the room")},
};

QString term(const QString &id)
{
    for (const Term &known : kTerms) {
        if (id == QLatin1String(known.id))
            return CliText::tr(known.text);
    }
    return id;
}

QString yesNo(bool value)
{
    return value ? CliText::tr("yes") : CliText::tr("no");
}

template <typename Record>
QJsonArray recordsJson(const QList<Record> &records)
{
    QJsonArray array;
    for (const Record &record : records)
        array.append(record::toJson(record));
    return array;
}

// Each signature with what its check found.
QJsonArray signaturesJson(const CaseFile &file)
{
    QJsonArray signatures;
    for (const CheckedSignature &checked : file.signatures) {
        QJsonObject json = record::toJson(checked.signature);
        json.insert(QStringLiteral("signer"), file.personName(checked.signature.signerId));
        json.insert(QStringLiteral("verifies"), checked.verifies);
        json.insert(QStringLiteral("record_changed_since"), checked.recordChanged);
        if (!checked.verifies)
            json.insert(QStringLiteral("problem"), QJsonObject{{QStringLiteral("code"), checked.code},
                                                                {QStringLiteral("reason"), checked.reason}});
        signatures.append(json);
    }
    return signatures;
}

QJsonObject caseJson(const CaseFile &file)
{
    QJsonArray meetings, deadlines, audit;
    for (const Meeting &meeting : file.meetings)
        meetings.append(record::toJson(meeting));
    for (const CaseDeadline &deadline : file.deadlines)
        deadlines.append(QJsonObject{
            {QStringLiteral("kind"), deadline.kind},
            {QStringLiteral("due_on"), record::dateText(deadline.dueOn)},
            {QStringLiteral("state"), deadline.state},
            {QStringLiteral("subject_id"), deadline.subjectId},
            {QStringLiteral("met_on"), deadline.metOn ? QJsonValue(record::dateText(*deadline.metOn)) : QJsonValue()},
            {QStringLiteral("label"), deadline.label(QLocale())}});
    for (const AuditEntry &entry : file.auditEntries)
        audit.append(QJsonObject{{QStringLiteral("seq"), entry.seq},
                                 {QStringLiteral("id"), entry.id},
                                 {QStringLiteral("at"), record::instantText(entry.at)},
                                 {QStringLiteral("actor_id"), entry.actorId},
                                 {QStringLiteral("actor"), file.personName(entry.actorId)},
                                 {QStringLiteral("action"), entry.action},
                                 {QStringLiteral("entity_type"), entry.entityType},
                                 {QStringLiteral("entity_id"), entry.entityId},
                                 {QStringLiteral("hash"), QString::fromLatin1(entry.hash.toHex())}});
    QJsonObject json{
        {QStringLiteral("application"), record::toJson(file.application)},
        {QStringLiteral("applicant"), record::toJson(file.applicant)},
        {QStringLiteral("assessment"), assessmentToJson(file.assessment)},
        {QStringLiteral("status_changes"), recordsJson(file.statusChanges)},
        {QStringLiteral("clarifications"), recordsJson(file.clarifications)},
        {QStringLiteral("correspondence"), recordsJson(file.correspondence)},
        {QStringLiteral("agenda_items"), recordsJson(file.agendaItems)},
        {QStringLiteral("meetings"), meetings},
        {QStringLiteral("declarations"), recordsJson(file.declarations)},
        {QStringLiteral("reviews"), recordsJson(file.reviews)},
        {QStringLiteral("committee_outcomes"), recordsJson(file.outcomes)},
        {QStringLiteral("approvals"), recordsJson(file.approvals)},
        {QStringLiteral("agreements"), recordsJson(file.agreements)},
        {QStringLiteral("milestones"), recordsJson(file.milestones)},
        {QStringLiteral("payments"), recordsJson(file.payments)},
        {QStringLiteral("change_requests"), recordsJson(file.changeRequests)},
        {QStringLiteral("site_checks"), recordsJson(file.siteChecks)},
        {QStringLiteral("reports"), recordsJson(file.reports)},
        {QStringLiteral("deadlines"), deadlines},
        {QStringLiteral("signatures"), signaturesJson(file)},
        {QStringLiteral("audit_entries"), audit}};
    if (!file.deadlinesUnavailable.isEmpty())
        json.insert(QStringLiteral("deadlines_unavailable"), file.deadlinesUnavailable);
    return json;
}

// The case as text, section by section, in the chosen language.
class CasePrinter
{
public:
    CasePrinter(const CaseFile &file, const Invocation &invocation)
        : m_file(file), m_out(invocation.out), m_locale(invocation.locale), m_scheme(Scheme::technologyVoucher())
    {}

    void print()
    {
        printSummary();
        printApplicant();
        printBudget();
        printAssessment();
        printHistory();
        printClarifications();
        printCorrespondence();
        printCommittee();
        printFunding();
        printImplementation();
        printDeadlines();
        printSignatures();
        printAudit();
    }

private:
    void heading(const QString &title) { m_out << '\n' << title << '\n' << QString(displayWidth(title), u'=') << '\n'; }
    void field(const QString &label, const QString &value)
    {
        if (!value.isEmpty())
            m_out << CliText::tr("%1: %2", "a labelled field of a case").arg(label, value) << '\n';
    }
    QString money(Money amount) const { return amount.toDisplayString(m_locale); }
    QString money(const std::optional<Money> &amount) const { return amount ? money(*amount) : QString(); }
    QString day(const QDate &date) const { return shortDate(date, m_locale); }
    QString day(const std::optional<QDate> &date) const { return shortDate(date, m_locale); }
    QString day(const QDateTime &instant) const
    {
        return instant.isValid() ? day(HolidayCalendar::hongKong().localDate(instant)) : QString();
    }
    QString day(const std::optional<QDateTime> &instant) const { return instant ? day(*instant) : QString(); }
    QString person(const QString &userId) const { return m_file.personDisplayName(userId, m_locale); }
    QString actionName(const QString &id) const { return m_scheme.actions().nameOf(id, m_locale); }
    QString statusName(const QString &id) const { return m_scheme.statuses().nameOf(id, m_locale); }
    void none() { m_out << CliText::tr("(none)") << '\n'; }

    void printSummary();
    void printApplicant();
    void printBudget();
    void printAssessment();
    void printFindings(const QString &title, const QList<Finding> &findings);
    void printHistory();
    void printClarifications();
    void printCorrespondence();
    void printCommittee();
    void printReviews();
    void printFunding();
    void printImplementation();
    void printDeadlines();
    void printSignatures();
    void printAudit();

    const CaseFile &m_file;
    QTextStream &m_out;
    const QLocale &m_locale;
    const Scheme &m_scheme;
};

void CasePrinter::printSummary()
{
    const Application &application = m_file.application;
    m_out << (application.reference.isEmpty() ? CliText::tr("Draft %1").arg(application.id) : application.reference)
          << "  " << application.title.in(m_locale) << '\n';
    field(CliText::tr("Status"), statusName(application.status));
    field(CliText::tr("Solution"), m_scheme.solutionCategories().nameOf(application.solutionCategory, m_locale));
    field(CliText::tr("Submitted"), day(application.submitted));
    field(CliText::tr("Project"), CliText::tr("%1 to %2").arg(day(application.start), day(application.end)));
    field(CliText::tr("Case officer"), person(application.caseOfficerId));
    field(CliText::tr("Total cost"), money(application.totalCost()));
    field(CliText::tr("Approved grant"), money(application.approvedGrant));
    field(CliText::tr("Final grant"), money(application.finalGrant));
    field(CliText::tr("Id"), application.id);
    m_out << '\n' << application.description.in(m_locale) << '\n';
}

void CasePrinter::printApplicant()
{
    const Enterprise &applicant = m_file.applicant;
    heading(CliText::tr("Applicant"));
    m_out << applicant.name.in(m_locale) << '\n';
    field(CliText::tr("Business registration"), applicant.brNumber.value_or(QString()));
    field(CliText::tr("Type"), m_scheme.entityTypes().nameOf(applicant.entityType, m_locale));
    field(CliText::tr("Sector"), m_scheme.sectors().nameOf(applicant.sector, m_locale));
    field(CliText::tr("Employees"), m_locale.toString(applicant.employees));
    field(CliText::tr("Business commenced"), day(applicant.businessCommenced));
    field(CliText::tr("Address"), applicant.address.in(m_locale));
    QStringList contact{applicant.contactName, applicant.contactEmail, applicant.contactPhone};
    contact.removeAll(QString());
    field(CliText::tr("Contact"), contact.join(CliText::tr(", ", "between the contact's name, email and phone")));
    QStringList owners;
    for (const Owner &owner : applicant.owners)
        owners << CliText::tr("%1 (%2%)").arg(owner.name, owner.share.toString());
    field(CliText::tr("Owners"), owners.join(CliText::tr("; ", "between the owners of an enterprise")));
}

void CasePrinter::printBudget()
{
    heading(CliText::tr("Budget"));
    TextTable table;
    table.addColumn(CliText::tr("Item"));
    table.addColumn(CliText::tr("Category"));
    table.addColumn(CliText::tr("Description"), TextTable::Align::Left, 40);
    table.addColumn(CliText::tr("Months"), TextTable::Align::Right);
    table.addColumn(CliText::tr("Amount"), TextTable::Align::Right);
    int number = 0;
    for (const BudgetItem &item : m_file.application.items) {
        table.addRow({QString::number(++number), m_scheme.budgetCategories().nameOf(item.category, m_locale),
                      item.description.in(m_locale), item.months ? m_locale.toString(*item.months) : QString(),
                      money(item.amount)});
        for (const Quotation &quotation : item.quotations)
            table.addRow({QString(), quotation.selected ? CliText::tr("  selected") : QString(),
                          CliText::tr("  quotation: %1%2")
                              .arg(quotation.supplier, quotation.platform ? CliText::tr(" (e-procurement platform)") : QString()),
                          QString(), money(quotation.amount)});
        if (!item.justification.isEmpty())
            table.addRow({QString(), QString(), CliText::tr("  why not the lowest: %1").arg(item.justification)});
    }
    table.addRow({QString(), QString(), CliText::tr("Total"), QString(), money(m_file.application.totalCost())});
    table.print(m_out);
}

void CasePrinter::printAssessment()
{
    const Assessment &assessment = m_file.assessment;
    heading(CliText::tr("Assessment by the rules (%1)").arg(assessment.ruleSet.isEmpty() ? CliText::tr("no rule set")
                                                                                          : assessment.ruleSet));
    field(CliText::tr("Eligible"), yesNo(assessment.eligible));
    field(CliText::tr("Total cost"), money(assessment.totalCost));
    field(CliText::tr("Eligible cost"), money(assessment.eligibleCost));
    field(CliText::tr("Grant by the rules"), money(assessment.grant));
    field(CliText::tr("Applicant's contribution"), money(assessment.applicantContribution));
    field(CliText::tr("Cap remaining before this case"), money(assessment.capRemainingBefore));
    field(CliText::tr("Projects funded before"), m_locale.toString(assessment.projectsUsedBefore));
    field(CliText::tr("Initial payment up to"), money(assessment.initialPaymentMax));
    field(CliText::tr("Audited accounts required"), yesNo(assessment.auditedAccountsRequired));
    field(CliText::tr("Final report due"), day(assessment.finalReportDue));
    field(CliText::tr("Evaluation report due"), day(assessment.evaluationReportDue));
    field(CliText::tr("Records kept until"), day(assessment.recordsRetainedUntil));
    printFindings(CliText::tr("Errors"), assessment.errors);
    printFindings(CliText::tr("Warnings"), assessment.warnings);
}

void CasePrinter::printFindings(const QString &title, const QList<Finding> &findings)
{
    if (findings.isEmpty())
        return;
    m_out << title << ":\n";
    for (const Finding &finding : findings)
        m_out << "  - " << finding.message() << " (" << finding.path << ")\n";
}

void CasePrinter::printHistory()
{
    heading(CliText::tr("Status history"));
    TextTable table;
    table.addColumn(CliText::tr("Date"));
    table.addColumn(CliText::tr("Action"));
    table.addColumn(CliText::tr("From"));
    table.addColumn(CliText::tr("To"));
    table.addColumn(CliText::tr("By"));
    table.addColumn(CliText::tr("Reason"), TextTable::Align::Left, 50);
    for (const StatusChange &change : m_file.statusChanges)
        table.addRow({day(change.at), actionName(change.action), statusName(change.fromStatus), statusName(change.toStatus),
                      person(change.actorId), change.reason});
    table.isEmpty() ? none() : table.print(m_out);
}

void CasePrinter::printClarifications()
{
    heading(CliText::tr("Clarifications"));
    if (m_file.clarifications.isEmpty())
        none();
    for (const ClarificationRequest &request : m_file.clarifications) {
        m_out << CliText::tr("Asked %1 by %2, due %3").arg(day(request.askedAt), person(request.askedBy), day(request.dueOn))
              << '\n';
        m_out << "  " << CliText::tr("Question: %1").arg(request.question) << '\n';
        if (request.answeredAt)
            m_out << "  " << CliText::tr("Answered %1 by %2: %3").arg(day(request.answeredAt), person(request.answeredBy),
                                                                       request.answer) << '\n';
        else
            m_out << "  " << CliText::tr("Not answered.") << '\n';
    }
}

void CasePrinter::printCorrespondence()
{
    heading(CliText::tr("Correspondence"));
    TextTable table;
    table.addColumn(CliText::tr("Date"));
    table.addColumn(CliText::tr("Direction"));
    table.addColumn(CliText::tr("Channel"));
    table.addColumn(CliText::tr("Subject"), TextTable::Align::Left, 60);
    table.addColumn(CliText::tr("By"));
    for (const CorrespondenceEntry &entry : m_file.correspondence)
        table.addRow({day(entry.at), term(entry.direction), term(entry.channel), entry.subject, person(entry.authorId)});
    table.isEmpty() ? none() : table.print(m_out);
}

void CasePrinter::printCommittee()
{
    heading(CliText::tr("Committee"));
    if (m_file.agendaItems.isEmpty() && m_file.reviews.isEmpty() && m_file.outcomes.isEmpty())
        none();
    for (const AgendaItem &item : m_file.agendaItems) {
        const Meeting meeting = m_file.meetings.value(item.meetingId);
        m_out << CliText::tr("On the agenda of the meeting of %1 (%2, %3), item %4")
                     .arg(day(meeting.heldAt), term(meeting.mode), term(meeting.status))
                     .arg(item.position)
              << '\n';
    }
    for (const InterestDeclaration &declaration : m_file.declarations)
        m_out << CliText::tr("Conflict declared by %1: %2; the chair's ruling: %3")
                     .arg(person(declaration.userId), declaration.description, term(declaration.chairRuling))
              << '\n';
    printReviews();
    for (const CommitteeOutcome &outcome : m_file.outcomes) {
        m_out << CliText::tr("Outcome, recorded %1 by %2: %3").arg(day(outcome.recordedAt), person(outcome.recordedBy),
                                                                    term(outcome.outcome)) << '\n';
        field(CliText::tr("  Recommended grant"), money(outcome.recommendedGrant));
        for (const BilingualText &condition : outcome.conditions)
            m_out << "  " << CliText::tr("Condition: %1").arg(condition.in(m_locale)) << '\n';
    }
}

void CasePrinter::printReviews()
{
    if (m_file.reviews.isEmpty())
        return;
    TextTable table;
    table.addColumn(CliText::tr("Reviewer"));
    table.addColumn(CliText::tr("Supports"));
    for (const SchemeTerm &criterion : m_scheme.reviewCriteria().terms())
        table.addColumn(criterion.name.in(m_locale), TextTable::Align::Right, 16);
    table.addColumn(CliText::tr("Comment"), TextTable::Align::Left, 50);
    for (const Review &review : m_file.reviews) {
        QStringList row{person(review.reviewerId), yesNo(review.supported)};
        for (const SchemeTerm &criterion : m_scheme.reviewCriteria().terms()) {
            const auto score = std::find_if(review.scores.begin(), review.scores.end(),
                                            [&](const ReviewScore &s) { return s.criterion == criterion.id; });
            row << (score == review.scores.end() ? QString() : m_locale.toString(score->score));
        }
        row << review.comment;
        table.addRow(row);
    }
    table.print(m_out);
}

void CasePrinter::printFunding()
{
    heading(CliText::tr("Approval and payments"));
    if (m_file.approvals.isEmpty() && m_file.agreements.isEmpty() && m_file.payments.isEmpty())
        none();
    for (const Approval &approval : m_file.approvals)
        m_out << CliText::tr("Approved %1 by %2: a grant of %3").arg(day(approval.approvedAt), person(approval.approvedBy),
                                                                      money(approval.approvedGrant)) << '\n';
    for (const FundingAgreement &agreement : m_file.agreements) {
        m_out << CliText::tr("Funding agreement issued %1").arg(day(agreement.issuedAt)) << '\n';
        field(CliText::tr("  Signing booked for"), day(agreement.signingBookedFor));
        field(CliText::tr("  Signed"), day(agreement.signedAt));
    }
    for (const DisbursementMilestone &milestone : m_file.milestones)
        m_out << CliText::tr("Milestone (%1): %2 due %3").arg(term(milestone.kind), money(milestone.amount), day(milestone.dueOn))
              << '\n';
    for (const Payment &payment : m_file.payments)
        m_out << CliText::tr("Payment (%1): %2, %3; proposed %4 by %5")
                     .arg(term(payment.kind), money(payment.amount), term(payment.status), day(payment.proposedAt),
                          person(payment.proposedBy))
              << (payment.releasedAt ? CliText::tr("; released %1 by %2").arg(day(payment.releasedAt), person(payment.releasedBy))
                                     : QString())
              << '\n';
}

void CasePrinter::printImplementation()
{
    heading(CliText::tr("Changes, site checks and reports"));
    if (m_file.changeRequests.isEmpty() && m_file.siteChecks.isEmpty() && m_file.reports.isEmpty())
        none();
    for (const ChangeRequest &request : m_file.changeRequests)
        m_out << CliText::tr("Change requested %1 by %2 (%3): %4")
                     .arg(day(request.requestedAt), person(request.requestedBy), term(request.status), request.description)
              << '\n';
    for (const SiteCheck &check : m_file.siteChecks)
        m_out << CliText::tr("Site check %1 by %2: %3%4")
                     .arg(day(check.checkedOn), person(check.officerId), term(check.result),
                          check.referredToLawEnforcement ? CliText::tr(", referred to law enforcement") : QString())
              << '\n';
    for (const ProjectReport &report : m_file.reports)
        m_out << CliText::tr("Report (%1) submitted %2%3").arg(term(report.kind), day(report.submittedAt),
                                                                report.acceptedAt ? CliText::tr(", accepted %1 by %2")
                                                                                        .arg(day(report.acceptedAt), person(report.acceptedBy))
                                                                                  : QString())
              << '\n';
}

void CasePrinter::printDeadlines()
{
    heading(CliText::tr("Deadlines"));
    if (!m_file.deadlinesUnavailable.isEmpty()) {
        m_out << m_file.deadlinesUnavailable << '\n';
        return;
    }
    TextTable table;
    table.addColumn(CliText::tr("Deadline"));
    table.addColumn(CliText::tr("State"));
    table.addColumn(CliText::tr("Met on"));
    for (const CaseDeadline &deadline : m_file.deadlines)
        table.addRow({deadline.label(m_locale), term(deadline.state), day(deadline.metOn)});
    table.isEmpty() ? none() : table.print(m_out);
}

void CasePrinter::printSignatures()
{
    heading(CliText::tr("Signatures"));
    TextTable table;
    table.addColumn(CliText::tr("Signed"));
    table.addColumn(CliText::tr("By"));
    table.addColumn(CliText::tr("At (UTC)"));
    table.addColumn(CliText::tr("Certificate"));
    table.addColumn(CliText::tr("Check"));
    for (const CheckedSignature &checked : m_file.signatures) {
        QString check = checked.verifies ? CliText::tr("verifies") : checked.code + QStringLiteral(": ") + checked.reason;
        if (checked.recordChanged)
            check += CliText::tr(" (the record has changed since it was signed)");
        table.addRow({CaseSignatures::purposeName(checked.signature.purpose), person(checked.signature.signerId),
                      checked.signature.signedAt.toString(Qt::ISODate), checked.signature.certificateSerial, check});
    }
    table.isEmpty() ? none() : table.print(m_out);
}

void CasePrinter::printAudit()
{
    heading(CliText::tr("Audit trail"));
    TextTable table;
    table.addColumn(CliText::tr("Entry"), TextTable::Align::Right);
    table.addColumn(CliText::tr("At (UTC)"));
    table.addColumn(CliText::tr("By"));
    table.addColumn(CliText::tr("Action"));
    table.addColumn(CliText::tr("Record"));
    for (const AuditEntry &entry : m_file.auditEntries)
        table.addRow({QString::number(entry.seq), entry.at.toString(Qt::ISODate), person(entry.actorId), entry.action,
                      entry.entityType});
    table.isEmpty() ? none() : table.print(m_out);
}

int runShow(Invocation &invocation)
{
    if (invocation.arguments.size() != 1)
        throw DomainError(QStringLiteral("INPUT_ERROR"), QString(),
                          CliText::tr("give one case: its reference, such as TVP/2024/00042, or the id of a draft"));
    const QDate asOf = asOfDay(invocation);
    const auto workspace = invocation.openWorkspace();
    const CaseFile file = CaseFile::load(*workspace, invocation.arguments.first(), asOf);
    if (invocation.json)
        invocation.printJson(QJsonDocument(caseJson(file)));
    else
        CasePrinter(file, invocation).print();
    return Success;
}

} // namespace

Command showCommand()
{
    return {QStringLiteral("show"), QT_TRANSLATE_NOOP("vd::cli", "REF"),
            QT_TRANSLATE_NOOP("vd::cli", "Show one case in full: applicant, budget, assessment, history, committee, "
                                         "funding, deadlines and audit trail."),
            Command::Workspace | Command::JsonOutput, [](QCommandLineParser &parser) { addAsOfOption(parser); }, runShow};
}

} // namespace vd::cli
