// The dialect seam (domain/store/postgresdialect.h): the store's SQL, written
// for SQLite, as PostgreSQL is given it; anything not listed stays as it is.
#include "postgresdialect.h"

#include <QtTest>

class TestPostgresDialect : public QObject
{
    Q_OBJECT

private slots:
    void rewritesTheSQLiteFormsTheStoreUses_data();
    void rewritesTheSQLiteFormsTheStoreUses();
    void sqliteIsGivenTheStatementAsItIs();
};

void TestPostgresDialect::rewritesTheSQLiteFormsTheStoreUses_data()
{
    QTest::addColumn<QString>("sqlite");
    QTest::addColumn<QString>("postgres");
    QTest::newRow("insert or ignore") << "INSERT OR IGNORE INTO device (singleton, device_id) VALUES (1, ?)"
                                      << "INSERT INTO device (singleton, device_id) VALUES (1, ?) ON CONFLICT DO NOTHING";
    QTest::newRow("text as its bytes") << "SELECT seq, CAST(id AS BLOB), CAST(coalesce(a, b) AS BLOB) FROM t"
                                       << "SELECT seq, vd_bytes(id), vd_bytes(coalesce(a, b)) FROM t";
    QTest::newRow("other casts stay") << "SELECT max(CAST(substr(reference, ?) AS INTEGER)) FROM applications"
                                      << "SELECT max(CAST(substr(reference, ?) AS INTEGER)) FROM applications";
    QTest::newRow("temp schema") << "DELETE FROM temp.sync_held" << "DELETE FROM pg_temp.sync_held";
    QTest::newRow("where 1") << "SELECT id FROM users WHERE 1 ORDER BY id" << "SELECT id FROM users WHERE TRUE  ORDER BY id";
    QTest::newRow("and (0)") << "SELECT 1 FROM a WHERE a.id = ? AND (0) LIMIT 1"
                             << "SELECT 1 FROM a WHERE a.id = ? AND ( FALSE ) LIMIT 1";
    QTest::newRow("numbers stay") << "SELECT 1 FROM a WHERE x = 1 AND y IN (0, 1) LIMIT 1"
                                  << "SELECT 1 FROM a WHERE x = 1 AND y IN (0, 1) LIMIT 1";
    QTest::newRow("group_concat") << "SELECT group_concat(id) FROM status_changes"
                                  << "SELECT string_agg(CAST(id AS TEXT), ',') FROM status_changes";
    QTest::newRow("a read transaction") << "BEGIN" << "BEGIN ISOLATION LEVEL REPEATABLE READ";
    QTest::newRow("upsert stays") << "INSERT INTO x (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET b = excluded.b"
                                  << "INSERT INTO x (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET b = excluded.b";
}

void TestPostgresDialect::rewritesTheSQLiteFormsTheStoreUses()
{
    QFETCH(QString, sqlite);
    QFETCH(QString, postgres);
    QCOMPARE(vd::sql::forPostgres(sqlite), postgres);
    QCOMPARE(vd::sql::inDialect(sqlite, vd::sql::Dialect::PostgreSQL), postgres);
}

void TestPostgresDialect::sqliteIsGivenTheStatementAsItIs()
{
    const QString statement = QStringLiteral("INSERT OR IGNORE INTO temp.t SELECT CAST(x AS BLOB) WHERE 1");
    QCOMPARE(vd::sql::inDialect(statement, vd::sql::Dialect::SQLite), statement);
}

QTEST_GUILESS_MAIN(TestPostgresDialect)
#include "tst_postgresdialect.moc"
