#include "bulkrows.h"

#include "applicationrepository.h"
#include "applicationsearch.h"
#include "auditlog.h"
#include "changelog.h"
#include "domainerror.h"
#include "recordtable.h"

#include <QCoreApplication>

namespace vd {

namespace {

QByteArray utf8(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    return bytes.isNull() ? QByteArray("") : bytes;
}

[[noreturn]] void refuse(const QString &code, const QString &where, const char *message)
{
    throw DomainError(code, where, QCoreApplication::translate("vd::BulkRows", message));
}

} // namespace

BulkRows &BulkRows::statement(const QString &sql)
{
    m_statement = &sql;
    return *this;
}

BulkRows::Value &BulkRows::next(int index)
{
    const size_t slot = m_rowStart + size_t(index);
    if (slot >= m_values.size())
        m_values.resize(slot + 1);
    return m_values[slot];
}

void BulkRows::bindBytes(int index, QByteArrayView bytes, Kind kind)
{
    Value &value = next(index);
    value.kind = kind;
    value.offset = m_bytes.size();
    value.size = bytes.size();
    m_bytes.append(bytes.data(), bytes.size());
}

QByteArrayView BulkRows::bytesOf(const Value &value) const
{
    return QByteArrayView(m_bytes).sliced(value.offset, value.size);
}

void BulkRows::bindString(int index, const QString &text)
{
    if (text.isNull())
        return bindNull(index);
    bindBytes(index, text.toUtf8(), Kind::Text);
}

void BulkRows::bindText(int index, const QByteArray &utf8)
{
    bindBytes(index, utf8, Kind::Text);
}

void BulkRows::bindBlob(int index, const QByteArray &bytes)
{
    if (bytes.isNull())
        return bindNull(index);
    bindBytes(index, bytes, Kind::Blob);
}

void BulkRows::bindInteger(int index, qint64 integer)
{
    Value &value = next(index);
    value.kind = Kind::Integer;
    value.integer = integer;
}

void BulkRows::bindNull(int index)
{
    next(index) = Value{};
}

void BulkRows::exec()
{
    m_rows.push_back({m_statement, m_rowStart, m_values.size() - m_rowStart});
    m_rowStart = m_values.size();
}

void BulkRows::writeTo(UnitOfWork &work) const
{
    if (work.origin() != ChangeOrigin::Server)
        refuse(QStringLiteral("BULK_WRITE_REFUSED"), QString(),
               "records written in bulk are audited but never queued for sync: they go into a unit of work of "
               "the workspace's own changes");
    Workspace &workspace = work.workspace();
    if (workspace.keepsChangeLog() && m_changes.size() != size_t(m_entries))
        refuse(QStringLiteral("BULK_WRITE_REFUSED"), workspace.folder(),
               "this store keeps a change log, and the records written in bulk were made without it");
    const QString *last = nullptr;
    sql::Write *insert = nullptr;
    for (const Row &row : m_rows) {
        if (row.statement != last) {
            insert = &workspace.write(*row.statement);
            last = row.statement;
        }
        for (size_t i = 0; i < row.count; ++i) {
            const Value &value = m_values[row.first + i];
            switch (value.kind) {
            case Kind::Null: insert->bindNull(int(i)); break;
            case Kind::Integer: insert->bindInteger(int(i), value.integer); break;
            case Kind::Text:
            case Kind::Blob:
                insert->bindInPlace(int(i), bytesOf(value), value.kind == Kind::Text);
                break;
            }
        }
        insert->exec();
        if (insert->rowsAffected() != 1) // the first value of a row is its record's id, or its parent's
            refuse(QStringLiteral("RECORD_EXISTS"),
                   row.count > 0 ? QString::fromUtf8(bytesOf(m_values[row.first])) : QString(),
                   "a record written in bulk is already in the workspace; nothing was written");
    }
    if (workspace.keepsChangeLog()) {
        for (const RecordedChange &change : m_changes)
            ChangeLog::append(workspace, change);
        for (const LoggedEntry &entry : m_logged)
            AuditLog::appendLeaf(workspace, entry.seq, entry.id, entry.hash);
    }
    if (m_entries > 0)
        work.chainContinued(m_from, m_to, m_entries);
    if (m_searchRows)
        ApplicationSearch::indexAtCommit(work);
}

BulkEncoder::BulkEncoder(AuditChainHead head, const QString &actorId, bool keepChanges)
    : m_head(std::move(head)), m_actor(utf8(actorId)), m_keepChanges(keepChanges)
{
    m_rows.m_from = m_rows.m_to = m_head;
}

void BulkEncoder::setTime(const QDateTime &at)
{
    m_time = at.toUTC();
    m_at = record::instantText(m_time).toLatin1();
}

void BulkEncoder::setActor(const QString &actorId)
{
    m_actor = utf8(actorId);
}

QDateTime BulkEncoder::at() const
{
    return m_time.isValid() ? m_time : QDateTime::currentDateTimeUtc();
}

template <typename Record>
void BulkEncoder::add(Record &record, const QString &action)
{
    audit(store::Records<Record>::encodeNew(m_rows, record, action));
}

void BulkEncoder::add(Application &application, const Enterprise &enterprise)
{
    ApplicationRepository::stamp(application, at());
    const RecordedChange change = store::Records<Application>::encodeNew(m_rows, application, {});
    ApplicationSearch::encodeNew(m_rows, application, enterprise);
    m_rows.m_searchRows = true;
    audit(change);
}

void BulkEncoder::audit(const RecordedChange &change)
{
    const QByteArray time = m_time.isValid() ? m_at : record::instantText(at()).toLatin1();
    const StoredAuditEntry entry = nextAuditEntry(m_hasher, m_head, time, m_actor, change);
    bindAuditEntry(m_rows.statement(auditEntryInsert()), entry);
    m_rows.exec();
    m_head = {entry.seq, entry.hash};
    m_rows.m_to = m_head;
    ++m_rows.m_entries;
    if (m_keepChanges) {
        m_rows.m_changes.push_back(change);
        m_rows.m_logged.push_back({entry.seq, entry.id, entry.hash});
    }
}

BulkRows BulkEncoder::take()
{
    BulkRows taken = std::move(m_rows);
    m_rows = BulkRows();
    m_rows.m_from = m_rows.m_to = m_head;
    return taken;
}

template void BulkEncoder::add(Enterprise &, const QString &);
template void BulkEncoder::add(EnterpriseRelation &, const QString &);
template void BulkEncoder::add(User &, const QString &);
template void BulkEncoder::add(StatusChange &, const QString &);
template void BulkEncoder::add(ClarificationRequest &, const QString &);
template void BulkEncoder::add(CorrespondenceEntry &, const QString &);
template void BulkEncoder::add(EligibilityCheck &, const QString &);
template void BulkEncoder::add(ChangeRequest &, const QString &);
template void BulkEncoder::add(SiteCheck &, const QString &);
template void BulkEncoder::add(ProjectReport &, const QString &);
template void BulkEncoder::add(Committee &, const QString &);
template void BulkEncoder::add(CommitteeTerm &, const QString &);
template void BulkEncoder::add(CommitteeMembership &, const QString &);
template void BulkEncoder::add(InterestDeclaration &, const QString &);
template void BulkEncoder::add(Meeting &, const QString &);
template void BulkEncoder::add(AgendaItem &, const QString &);
template void BulkEncoder::add(Attendance &, const QString &);
template void BulkEncoder::add(Review &, const QString &);
template void BulkEncoder::add(CommitteeOutcome &, const QString &);
template void BulkEncoder::add(Approval &, const QString &);
template void BulkEncoder::add(FundingAgreement &, const QString &);
template void BulkEncoder::add(DisbursementMilestone &, const QString &);
template void BulkEncoder::add(Payment &, const QString &);

} // namespace vd
