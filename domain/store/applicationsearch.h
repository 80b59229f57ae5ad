#pragma once

#include "page.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

namespace vd {

class BulkRows;
struct Enterprise;
class UnitOfWork;
class Workspace;
struct Application;
struct BilingualText;

struct SearchHit
{
    QString applicationId;
    QString reference;
    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

// A search as a condition on `applications AS a`, to combine with other
// conditions (the case queue), with the values its ? placeholders take in order.
struct SearchCondition
{
    QString sql;
    QVariantList values;
    // The matching rows of application_search (one per application), found
    // in the indexes alone where they can be. Takes the same values.
    QString matchSql;
    // The same condition driven from the matches instead of checked on each
    // application: better when few applications match. Takes the same values.
    QString selectiveSql;
    // The same match as every word a substring of the application's own
    // search text (case ignored), with its own values: no index at all, so
    // only for a few applications found otherwise (the first cases of a queue
    // read in order, most of which a common word matches).
    QString textSql;
    QVariantList textValues;
};

// Bilingual full-text search over applications: reference, title and
// description in both languages, the enterprise's name in both languages and
// its BR number. Every word must occur (as a substring, case ignored). Words
// of three or more characters go through an FTS5 trigram index; shorter
// ones (科技, "IT", "/2") through an FTS5 index of single characters, as a
// phrase. With both kinds in one query, the trigram index finds the rows and
// the short words are checked in their text.
// User input is always bound and quoted, so FTS syntax (quotes, *, NEAR,
// AND…) is searched for literally. Newest applications first.
class ApplicationSearch
{
public:
    explicit ApplicationSearch(Workspace &workspace) : m_workspace(workspace) {}

    QList<SearchHit> find(const QString &query, const Page &page = {}) const;
    // The same match as a condition; nothing when the query has no words.
    static std::optional<SearchCondition> condition(const QString &query);

    // The text kept for an application: one lower-cased line per field.
    static QString indexedText(const Application &application, const BilingualText &enterpriseName,
                               const QString &brNumber);
    // The same text for the character index: each character followed by a
    // space, a run of white space or control characters as one U+E000 (so
    // that no phrase spans it).
    static QString characterText(QStringView text);

    // Keeping the search text: the repositories call these inside their unit
    // of work, so the text changes in the same transaction as the record. The
    // indexes follow once, just before the unit of work commits (until then
    // searches find the application as it was).
    static void index(UnitOfWork &work, const Application &application);
    static void reindexEnterprise(UnitOfWork &work, const QString &enterpriseId);
    // The text of a new application as a row to store later (BulkRows), and
    // the indexes brought up to date when the unit of work it is stored in
    // commits (indexAtCommit).
    static void encodeNew(BulkRows &rows, const Application &application, const Enterprise &enterprise);
    static void indexAtCommit(UnitOfWork &work);
    // How much text the FTS5 indexes gather in memory before writing a segment
    // (FTS5's "hashsize"; kept in the workspace). A bulk write of many texts in
    // one transaction raises it, so that the indexes are written in fewer,
    // larger segments with fewer merges, and sets it back to kDefaultPendingBytes.
    static constexpr qint64 kDefaultPendingBytes = 1024 * 1024; // FTS5's own default
    static constexpr qint64 kBulkPendingBytes = 64 * 1024 * 1024;
    static void setPendingBytes(Workspace &workspace, qint64 bytes);
    // Recomputes the text of every application, in one transaction (after a
    // change to what is indexed).
    void rebuild();

private:
    Workspace &m_workspace;
};

} // namespace vd
