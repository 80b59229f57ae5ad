#pragma once

#include "sha256.h"
#include "unitofwork.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace vd {

struct Application;
struct Enterprise;

// New records made into rows away from the connection, to be stored later in
// one go: the bulk path of demo data (docs/storage.md, "Writing in bulk").
// Everything a save computes — the record's columns as UTF-8, its parts,
// its JSON, its audit entry and hash, the search text — is done by whoever
// fills the rows (BulkEncoder, on another thread if it likes); writeTo() only
// binds and runs the inserts, on the unit of work's connection and in its
// transaction. Each row must insert exactly one row: rows are for new records
// only, so an id already stored fails loudly instead of updating anything.
class BulkRows
{
public:
    // The statement of the next rows (one that lives as long as the program:
    // the repositories' statements); its values are bound in order from 0,
    // then exec() ends the row (the same interface as sql::Write, so the
    // repositories' binding code fills either).
    BulkRows &statement(const QString &sql);
    void bindString(int index, const QString &text); // a null QString as NULL
    void bindText(int index, const QByteArray &utf8); // stored exactly so ('' when empty)
    void bindBlob(int index, const QByteArray &bytes); // a null QByteArray as NULL
    void bindInteger(int index, qint64 value);
    void bindNull(int index);
    void exec();

    // Stores the rows in the unit of work (ChangeOrigin::Server: audited,
    // not queued; on a store that keeps the change log, each change's row
    // too), continues its audit chain with the entries among them, and has
    // the search index brought up to date at commit when applications were
    // among them. DomainError RECORD_EXISTS when a row's record is already
    // stored; the transaction is then the caller's to roll back.
    void writeTo(UnitOfWork &work) const;
    qsizetype rows() const { return qsizetype(m_rows.size()); }

private:
    friend class BulkEncoder;
    enum class Kind : quint8 { Null, Integer, Text, Blob };
    // An integer, or the place of its bytes in m_bytes.
    struct Value
    {
        Kind kind = Kind::Null;
        qint64 integer = 0;
        qsizetype offset = 0, size = 0;
    };
    struct Row
    {
        const QString *statement = nullptr; // the repositories' statements live as long as the program
        size_t first = 0;                   // its values: m_values[first, first + count)
        size_t count = 0;
    };
    Value &next(int index);
    void bindBytes(int index, QByteArrayView bytes, Kind kind);
    QByteArrayView bytesOf(const Value &value) const;

    const QString *m_statement = nullptr;
    // Every text and BLOB of the rows, one after another: a few allocations
    // for thousands of values (instead of one each, freed on another thread),
    // bound in place when the rows are written.
    QByteArray m_bytes;
    std::vector<Value> m_values;
    std::vector<Row> m_rows;
    size_t m_rowStart = 0;
    // The audit entries among the rows continue the chain from `m_from` to `m_to`.
    AuditChainHead m_from, m_to;
    qint64 m_entries = 0;
    std::vector<RecordedChange> m_changes; // kept for a store that keeps the change log
    struct LoggedEntry { qint64 seq; QByteArray id, hash; };
    std::vector<LoggedEntry> m_logged;     // and the audit log's leaf of each entry, on the same store
    bool m_searchRows = false;
};

// Makes new records into BulkRows as the repositories would save them in a
// unit of work of ChangeOrigin::Server: a new id where a record or part has
// none, revision 1, the audit entry of its creation at the time and by the
// actor set (as UnitOfWork::setTime and setActor), chained from `head`; an
// application also stamped (created and updated at that time) and given its
// search text. Uses no connection, so it can run on a thread of its own.
class BulkEncoder
{
public:
    // `head`: UnitOfWork::chainHead() of the unit of work the rows go into.
    // `keepChanges`: for a store that keeps the change log (Workspace::keepsChangeLog()).
    // `actorId`: the unit of work's actor, until setActor().
    BulkEncoder(AuditChainHead head, const QString &actorId, bool keepChanges);

    void setTime(const QDateTime &at);
    void setActor(const QString &actorId);
    // Any record a repository saves but applications (which need their
    // enterprise for the search text); `action` as in save() ("create" when empty).
    template <typename Record>
    void add(Record &record, const QString &action = {});
    void add(Application &application, const Enterprise &enterprise);
    // The rows made since the last take().
    BulkRows take();

private:
    QDateTime at() const; // the time set, or now (UTC)
    void audit(const RecordedChange &change);

    BulkRows m_rows;
    Sha256 m_hasher;
    AuditChainHead m_head;
    QDateTime m_time;
    QByteArray m_at, m_actor;
    bool m_keepChanges;
};

} // namespace vd
