#include "workspacedocument.h"

#include "audittrail.h"
#include "documentsections.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QIODevice>

namespace vd {

using namespace document;

namespace {

constexpr int kPage = 500;                    // records read at a time
constexpr qsizetype kFlushAt = 1 << 20;       // bytes gathered before they go to the device

// Reads in one snapshot: in WAL mode a read transaction sees the workspace as
// it was at its first read, while other writers carry on.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Workspace &workspace) : m_workspace(workspace) { m_workspace.run(QStringLiteral("BEGIN")); }
    ~ReadSnapshot()
    {
        try {
            m_workspace.run(QStringLiteral("COMMIT"));
        } catch (const DomainError &) {
            // a read transaction has nothing to lose
        }
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    Workspace &m_workspace;
};

// Gathers the document and hands it to the device a megabyte at a time.
class DocumentWriter
{
public:
    explicit DocumentWriter(QIODevice &device) : m_device(device) { m_buffer.reserve(kFlushAt + 65536); }

    QByteArray &buffer() { return m_buffer; }
    void flushIfFull()
    {
        if (m_buffer.size() >= kFlushAt)
            flush();
    }
    void flush()
    {
        if (!m_buffer.isEmpty() && m_device.write(m_buffer) != m_buffer.size())
            throw DomainError(QStringLiteral("EXPORT_FAILED"), QString(),
                              QCoreApplication::translate("vd::WorkspaceExport", "cannot write the document: %1")
                                  .arg(m_device.errorString()));
        m_buffer.clear();
    }

    // "key":[ …elements, one per line… ]
    void beginSection(const QString &key, bool first)
    {
        m_buffer.append(first ? "\n\"" : ",\n\"").append(key.toLatin1()).append("\":[");
        m_first = true;
    }
    QByteArray &element()
    {
        m_buffer.append(m_first ? "\n" : ",\n");
        m_first = false;
        return m_buffer;
    }
    void endSection() { m_buffer.append("\n]"); }

private:
    QIODevice &m_device;
    QByteArray m_buffer;
    bool m_first = true;
};

void writeText(QByteArray &out, const QByteArray &utf8)
{
    record::detail::write(out, QString::fromUtf8(utf8));
}

void writeOptionalText(QByteArray &out, const std::optional<QByteArray> &utf8)
{
    if (utf8)
        writeText(out, *utf8);
    else
        out.append("null");
}

// One audit entry, every text exactly as stored, hashes in hex.
void writeAuditEntry(QByteArray &out, const StoredAuditEntry &entry)
{
    out.append("{\"seq\":").append(QByteArray::number(entry.seq));
    out.append(",\"id\":");
    writeText(out, entry.id);
    out.append(",\"at\":");
    writeText(out, entry.at);
    out.append(",\"actor_id\":");
    writeText(out, entry.actorId);
    out.append(",\"action\":");
    writeText(out, entry.action);
    out.append(",\"entity_type\":");
    writeText(out, entry.entityType);
    out.append(",\"entity_id\":");
    writeText(out, entry.entityId);
    out.append(",\"before_json\":");
    writeOptionalText(out, entry.beforeJson);
    out.append(",\"after_json\":");
    writeOptionalText(out, entry.afterJson);
    out.append(",\"previous_hash\":\"").append(entry.previousHash.toHex());
    out.append("\",\"hash\":\"").append(entry.hash.toHex()).append("\"}");
}

} // namespace

QString workspacedocument::format()
{
    return formatName();
}

QStringList workspacedocument::sections()
{
    QStringList keys;
    forEachSection(DocumentOrder{}, [&]<typename Record>() { keys << sectionKey<Record>(); });
    keys << auditKey();
    return keys;
}

qint64 DocumentCounts::records() const
{
    qint64 total = 0;
    for (const SectionCount &section : sections)
        total += section.records;
    return total;
}

DocumentRefused::DocumentRefused(QList<DomainError> problems)
    : DomainError(problems.isEmpty() ? DomainError(QStringLiteral("INPUT_ERROR"), QString(), QString()) : problems.first()),
      m_problems(std::move(problems))
{
}

DocumentCounts WorkspaceExport::writeTo(QIODevice &device, const QDateTime &exportedAt)
{
    const ReadSnapshot snapshot(m_workspace);
    DocumentWriter writer(device);
    DocumentCounts counts;
    QByteArray &out = writer.buffer();
    out.append("{\"format\":");
    record::detail::write(out, formatName());
    out.append(",\"scheme\":");
    record::detail::write(out, RuleBook::technologyVoucher().scheme().id());
    out.append(",\"exported_at\":");
    record::detail::write(out, exportedAt);
    out.append(',');

    bool first = true;
    forEachSection(DocumentOrder{}, [&]<typename Record>() {
        writer.beginSection(sectionKey<Record>(), first);
        first = false;
        SectionCount &count = counts.sections.emplace_back(SectionCount{sectionKey<Record>(), 0});
        QString last;
        for (;;) {
            const QList<Record> page = store::Records<Record>::after(m_workspace, last, kPage);
            for (const Record &record : page)
                writer.element().append(SectionFormat<Record>::write(record));
            count.records += page.size();
            writer.flushIfFull();
            if (page.size() < kPage)
                break;
            last = page.last().id;
        }
        writer.endSection();
    });

    writer.beginSection(auditKey(), false);
    const AuditTrail trail(m_workspace);
    for (qint64 seq = 0;;) {
        const QList<StoredAuditEntry> page = trail.storedAfter(seq, kPage);
        for (const StoredAuditEntry &entry : page)
            writeAuditEntry(writer.element(), entry);
        counts.auditEntries += page.size();
        writer.flushIfFull();
        if (page.size() < kPage)
            break;
        seq = page.last().seq;
    }
    writer.endSection();
    out.append("}\n");
    writer.flush();
    return counts;
}

} // namespace vd
