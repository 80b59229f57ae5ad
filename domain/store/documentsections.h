#pragma once

// The record sections of a workspace document (docs/formats.md), shared by
// its export and its import: which record each section holds, its name, its
// table, and the JSON each record is written in. Internal to domain/store.

#include "assessmentjson.h"
#include "recordjson.h"
#include "recordtable.h"
#include "rulebook.h"

#include <QJsonDocument>

#include <cstddef>

namespace vd::document {

template <typename Record> struct Section;
template <> struct Section<User> { static constexpr const char *key = "users"; };
template <> struct Section<Enterprise> { static constexpr const char *key = "applicants"; };
template <> struct Section<EnterpriseRelation> { static constexpr const char *key = "enterprise_relations"; };
template <> struct Section<Application> { static constexpr const char *key = "applications"; };
template <> struct Section<StatusChange> { static constexpr const char *key = "status_changes"; };
template <> struct Section<ClarificationRequest> { static constexpr const char *key = "clarification_requests"; };
template <> struct Section<CorrespondenceEntry> { static constexpr const char *key = "correspondence"; };
template <> struct Section<EligibilityCheck> { static constexpr const char *key = "eligibility_checks"; };
template <> struct Section<ChangeRequest> { static constexpr const char *key = "change_requests"; };
template <> struct Section<SiteCheck> { static constexpr const char *key = "site_checks"; };
template <> struct Section<ProjectReport> { static constexpr const char *key = "project_reports"; };
template <> struct Section<Committee> { static constexpr const char *key = "committees"; };
template <> struct Section<CommitteeTerm> { static constexpr const char *key = "committee_terms"; };
template <> struct Section<CommitteeMembership> { static constexpr const char *key = "committee_memberships"; };
template <> struct Section<InterestDeclaration> { static constexpr const char *key = "interest_declarations"; };
template <> struct Section<Meeting> { static constexpr const char *key = "meetings"; };
template <> struct Section<AgendaItem> { static constexpr const char *key = "agenda_items"; };
template <> struct Section<Attendance> { static constexpr const char *key = "attendance"; };
template <> struct Section<Review> { static constexpr const char *key = "reviews"; };
template <> struct Section<CommitteeOutcome> { static constexpr const char *key = "committee_outcomes"; };
template <> struct Section<Approval> { static constexpr const char *key = "approvals"; };
template <> struct Section<FundingAgreement> { static constexpr const char *key = "funding_agreements"; };
template <> struct Section<DisbursementMilestone> { static constexpr const char *key = "disbursement_milestones"; };
template <> struct Section<Payment> { static constexpr const char *key = "payments"; };
template <> struct Section<Signature> { static constexpr const char *key = "signatures"; };

template <typename... Records>
struct SectionList
{
    static constexpr std::size_t size = sizeof...(Records);
};

// The order export writes the sections in (the contract's order).
using DocumentOrder =
    SectionList<User, Enterprise, EnterpriseRelation, Application, StatusChange, ClarificationRequest,
                CorrespondenceEntry, EligibilityCheck, ChangeRequest, SiteCheck, ProjectReport, Committee, CommitteeTerm,
                CommitteeMembership, InterestDeclaration, Meeting, AgendaItem, Attendance, Review, CommitteeOutcome,
                Approval, FundingAgreement, DisbursementMilestone, Payment, Signature>;

// The order import checks them in: every section after the ones it refers to
// (a user may act for an applicant; a declaration of interest may name a
// meeting), so a reference is always checked against a section already read.
using DependencyOrder =
    SectionList<Enterprise, EnterpriseRelation, User, Application, StatusChange, ClarificationRequest,
                CorrespondenceEntry, EligibilityCheck, ChangeRequest, SiteCheck, ProjectReport, Committee, CommitteeTerm,
                CommitteeMembership, Meeting, InterestDeclaration, AgendaItem, Attendance, Review, CommitteeOutcome,
                Approval, FundingAgreement, DisbursementMilestone, Payment, Signature>;

// The order import writes them in: applicants first, so an application's
// search text finds its applicant's name, and applications last: their search
// text goes into an FTS5 table, and once a transaction has written to one,
// SQLite calls on it at every later statement. (References between tables
// are checked at commit, so the rest may come in any order.)
using WriteOrder =
    SectionList<Enterprise, EnterpriseRelation, User, StatusChange, ClarificationRequest, CorrespondenceEntry,
                EligibilityCheck, ChangeRequest, SiteCheck, ProjectReport, Committee, CommitteeTerm, CommitteeMembership, Meeting,
                InterestDeclaration, AgendaItem, Attendance, Review, CommitteeOutcome, Approval, FundingAgreement,
                DisbursementMilestone, Payment, Signature, Application>;

// Calls visit.template operator()<Record>() for each section, in order.
template <typename... Records, typename Visitor>
void forEachSection(SectionList<Records...>, Visitor &&visit)
{
    (visit.template operator()<Records>(), ...);
}

// The position of a record's section in the document order: an index for per-section tables.
template <typename Record, typename First, typename... Rest>
constexpr std::size_t indexIn(SectionList<First, Rest...>)
{
    if constexpr (std::is_same_v<Record, First>)
        return 0;
    else
        return 1 + indexIn<Record>(SectionList<Rest...>{});
}

template <typename Record>
constexpr std::size_t sectionIndex()
{
    return indexIn<Record>(DocumentOrder{});
}

template <typename Record>
QString sectionKey()
{
    return QString::fromLatin1(Section<Record>::key);
}

template <typename Record>
QString tableOf()
{
    return QString::fromLatin1(store::Table<Record>::name);
}

// How a record is written and read: the record's own JSON form
// (recordjson.h), except applicants and applications, which are the assess
// format's objects (formats/assess.md) with every field the store keeps.
template <typename Record>
struct SectionFormat
{
    static QByteArray write(const Record &record) { return record::toCompactJson(record); }
    static Record read(const JsonReader &reader, const RuleBook &) { return record::fromJson<Record>(reader); }
};

template <>
struct SectionFormat<Enterprise>
{
    static QByteArray write(const Enterprise &applicant)
    {
        return QJsonDocument(applicantToJson(applicant)).toJson(QJsonDocument::Compact);
    }
    static Enterprise read(const JsonReader &reader, const RuleBook &rules) { return readApplicant(reader, rules.scheme()); }
};

template <>
struct SectionFormat<Application>
{
    static QByteArray write(const Application &application)
    {
        return QJsonDocument(applicationToJson(application)).toJson(QJsonDocument::Compact);
    }
    static Application read(const JsonReader &reader, const RuleBook &rules)
    {
        return readApplication(reader, rules, Completeness::Draft);
    }
};

inline const QString &formatName()
{
    static const QString name = QStringLiteral("voucherdesk.workspace/1");
    return name;
}

inline const QString &auditKey()
{
    static const QString key = QStringLiteral("audit");
    return key;
}

} // namespace vd::document
