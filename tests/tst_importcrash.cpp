// Kills `voucherdesk-cli import` with SIGKILL at random moments, many times,
// and checks after each kill that the workspace is intact: SQLite's integrity
// check passes, the audit chain verifies, and every import is either wholly
// present or wholly absent.
#include "audittrail.h"
#include "clirunner.h"
#include "workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

namespace {

constexpr int kApplicationsPerImport = 1500;
constexpr int kKills = 24;

QString batchId(int batch, const char *kind, int index)
{
    const QUuid ns = QUuid::fromString(QStringLiteral("{6b1c1f4e-3c55-4b8e-9a55-0d5c2f0e7a11}"));
    return QUuid::createUuidV5(ns, QStringLiteral("%1/%2/%3").arg(batch).arg(QString::fromLatin1(kind)).arg(index))
        .toString(QUuid::WithoutBraces);
}

QJsonObject quotation(const QString &supplier, const QString &amount, bool selected)
{
    return {{QStringLiteral("supplier"), supplier}, {QStringLiteral("amount"), amount},
            {QStringLiteral("selected"), selected}, {QStringLiteral("platform"), false}};
}

// One import document: kApplicationsPerImport applicants, each with one application.
QByteArray importDocument(int batch)
{
    QJsonArray applicants;
    QJsonArray applications;
    for (int i = 0; i < kApplicationsPerImport; ++i) {
        const QString applicantId = batchId(batch, "applicant", i);
        applicants.append(QJsonObject{
            {QStringLiteral("id"), applicantId},
            {QStringLiteral("br_number"), QStringLiteral("%1").arg(10000000 + batch * 10000 + i)},
            {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Batch %1 Trading %2 Limited").arg(batch).arg(i)},
                                                 {QStringLiteral("zh"), QStringLiteral("第%1批貿易%2有限公司").arg(batch).arg(i)}}},
            {QStringLiteral("entity_type"), QStringLiteral("company")},
            {QStringLiteral("listed"), false},
            {QStringLiteral("government_subvented"), false},
            {QStringLiteral("substantive_business_in_hk"), true},
            {QStringLiteral("business_commenced"), QStringLiteral("2015-04-01")},
            {QStringLiteral("employees"), 12},
            {QStringLiteral("manufacturing"), false},
            {QStringLiteral("sector"), QStringLiteral("wholesale_retail")}});
        QJsonArray quotations{quotation(QStringLiteral("Acme Solutions Ltd"), QStringLiteral("120000"), true),
                              quotation(QStringLiteral("Beta Systems Ltd"), QStringLiteral("132000"), false),
                              quotation(QStringLiteral("Gamma Tech Ltd"), QStringLiteral("144000"), false)};
        applications.append(QJsonObject{
            {QStringLiteral("id"), batchId(batch, "application", i)},
            {QStringLiteral("applicant_id"), applicantId},
            {QStringLiteral("status"), QStringLiteral("draft")},
            {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("ERP roll-out %1-%2").arg(batch).arg(i)},
                                                  {QStringLiteral("zh"), QStringLiteral("企業資源規劃系統 %1-%2").arg(batch).arg(i)}}},
            {QStringLiteral("solution_category"), QStringLiteral("erp")},
            {QStringLiteral("start"), QStringLiteral("2027-01-01")},
            {QStringLiteral("end"), QStringLiteral("2027-10-31")},
            {QStringLiteral("items"), QJsonArray{QJsonObject{
                {QStringLiteral("category"), QStringLiteral("customised_software")},
                {QStringLiteral("description"), QJsonObject{{QStringLiteral("en"), QStringLiteral("ERP system")},
                                                            {QStringLiteral("zh"), QStringLiteral("企業資源規劃系統")}}},
                {QStringLiteral("amount"), QStringLiteral("120000")},
                {QStringLiteral("quotations"), quotations},
                {QStringLiteral("justification"), QJsonValue()}}}}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("voucherdesk.workspace/1")},
                                     {QStringLiteral("scheme"), QStringLiteral("TVP")},
                                     {QStringLiteral("applicants"), applicants},
                                     {QStringLiteral("applications"), applications}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class ImportCrashTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedImportsLeaveEachImportWhollyPresentOrAbsent();

private:
    int countPresent(int batch);
    void checkIntegrity();

    QTemporaryDir m_dir;
    QString m_workspace;
};

void ImportCrashTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(QStringLiteral("workspace"));
    const CliRun init = runCli({QStringLiteral("init"), QStringLiteral("--workspace"), m_workspace});
    QVERIFY2(init.exitCode == 0, qPrintable(init.errText()));
}

int ImportCrashTest::countPresent(int batch)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    db.setDatabaseName(QDir(m_workspace).filePath(QStringLiteral("workspace.sqlite")));
    int present = -1;
    if (db.open()) {
        // Every application of the batch is looked for by its id.
        QStringList placeholders(kApplicationsPerImport, QStringLiteral("?"));
        QSqlQuery all(db);
        all.prepare(QStringLiteral("SELECT count(*) FROM applications WHERE id IN (%1)").arg(placeholders.join(u',')));
        for (int i = 0; i < kApplicationsPerImport; ++i)
            all.addBindValue(batchId(batch, "application", i));
        if (all.exec() && all.next())
            present = all.value(0).toInt();
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return present;
}

void ImportCrashTest::checkIntegrity()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(QDir(m_workspace).filePath(QStringLiteral("workspace.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    // The audit trail through the store's own verification (the `audit verify` command is another branch's).
    vd::Workspace workspace(m_workspace, vd::Workspace::Mode::OpenExisting);
    const vd::AuditVerification verification = vd::verifyAuditChain(workspace);
    QVERIFY2(verification.intact, qPrintable(verification.description()));
}

void ImportCrashTest::killedImportsLeaveEachImportWhollyPresentOrAbsent()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("random seed for kill moments: %u", seed);
    QRandomGenerator random(seed);

    // One import that runs to the end tells how long an import takes here.
    QElapsedTimer timer;
    timer.start();
    const QString firstFile = m_dir.filePath(QStringLiteral("batch0.json"));
    {
        QFile file(firstFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(importDocument(0));
    }
    const CliRun full = runCli({QStringLiteral("import"), firstFile, QStringLiteral("--workspace"), m_workspace});
    QVERIFY2(full.exitCode == 0, qPrintable(full.errText()));
    const qint64 importMs = qMax<qint64>(timer.elapsed(), 50);
    QCOMPARE(countPresent(0), kApplicationsPerImport);

    int killedMidway = 0;
    for (int batch = 1; batch <= kKills; ++batch) {
        const QString path = m_dir.filePath(QStringLiteral("batch%1.json").arg(batch));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(importDocument(batch));
        }
        QProcess import;
        import.start(QStringLiteral(VD_CLI), {QStringLiteral("import"), path, QStringLiteral("--workspace"), m_workspace});
        QVERIFY(import.waitForStarted());
        QThread::msleep(random.bounded(quint32(importMs * 12 / 10)));
        import.kill(); // SIGKILL
        import.waitForFinished();
        const bool finished = import.exitStatus() == QProcess::NormalExit;

        checkIntegrity();
        for (int earlier = 0; earlier <= batch; ++earlier) {
            const int present = countPresent(earlier);
            QVERIFY2(present == 0 || present == kApplicationsPerImport,
                     qPrintable(QStringLiteral("import %1 is partly present: %2 of %3").arg(earlier).arg(present).arg(kApplicationsPerImport)));
        }
        if (!finished && countPresent(batch) == 0)
            ++killedMidway;
    }
    qInfo("%d of %d imports were killed before they committed", killedMidway, kKills);
    QVERIFY2(killedMidway > 0, "no import was ever interrupted: the kill moments missed every import");
}

QTEST_GUILESS_MAIN(ImportCrashTest)
#include "tst_importcrash.moc"
