#pragma once

#include "application.h"
#include "casework.h"
#include "committee.h"
#include "enterprise.h"
#include "funding.h"
#include "signature.h"
#include "user.h"

#include <tuple>

namespace vd {

// The named members of every record, listed once, in order. Each name is the
// snake_case key of the record's JSON form (recordjson.h) and the column of
// the workspace store (domain/store), so the two cannot drift apart.
template <typename Record, typename Value>
struct RecordField
{
    const char *name;
    Value Record::*member;
};

template <typename Record, typename Value>
constexpr RecordField<Record, Value> field(const char *name, Value Record::*member)
{
    return {name, member};
}

// Specialised for each record below: `entity` names the kind of record (in
// audit entries, sync operations and the store's tables), `all` lists its fields.
template <typename Record>
struct RecordFields;

template <typename Record>
concept FieldRecord = requires {
    RecordFields<Record>::entity;
    RecordFields<Record>::all;
};

// Calls visit(field) for each field of Record, in order.
template <FieldRecord Record, typename Visitor>
constexpr void forEachField(Visitor &&visit)
{
    std::apply([&](const auto &...fields) { (visit(fields), ...); }, RecordFields<Record>::all);
}

template <>
struct RecordFields<Owner>
{
    static constexpr const char *entity = "owner";
    static constexpr auto all = std::make_tuple(
        field("name", &Owner::name),
        field("share_pct", &Owner::share));
};

template <>
struct RecordFields<Enterprise>
{
    static constexpr const char *entity = "enterprise";
    static constexpr auto all = std::make_tuple(
        field("id", &Enterprise::id),
        field("revision", &Enterprise::revision),
        field("br_number", &Enterprise::brNumber),
        field("name", &Enterprise::name),
        field("entity_type", &Enterprise::entityType),
        field("listed", &Enterprise::listed),
        field("government_subvented", &Enterprise::governmentSubvented),
        field("substantive_business_in_hk", &Enterprise::substantiveBusinessInHk),
        field("business_commenced", &Enterprise::businessCommenced),
        field("employees", &Enterprise::employees),
        field("manufacturing", &Enterprise::manufacturing),
        field("owners", &Enterprise::owners),
        field("sector", &Enterprise::sector),
        field("address", &Enterprise::address),
        field("contact_name", &Enterprise::contactName),
        field("contact_email", &Enterprise::contactEmail),
        field("contact_phone", &Enterprise::contactPhone));
};

template <>
struct RecordFields<ApplicationHistoryEntry>
{
    static constexpr const char *entity = "application_history_entry";
    static constexpr auto all = std::make_tuple(
        field("reference", &ApplicationHistoryEntry::reference),
        field("submitted", &ApplicationHistoryEntry::submitted),
        field("status", &ApplicationHistoryEntry::status),
        field("approved_grant", &ApplicationHistoryEntry::approvedGrant),
        field("final_grant", &ApplicationHistoryEntry::finalGrant));
};

template <>
struct RecordFields<RelatedEnterprise>
{
    static constexpr const char *entity = "related_enterprise";
    static constexpr auto all = std::make_tuple(
        field("br_number", &RelatedEnterprise::brNumber),
        field("common_ownership_pct", &RelatedEnterprise::commonOwnership),
        field("history", &RelatedEnterprise::history));
};

template <>
struct RecordFields<Quotation>
{
    static constexpr const char *entity = "quotation";
    static constexpr auto all = std::make_tuple(
        field("id", &Quotation::id),
        field("supplier", &Quotation::supplier),
        field("amount", &Quotation::amount),
        field("selected", &Quotation::selected),
        field("platform", &Quotation::platform));
};

template <>
struct RecordFields<BudgetItem>
{
    static constexpr const char *entity = "budget_item";
    static constexpr auto all = std::make_tuple(
        field("id", &BudgetItem::id),
        field("category", &BudgetItem::category),
        field("description", &BudgetItem::description),
        field("amount", &BudgetItem::amount),
        field("months", &BudgetItem::months),
        field("quotations", &BudgetItem::quotations),
        field("justification", &BudgetItem::justification));
};

template <>
struct RecordFields<AttachmentReference>
{
    static constexpr const char *entity = "attachment";
    static constexpr auto all = std::make_tuple(
        field("id", &AttachmentReference::id),
        field("kind", &AttachmentReference::kind),
        field("file_name", &AttachmentReference::fileName),
        field("sha256", &AttachmentReference::sha256),
        field("size", &AttachmentReference::size));
};

template <>
struct RecordFields<ApplicantDeclaration>
{
    static constexpr const char *entity = "declaration";
    static constexpr auto all = std::make_tuple(
        field("kind", &ApplicantDeclaration::kind),
        field("accepted", &ApplicantDeclaration::accepted),
        field("declared_at", &ApplicantDeclaration::declaredAt));
};

template <>
struct RecordFields<Application>
{
    static constexpr const char *entity = "application";
    static constexpr auto all = std::make_tuple(
        field("id", &Application::id),
        field("revision", &Application::revision),
        field("reference", &Application::reference),
        field("scheme", &Application::scheme),
        field("enterprise_id", &Application::enterpriseId),
        field("status", &Application::status),
        field("title", &Application::title),
        field("description", &Application::description),
        field("solution_category", &Application::solutionCategory),
        field("submitted", &Application::submitted),
        field("start", &Application::start),
        field("end", &Application::end),
        field("items", &Application::items),
        field("attachments", &Application::attachments),
        field("declarations", &Application::declarations),
        field("case_officer_id", &Application::caseOfficerId),
        field("approved_grant", &Application::approvedGrant),
        field("final_grant", &Application::finalGrant),
        field("created_at", &Application::createdAt),
        field("updated_at", &Application::updatedAt));
};

template <>
struct RecordFields<User>
{
    static constexpr const char *entity = "user";
    static constexpr auto all = std::make_tuple(
        field("id", &User::id),
        field("revision", &User::revision),
        field("username", &User::username),
        field("display_name", &User::displayName),
        field("role", &User::role),
        field("enterprise_id", &User::enterpriseId),
        field("email", &User::email),
        field("active", &User::active));
};

template <>
struct RecordFields<EnterpriseRelation>
{
    static constexpr const char *entity = "enterprise_relation";
    static constexpr auto all = std::make_tuple(
        field("id", &EnterpriseRelation::id),
        field("enterprise_id", &EnterpriseRelation::enterpriseId),
        field("related_enterprise_id", &EnterpriseRelation::relatedEnterpriseId),
        field("common_ownership_pct", &EnterpriseRelation::commonOwnership));
};

template <>
struct RecordFields<StatusChange>
{
    static constexpr const char *entity = "status_change";
    static constexpr auto all = std::make_tuple(
        field("id", &StatusChange::id),
        field("application_id", &StatusChange::applicationId),
        field("action", &StatusChange::action),
        field("from_status", &StatusChange::fromStatus),
        field("to_status", &StatusChange::toStatus),
        field("actor_id", &StatusChange::actorId),
        field("at", &StatusChange::at),
        field("reason", &StatusChange::reason));
};

template <>
struct RecordFields<ClarificationRequest>
{
    static constexpr const char *entity = "clarification_request";
    static constexpr auto all = std::make_tuple(
        field("id", &ClarificationRequest::id),
        field("revision", &ClarificationRequest::revision),
        field("application_id", &ClarificationRequest::applicationId),
        field("question", &ClarificationRequest::question),
        field("asked_by", &ClarificationRequest::askedBy),
        field("asked_at", &ClarificationRequest::askedAt),
        field("due_on", &ClarificationRequest::dueOn),
        field("answer", &ClarificationRequest::answer),
        field("answered_by", &ClarificationRequest::answeredBy),
        field("answered_at", &ClarificationRequest::answeredAt),
        field("reminded_at", &ClarificationRequest::remindedAt));
};

template <>
struct RecordFields<CorrespondenceEntry>
{
    static constexpr const char *entity = "correspondence_entry";
    static constexpr auto all = std::make_tuple(
        field("id", &CorrespondenceEntry::id),
        field("application_id", &CorrespondenceEntry::applicationId),
        field("direction", &CorrespondenceEntry::direction),
        field("channel", &CorrespondenceEntry::channel),
        field("subject", &CorrespondenceEntry::subject),
        field("body", &CorrespondenceEntry::body),
        field("author_id", &CorrespondenceEntry::authorId),
        field("at", &CorrespondenceEntry::at),
        field("clarification_id", &CorrespondenceEntry::clarificationId));
};

template <>
struct RecordFields<EligibilityCheck>
{
    static constexpr const char *entity = "eligibility_check";
    static constexpr auto all = std::make_tuple(
        field("id", &EligibilityCheck::id),
        field("revision", &EligibilityCheck::revision),
        field("application_id", &EligibilityCheck::applicationId),
        field("item", &EligibilityCheck::item),
        field("confirmed", &EligibilityCheck::confirmed),
        field("note", &EligibilityCheck::note),
        field("checked_by", &EligibilityCheck::checkedBy),
        field("checked_at", &EligibilityCheck::checkedAt));
};

template <>
struct RecordFields<ChangeRequest>
{
    static constexpr const char *entity = "change_request";
    static constexpr auto all = std::make_tuple(
        field("id", &ChangeRequest::id),
        field("revision", &ChangeRequest::revision),
        field("application_id", &ChangeRequest::applicationId),
        field("description", &ChangeRequest::description),
        field("requested_by", &ChangeRequest::requestedBy),
        field("requested_at", &ChangeRequest::requestedAt),
        field("status", &ChangeRequest::status),
        field("committee_consulted", &ChangeRequest::committeeConsulted),
        field("decided_by", &ChangeRequest::decidedBy),
        field("decided_at", &ChangeRequest::decidedAt),
        field("decision_note", &ChangeRequest::decisionNote));
};

template <>
struct RecordFields<SiteCheck>
{
    static constexpr const char *entity = "site_check";
    static constexpr auto all = std::make_tuple(
        field("id", &SiteCheck::id),
        field("application_id", &SiteCheck::applicationId),
        field("checked_on", &SiteCheck::checkedOn),
        field("officer_id", &SiteCheck::officerId),
        field("result", &SiteCheck::result),
        field("referred_to_law_enforcement", &SiteCheck::referredToLawEnforcement),
        field("notes", &SiteCheck::notes));
};

template <>
struct RecordFields<ProjectReport>
{
    static constexpr const char *entity = "project_report";
    static constexpr auto all = std::make_tuple(
        field("id", &ProjectReport::id),
        field("revision", &ProjectReport::revision),
        field("application_id", &ProjectReport::applicationId),
        field("kind", &ProjectReport::kind),
        field("submitted_at", &ProjectReport::submittedAt),
        field("audited_statement", &ProjectReport::auditedStatement),
        field("summary", &ProjectReport::summary),
        field("accepted_by", &ProjectReport::acceptedBy),
        field("accepted_at", &ProjectReport::acceptedAt));
};

template <>
struct RecordFields<Committee>
{
    static constexpr const char *entity = "committee";
    static constexpr auto all = std::make_tuple(
        field("id", &Committee::id),
        field("revision", &Committee::revision),
        field("name", &Committee::name));
};

template <>
struct RecordFields<CommitteeTerm>
{
    static constexpr const char *entity = "committee_term";
    static constexpr auto all = std::make_tuple(
        field("id", &CommitteeTerm::id),
        field("committee_id", &CommitteeTerm::committeeId),
        field("start", &CommitteeTerm::start),
        field("end", &CommitteeTerm::end));
};

template <>
struct RecordFields<CommitteeMembership>
{
    static constexpr const char *entity = "committee_membership";
    static constexpr auto all = std::make_tuple(
        field("id", &CommitteeMembership::id),
        field("term_id", &CommitteeMembership::termId),
        field("user_id", &CommitteeMembership::userId),
        field("position", &CommitteeMembership::position),
        field("official", &CommitteeMembership::official));
};

template <>
struct RecordFields<InterestDeclaration>
{
    static constexpr const char *entity = "interest_declaration";
    static constexpr auto all = std::make_tuple(
        field("id", &InterestDeclaration::id),
        field("term_id", &InterestDeclaration::termId),
        field("user_id", &InterestDeclaration::userId),
        field("kind", &InterestDeclaration::kind),
        field("application_id", &InterestDeclaration::applicationId),
        field("meeting_id", &InterestDeclaration::meetingId),
        field("due_on", &InterestDeclaration::dueOn),
        field("declared_on", &InterestDeclaration::declaredOn),
        field("description", &InterestDeclaration::description),
        field("chair_ruling", &InterestDeclaration::chairRuling),
        field("ruled_by", &InterestDeclaration::ruledBy));
};

template <>
struct RecordFields<Meeting>
{
    static constexpr const char *entity = "meeting";
    static constexpr auto all = std::make_tuple(
        field("id", &Meeting::id),
        field("revision", &Meeting::revision),
        field("committee_id", &Meeting::committeeId),
        field("term_id", &Meeting::termId),
        field("held_at", &Meeting::heldAt),
        field("venue", &Meeting::venue),
        field("mode", &Meeting::mode),
        field("status", &Meeting::status));
};

template <>
struct RecordFields<AgendaItem>
{
    static constexpr const char *entity = "agenda_item";
    static constexpr auto all = std::make_tuple(
        field("id", &AgendaItem::id),
        field("meeting_id", &AgendaItem::meetingId),
        field("application_id", &AgendaItem::applicationId),
        field("position", &AgendaItem::position));
};

template <>
struct RecordFields<Attendance>
{
    static constexpr const char *entity = "attendance";
    static constexpr auto all = std::make_tuple(
        field("id", &Attendance::id),
        field("meeting_id", &Attendance::meetingId),
        field("user_id", &Attendance::userId),
        field("attendance", &Attendance::attendance));
};

template <>
struct RecordFields<ReviewScore>
{
    static constexpr const char *entity = "review_score";
    static constexpr auto all = std::make_tuple(
        field("criterion", &ReviewScore::criterion),
        field("score", &ReviewScore::score));
};

template <>
struct RecordFields<Review>
{
    static constexpr const char *entity = "review";
    static constexpr auto all = std::make_tuple(
        field("id", &Review::id),
        field("revision", &Review::revision),
        field("application_id", &Review::applicationId),
        field("meeting_id", &Review::meetingId),
        field("reviewer_id", &Review::reviewerId),
        field("scores", &Review::scores),
        field("supported", &Review::supported),
        field("comment", &Review::comment),
        field("submitted_at", &Review::submittedAt));
};

template <>
struct RecordFields<CommitteeOutcome>
{
    static constexpr const char *entity = "committee_outcome";
    static constexpr auto all = std::make_tuple(
        field("id", &CommitteeOutcome::id),
        field("application_id", &CommitteeOutcome::applicationId),
        field("meeting_id", &CommitteeOutcome::meetingId),
        field("outcome", &CommitteeOutcome::outcome),
        field("recommended_grant", &CommitteeOutcome::recommendedGrant),
        field("conditions", &CommitteeOutcome::conditions),
        field("recorded_by", &CommitteeOutcome::recordedBy),
        field("recorded_at", &CommitteeOutcome::recordedAt));
};

template <>
struct RecordFields<Approval>
{
    static constexpr const char *entity = "approval";
    static constexpr auto all = std::make_tuple(
        field("id", &Approval::id),
        field("application_id", &Approval::applicationId),
        field("approved_grant", &Approval::approvedGrant),
        field("approved_by", &Approval::approvedBy),
        field("approved_at", &Approval::approvedAt));
};

template <>
struct RecordFields<FundingAgreement>
{
    static constexpr const char *entity = "funding_agreement";
    static constexpr auto all = std::make_tuple(
        field("id", &FundingAgreement::id),
        field("revision", &FundingAgreement::revision),
        field("application_id", &FundingAgreement::applicationId),
        field("issued_at", &FundingAgreement::issuedAt),
        field("signing_booked_for", &FundingAgreement::signingBookedFor),
        field("signed_at", &FundingAgreement::signedAt));
};

template <>
struct RecordFields<DisbursementMilestone>
{
    static constexpr const char *entity = "disbursement_milestone";
    static constexpr auto all = std::make_tuple(
        field("id", &DisbursementMilestone::id),
        field("application_id", &DisbursementMilestone::applicationId),
        field("kind", &DisbursementMilestone::kind),
        field("amount", &DisbursementMilestone::amount),
        field("due_on", &DisbursementMilestone::dueOn),
        field("description", &DisbursementMilestone::description));
};

template <>
struct RecordFields<Payment>
{
    static constexpr const char *entity = "payment";
    static constexpr auto all = std::make_tuple(
        field("id", &Payment::id),
        field("revision", &Payment::revision),
        field("application_id", &Payment::applicationId),
        field("milestone_id", &Payment::milestoneId),
        field("kind", &Payment::kind),
        field("amount", &Payment::amount),
        field("status", &Payment::status),
        field("proposed_by", &Payment::proposedBy),
        field("proposed_at", &Payment::proposedAt),
        field("released_by", &Payment::releasedBy),
        field("released_at", &Payment::releasedAt));
};

template <>
struct RecordFields<Signature>
{
    static constexpr const char *entity = "signature";
    static constexpr auto all = std::make_tuple(
        field("id", &Signature::id),
        field("application_id", &Signature::applicationId),
        field("purpose", &Signature::purpose),
        field("entity_type", &Signature::entityType),
        field("entity_id", &Signature::entityId),
        field("signer_id", &Signature::signerId),
        field("certificate_serial", &Signature::certificateSerial),
        field("signed_at", &Signature::signedAt),
        field("content", &Signature::content),
        field("signature", &Signature::signature));
};

} // namespace vd
