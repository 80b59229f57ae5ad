#pragma once

// How records become rows: the generic part of every repository. A record's
// fields (domain/core/recordfields.h) map to columns by their type; lists of
// parts (budget items, owners, scores…) map to child tables. Repositories
// use Records<R>; nothing outside domain/store includes this header.
//
//   field type                       column(s)
//   QString                          name TEXT (empty stored as NULL)
//   std::optional<QString>           name TEXT (nullopt as NULL, empty as '')
//   bool                             name INTEGER 0/1
//   int, qint64, std::optional<int>  name INTEGER
//   Money, std::optional<Money>      name_cents INTEGER
//   Percentage                       name without _pct, + _bp INTEGER (hundredths of a percent)
//   QDate, std::optional<QDate>      name TEXT 'YYYY-MM-DD'
//   QDateTime, std::optional<…>      name TEXT UTC ISO-8601 with milliseconds
//   BilingualText                    name_en, name_zh TEXT
//   QList<Part>                      table <parent entity>_<name> (<parent entity>_id, position, …);
//                                    a list of BilingualText has columns text_en, text_zh
//
// Every stored record has a revision column, whether or not its struct has a
// revision member.

#include "bulkrows.h"
#include "domainerror.h"
#include "page.h"
#include "recordjson.h"
#include "unitofwork.h"
#include "sql.h"
#include "uuid.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QStringList>

#include <type_traits>

namespace vd::store {

// The table of each record stored on its own, and the column its lists are
// ordered by.
template <typename Record> struct Table;
template <> struct Table<Enterprise> { static constexpr const char *name = "enterprises", *order = "name_en"; };
template <> struct Table<EnterpriseRelation> { static constexpr const char *name = "enterprise_relations", *order = "id"; };
template <> struct Table<User> { static constexpr const char *name = "users", *order = "username"; };
template <> struct Table<Application> { static constexpr const char *name = "applications", *order = "submitted"; };
template <> struct Table<StatusChange> { static constexpr const char *name = "status_changes", *order = "at"; };
template <> struct Table<ClarificationRequest> { static constexpr const char *name = "clarification_requests", *order = "asked_at"; };
template <> struct Table<CorrespondenceEntry> { static constexpr const char *name = "correspondence_entries", *order = "at"; };
template <> struct Table<EligibilityCheck> { static constexpr const char *name = "eligibility_checks", *order = "item"; };
template <> struct Table<ChangeRequest> { static constexpr const char *name = "change_requests", *order = "requested_at"; };
template <> struct Table<SiteCheck> { static constexpr const char *name = "site_checks", *order = "checked_on"; };
template <> struct Table<ProjectReport> { static constexpr const char *name = "project_reports", *order = "submitted_at"; };
template <> struct Table<Committee> { static constexpr const char *name = "committees", *order = "name_en"; };
template <> struct Table<CommitteeTerm> { static constexpr const char *name = "committee_terms", *order = "start"; };
template <> struct Table<CommitteeMembership> { static constexpr const char *name = "committee_memberships", *order = "position"; };
template <> struct Table<InterestDeclaration> { static constexpr const char *name = "interest_declarations", *order = "declared_on"; };
template <> struct Table<Meeting> { static constexpr const char *name = "meetings", *order = "held_at"; };
template <> struct Table<AgendaItem> { static constexpr const char *name = "agenda_items", *order = "position"; };
template <> struct Table<Attendance> { static constexpr const char *name = "meeting_attendance", *order = "user_id"; };
template <> struct Table<Review> { static constexpr const char *name = "reviews", *order = "submitted_at"; };
template <> struct Table<CommitteeOutcome> { static constexpr const char *name = "committee_outcomes", *order = "recorded_at"; };
template <> struct Table<Approval> { static constexpr const char *name = "approvals", *order = "approved_at"; };
template <> struct Table<FundingAgreement> { static constexpr const char *name = "funding_agreements", *order = "issued_at"; };
template <> struct Table<DisbursementMilestone> { static constexpr const char *name = "disbursement_milestones", *order = "due_on"; };
template <> struct Table<Payment> { static constexpr const char *name = "payments", *order = "proposed_at"; };
template <> struct Table<Signature> { static constexpr const char *name = "signatures", *order = "signed_at"; };

template <typename Record>
concept StoredRecord = FieldRecord<Record> && requires { Table<Record>::name; };

template <typename Value> inline constexpr bool isList = false;
template <typename Part> inline constexpr bool isList<QList<Part>> = true;

inline QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

inline QVariant nullText() { return QVariant(QMetaType::fromType<QString>()); }
inline QVariant nullInteger() { return QVariant(QMetaType::fromType<qlonglong>()); }

// Text (a null QString as NULL) and integers (nullopt as NULL): bound as they
// are on the bulk paths (sql::Write, BulkRows), through a QVariant on Qt SQL's.
template <typename Query>
void bindText(Query &q, int pos, const QString &text)
{
    if constexpr (std::is_same_v<Query, sql::Write> || std::is_same_v<Query, BulkRows>)
        q.bindString(pos, text);
    else
        sql::bind(q, pos, text.isNull() ? nullText() : QVariant(text));
}

template <typename Query>
void bindInteger(Query &q, int pos, std::optional<qint64> value)
{
    if constexpr (std::is_same_v<Query, sql::Write> || std::is_same_v<Query, BulkRows>) {
        if (value)
            q.bindInteger(pos, *value);
        else
            q.bindNull(pos);
    } else {
        sql::bind(q, pos, value ? QVariant(qlonglong(*value)) : nullInteger());
    }
}

// Columns of one field, by its type.
template <typename Value> struct Column;

template <> struct Column<QString>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, const QString &v) { bindText(q, pos++, v.isEmpty() ? QString() : v); }
    static void read(const QSqlQuery &q, int &pos, QString &v) { v = q.value(pos++).toString(); }
};

template <> struct Column<std::optional<QString>>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, const std::optional<QString> &v)
    {
        bindText(q, pos++, !v ? QString() : v->isEmpty() ? QStringLiteral("") : *v);
    }
    static void read(const QSqlQuery &q, int &pos, std::optional<QString> &v)
    {
        v = q.isNull(pos) ? std::nullopt : std::optional<QString>(q.value(pos).toString());
        ++pos;
    }
};

template <> struct Column<bool>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, bool v) { bindInteger(q, pos++, v ? 1 : 0); }
    static void read(const QSqlQuery &q, int &pos, bool &v) { v = q.value(pos++).toLongLong() != 0; }
};

template <> struct Column<int>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, int v) { bindInteger(q, pos++, v); }
    static void read(const QSqlQuery &q, int &pos, int &v) { v = q.value(pos++).toInt(); }
};

template <> struct Column<qint64>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, qint64 v) { bindInteger(q, pos++, v); }
    static void read(const QSqlQuery &q, int &pos, qint64 &v) { v = q.value(pos++).toLongLong(); }
};

template <> struct Column<std::optional<int>>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, const std::optional<int> &v) { bindInteger(q, pos++, v ? std::optional<qint64>(*v) : std::nullopt); }
    static void read(const QSqlQuery &q, int &pos, std::optional<int> &v)
    {
        v = q.isNull(pos) ? std::nullopt : std::optional<int>(q.value(pos).toInt());
        ++pos;
    }
};

template <> struct Column<Money>
{
    static void names(QStringList &out, const QString &name) { out << name + QStringLiteral("_cents"); }
    template <typename Query> static void bind(Query &q, int &pos, Money v) { bindInteger(q, pos++, v.cents()); }
    static void read(const QSqlQuery &q, int &pos, Money &v) { v = Money::fromCents(q.value(pos++).toLongLong()); }
};

template <> struct Column<std::optional<Money>>
{
    static void names(QStringList &out, const QString &name) { Column<Money>::names(out, name); }
    template <typename Query> static void bind(Query &q, int &pos, const std::optional<Money> &v)
    {
        bindInteger(q, pos++, v ? std::optional<qint64>(v->cents()) : std::nullopt);
    }
    static void read(const QSqlQuery &q, int &pos, std::optional<Money> &v)
    {
        v = q.isNull(pos) ? std::nullopt : std::optional<Money>(Money::fromCents(q.value(pos).toLongLong()));
        ++pos;
    }
};

template <> struct Column<Percentage>
{
    static void names(QStringList &out, const QString &name)
    {
        QString base = name;
        if (base.endsWith(QLatin1String("_pct")))
            base.chop(4);
        out << base + QStringLiteral("_bp");
    }
    template <typename Query> static void bind(Query &q, int &pos, Percentage v) { bindInteger(q, pos++, v.hundredths()); }
    static void read(const QSqlQuery &q, int &pos, Percentage &v) { v = Percentage::fromHundredths(q.value(pos++).toInt()); }
};

template <> struct Column<QDate>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, const QDate &v) { bindText(q, pos++, v.isValid() ? record::dateText(v) : QString()); }
    static void read(const QSqlQuery &q, int &pos, QDate &v) { v = record::dateFromText(q.value(pos++).toString()); }
};

template <> struct Column<std::optional<QDate>>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, const std::optional<QDate> &v) { Column<QDate>::bind(q, pos, v.value_or(QDate())); }
    static void read(const QSqlQuery &q, int &pos, std::optional<QDate> &v)
    {
        const QDate date = record::dateFromText(q.value(pos++).toString());
        v = date.isValid() ? std::optional<QDate>(date) : std::nullopt;
    }
};

template <> struct Column<QDateTime>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, const QDateTime &v)
    {
        bindText(q, pos++, v.isValid() ? record::instantText(v) : QString());
    }
    static void read(const QSqlQuery &q, int &pos, QDateTime &v) { v = record::instantFromText(q.value(pos++).toString()); }
};

template <> struct Column<std::optional<QDateTime>>
{
    static void names(QStringList &out, const QString &name) { out << name; }
    template <typename Query> static void bind(Query &q, int &pos, const std::optional<QDateTime> &v)
    {
        Column<QDateTime>::bind(q, pos, v.value_or(QDateTime()));
    }
    static void read(const QSqlQuery &q, int &pos, std::optional<QDateTime> &v)
    {
        const QDateTime instant = record::instantFromText(q.value(pos++).toString());
        v = instant.isValid() ? std::optional<QDateTime>(instant) : std::nullopt;
    }
};

template <> struct Column<BilingualText>
{
    static void names(QStringList &out, const QString &name) { out << name + QStringLiteral("_en") << name + QStringLiteral("_zh"); }
    template <typename Query> static void bind(Query &q, int &pos, const BilingualText &v)
    {
        Column<QString>::bind(q, pos, v.en);
        Column<QString>::bind(q, pos, v.zh);
    }
    static void read(const QSqlQuery &q, int &pos, BilingualText &v)
    {
        Column<QString>::read(q, pos, v.en);
        Column<QString>::read(q, pos, v.zh);
    }
};

// Who a record belongs to, for the back office's change log (docs/sync.md).
template <typename Record>
void setScope(RecordedChange &change, const Record &record)
{
    if constexpr (std::is_same_v<Record, Application>)
        change.applicationId = record.id;
    else if constexpr (requires { record.applicationId; })
        change.applicationId = record.applicationId;
    if constexpr (std::is_same_v<Record, Enterprise>)
        change.enterpriseId = record.id;
    else if constexpr (requires { record.enterpriseId; })
        change.enterpriseId = record.enterpriseId;
    if constexpr (requires { record.reviewerId; })
        change.ownerId = record.reviewerId;
    else if constexpr (requires { record.signerId; })
        change.ownerId = record.signerId;
    else if constexpr (requires { record.userId; })
        change.ownerId = record.userId;
    else if constexpr (std::is_same_v<Record, User>)
        change.ownerId = record.id;
}

template <typename Record>
RecordedChange recordedChange(const QString &action, const Record &record, QByteArray before, QByteArray after,
                              qint64 baseRevision, qint64 revision)
{
    RecordedChange change{action, QString::fromLatin1(RecordFields<Record>::entity), record.id, std::move(before),
                          std::move(after), baseRevision, revision, {}, {}, {}};
    setScope(change, record);
    return change;
}

inline bool isRevision(const char *name)
{
    return qstrcmp(name, "revision") == 0;
}

// A record's own columns (a part that is plain bilingual text has text_en, text_zh).
template <typename Record>
QStringList ownColumns()
{
    QStringList names;
    if constexpr (FieldRecord<Record>) {
        forEachField<Record>([&](const auto &field) {
            using Value = std::remove_cvref_t<decltype(std::declval<Record>().*(field.member))>;
            if constexpr (!isList<Value>) {
                if (!isRevision(field.name))
                    Column<Value>::names(names, QString::fromLatin1(field.name));
            }
        });
    } else {
        Column<Record>::names(names, QStringLiteral("text"));
    }
    return names;
}

// Query: a QSqlQuery, or an sql::Write on the bulk paths.
template <typename Record, typename Query>
void bindOwnColumns(Query &query, int &pos, const Record &record)
{
    if constexpr (FieldRecord<Record>) {
        forEachField<Record>([&](const auto &field) {
            using Value = std::remove_cvref_t<decltype(record.*(field.member))>;
            if constexpr (!isList<Value>) {
                if (!isRevision(field.name))
                    Column<Value>::bind(query, pos, record.*(field.member));
            }
        });
    } else {
        Column<Record>::bind(query, pos, record);
    }
}

template <typename Record>
void readOwnColumns(const QSqlQuery &query, int &pos, Record &record)
{
    if constexpr (FieldRecord<Record>) {
        forEachField<Record>([&](const auto &field) {
            using Value = std::remove_cvref_t<decltype(record.*(field.member))>;
            if constexpr (!isList<Value>) {
                if (!isRevision(field.name))
                    Column<Value>::read(query, pos, record.*(field.member));
            }
        });
    } else {
        Column<Record>::read(query, pos, record);
    }
}

inline QString columnList(const QStringList &names, const QString &prefix = QString())
{
    QStringList quotedNames;
    for (const QString &name : names)
        quotedNames << prefix + quoted(name);
    return quotedNames.join(QStringLiteral(", "));
}

inline QString placeholders(qsizetype count)
{
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// The statements for one list of parts.
struct PartsSql
{
    QString insert;
    QString removeAll;
    QString select;
};

// The statements for the lists of parts of a record (or of a part), by field name.
template <typename Parent>
const QHash<QString, PartsSql> &partsSqlOf()
{
    static const QHash<QString, PartsSql> statements = [] {
        QHash<QString, PartsSql> result;
        const QString entity = QString::fromLatin1(RecordFields<Parent>::entity);
        forEachField<Parent>([&](const auto &field) {
            using Value = std::remove_cvref_t<decltype(std::declval<Parent>().*(field.member))>;
            if constexpr (isList<Value>) {
                using Part = typename Value::value_type;
                const QString name = QString::fromLatin1(field.name);
                const QString table = quoted(entity + u'_' + name);
                const QString parent = quoted(entity + QStringLiteral("_id"));
                const QStringList columns = ownColumns<Part>();
                result.insert(name, PartsSql{
                    QStringLiteral("INSERT INTO %1 (%2, \"position\", %3) VALUES (?, ?, %4)")
                        .arg(table, parent, columnList(columns), placeholders(columns.size())),
                    QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, parent),
                    QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? ORDER BY \"position\"")
                        .arg(columnList(columns), table, parent)});
            }
        });
        return result;
    }();
    return statements;
}

template <typename Record>
constexpr bool hasParts()
{
    if constexpr (FieldRecord<Record>) {
        bool found = false;
        forEachField<Record>([&](const auto &field) {
            using Value = std::remove_cvref_t<decltype(std::declval<Record>().*(field.member))>;
            found = found || isList<Value>;
        });
        return found;
    } else {
        return false;
    }
}

// Parts with an id get one when they have none, so that their own parts can refer to them.
template <typename Record>
void assignPartIds(Record &record)
{
    if constexpr (hasParts<Record>()) {
        forEachField<Record>([&](const auto &field) {
            using Value = std::remove_cvref_t<decltype(record.*(field.member))>;
            if constexpr (isList<Value>) {
                for (auto &part : record.*(field.member)) {
                    if constexpr (requires { part.id; }) {
                        if (part.id.isEmpty())
                            part.id = newUuid();
                    }
                    assignPartIds(part);
                }
            }
        });
    }
}

// Where rows go: a workspace's prepared statements, or BulkRows to store later.
inline sql::Write &rowsFor(Workspace &workspace, const QString &statement) { return workspace.write(statement); }
inline BulkRows &rowsFor(BulkRows &rows, const QString &statement) { return rows.statement(statement); }

// Writes the parts of a record (Target: a Workspace, or BulkRows); `replacing`
// first removes the stored ones (their own parts go with them, ON DELETE CASCADE).
template <typename Record, typename Target>
void writeParts(Target &target, const Record &record, bool replacing)
{
    if constexpr (hasParts<Record>()) {
        forEachField<Record>([&](const auto &field) {
            using Value = std::remove_cvref_t<decltype(record.*(field.member))>;
            if constexpr (isList<Value>) {
                const PartsSql &statements = *partsSqlOf<Record>().constFind(QString::fromLatin1(field.name));
                if constexpr (std::is_same_v<Target, Workspace>) {
                    if (replacing) {
                        QSqlQuery &remove = target.statement(statements.removeAll);
                        sql::bind(remove, 0, record.id);
                        target.exec(remove);
                    }
                }
                auto &insert = rowsFor(target, statements.insert);
                const Value &parts = record.*(field.member);
                for (qsizetype i = 0; i < parts.size(); ++i) {
                    insert.bindString(0, record.id);
                    insert.bindInteger(1, i);
                    int pos = 2;
                    bindOwnColumns(insert, pos, parts[i]);
                    insert.exec();
                }
                for (const auto &part : parts)
                    writeParts(target, part, false);
            }
        });
    }
}

template <typename Record>
void readParts(Workspace &workspace, Record &record)
{
    if constexpr (hasParts<Record>()) {
        forEachField<Record>([&](const auto &field) {
            using Value = std::remove_cvref_t<decltype(record.*(field.member))>;
            if constexpr (isList<Value>) {
                QSqlQuery &select =
                    workspace.statement(partsSqlOf<Record>().constFind(QString::fromLatin1(field.name))->select);
                sql::bind(select, 0, record.id);
                workspace.exec(select);
                Value &parts = record.*(field.member);
                parts.clear();
                while (select.next()) {
                    int pos = 0;
                    readOwnColumns(select, pos, parts.emplace_back());
                }
                select.finish();
                for (auto &part : parts)
                    readParts(workspace, part);
            }
        });
    }
}

// The statements of a record's own table.
struct TableSql
{
    QString columns;     // quoted, in field order, then revision
    QString insert;
    QString update;
    QString selectById;
    QString revisionById;
    QString removeById;
};

template <StoredRecord Record>
const TableSql &tableSqlOf()
{
    static const TableSql sql = [] {
        const QString table = quoted(QString::fromLatin1(Table<Record>::name));
        QStringList columns = ownColumns<Record>();
        columns << QStringLiteral("revision");
        QStringList assignments;
        for (const QString &column : columns)
            assignments << quoted(column) + QStringLiteral(" = ?");
        const QString list = columnList(columns);
        return TableSql{
            list,
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (\"id\") DO NOTHING")
                .arg(table, list, placeholders(columns.size())),
            QStringLiteral("UPDATE %1 SET %2 WHERE \"id\" = ?").arg(table, assignments.join(QStringLiteral(", "))),
            QStringLiteral("SELECT %1 FROM %2 WHERE \"id\" = ?").arg(list, table),
            QStringLiteral("SELECT \"revision\" FROM %1 WHERE \"id\" = ?").arg(table),
            QStringLiteral("DELETE FROM %1 WHERE \"id\" = ?").arg(table)};
    }();
    return sql;
}

// Saving, finding and listing one kind of record, with its parts.
template <StoredRecord Record>
class Records
{
public:
    static const QString &entity()
    {
        static const QString name = QString::fromLatin1(RecordFields<Record>::entity);
        return name;
    }

    static std::optional<qint64> revisionOf(Workspace &workspace, const QString &id)
    {
        QSqlQuery &query = workspace.statement(tableSqlOf<Record>().revisionById);
        sql::bind(query, 0, id);
        workspace.exec(query);
        const std::optional<qint64> revision =
            query.next() ? std::optional<qint64>(query.value(0).toLongLong()) : std::nullopt;
        query.finish();
        return revision;
    }

    static std::optional<Record> find(Workspace &workspace, const QString &id)
    {
        const QList<Record> found = select(workspace, tableSqlOf<Record>().selectById, {id});
        return found.isEmpty() ? std::nullopt : std::optional<Record>(found.first());
    }

    // Records matching a condition on their own table (with ? placeholders),
    // in the table's order, optionally one page of them.
    static QList<Record> where(Workspace &workspace, const QString &condition, QVariantList values,
                               const std::optional<Page> &page = std::nullopt)
    {
        QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4, \"id\"")
                          .arg(tableSqlOf<Record>().columns, quoted(QString::fromLatin1(Table<Record>::name)),
                               condition, quoted(QString::fromLatin1(Table<Record>::order)));
        if (page) {
            sql += QStringLiteral(" LIMIT ? OFFSET ?");
            values << page->limit << page->offset;
        }
        return select(workspace, sql, values);
    }

    // Up to `limit` records in id order after an id (empty: from the first),
    // for walking a whole table a page at a time however large it is.
    static QList<Record> after(Workspace &workspace, const QString &id, int limit)
    {
        static const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE \"id\" > ? ORDER BY \"id\" LIMIT ?")
                                       .arg(tableSqlOf<Record>().columns, quoted(QString::fromLatin1(Table<Record>::name)));
        // An empty id is bound as '' (a null QString would bind NULL, and nothing is greater than NULL).
        return select(workspace, sql, {id.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(id), limit});
    }

    // Inserts or updates the record and its parts, and records the change in
    // the unit of work. A record with a revision member must carry the stored
    // revision (0 for a new one), else STALE_REVISION; on success the record
    // has its new revision and the ids it was given. A synced change keeps the
    // revision it arrived with.
    static void save(UnitOfWork &work, Record &record, const QString &action)
    {
        Workspace &workspace = work.workspace();
        // Synced and restored records keep the revision they come with; a
        // restored record brings its own audit trail.
        const bool synced = work.origin() == ChangeOrigin::Synced || work.origin() == ChangeOrigin::Restored;
        const bool audited = work.origin() != ChangeOrigin::Restored;
        Record saved = record;
        if (saved.id.isEmpty())
            saved.id = newUuid();
        assignPartIds(saved);
        std::optional<qint64> claimed; // the revision the caller read, for records that carry one
        if constexpr (requires { saved.revision; })
            claimed = saved.revision;

        // What claims to be new is inserted at once; the stored revision is
        // read only when the id turns out to be taken (bulk writes are mostly new).
        if (!claimed || *claimed == 0 || synced) {
            const qint64 revision = synced && claimed ? *claimed : 1;
            if (insertIfNew(workspace, saved, revision)) {
                setRevision(saved, revision);
                writeParts(workspace, saved, false);
                if (audited)
                    work.record(recordedChange(action.isEmpty() ? QStringLiteral("create") : action, saved, QByteArray(),
                                               record::toCompactJson(saved), 0, revision));
                record = std::move(saved);
                return;
            }
        }
        const std::optional<qint64> stored = revisionOf(workspace, saved.id);
        if (!stored || (!synced && claimed && *claimed != *stored))
            throw staleRevision(saved.id, stored.value_or(0), claimed.value_or(0));
        const qint64 revision = synced && claimed ? *claimed : *stored + 1;
        const QByteArray before = audited ? record::toCompactJson(*find(workspace, saved.id)) : QByteArray();
        setRevision(saved, revision);
        QSqlQuery &update = workspace.statement(tableSqlOf<Record>().update);
        int pos = 0;
        bindOwnColumns(update, pos, saved);
        sql::bind(update, pos++, revision);
        sql::bind(update, pos++, saved.id);
        workspace.exec(update);
        writeParts(workspace, saved, true);
        if (audited)
            work.record(recordedChange(action.isEmpty() ? QStringLiteral("update") : action, saved, before,
                                       record::toCompactJson(saved), *stored, revision));
        record = std::move(saved);
    }

    // A new record as rows to store later (BulkRows): its id and its parts
    // ids where they have none, revision 1, its columns and parts; the change
    // to audit is returned. A record with a revision member must claim 0.
    static RecordedChange encodeNew(BulkRows &rows, Record &record, const QString &action)
    {
        Record saved = record;
        if (saved.id.isEmpty())
            saved.id = newUuid();
        assignPartIds(saved);
        if constexpr (requires { saved.revision; }) {
            if (saved.revision != 0)
                throw staleRevision(saved.id, 0, saved.revision);
        }
        setRevision(saved, 1);
        BulkRows &insert = rows.statement(tableSqlOf<Record>().insert);
        int pos = 0;
        bindOwnColumns(insert, pos, saved);
        insert.bindInteger(pos, 1);
        insert.exec();
        writeParts(rows, saved, false);
        RecordedChange change = recordedChange(action.isEmpty() ? QStringLiteral("create") : action, saved, QByteArray(),
                                               record::toCompactJson(saved), 0, 1);
        record = std::move(saved);
        return change;
    }

    // Removes the record and its parts; NOT_FOUND when there is none.
    static void remove(UnitOfWork &work, const QString &id, const QString &action)
    {
        Workspace &workspace = work.workspace();
        const std::optional<Record> existing = find(workspace, id);
        if (!existing)
            throw DomainError(QStringLiteral("NOT_FOUND"), entity() + u' ' + id,
                              QCoreApplication::translate("vd::Records", "there is no such record to remove"));
        const qint64 revision = revisionOf(workspace, id).value_or(0);
        QSqlQuery &remove = workspace.statement(tableSqlOf<Record>().removeById);
        sql::bind(remove, 0, id);
        workspace.exec(remove);
        work.record(recordedChange(action.isEmpty() ? QStringLiteral("delete") : action, *existing,
                                   record::toCompactJson(*existing), QByteArray(), revision, revision));
    }

private:
    static DomainError staleRevision(const QString &id, qint64 stored, qint64 yours)
    {
        return DomainError(QStringLiteral("STALE_REVISION"), entity() + u' ' + id,
                           QCoreApplication::translate("vd::Records",
                               "this record was changed since it was read (stored revision %1, yours %2); "
                               "reload it and make the change again").arg(stored).arg(yours));
    }

    static void setRevision(Record &record, qint64 revision)
    {
        if constexpr (requires { record.revision; })
            record.revision = revision;
    }

    // INSERT … ON CONFLICT (id) DO NOTHING: false when the id is already stored.
    // Any other constraint that fails still fails loudly.
    static bool insertIfNew(Workspace &workspace, const Record &record, qint64 revision)
    {
        sql::Write &insert = workspace.write(tableSqlOf<Record>().insert);
        int pos = 0;
        bindOwnColumns(insert, pos, record);
        insert.bindInteger(pos, revision);
        insert.exec();
        return insert.rowsAffected() == 1;
    }

    static QList<Record> select(Workspace &workspace, const QString &sql, const QVariantList &values)
    {
        QSqlQuery &query = workspace.execute(sql, values);
        QList<Record> records;
        while (query.next()) {
            Record &record = records.emplace_back();
            int pos = 0;
            readOwnColumns(query, pos, record);
            const qint64 revision = query.value(pos).toLongLong();
            if constexpr (requires { record.revision; })
                record.revision = revision;
        }
        query.finish();
        for (Record &record : records)
            readParts(workspace, record);
        return records;
    }
};

} // namespace vd::store
