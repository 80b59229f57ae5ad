// Reading a workspace document into a workspace: check all of it, then write
// all of it in one unit of work (docs/formats.md).
#include "workspacedocument.h"

#include "applicationrepository.h"
#include "applicationsearch.h"
#include "audittrail.h"
#include "caseworkrepository.h"
#include "committeerepository.h"
#include "documentsections.h"
#include "enterpriserepository.h"
#include "fundingrepository.h"
#include "jsonsections.h"
#include "sha256.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <array>

namespace vd {

using namespace document;

namespace {

struct ImportText
{
    Q_DECLARE_TR_FUNCTIONS(vd::WorkspaceImport)
};

QString readerText(const char *text)
{
    return QCoreApplication::translate("vd::JsonReader", text);
}

constexpr std::size_t kSections = DocumentOrder::size;
constexpr qint64 kLargestSeq = qint64(1) << 53;

// Thrown once enough problems are listed, to stop looking for more.
struct EnoughProblems
{
};

enum class Need { Required, Optional };

// Ids are UUIDs written as QUuid writes them (lower case, no braces), so that
// one id has one spelling, as the store's foreign keys compare text.
std::optional<QUuid> canonicalUuid(const QString &text)
{
    if (text.size() != 36)
        return std::nullopt;
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull() || uuid.toString(QUuid::WithoutBraces) != text)
        return std::nullopt;
    return uuid;
}

QString elementPath(const QString &key, qsizetype index)
{
    return key + u'[' + QString::number(index) + u']';
}

// What the trail says last about one record.
struct TrailSubject
{
    QUuid id;
    quint8 section = 0;
    friend bool operator==(const TrailSubject &, const TrailSubject &) = default;
};

size_t qHash(const TrailSubject &subject, size_t seed = 0)
{
    return qHashMulti(seed, subject.id, subject.section);
}

using Fingerprint = std::array<char, 16>;

struct TrailEnd
{
    Fingerprint after{};   // of the record's JSON after the last entry
    qint64 entry = 0;      // that entry's index in the audit section
    qint32 saves = 0;      // entries since the record was made: the store's revision of it
    bool present = false;  // false when the last entry removed it
    bool matched = false;  // the document holds the record
};

// The audit section's entries. Every key is required; before_json and
// after_json may be null. Shared by the check and the restore, so both read
// the same thing.
QByteArray hashField(const JsonReader &reader, const QString &key)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    const QString text = reader.string(key);
    if (!hex.match(text).hasMatch())
        reader.fail(key, ImportText::tr("must be a SHA-256 hash: 64 hexadecimal digits in lower case"));
    return QByteArray::fromHex(text.toLatin1());
}

std::optional<QByteArray> optionalTextField(const JsonReader &reader, const QString &key)
{
    if (!reader.has(key))
        reader.fail(key, readerText("is required"));
    if (reader.isNull(key))
        return std::nullopt;
    return reader.string(key).toUtf8();
}

StoredAuditEntry readAuditEntry(const JsonReader &reader)
{
    StoredAuditEntry entry;
    entry.seq = reader.integer(QStringLiteral("seq"), 1, kLargestSeq);
    entry.id = reader.string(QStringLiteral("id")).toUtf8();
    entry.at = reader.string(QStringLiteral("at")).toUtf8();
    entry.actorId = reader.string(QStringLiteral("actor_id")).toUtf8();
    entry.action = reader.string(QStringLiteral("action")).toUtf8();
    entry.entityType = reader.string(QStringLiteral("entity_type")).toUtf8();
    entry.entityId = reader.string(QStringLiteral("entity_id")).toUtf8();
    entry.beforeJson = optionalTextField(reader, QStringLiteral("before_json"));
    entry.afterJson = optionalTextField(reader, QStringLiteral("after_json"));
    entry.previousHash = hashField(reader, QStringLiteral("previous_hash"));
    entry.hash = hashField(reader, QStringLiteral("hash"));
    return entry;
}

bool isPresent(const JsonSections::Member *member)
{
    return member && member->value != QByteArrayView("null");
}

bool hasTrail(const JsonSections &sections)
{
    const JsonSections::Member *audit = sections.find(auditKey());
    return isPresent(audit) && sections.isArray(*audit);
}

// Questions about what the workspace already holds, asked inside the import's
// write transaction so the answers hold until it commits.
class WorkspaceContents
{
public:
    explicit WorkspaceContents(Workspace &workspace) : m_workspace(workspace) {}

    bool hasRows(const QString &table)
    {
        const auto found = m_hasRows.constFind(table);
        if (found != m_hasRows.constEnd())
            return *found;
        QSqlQuery query = m_workspace.run(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(store::quoted(table)));
        const bool result = query.next() && query.value(0).toBool();
        m_hasRows.insert(table, result);
        return result;
    }

    // Whether a row has these values in these columns.
    bool has(const QString &table, const QStringList &columns, const QStringList &values)
    {
        if (!hasRows(table))
            return false;
        QStringList conditions;
        for (const QString &column : columns)
            conditions << store::quoted(column) + QStringLiteral(" = ?");
        QSqlQuery &query = m_workspace.statement(QStringLiteral("SELECT 1 FROM %1 WHERE %2 LIMIT 1")
                                                     .arg(store::quoted(table), conditions.join(QStringLiteral(" AND "))));
        for (qsizetype i = 0; i < values.size(); ++i)
            query.bindValue(int(i), values[i]);
        m_workspace.exec(query);
        const bool found = query.next();
        query.finish();
        return found;
    }

    bool hasId(const QString &table, const QString &id) { return has(table, {QStringLiteral("id")}, {id}); }

private:
    Workspace &m_workspace;
    QHash<QString, bool> m_hasRows;
};

// Every table an import may write, and the trail: empty means a new workspace.
bool isEmpty(WorkspaceContents &contents)
{
    bool empty = !contents.hasRows(QStringLiteral("audit_entries"));
    forEachSection(DocumentOrder{}, [&]<typename Record>() { empty = empty && !contents.hasRows(tableOf<Record>()); });
    return empty;
}

// One of the store's unique constraints, watched over the document and the workspace.
class UniqueValues
{
public:
    UniqueValues(QString section, QString table, QStringList columns)
        : m_section(std::move(section)), m_table(std::move(table)), m_columns(std::move(columns))
    {}

    const QString &table() const { return m_table; }
    const QStringList &columns() const { return m_columns; }
    // The path of the record that claimed these values first, or nothing; the values are this record's from now on.
    std::optional<QString> claim(const QStringList &values, qsizetype index)
    {
        const QString key = values.join(QChar(0x1f));
        const auto found = m_claimed.constFind(key);
        if (found != m_claimed.constEnd())
            return elementPath(m_section, *found);
        m_claimed.insert(key, index);
        return std::nullopt;
    }

private:
    QString m_section;
    QString m_table;
    QStringList m_columns;
    QHash<QString, qsizetype> m_claimed; // values -> the index of the record in its section
};

// Ids of parts of applications (budget items, quotations, attachments): keys of their own tables.
struct PartIds
{
    QString table;
    QSet<QUuid> seen;
};

class DocumentCheck;

// The checks of one record, failing with its path.
class RecordCheck
{
public:
    RecordCheck(DocumentCheck &document, const JsonReader &reader, qsizetype index)
        : m_document(document), m_reader(reader), m_index(index)
    {}

    const Scheme &scheme() const;
    [[noreturn]] void fail(const QString &key, const QString &message) const { m_reader.fail(key, message); }

    void required(const QString &key, const QString &value) const
    {
        if (value.isEmpty())
            fail(key, readerText("is required"));
    }
    void oneOf(const QString &key, const QString &value, const QStringList &allowed, Need need) const
    {
        if ((value.isEmpty() && need == Need::Optional) || allowed.contains(value))
            return;
        fail(key, readerText("unknown value \"%1\"; expected one of: %2").arg(value, allowed.join(QStringLiteral(", "))));
    }
    void oneOf(const QString &key, const QString &value, const SchemeVocabulary &vocabulary, Need need) const
    {
        if ((value.isEmpty() && need == Need::Optional) || vocabulary.contains(value))
            return;
        oneOf(key, value, vocabulary.ids(), need);
    }
    void notNegative(const QString &key, const std::optional<Money> &amount) const
    {
        if (amount && amount->cents() < 0)
            fail(key, readerText("must not be negative"));
    }
    void notBefore(const QString &key, const QDate &end, const QDate &start) const
    {
        if (end.isValid() && start.isValid() && end < start)
            fail(key, ImportText::tr("is before the start (%1)").arg(start.toString(Qt::ISODate)));
    }
    template <typename Target> void reference(const QString &key, const QString &id, Need need) const;
    void unique(UniqueValues &values, const QString &key, const QStringList &value) const;
    void partId(PartIds &ids, const QString &key, const QString &id) const;

private:
    DocumentCheck &m_document;
    const JsonReader &m_reader;
    qsizetype m_index; // of the record in its section
};

// Checks a whole document against the store's rules and the workspace,
// collecting every problem with its path, and remembers what the write needs.
class DocumentCheck
{
public:
    DocumentCheck(Workspace &workspace, const JsonSections &sections, const RuleBook &rules)
        : m_contents(workspace), m_sections(sections), m_rules(rules),
          m_hasTrail(hasTrail(sections))
    {
        forEachSection(DocumentOrder{}, [&]<typename Record>() {
            m_sectionOfEntity.insert(QByteArray(RecordFields<Record>::entity), quint8(sectionIndex<Record>()));
        });
    }

    WorkspaceContents &contents() { return m_contents; }
    const RuleBook &rules() const { return m_rules; }
    const QList<DomainError> &problems() const { return m_problems; }
    const DocumentCounts &counts() const { return m_counts; }

    void run()
    {
        try {
            checkTopLevel();
            checkTrail();
            forEachSection(DependencyOrder{}, [&]<typename Record>() { checkSection<Record>(); });
            checkTrailHasEveryRecord();
        } catch (const EnoughProblems &) {
            // kMostProblems are listed; that is enough to go on with
        } catch (const DomainError &problem) {
            // A syntax error, or a wrong format: nothing after it can be read.
            if (!isDocumentProblem(problem))
                throw;
            m_problems.append(problem);
        }
        forEachSection(DocumentOrder{}, [&]<typename Record>() {
            m_counts.sections.append({sectionKey<Record>(), m_state[sectionIndex<Record>()].count});
        });
    }

    template <typename Target> bool inDocument(const QString &id) const
    {
        const std::optional<QUuid> uuid = canonicalUuid(id);
        return uuid && m_state[sectionIndex<Target>()].ids.contains(*uuid);
    }

    // How many times the trail says a record was saved since it was made.
    template <typename Record> qint32 savesOf(const QString &id) const
    {
        const std::optional<QUuid> uuid = canonicalUuid(id);
        if (!uuid)
            return 0;
        return m_trailEnds.value(TrailSubject{*uuid, quint8(sectionIndex<Record>())}).saves;
    }

    UniqueValues brNumbers{sectionKey<Enterprise>(), tableOf<Enterprise>(), {QStringLiteral("br_number")}};
    UniqueValues relations{sectionKey<EnterpriseRelation>(), tableOf<EnterpriseRelation>(),
                           {QStringLiteral("enterprise_id"), QStringLiteral("related_enterprise_id")}};
    UniqueValues usernames{sectionKey<User>(), tableOf<User>(), {QStringLiteral("username")}};
    UniqueValues references{sectionKey<Application>(), tableOf<Application>(), {QStringLiteral("reference")}};
    UniqueValues memberships{sectionKey<CommitteeMembership>(), tableOf<CommitteeMembership>(),
                             {QStringLiteral("term_id"), QStringLiteral("user_id")}};
    UniqueValues agendaItems{sectionKey<AgendaItem>(), tableOf<AgendaItem>(),
                             {QStringLiteral("meeting_id"), QStringLiteral("application_id")}};
    UniqueValues attendance{sectionKey<Attendance>(), tableOf<Attendance>(), {QStringLiteral("meeting_id"), QStringLiteral("user_id")}};
    UniqueValues reviews{sectionKey<Review>(), tableOf<Review>(),
                         {QStringLiteral("application_id"), QStringLiteral("meeting_id"), QStringLiteral("reviewer_id")}};
    PartIds itemIds{QStringLiteral("application_items"), {}};
    PartIds quotationIds{QStringLiteral("budget_item_quotations"), {}};
    PartIds attachmentIds{QStringLiteral("application_attachments"), {}};

private:
    struct SectionState
    {
        QHash<QUuid, qsizetype> ids; // id -> index in the section
        qint64 count = 0;
    };

    // A problem of the document, as opposed to a failure of the workspace.
    static bool isDocumentProblem(const DomainError &error) { return error.code() == QLatin1String("INPUT_ERROR"); }

    void addProblem(const DomainError &problem)
    {
        if (!isDocumentProblem(problem))
            throw problem;
        m_problems.append(problem);
        if (m_problems.size() >= WorkspaceImport::kMostProblems)
            throw EnoughProblems();
    }

    void checkTopLevel();
    void checkTrail();
    void noteTrailEnd(const StoredAuditEntry &entry, qsizetype index);
    void checkTrailHasEveryRecord();
    Fingerprint fingerprint(QByteArrayView json)
    {
        m_hasher.add(json);
        const QByteArray digest = m_hasher.result();
        Fingerprint print;
        std::copy_n(digest.constData(), print.size(), print.begin());
        return print;
    }

    template <typename Record> void checkSection()
    {
        const JsonSections::Member *member = m_sections.find(sectionKey<Record>());
        if (!isPresent(member) || !m_sections.isArray(*member))
            return; // not a list: said already
        SectionState &state = m_state[sectionIndex<Record>()];
        m_sections.forEachElement(*member, [&](qsizetype index, const QJsonValue &element) {
            ++state.count;
            const JsonReader reader(element, elementPath(sectionKey<Record>(), index));
            try {
                checkRecord<Record>(reader, index, state);
            } catch (const DomainError &problem) {
                addProblem(problem);
            }
        });
    }

    template <typename Record> void checkRecord(const JsonReader &reader, qsizetype index, SectionState &state);
    QUuid claimId(const JsonReader &reader, qsizetype index, SectionState &state, const QString &key, const QString &table);
    TrailEnd *trailEndOf(quint8 section, const QUuid &id);
    void matchTrail(const JsonReader &reader, const TrailEnd *end, const QByteArray &json);

    WorkspaceContents m_contents;
    const JsonSections &m_sections;
    const RuleBook &m_rules;
    const bool m_hasTrail;
    std::array<SectionState, kSections> m_state;
    QHash<QByteArray, quint8> m_sectionOfEntity;
    QHash<TrailSubject, TrailEnd> m_trailEnds;
    Sha256 m_hasher;
    QList<DomainError> m_problems;
    DocumentCounts m_counts;
};

const Scheme &RecordCheck::scheme() const
{
    return m_document.rules().scheme();
}

template <typename Target>
void RecordCheck::reference(const QString &key, const QString &id, Need need) const
{
    if (id.isEmpty()) {
        if (need == Need::Required)
            fail(key, readerText("is required"));
        return;
    }
    if (m_document.inDocument<Target>(id) || m_document.contents().hasId(tableOf<Target>(), id))
        return;
    fail(key, ImportText::tr("there is no record with the id \"%1\" in %2, neither in the document nor in the "
                             "workspace; add it to the document's \"%2\"").arg(id, sectionKey<Target>()));
}

void RecordCheck::unique(UniqueValues &values, const QString &key, const QStringList &value) const
{
    if (const std::optional<QString> first = values.claim(value, m_index))
        fail(key, ImportText::tr("%1 already has \"%2\"; it must be unique").arg(*first, value.last()));
    if (m_document.contents().has(values.table(), values.columns(), value))
        fail(key, ImportText::tr("the workspace already has a record with \"%1\"; it must be unique").arg(value.last()));
}

void RecordCheck::partId(PartIds &ids, const QString &key, const QString &id) const
{
    if (id.isEmpty())
        return; // the store gives it one
    const std::optional<QUuid> uuid = canonicalUuid(id);
    if (!uuid)
        fail(key, ImportText::tr("must be a UUID in lower case, such as 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01"));
    if (ids.seen.contains(*uuid))
        fail(key, ImportText::tr("the id \"%1\" is used twice in the document; every part needs its own").arg(id));
    ids.seen.insert(*uuid);
    if (m_document.contents().hasId(ids.table, id))
        fail(key, ImportText::tr("the workspace already has a part with the id \"%1\"").arg(id));
}

// The store's rules for each kind of record, beyond what its reader checks.

const QStringList kDirections{QStringLiteral("incoming"), QStringLiteral("outgoing")};
const QStringList kChannels{QStringLiteral("email"), QStringLiteral("letter"), QStringLiteral("portal"), QStringLiteral("phone")};
const QStringList kChangeStatuses{QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("rejected")};
const QStringList kCheckResults{QStringLiteral("satisfactory"), QStringLiteral("issues_found"), QStringLiteral("suspicious")};
const QStringList kReportKinds{QStringLiteral("final"), QStringLiteral("evaluation")};
const QStringList kPositions{QStringLiteral("chair"), QStringLiteral("member")};
const QStringList kMeetingModes{QStringLiteral("in_person"), QStringLiteral("video"), QStringLiteral("hybrid")};
const QStringList kMeetingStatuses{QStringLiteral("planned"), QStringLiteral("held")};
const QStringList kDeclarationKinds{QStringLiteral("annual"), QStringLiteral("case")};
const QStringList kRulings{QStringLiteral("none"), QStringLiteral("may_participate"), QStringLiteral("abstain"), QStringLiteral("leave_room")};
const QStringList kAttendance{QStringLiteral("present"), QStringLiteral("video"), QStringLiteral("absent"), QStringLiteral("apologies")};
const QStringList kOutcomes{QStringLiteral("supported"), QStringLiteral("not_supported")};
const QStringList kMilestoneKinds{QStringLiteral("initial"), QStringLiteral("final"), QStringLiteral("other")};
const QStringList kPaymentKinds{QStringLiteral("initial"), QStringLiteral("final"), QStringLiteral("other"), QStringLiteral("recovery")};
const QStringList kPaymentStatuses{QStringLiteral("proposed"), QStringLiteral("released"), QStringLiteral("recovered")};

const QString kApplicationId = QStringLiteral("application_id");

void checkRules(RecordCheck &check, DocumentCheck &document, const Enterprise &applicant)
{
    if (applicant.brNumber)
        check.unique(document.brNumbers, QStringLiteral("br_number"), {*applicant.brNumber});
}

void checkRules(RecordCheck &check, DocumentCheck &document, const EnterpriseRelation &relation)
{
    check.reference<Enterprise>(QStringLiteral("enterprise_id"), relation.enterpriseId, Need::Required);
    check.reference<Enterprise>(QStringLiteral("related_enterprise_id"), relation.relatedEnterpriseId, Need::Required);
    if (relation.enterpriseId == relation.relatedEnterpriseId)
        check.fail(QStringLiteral("related_enterprise_id"), ImportText::tr("an applicant cannot be related to itself"));
    check.unique(document.relations, QStringLiteral("related_enterprise_id"),
                 {relation.enterpriseId, relation.relatedEnterpriseId});
}

void checkRules(RecordCheck &check, DocumentCheck &document, const User &user)
{
    check.required(QStringLiteral("username"), user.username);
    check.oneOf(QStringLiteral("role"), user.role, check.scheme().roles(), Need::Required);
    check.reference<Enterprise>(QStringLiteral("enterprise_id"), user.enterpriseId, Need::Optional);
    check.unique(document.usernames, QStringLiteral("username"), {user.username});
}

void checkRules(RecordCheck &check, DocumentCheck &document, const Application &application)
{
    check.reference<Enterprise>(QStringLiteral("applicant_id"), application.enterpriseId, Need::Required);
    if (application.scheme != check.scheme().id())
        check.fail(QStringLiteral("scheme"), ImportText::tr("unknown scheme \"%1\"; expected \"%2\"")
                                                 .arg(application.scheme, check.scheme().id()));
    if (!application.reference.isEmpty())
        check.unique(document.references, QStringLiteral("reference"), {application.reference});
    check.notBefore(QStringLiteral("end"), application.end, application.start);
    for (qsizetype i = 0; i < application.items.size(); ++i) {
        const BudgetItem &item = application.items[i];
        const QString path = elementPath(QStringLiteral("items"), i);
        check.partId(document.itemIds, path + QStringLiteral(".id"), item.id);
        for (qsizetype q = 0; q < item.quotations.size(); ++q)
            check.partId(document.quotationIds, path + u'.' + elementPath(QStringLiteral("quotations"), q) + QStringLiteral(".id"),
                         item.quotations[q].id);
    }
    for (qsizetype i = 0; i < application.attachments.size(); ++i)
        check.partId(document.attachmentIds, elementPath(QStringLiteral("attachments"), i) + QStringLiteral(".id"),
                     application.attachments[i].id);
}

void checkRules(RecordCheck &check, DocumentCheck &, const StatusChange &change)
{
    const Scheme &scheme = check.scheme();
    check.reference<Application>(kApplicationId, change.applicationId, Need::Required);
    check.oneOf(QStringLiteral("action"), change.action, scheme.actions(), Need::Optional);
    check.oneOf(QStringLiteral("from_status"), change.fromStatus, scheme.statuses(), Need::Optional);
    check.oneOf(QStringLiteral("to_status"), change.toStatus, scheme.statuses(), Need::Required);
    if (!change.at.isValid())
        check.fail(QStringLiteral("at"), readerText("is required"));
}

void checkRules(RecordCheck &check, DocumentCheck &, const ClarificationRequest &request)
{
    check.reference<Application>(kApplicationId, request.applicationId, Need::Required);
}

void checkRules(RecordCheck &check, DocumentCheck &, const CorrespondenceEntry &entry)
{
    check.reference<Application>(kApplicationId, entry.applicationId, Need::Required);
    check.oneOf(QStringLiteral("direction"), entry.direction, kDirections, Need::Optional);
    check.oneOf(QStringLiteral("channel"), entry.channel, kChannels, Need::Optional);
    check.reference<ClarificationRequest>(QStringLiteral("clarification_id"), entry.clarificationId, Need::Optional);
}

void checkRules(RecordCheck &check, DocumentCheck &, const EligibilityCheck &eligibility)
{
    check.reference<Application>(kApplicationId, eligibility.applicationId, Need::Required);
    check.oneOf(QStringLiteral("item"), eligibility.item, check.scheme().eligibilityChecks(), Need::Required);
}

void checkRules(RecordCheck &check, DocumentCheck &, const ChangeRequest &request)
{
    check.reference<Application>(kApplicationId, request.applicationId, Need::Required);
    check.oneOf(QStringLiteral("status"), request.status, kChangeStatuses, Need::Optional);
}

void checkRules(RecordCheck &check, DocumentCheck &, const SiteCheck &siteCheck)
{
    check.reference<Application>(kApplicationId, siteCheck.applicationId, Need::Required);
    check.oneOf(QStringLiteral("result"), siteCheck.result, kCheckResults, Need::Optional);
}

void checkRules(RecordCheck &check, DocumentCheck &, const ProjectReport &report)
{
    check.reference<Application>(kApplicationId, report.applicationId, Need::Required);
    check.oneOf(QStringLiteral("kind"), report.kind, kReportKinds, Need::Optional);
}

void checkRules(RecordCheck &, DocumentCheck &, const Committee &)
{
}

void checkRules(RecordCheck &check, DocumentCheck &, const CommitteeTerm &term)
{
    check.reference<Committee>(QStringLiteral("committee_id"), term.committeeId, Need::Required);
    check.notBefore(QStringLiteral("end"), term.end, term.start);
}

void checkRules(RecordCheck &check, DocumentCheck &document, const CommitteeMembership &membership)
{
    check.reference<CommitteeTerm>(QStringLiteral("term_id"), membership.termId, Need::Required);
    check.required(QStringLiteral("user_id"), membership.userId);
    check.oneOf(QStringLiteral("position"), membership.position, kPositions, Need::Optional);
    check.unique(document.memberships, QStringLiteral("user_id"), {membership.termId, membership.userId});
}

void checkRules(RecordCheck &check, DocumentCheck &, const Meeting &meeting)
{
    check.reference<Committee>(QStringLiteral("committee_id"), meeting.committeeId, Need::Required);
    check.reference<CommitteeTerm>(QStringLiteral("term_id"), meeting.termId, Need::Optional);
    check.oneOf(QStringLiteral("mode"), meeting.mode, kMeetingModes, Need::Optional);
    check.oneOf(QStringLiteral("status"), meeting.status, kMeetingStatuses, Need::Optional);
}

void checkRules(RecordCheck &check, DocumentCheck &, const InterestDeclaration &declaration)
{
    check.reference<CommitteeTerm>(QStringLiteral("term_id"), declaration.termId, Need::Optional);
    check.required(QStringLiteral("user_id"), declaration.userId);
    check.oneOf(QStringLiteral("kind"), declaration.kind, kDeclarationKinds, Need::Optional);
    check.reference<Application>(kApplicationId, declaration.applicationId, Need::Optional);
    check.reference<Meeting>(QStringLiteral("meeting_id"), declaration.meetingId, Need::Optional);
    check.oneOf(QStringLiteral("chair_ruling"), declaration.chairRuling, kRulings, Need::Optional);
}

void checkRules(RecordCheck &check, DocumentCheck &document, const AgendaItem &item)
{
    check.reference<Meeting>(QStringLiteral("meeting_id"), item.meetingId, Need::Required);
    check.reference<Application>(kApplicationId, item.applicationId, Need::Required);
    check.unique(document.agendaItems, kApplicationId, {item.meetingId, item.applicationId});
}

void checkRules(RecordCheck &check, DocumentCheck &document, const Attendance &attendance)
{
    check.reference<Meeting>(QStringLiteral("meeting_id"), attendance.meetingId, Need::Required);
    check.required(QStringLiteral("user_id"), attendance.userId);
    check.oneOf(QStringLiteral("attendance"), attendance.attendance, kAttendance, Need::Optional);
    check.unique(document.attendance, QStringLiteral("user_id"), {attendance.meetingId, attendance.userId});
}

void checkRules(RecordCheck &check, DocumentCheck &document, const Review &review)
{
    check.reference<Application>(kApplicationId, review.applicationId, Need::Required);
    check.reference<Meeting>(QStringLiteral("meeting_id"), review.meetingId, Need::Optional);
    check.required(QStringLiteral("reviewer_id"), review.reviewerId);
    if (!review.meetingId.isEmpty()) // the store's unique key holds only with a meeting
        check.unique(document.reviews, QStringLiteral("reviewer_id"), {review.applicationId, review.meetingId, review.reviewerId});
    const SchemeVocabulary &criteria = check.scheme().reviewCriteria();
    QSet<QString> scored;
    for (qsizetype i = 0; i < review.scores.size(); ++i) {
        const ReviewScore &score = review.scores[i];
        const QString path = elementPath(QStringLiteral("scores"), i);
        check.oneOf(path + QStringLiteral(".criterion"), score.criterion, criteria, Need::Required);
        if (scored.contains(score.criterion))
            check.fail(path + QStringLiteral(".criterion"), ImportText::tr("is scored twice in this review"));
        scored.insert(score.criterion);
        const int most = criteria.find(score.criterion)->attributes.value(QStringLiteral("max")).toInt();
        if (score.score < 0 || score.score > most)
            check.fail(path + QStringLiteral(".score"), readerText("must be from %1 to %2").arg(0).arg(most));
    }
}

void checkRules(RecordCheck &check, DocumentCheck &, const CommitteeOutcome &outcome)
{
    check.reference<Application>(kApplicationId, outcome.applicationId, Need::Required);
    check.reference<Meeting>(QStringLiteral("meeting_id"), outcome.meetingId, Need::Optional);
    check.oneOf(QStringLiteral("outcome"), outcome.outcome, kOutcomes, Need::Optional);
    check.notNegative(QStringLiteral("recommended_grant"), outcome.recommendedGrant);
}

void checkRules(RecordCheck &check, DocumentCheck &, const Approval &approval)
{
    check.reference<Application>(kApplicationId, approval.applicationId, Need::Required);
    check.notNegative(QStringLiteral("approved_grant"), approval.approvedGrant);
}

void checkRules(RecordCheck &check, DocumentCheck &, const FundingAgreement &agreement)
{
    check.reference<Application>(kApplicationId, agreement.applicationId, Need::Required);
}

void checkRules(RecordCheck &check, DocumentCheck &, const DisbursementMilestone &milestone)
{
    check.reference<Application>(kApplicationId, milestone.applicationId, Need::Required);
    check.oneOf(QStringLiteral("kind"), milestone.kind, kMilestoneKinds, Need::Optional);
    check.notNegative(QStringLiteral("amount"), milestone.amount);
}

void checkRules(RecordCheck &check, DocumentCheck &, const Payment &payment)
{
    // A payment's amount may be negative: the store allows a recovery written that way.
    check.reference<Application>(kApplicationId, payment.applicationId, Need::Required);
    check.reference<DisbursementMilestone>(QStringLiteral("milestone_id"), payment.milestoneId, Need::Optional);
    check.oneOf(QStringLiteral("kind"), payment.kind, kPaymentKinds, Need::Optional);
    check.oneOf(QStringLiteral("status"), payment.status, kPaymentStatuses, Need::Optional);
}

// What a signature says it signed is checked by its signature, not here: a
// document carries it as it was made (docs/signing.md "Signed items").
void checkRules(RecordCheck &check, DocumentCheck &, const Signature &signature)
{
    check.reference<Application>(kApplicationId, signature.applicationId, Need::Required);
    check.reference<User>(QStringLiteral("signer_id"), signature.signerId, Need::Required);
    check.oneOf(QStringLiteral("purpose"), signature.purpose, Signature::purposes(), Need::Required);
}

void DocumentCheck::checkTopLevel()
{
    // Without the right format nothing else is worth reading: this ends the check.
    const JsonReader root{QJsonObject(), QString()};
    const JsonSections::Member *format = m_sections.find(QStringLiteral("format"));
    if (!format)
        root.fail(QStringLiteral("format"), readerText("is required"));
    const QJsonValue name = m_sections.value(*format);
    if (name.toString() != formatName())
        root.fail(QStringLiteral("format"), ImportText::tr("unknown format \"%1\"; expected \"%2\"")
                                                .arg(name.isString() ? name.toString() : QStringLiteral("?"), formatName()));

    const QStringList known = workspacedocument::sections() + QStringList{QStringLiteral("format"), QStringLiteral("scheme"),
                                                                         QStringLiteral("exported_at")};
    QSet<QString> seen;
    for (const JsonSections::Member &member : m_sections.members()) {
        try {
            if (seen.contains(member.key))
                root.fail(member.key, ImportText::tr("appears twice in the document"));
            seen.insert(member.key);
            if (!known.contains(member.key))
                root.fail(member.key, ImportText::tr("unknown section; a workspace document has: %1")
                                          .arg(workspacedocument::sections().join(QStringLiteral(", "))));
            if (member.key == QLatin1String("scheme")) {
                const QString scheme = m_sections.value(member).toString();
                if (scheme != m_rules.scheme().id())
                    root.fail(member.key, ImportText::tr("unknown scheme \"%1\"; expected \"%2\"").arg(scheme, m_rules.scheme().id()));
            } else if (member.key == QLatin1String("exported_at")) {
                const QJsonValue at = m_sections.value(member);
                if (!at.isNull() && !record::instantFromText(at.toString()).isValid())
                    root.fail(member.key, ImportText::tr("is not a point in time; write it as 2026-03-01T09:30:00Z"));
            } else if (member.key != QLatin1String("format") && isPresent(&member) && !m_sections.isArray(member)) {
                root.fail(member.key, ImportText::tr("expected a list of records"));
            }
        } catch (const DomainError &problem) {
            addProblem(problem);
        }
    }
    if (!m_sections.find(QStringLiteral("scheme")))
        addProblem(DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("scheme"), readerText("is required")));
}

void DocumentCheck::checkTrail()
{
    if (!m_hasTrail)
        return;
    const JsonSections::Member *audit = m_sections.find(auditKey());
    QByteArray expectedHash = auditChainStart();
    qint64 expectedSeq = 1;
    bool broken = false;
    m_sections.forEachElement(*audit, [&](qsizetype index, const QJsonValue &element) {
        ++m_counts.auditEntries;
        if (broken)
            return; // one break is enough: nothing after it can be trusted
        const JsonReader reader(element, elementPath(auditKey(), index));
        try {
            const StoredAuditEntry entry = readAuditEntry(reader);
            const QString id = QString::fromUtf8(entry.id);
            if (entry.seq != expectedSeq)
                reader.fail(QStringLiteral("seq"), ImportText::tr("audit entry %1 (%2) should be number %3: entries were "
                                                                  "removed, added or moved").arg(entry.seq).arg(id).arg(expectedSeq));
            if (entry.previousHash != expectedHash)
                reader.fail(QStringLiteral("previous_hash"), ImportText::tr("audit entry %1 (%2) does not follow the entry "
                                                                            "before it: entries were removed, added or moved")
                                                                 .arg(entry.seq).arg(id));
            if (auditChainHash(m_hasher, entry.chainFields()) != entry.hash)
                reader.fail(QStringLiteral("hash"), ImportText::tr("audit entry %1 (%2) was changed after it was written: "
                                                                   "its hash does not match its contents").arg(entry.seq).arg(id));
            expectedHash = entry.hash;
            ++expectedSeq;
            noteTrailEnd(entry, index);
        } catch (const DomainError &problem) {
            broken = true;
            addProblem(problem);
        }
    });
}

void DocumentCheck::noteTrailEnd(const StoredAuditEntry &entry, qsizetype index)
{
    const auto section = m_sectionOfEntity.constFind(entry.entityType);
    if (section == m_sectionOfEntity.constEnd())
        return; // a kind of record the document does not carry
    const QString entityId = QString::fromUtf8(entry.entityId);
    // Ids that are not UUIDs get a stand-in that no record of the document can have.
    static const QUuid standIns = QUuid::fromString(QStringLiteral("{1d6e1c38-5a0c-4d5e-9a43-2f1f25a3c0d7}"));
    const QUuid id = canonicalUuid(entityId).value_or(QUuid::createUuidV5(standIns, entityId));
    TrailEnd &end = m_trailEnds[TrailSubject{id, *section}];
    end.entry = index;
    end.present = entry.afterJson.has_value();
    end.saves = end.present ? end.saves + 1 : 0;
    if (end.present)
        end.after = fingerprint(*entry.afterJson);
}

TrailEnd *DocumentCheck::trailEndOf(quint8 section, const QUuid &id)
{
    const auto end = m_trailEnds.find(TrailSubject{id, section});
    if (end == m_trailEnds.end())
        return nullptr;
    end->matched = true; // the record is here, right or wrong: not one the document left out
    return &*end;
}

void DocumentCheck::matchTrail(const JsonReader &reader, const TrailEnd *end, const QByteArray &json)
{
    if (!end)
        reader.failHere(ImportText::tr("the audit trail has no entry about this record; in a document with an audit "
                                       "trail every record must have one"));
    if (!end->present)
        reader.failHere(ImportText::tr("the audit trail says this record was removed (audit[%1])").arg(end->entry));
    if (fingerprint(json) != end->after)
        reader.failHere(ImportText::tr("this record is not what the audit trail last recorded for it (audit[%1]): "
                                       "the record or the trail was changed after the export").arg(end->entry));
}

void DocumentCheck::checkTrailHasEveryRecord()
{
    QList<qint64> missing;
    for (const TrailEnd &end : std::as_const(m_trailEnds)) {
        if (end.present && !end.matched)
            missing.append(end.entry);
    }
    std::sort(missing.begin(), missing.end());
    for (const qint64 entry : std::as_const(missing))
        addProblem(DomainError(QStringLiteral("INPUT_ERROR"), elementPath(auditKey(), entry),
                               ImportText::tr("the record this entry is about is not in the document, yet the trail "
                                              "leaves it in place; a document with an audit trail holds every such record")));
}

QUuid DocumentCheck::claimId(const JsonReader &reader, qsizetype index, SectionState &state, const QString &key,
                             const QString &table)
{
    const QString text = reader.string(QStringLiteral("id"));
    const std::optional<QUuid> id = canonicalUuid(text);
    if (!id)
        reader.fail(QStringLiteral("id"), ImportText::tr("must be a UUID in lower case, such as 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01"));
    const auto earlier = state.ids.constFind(*id);
    if (earlier != state.ids.constEnd())
        reader.fail(QStringLiteral("id"), ImportText::tr("%1 has the same id; every record needs its own")
                                              .arg(elementPath(key, *earlier)));
    state.ids.insert(*id, index);
    if (m_contents.hasId(table, text))
        reader.fail(QStringLiteral("id"), ImportText::tr("the workspace already has a record with this id in %1; an import "
                                                         "only adds records: leave this one out, or import into another "
                                                         "workspace").arg(key));
    return *id;
}

template <typename Record>
void DocumentCheck::checkRecord(const JsonReader &reader, qsizetype index, SectionState &state)
{
    // The id first, so that records referring to this one find it even if something else here is wrong.
    const QUuid id = claimId(reader, index, state, sectionKey<Record>(), tableOf<Record>());
    const TrailEnd *trailEnd = m_hasTrail ? trailEndOf(quint8(sectionIndex<Record>()), id) : nullptr;
    const Record record = SectionFormat<Record>::read(reader, m_rules);
    if constexpr (requires { record.revision; }) {
        if (m_hasTrail && record.revision < 1)
            reader.fail(QStringLiteral("revision"), ImportText::tr("must be 1 or more: a record kept with its audit "
                                                                   "trail keeps its revision"));
    }
    RecordCheck check(*this, reader, index);
    checkRules(check, *this, record);
    if (m_hasTrail)
        matchTrail(reader, trailEnd, record::toCompactJson(record));
}

// The repository that saves each kind of record.
struct Repositories
{
    explicit Repositories(Workspace &workspace)
        : users(workspace), enterprises(workspace), applications(workspace), casework(workspace), committee(workspace),
          funding(workspace)
    {}

    template <typename Record>
    void save(UnitOfWork &work, Record &record, const QString &action)
    {
        if constexpr (std::is_same_v<Record, User>)
            users.save(work, record, action);
        else if constexpr (std::is_same_v<Record, Enterprise> || std::is_same_v<Record, EnterpriseRelation>)
            enterprises.save(work, record, action);
        else if constexpr (std::is_same_v<Record, Application>)
            applications.save(work, record, action);
        else if constexpr (std::is_same_v<Record, StatusChange>)
            applications.recordStatusChange(work, record, action);
        else if constexpr (CaseworkRecord<Record>)
            casework.save(work, record, action);
        else if constexpr (CommitteeRecord<Record>)
            committee.save(work, record, action);
        else if constexpr (std::is_same_v<Record, Signature>)
            store::Records<Signature>::save(work, record, action);
        else
            funding.save(work, record, action);
    }

    UserRepository users;
    EnterpriseRepository enterprises;
    ApplicationRepository applications;
    CaseworkRepository casework;
    CommitteeRepository committee;
    FundingRepository funding;
};

// Writes a checked document in one unit of work.
class DocumentWrite
{
public:
    DocumentWrite(Workspace &workspace, UnitOfWork &work, const JsonSections &sections, const DocumentCheck &check,
                  const RuleBook &rules)
        : m_workspace(workspace), m_work(work), m_sections(sections), m_check(check), m_rules(rules),
          m_repositories(workspace), m_restoring(work.origin() == ChangeOrigin::Restored)
    {}

    void run()
    {
        if (m_restoring)
            restoreTrail(); // first, before the search index is written (see WriteOrder)
        forEachSection(WriteOrder{}, [&]<typename Record>() { writeSection<Record>(); });
    }

private:
    template <typename Record> void writeSection()
    {
        const JsonSections::Member *member = m_sections.find(sectionKey<Record>());
        if (!isPresent(member))
            return;
        const QString action = m_restoring ? QString() : QStringLiteral("import");
        m_sections.forEachElement(*member, [&](qsizetype index, const QJsonValue &element) {
            Record record = SectionFormat<Record>::read(JsonReader(element, elementPath(sectionKey<Record>(), index)), m_rules);
            if constexpr (requires { record.revision; }) {
                if (!m_restoring)
                    record.revision = 0; // new to this workspace
            }
            if constexpr (std::is_same_v<Record, Application>) {
                if (m_restoring)
                    m_work.setTime(record.updatedAt); // the repository stamps updated_at with the unit of work's time
            }
            m_repositories.save(m_work, record, action);
            if constexpr (!requires { record.revision; }) {
                if (m_restoring)
                    restoreRevision<Record>(record.id);
            }
        });
    }

    // A record without a revision of its own in its JSON still has one in the
    // store: one per save since it was made, as its trail counts them.
    template <typename Record> void restoreRevision(const QString &id)
    {
        const qint32 saves = m_check.savesOf<Record>(id);
        if (saves <= 1)
            return;
        QSqlQuery &update = m_workspace.statement(
            QStringLiteral("UPDATE %1 SET \"revision\" = ? WHERE \"id\" = ?").arg(store::quoted(tableOf<Record>())));
        update.bindValue(0, saves);
        update.bindValue(1, id);
        m_workspace.exec(update);
    }

    void restoreTrail()
    {
        const JsonSections::Member *audit = m_sections.find(auditKey());
        m_sections.forEachElement(*audit, [&](qsizetype index, const QJsonValue &element) {
            m_work.restoreAuditEntry(readAuditEntry(JsonReader(element, elementPath(auditKey(), index))));
        });
    }

    Workspace &m_workspace;
    UnitOfWork &m_work;
    const JsonSections &m_sections;
    const DocumentCheck &m_check;
    const RuleBook &m_rules;
    Repositories m_repositories;
    const bool m_restoring;
};

} // namespace

ImportOutcome WorkspaceImport::read(QByteArrayView bytes, const QString &sourceName)
{
    std::optional<JsonSections> sections;
    try {
        sections.emplace(bytes, sourceName);
    } catch (const DomainError &syntax) {
        throw DocumentRefused({syntax});
    }
    const RuleBook &rules = RuleBook::technologyVoucher();
    const bool withTrail = hasTrail(*sections);
    const auto restoring = [&] {
        WorkspaceContents contents(m_workspace);
        return withTrail && isEmpty(contents);
    };
    const bool restore = restoring();
    UnitOfWork work(m_workspace, m_actorId, restore ? ChangeOrigin::Restored : ChangeOrigin::Local);
    if (restoring() != restore) // someone wrote to the workspace before the import took the lock
        throw DomainError(QStringLiteral("WORKSPACE_BUSY"), QDir::toNativeSeparators(m_workspace.folder()),
                          ImportText::tr("the workspace changed as the import began; run the import again"));
    work.setTime(QDateTime::currentDateTimeUtc()); // one moment for every entry of the import

    DocumentCheck check(m_workspace, *sections, rules);
    check.run();
    if (!check.problems().isEmpty())
        throw DocumentRefused(check.problems());
    // Every application's search text is indexed at the commit: in large segments, as the demo's.
    ApplicationSearch::setPendingBytes(m_workspace, ApplicationSearch::kBulkPendingBytes);
    DocumentWrite(m_workspace, work, *sections, check, rules).run();
    work.commit();
    ApplicationSearch::setPendingBytes(m_workspace, ApplicationSearch::kDefaultPendingBytes);
    return {restore ? ImportMode::Restored : ImportMode::Added, check.counts()};
}

} // namespace vd
