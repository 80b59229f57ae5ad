#pragma once

#include "assessment.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vd {

class RuleBook;
class Scheme;

// The JSON of formats/assess.md. The applicant, history, related-enterprise
// and application objects are also the application part of the workspace
// import/export format, so their writers write every field the entity structs
// carry (ids, revision, status, contacts, attachments…) and their readers
// accept them, optionally: write then read gives back the same struct.
// Readers throw DomainError with code INPUT_ERROR naming the JSON path, such as
// "application.items[2].amount: at most two decimal places". Fields they do
// not know are ignored.

// How much of an application must be there for it to be read.
enum class Completeness {
    Draft,    // submitted, start, end, items and subscription months may be missing or null
    Complete, // all of those present, as an assessment needs them
};

// The assess input document: format "voucherdesk.assess/1" for the scheme of
// the rule book, with a complete application.
AssessmentInput readAssessmentInput(const QJsonObject &document, const RuleBook &rules);
QJsonObject assessmentInputToJson(const AssessmentInput &input, const QString &schemeId);

// The assessment printed by `voucherdesk-cli assess`: format "voucherdesk.assessment/1",
// money with two decimals, dates ISO or null, messages in the current language.
QJsonObject assessmentToJson(const Assessment &assessment);

Enterprise readApplicant(const JsonReader &applicant, const Scheme &scheme);
QJsonObject applicantToJson(const Enterprise &applicant);

ApplicationHistoryEntry readHistoryEntry(const JsonReader &entry, const Scheme &scheme);
QJsonObject historyEntryToJson(const ApplicationHistoryEntry &entry);
// An optional list of history entries under key (missing or null: none).
QList<ApplicationHistoryEntry> readHistory(const JsonReader &parent, const QString &key, const Scheme &scheme);
QJsonArray historyToJson(const QList<ApplicationHistoryEntry> &history);

RelatedEnterprise readRelatedEnterprise(const JsonReader &related, const Scheme &scheme);
QJsonObject relatedEnterpriseToJson(const RelatedEnterprise &related);

// Months are required (when Complete) for the categories the rules count by months.
Application readApplication(const JsonReader &application, const RuleBook &rules, Completeness completeness);
QJsonObject applicationToJson(const Application &application);

} // namespace vd
