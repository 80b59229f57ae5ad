#include "audittrail.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "rawconnection.h"
#include "samplerecords.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace vd;

namespace {

// The chain as docs/storage.md defines it, written again from the text with
// Qt's own SHA-256, so that the store's implementation is checked against
// the definition and not against itself.
QByteArray documentedHash(const QByteArray &previousHash, const QList<std::optional<QByteArray>> &columns)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&](const std::optional<QByteArray> &field) {
        if (!field)
            hash.addData(QByteArrayView("~"));
        else
            hash.addData(QByteArray::number(field->size()) + ':' + *field);
    };
    add(previousHash);
    for (const auto &column : columns)
        add(column);
    return hash.result();
}

// Recomputes an entry's hash from its stored columns by the definition.
QByteArray rehash(const RawConnection &raw, qint64 seq, const QByteArray &previousHash)
{
    QList<std::optional<QByteArray>> columns;
    for (const char *column : {"id", "at", "actor_id", "action", "entity_type", "entity_id", "before_json", "after_json"}) {
        const QVariant value = raw.scalar(
            QStringLiteral("SELECT CAST(%1 AS BLOB) FROM audit_entries WHERE seq = ?").arg(QLatin1String(column)), {seq});
        columns << (value.isNull() ? std::nullopt : std::optional<QByteArray>(value.toByteArray()));
    }
    return documentedHash(previousHash, columns);
}

void allowTampering(const RawConnection &raw)
{
    raw.run(QStringLiteral("DROP TRIGGER audit_entries_are_not_updated"));
    raw.run(QStringLiteral("DROP TRIGGER audit_entries_are_not_deleted"));
}

} // namespace

Q_DECLARE_METATYPE(AuditBreak)

class AuditTrailTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void anUntouchedTrailIsIntact();
    void hashesFollowTheDocumentedDefinition();
    void tamperingIsCaughtNamingTheFirstBadEntry_data();
    void tamperingIsCaughtNamingTheFirstBadEntry();
    void entriesCannotBeChangedThroughTheWorkspace();
    void anEmptyTrailIsIntact();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QList<AuditEntry> m_entries; // the six entries written by init(), in order
};

void AuditTrailTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Workspace workspace(m_dir->path());
    EnterpriseRepository enterprises(workspace);
    Enterprise enterprise = samples::enterprise();
    for (int i = 0; i < 3; ++i) {
        UnitOfWork work(workspace, QStringLiteral("officer-%1").arg(i));
        work.setTime(samples::instant(1 + i, 9));
        enterprise.employees = 10 + i;
        enterprises.save(work, enterprise);
        Enterprise other;
        other.name = {QStringLiteral("Other %1").arg(i), QStringLiteral("其他 %1").arg(i)};
        enterprises.save(work, other);
        work.commit();
    }
    m_entries = AuditTrail(workspace).after(0, 100);
    QCOMPARE(m_entries.size(), 6);
}

void AuditTrailTest::cleanup()
{
    m_dir.reset();
}

void AuditTrailTest::anUntouchedTrailIsIntact()
{
    Workspace workspace(m_dir->path());
    const AuditVerification verification = verifyAuditChain(workspace);
    QVERIFY(verification.intact);
    QCOMPARE(verification.entriesChecked, 6);
    QCOMPARE(verification.reason, AuditBreak::None);
    QVERIFY(!verification.firstBrokenSeq);
    QCOMPARE(verification.headHash, m_entries.last().hash);
    QVERIFY(verification.description().contains(QLatin1String("6")));
}

void AuditTrailTest::hashesFollowTheDocumentedDefinition()
{
    RawConnection raw(Workspace::fileIn(m_dir->path()));
    QByteArray previous(32, '\0');
    for (const AuditEntry &entry : std::as_const(m_entries)) {
        QCOMPARE(entry.previousHash, previous);
        QCOMPARE(rehash(raw, entry.seq, previous), entry.hash);
        previous = entry.hash;
    }
}

void AuditTrailTest::tamperingIsCaughtNamingTheFirstBadEntry_data()
{
    QTest::addColumn<QString>("tampering");
    QTest::addColumn<AuditBreak>("reason");
    QTest::addColumn<qint64>("brokenSeq");
    QTest::addColumn<int>("brokenEntry"); // index into m_entries; -1 for the forged entry

    QTest::newRow("a record's JSON edited") << "edit json" << AuditBreak::Edited << qint64(3) << 2;
    QTest::newRow("the actor edited") << "edit actor" << AuditBreak::Edited << qint64(4) << 3;
    QTest::newRow("an entry's stored hash replaced") << "edit hash" << AuditBreak::Edited << qint64(2) << 1;
    QTest::newRow("edited and hashed again") << "edit and rehash" << AuditBreak::Edited << qint64(3) << 2;
    QTest::newRow("an entry deleted") << "delete" << AuditBreak::Deleted << qint64(4) << 3;
    QTest::newRow("the first entry deleted") << "delete first" << AuditBreak::Deleted << qint64(2) << 1;
    QTest::newRow("two entries swapped") << "swap" << AuditBreak::Reordered << qint64(3) << 3;
    QTest::newRow("a forged entry inserted") << "insert" << AuditBreak::Inserted << qint64(4) << -1;
}

void AuditTrailTest::tamperingIsCaughtNamingTheFirstBadEntry()
{
    QFETCH(QString, tampering);
    QFETCH(AuditBreak, reason);
    QFETCH(qint64, brokenSeq);
    QFETCH(int, brokenEntry);
    const QString forgedId = QStringLiteral("f0f0f0f0-0000-4000-8000-000000000000");
    {
        RawConnection raw(Workspace::fileIn(m_dir->path()));
        allowTampering(raw);
        if (tampering == QLatin1String("edit json")) {
            raw.run(QStringLiteral("UPDATE audit_entries SET after_json = replace(after_json, '\"employees\":11', "
                                   "'\"employees\":9') WHERE seq = 3"));
            QVERIFY(raw.scalar(QStringLiteral("SELECT after_json FROM audit_entries WHERE seq = 3"))
                        .toString().contains(QLatin1String("\"employees\":9")));
        } else if (tampering == QLatin1String("edit actor")) {
            raw.run(QStringLiteral("UPDATE audit_entries SET actor_id = 'someone else' WHERE seq = 4"));
        } else if (tampering == QLatin1String("edit hash")) {
            raw.run(QStringLiteral("UPDATE audit_entries SET hash = zeroblob(32) WHERE seq = 2"));
        } else if (tampering == QLatin1String("edit and rehash")) {
            raw.run(QStringLiteral("UPDATE audit_entries SET action = 'approve' WHERE seq = 3"));
            raw.run(QStringLiteral("UPDATE audit_entries SET hash = ? WHERE seq = 3"),
                    {rehash(raw, 3, m_entries[1].hash)});
        } else if (tampering == QLatin1String("delete")) {
            raw.run(QStringLiteral("DELETE FROM audit_entries WHERE seq = 3"));
        } else if (tampering == QLatin1String("delete first")) {
            raw.run(QStringLiteral("DELETE FROM audit_entries WHERE seq = 1"));
        } else if (tampering == QLatin1String("swap")) {
            raw.run(QStringLiteral("UPDATE audit_entries SET seq = -1 WHERE seq = 3"));
            raw.run(QStringLiteral("UPDATE audit_entries SET seq = 3 WHERE seq = 4"));
            raw.run(QStringLiteral("UPDATE audit_entries SET seq = 4 WHERE seq = -1"));
        } else if (tampering == QLatin1String("insert")) {
            // Make room after entry 3 and insert an entry that links to it and hashes correctly.
            raw.run(QStringLiteral("UPDATE audit_entries SET seq = seq + 100 WHERE seq > 3"));
            raw.run(QStringLiteral("UPDATE audit_entries SET seq = seq - 99 WHERE seq > 100"));
            raw.run(QStringLiteral("INSERT INTO audit_entries (seq, id, at, actor_id, action, entity_type, entity_id, "
                                   "before_json, after_json, previous_hash, hash) VALUES (4, ?, "
                                   "'2026-03-02T09:00:00.000Z', 'forger', 'approve', 'application', 'x', NULL, '{}', "
                                   "?, zeroblob(32))"),
                    {forgedId, m_entries[2].hash});
            raw.run(QStringLiteral("UPDATE audit_entries SET hash = ? WHERE seq = 4"), {rehash(raw, 4, m_entries[2].hash)});
        }
    }
    Workspace workspace(m_dir->path());
    const AuditVerification verification = verifyAuditChain(workspace);
    QVERIFY(!verification.intact);
    QCOMPARE(verification.reason, reason);
    QCOMPARE(verification.firstBrokenSeq, std::optional<qint64>(brokenSeq));
    QCOMPARE(verification.brokenEntryId, brokenEntry < 0 ? forgedId : m_entries[brokenEntry].id);
    QVERIFY(verification.description().contains(QString::number(brokenSeq)));
}

void AuditTrailTest::entriesCannotBeChangedThroughTheWorkspace()
{
    Workspace workspace(m_dir->path());
    for (const char *statement : {"UPDATE audit_entries SET actor_id = 'x' WHERE seq = 1",
                                  "DELETE FROM audit_entries WHERE seq = 6"}) {
        try {
            workspace.run(QString::fromLatin1(statement));
            QFAIL(statement);
        } catch (const DomainError &error) {
            QVERIFY2(error.message().contains(QLatin1String("append-only")), qPrintable(error.message()));
        }
    }
    QVERIFY(verifyAuditChain(workspace).intact);
}

void AuditTrailTest::anEmptyTrailIsIntact()
{
    QTemporaryDir dir;
    Workspace workspace(dir.path());
    const AuditVerification verification = verifyAuditChain(workspace);
    QVERIFY(verification.intact);
    QCOMPARE(verification.entriesChecked, 0);
    QCOMPARE(verification.headHash, auditChainStart());
}

QTEST_GUILESS_MAIN(AuditTrailTest)
#include "tst_audittrail.moc"
