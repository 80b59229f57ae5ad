// Verifies an audit trail of a million entries (default), written through
// UnitOfWork with JSON the size of a status change. Yardsticks measured in
// the same run: reading the same bytes without hashing them, and SHA-256
// alone over as many bytes. Prints Markdown for BENCHMARKS.md.
//
//   audit_bench [ENTRIES] [FOLDER]     (FOLDER is kept; default: a temporary one)

#include "audittrail.h"
#include "sha256.h"
#include "sql.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace vd;

namespace {

void fill(Workspace &workspace, qint64 entries)
{
    const QByteArray json = R"({"id":"0190c1d2-aaaa-7bbb-8ccc-000000000000","application_id":"0190c1d2-aaaa-7bbb-8ccc-)"
                            R"(111111111111","action":"start_screening","from_status":"submitted","to_status":"screening",)"
                            R"("actor_id":"officer-7","at":"2026-03-03T11:05:00.007Z","reason":"documents complete"})";
    const QDateTime start(QDate(2020, 1, 1), QTime(9, 0), Qt::UTC);
    for (qint64 done = 0; done < entries; done += 10000) {
        UnitOfWork work(workspace, QStringLiteral("officer-7"), ChangeOrigin::Server);
        for (qint64 i = done; i < std::min(entries, done + 10000); ++i) {
            work.setTime(start.addSecs(i));
            work.record({QStringLiteral("start_screening"), QStringLiteral("status_change"),
                         QStringLiteral("entity-%1").arg(i), QByteArray(), json, 0});
        }
        work.commit();
    }
}

template <typename Work>
qint64 best(int runs, Work &&work)
{
    qint64 fastest = std::numeric_limits<qint64>::max();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        fastest = std::min(fastest, timer.elapsed());
    }
    return fastest;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QTextStream out(stdout);
    const qint64 entries = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 1000000;
    QTemporaryDir temporary;
    Workspace workspace(argc > 2 ? QString::fromLocal8Bit(argv[2]) : temporary.path());
    if (AuditTrail(workspace).count() == 0) {
        QElapsedTimer timer;
        timer.start();
        fill(workspace, entries);
        out << "Wrote " << entries << " audit entries in " << timer.elapsed() << " ms\n";
    }

    AuditVerification verification;
    const qint64 verify = best(3, [&] { verification = verifyAuditChain(workspace); });
    qint64 bytes = 0;
    const qint64 read = best(3, [&] {
        bytes = 0;
        QSqlQuery query = workspace.run(QStringLiteral(
            "SELECT seq, CAST(id AS BLOB), CAST(at AS BLOB), CAST(actor_id AS BLOB), CAST(action AS BLOB), "
            "CAST(entity_type AS BLOB), CAST(entity_id AS BLOB), before_json, after_json, previous_hash, hash "
            "FROM audit_entries ORDER BY seq"));
        while (query.next()) {
            for (int column = 1; column <= 10; ++column)
                bytes += query.value(column).toByteArray().size();
        }
    });
    const QByteArray block(1 << 20, 'x');
    const qint64 hash = best(3, [&] {
        Sha256 hasher;
        for (qint64 done = 0; done < bytes; done += block.size())
            hasher.add(block);
        hasher.result();
    });
    out << "## Store: audit trail verification\n\n"
        << "| entries | verify ms | reading the same bytes, ms | SHA-256 of as many bytes, ms | verify ÷ (read + hash) |\n"
        << "|---|---|---|---|---|\n"
        << "| " << verification.entriesChecked << (verification.intact ? "" : " (BROKEN)") << " | " << verify << " | "
        << read << " | " << hash << " | " << QString::number(double(verify) / double(std::max<qint64>(1, read + hash)), 'f', 2)
        << " |\n";
    return verification.intact ? 0 : 1;
}
