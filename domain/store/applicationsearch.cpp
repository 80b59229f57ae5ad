#include "applicationsearch.h"

#include "application.h"
#include "bulkrows.h"
#include "enterprise.h"
#include "unitofwork.h"
#include "sql.h"
#include "workspace.h"

#include <QSqlQuery>

#include <algorithm>
#include <QStringList>

namespace vd {

namespace {

// The trigram tokenizer indexes runs of three characters (code points).
constexpr qsizetype kTrigram = 3;
// Stands for a run of white space or control characters in the character
// index; a private-use character, so it is a token of its own.
constexpr QChar kGap(0xE000);

// Whether the character index has the character as a token of its own: the
// tokenizer's categories L* N* Co M* P* S*, that is all but Z* and C* (Co aside).
bool isIndexedCharacter(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
        return false;
    default:
        return true;
    }
}

bool isIndexedWord(const QString &word)
{
    const QList<uint> codePoints = word.toUcs4();
    return std::all_of(codePoints.begin(), codePoints.end(), [](uint c) { return isIndexedCharacter(c); });
}

qsizetype characters(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++count) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    return count;
}

// A word as an FTS5 string: double quotes around, inner quotes doubled, so
// nothing in it is read as query syntax.
QString phrase(const QString &word)
{
    QString escaped = word;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

// Words separated by any white space, the ideographic space included.
QStringList words(const QString &text)
{
    QStringList result;
    QString word;
    for (const QChar c : text) {
        if (!c.isSpace()) {
            word += c;
        } else if (!word.isEmpty()) {
            result << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        result << word;
    return result;
}

// All words must occur: FTS5 joins phrases with an implicit AND.
QString phrases(const QStringList &words)
{
    QStringList quotedWords;
    for (const QString &word : words)
        quotedWords << phrase(word);
    return quotedWords.join(u' ');
}

} // namespace

QString ApplicationSearch::characterText(QStringView text)
{
    QString characters;
    characters.reserve(text.size() * 2);
    bool gap = false;
    for (const char32_t c : text.toUcs4()) {
        if (isIndexedCharacter(c)) {
            characters.append(QStringView(QChar::fromUcs4(c))).append(u' ');
            gap = false;
        } else if (!gap) {
            characters.append(kGap).append(u' ');
            gap = true;
        }
    }
    return characters;
}

QString ApplicationSearch::indexedText(const Application &application, const BilingualText &enterpriseName,
                                       const QString &brNumber)
{
    const QStringList lines{application.reference, application.title.en, application.title.zh, enterpriseName.en,
                            enterpriseName.zh, brNumber, application.description.en, application.description.zh};
    return lines.join(u'\n').toLower();
}

namespace {

// Brings both indexes up to date with the texts added and changed in this
// transaction: a few statements for the whole batch.
void flushPending(Workspace &workspace)
{
    for (const char *statement : {
             "INSERT INTO application_search_index (application_search_index, rowid, text) "
             "SELECT 'delete', rowid, indexed_text FROM application_search_pending",
             "INSERT INTO application_search_characters (application_search_characters, rowid, characters) "
             "SELECT 'delete', rowid, indexed_characters FROM application_search_pending",
             "INSERT INTO application_search_index (rowid, text) SELECT p.rowid, s.text "
             "FROM application_search_pending AS p JOIN application_search AS s ON s.rowid = p.rowid",
             "INSERT INTO application_search_characters (rowid, characters) SELECT p.rowid, s.characters "
             "FROM application_search_pending AS p JOIN application_search AS s ON s.rowid = p.rowid",
             "INSERT INTO application_search_index (rowid, text) SELECT rowid, text FROM application_search "
             "WHERE rowid > (SELECT indexed_up_to FROM application_search_state)",
             "INSERT INTO application_search_characters (rowid, characters) SELECT rowid, characters "
             "FROM application_search WHERE rowid > (SELECT indexed_up_to FROM application_search_state)",
             "UPDATE application_search_state SET indexed_up_to = "
             "(SELECT coalesce(max(rowid), indexed_up_to) FROM application_search)",
             "DELETE FROM application_search_pending"}) {
        QSqlQuery &query = workspace.statement(QString::fromLatin1(statement));
        workspace.exec(query);
    }
}

// Notes what the indexes hold of a changed row (the first note in a transaction wins).
void notePending(Workspace &workspace, qint64 rowid, const QString &indexed, const QString &indexedCharacters)
{
    QSqlQuery &note = workspace.statement(QStringLiteral(
        "INSERT OR IGNORE INTO application_search_pending (rowid, indexed_text, indexed_characters) "
        "SELECT ?, ?, ? WHERE ? <= (SELECT indexed_up_to FROM application_search_state)"));
    sql::bind(note, 0, rowid);
    sql::bind(note, 1, indexed);
    sql::bind(note, 2, indexedCharacters);
    sql::bind(note, 3, rowid);
    workspace.exec(note);
}

// Keeps an application's text. A new row is indexed at commit as one of the
// rows added; a changed row that the indexes already hold is noted with what
// they hold (the first note in a transaction wins).
const QString kInsertText = QStringLiteral(
    "INSERT INTO application_search (application_id, text, characters) VALUES (?, ?, ?) "
    "ON CONFLICT (application_id) DO NOTHING");

template <typename Query>
void bindText(Query &insert, const QString &applicationId, const QString &text, const QString &characters)
{
    insert.bindString(0, applicationId);
    insert.bindString(1, text);
    insert.bindString(2, characters);
}

void storeText(UnitOfWork &work, const QString &applicationId, const QString &text)
{
    Workspace &workspace = work.workspace();
    ApplicationSearch::indexAtCommit(work);
    const QString characters = ApplicationSearch::characterText(text);
    sql::Write &insert = workspace.write(kInsertText);
    bindText(insert, applicationId, text, characters);
    insert.exec();
    if (insert.rowsAffected() == 1)
        return;
    QSqlQuery &stored = workspace.statement(
        QStringLiteral("SELECT rowid, text, characters FROM application_search WHERE application_id = ?"));
    sql::bind(stored, 0, applicationId);
    workspace.exec(stored);
    if (!stored.next())
        return;
    const qint64 rowid = stored.value(0).toLongLong();
    const QString indexed = stored.value(1).toString();
    const QString indexedCharacters = stored.value(2).toString();
    stored.finish();
    if (indexed == text) // status changes and the like cost the index nothing
        return;
    if (workspace.dialect() == sql::Dialect::SQLite) // FTS5 indexes only on SQLite
        notePending(workspace, rowid, indexed, indexedCharacters);
    QSqlQuery &update = workspace.statement(
        QStringLiteral("UPDATE application_search SET text = ?, characters = ? WHERE rowid = ?"));
    sql::bind(update, 0, text);
    sql::bind(update, 1, characters);
    sql::bind(update, 2, rowid);
    workspace.exec(update);
}

// Re-indexes the applications a statement selects as (id, reference, title
// en/zh, description en/zh, enterprise name en/zh, BR number).
void reindex(UnitOfWork &work, QSqlQuery &select)
{
    work.workspace().exec(select);
    QList<std::pair<QString, QString>> texts;
    while (select.next()) {
        Application application;
        application.reference = select.value(1).toString();
        application.title = {select.value(2).toString(), select.value(3).toString()};
        application.description = {select.value(4).toString(), select.value(5).toString()};
        const BilingualText name{select.value(6).toString(), select.value(7).toString()};
        texts.append({select.value(0).toString(),
                      ApplicationSearch::indexedText(application, name, select.value(8).toString())});
    }
    select.finish();
    for (const auto &[id, text] : texts)
        storeText(work, id, text);
}

const QString kIndexedColumns = QStringLiteral(
    "SELECT a.id, a.reference, a.title_en, a.title_zh, a.description_en, a.description_zh, e.name_en, e.name_zh, "
    "e.br_number FROM applications AS a LEFT JOIN enterprises AS e ON e.id = a.enterprise_id");

} // namespace

void ApplicationSearch::index(UnitOfWork &work, const Application &application)
{
    Workspace &workspace = work.workspace();
    QSqlQuery &enterprise = workspace.statement(
        QStringLiteral("SELECT name_en, name_zh, br_number FROM enterprises WHERE id = ?"));
    sql::bind(enterprise, 0, application.enterpriseId);
    workspace.exec(enterprise);
    BilingualText name;
    QString brNumber;
    if (enterprise.next()) {
        name = {enterprise.value(0).toString(), enterprise.value(1).toString()};
        brNumber = enterprise.value(2).toString();
    }
    enterprise.finish();
    storeText(work, application.id, indexedText(application, name, brNumber));
}

void ApplicationSearch::encodeNew(BulkRows &rows, const Application &application, const Enterprise &enterprise)
{
    const QString text = indexedText(application, enterprise.name, enterprise.brNumber.value_or(QString()));
    BulkRows &insert = rows.statement(kInsertText);
    bindText(insert, application.id, text, characterText(text));
    insert.exec();
}

void ApplicationSearch::indexAtCommit(UnitOfWork &work)
{
    Workspace &workspace = work.workspace();
    // On PostgreSQL the text is kept without the FTS5 indexes (searched by a scan: find()).
    if (workspace.dialect() != sql::Dialect::SQLite)
        return;
    work.beforeCommit(QStringLiteral("application_search"), [&workspace] { flushPending(workspace); });
}

void ApplicationSearch::setPendingBytes(Workspace &workspace, qint64 bytes)
{
    if (workspace.dialect() != sql::Dialect::SQLite)
        return;
    for (const char *index : {"application_search_index", "application_search_characters"})
        workspace.run(QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('hashsize', %2)")
                          .arg(QString::fromLatin1(index)).arg(bytes));
}

void ApplicationSearch::reindexEnterprise(UnitOfWork &work, const QString &enterpriseId)
{
    QSqlQuery &select = work.workspace().statement(kIndexedColumns + QStringLiteral(" WHERE a.enterprise_id = ?"));
    sql::bind(select, 0, enterpriseId);
    reindex(work, select);
}

void ApplicationSearch::rebuild()
{
    // Recomputes every text, then rebuilds the indexes from the texts as FTS5 does it.
    UnitOfWork work(m_workspace, QStringLiteral("system"), ChangeOrigin::Synced);
    reindex(work, m_workspace.statement(kIndexedColumns));
    m_workspace.run(QStringLiteral("DELETE FROM application_search_pending"));
    m_workspace.run(QStringLiteral("INSERT INTO application_search_index (application_search_index) VALUES ('rebuild')"));
    m_workspace.run(
        QStringLiteral("INSERT INTO application_search_characters (application_search_characters) VALUES ('rebuild')"));
    m_workspace.run(QStringLiteral("UPDATE application_search_state SET indexed_up_to = "
                                   "(SELECT coalesce(max(rowid), 0) FROM application_search)"));
    work.commit();
}

namespace {

// A query taken apart: the index query that finds candidate rows (empty when
// no word can use an index), its values, and the words each candidate's text
// is checked for.
struct SearchPlan
{
    QString driver;
    QVariantList values;
    QStringList checked;
    QStringList shortChecked; // the words of checked that the character index holds
    bool empty = true;
};

const QString kCharacterDriver = QStringLiteral(
    "SELECT rowid FROM application_search_characters WHERE application_search_characters MATCH ?");

// Short words as one phrase of the character index.
QString spelledPhrases(const QStringList &shortWords)
{
    QStringList spelled;
    for (const QString &word : shortWords)
        spelled << ApplicationSearch::characterText(word).trimmed();
    return phrases(spelled);
}

SearchPlan planFor(const QString &query)
{
    // One index drives the search: trigrams when there is a word of three or
    // more characters, else the character index. Every other word is checked
    // in the text of the rows it yields. Only a short word with a control
    // character in it, alone, needs a scan of the text.
    QStringList longWords, shortWords, otherWords;
    for (const QString &word : words(query.toLower())) {
        if (characters(word) >= kTrigram)
            longWords << word;
        else
            (isIndexedWord(word) ? shortWords : otherWords) << word;
    }
    SearchPlan plan;
    plan.checked = otherWords;
    plan.empty = longWords.isEmpty() && shortWords.isEmpty() && otherWords.isEmpty();
    if (!longWords.isEmpty()) {
        plan.driver = QStringLiteral("SELECT rowid FROM application_search_index WHERE application_search_index MATCH ?");
        plan.values << phrases(longWords);
        plan.checked << shortWords;
        plan.shortChecked = shortWords;
    } else if (!shortWords.isEmpty()) {
        plan.driver = kCharacterDriver;
        plan.values << spelledPhrases(shortWords);
    }
    return plan;
}

// The conditions on application_search AS s that the plan's rows meet, with
// the values to bind after the plan's own.
QString checkedConditions(const SearchPlan &plan, QVariantList &values)
{
    QStringList conditions;
    if (!plan.driver.isEmpty())
        conditions << QStringLiteral("s.rowid IN (") + plan.driver + u')';
    for (const QString &word : plan.checked) {
        conditions << QStringLiteral("instr(s.text, ?) > 0");
        values << word;
    }
    return conditions.join(QStringLiteral(" AND "));
}

} // namespace

std::optional<SearchCondition> ApplicationSearch::condition(const QString &query)
{
    SearchPlan plan = planFor(query);
    if (plan.empty)
        return std::nullopt;
    // A whole match set, not one page: long and short words each through
    // their index and intersected, rather than every long word's row read to
    // check the short ones in its text.
    if (!plan.shortChecked.isEmpty() && plan.checked.size() == plan.shortChecked.size()) {
        plan.driver += QStringLiteral(" INTERSECT ") + kCharacterDriver;
        plan.values << spelledPhrases(plan.shortChecked);
        plan.checked.clear();
    }
    SearchCondition condition;
    condition.values = plan.values;
    QStringList textChecks;
    for (const QString &word : words(query.toLower())) {
        textChecks << QStringLiteral(" AND instr(s.text, ?) > 0");
        condition.textValues << word;
    }
    condition.textSql = QStringLiteral("EXISTS (SELECT 1 FROM application_search AS s WHERE s.application_id = a.id")
        + textChecks.join(QString()) + u')';
    if (plan.checked.isEmpty()) {
        // Each application's search row found through the unique index on
        // application_id (which holds the rowid): a page of a queue ordered
        // otherwise reads only the rows it shows, never the texts.
        condition.sql = QStringLiteral("(SELECT s.rowid FROM application_search AS s WHERE s.application_id = a.id) IN (")
            + plan.driver + u')';
        condition.matchSql = plan.driver;
        condition.selectiveSql = QStringLiteral("a.id IN (SELECT s.application_id FROM application_search AS s "
                                                "WHERE s.rowid IN (") + plan.driver + QStringLiteral("))");
        return condition;
    }
    const QString conditions = checkedConditions(plan, condition.values);
    condition.sql = QStringLiteral("a.id IN (SELECT s.application_id FROM application_search AS s WHERE ") + conditions + u')';
    condition.selectiveSql = condition.sql;
    condition.matchSql = QStringLiteral("SELECT s.rowid FROM application_search AS s WHERE ") + conditions;
    return condition;
}

namespace {

// On PostgreSQL, which has no FTS5 (and pg_trgm is not always installed),
// every word is looked for in the text (instr(), a function of its schema):
// a scan, newest application first. Enough for the back office, which does
// not search; the desk's workspace is SQLite.
SearchPlan scanFor(const QString &query)
{
    SearchPlan plan;
    plan.checked = words(query.toLower());
    plan.empty = plan.checked.isEmpty();
    return plan;
}

} // namespace

QList<SearchHit> ApplicationSearch::find(const QString &query, const Page &page) const
{
    const SearchPlan plan = m_workspace.dialect() == sql::Dialect::PostgreSQL ? scanFor(query) : planFor(query);
    if (plan.empty)
        return {};
    QVariantList values = plan.values;
    QString sql;
    if (plan.checked.isEmpty()) {
        // Paged inside the index query, so only one page of rows is joined.
        sql = QStringLiteral("SELECT s.application_id, a.reference FROM (") + plan.driver
            + QStringLiteral(" ORDER BY rowid DESC LIMIT ? OFFSET ?) AS hit"
                             " JOIN application_search AS s ON s.rowid = hit.rowid"
                             " JOIN applications AS a ON a.id = s.application_id ORDER BY hit.rowid DESC");
    } else {
        sql = QStringLiteral("SELECT s.application_id, a.reference FROM application_search AS s"
                             " JOIN applications AS a ON a.id = s.application_id WHERE ")
            + checkedConditions(plan, values) + QStringLiteral(" ORDER BY s.rowid DESC LIMIT ? OFFSET ?");
    }
    values << page.limit << page.offset;

    QSqlQuery &statement = m_workspace.execute(sql, values);
    QList<SearchHit> hits;
    while (statement.next())
        hits.append({statement.value(0).toString(), statement.value(1).toString()});
    statement.finish();
    return hits;
}

} // namespace vd
