// The case desk from the command line on a demo workspace of 300 cases:
// list, show, search, transition, audit verify and stats, each answer
// cross-checked by SQL on the workspace file.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

// Reads a workspace file with plain SQL, as someone with sqlite3 would.
class Sql
{
public:
    explicit Sql(const QString &folder) : m_name(QStringLiteral("sql-%1").arg(++s_count))
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        database.setDatabaseName(QDir(folder).filePath(QStringLiteral("workspace.sqlite")));
        if (!database.open())
            qFatal("cannot open the workspace in %s", qPrintable(folder));
    }
    ~Sql()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;

    QList<QVariantList> rows(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            qFatal("%s failed: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        QList<QVariantList> rows;
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row << query.value(i);
            rows << row;
        }
        return rows;
    }
    QStringList column(const QString &sql, const QVariantList &values = {}) const
    {
        QStringList column;
        for (const QVariantList &row : rows(sql, values))
            column << row.first().toString();
        return column;
    }
    QVariant value(const QString &sql, const QVariantList &values = {}) const
    {
        const QList<QVariantList> found = rows(sql, values);
        return found.isEmpty() ? QVariant() : found.first().first();
    }
    void run(const QString &sql) const { rows(sql); }

private:
    QString m_name;
    static inline int s_count = 0;
};

QStringList sorted(QStringList values)
{
    values.sort();
    return values;
}

QJsonObject jsonOf(const CliRun &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s\n%s", qPrintable(error.errorString()), run.out.left(400).constData());
    return document.object();
}

QStringList idsOf(const QJsonArray &applications)
{
    QStringList ids;
    for (const QJsonValue &application : applications)
        ids << application.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

// Every record id of a case, as the audit trail names them.
const QString kCaseRecordIds = QStringLiteral(
    "SELECT id FROM applications WHERE id = :a "
    "UNION ALL SELECT id FROM status_changes WHERE application_id = :a "
    "UNION ALL SELECT id FROM clarification_requests WHERE application_id = :a "
    "UNION ALL SELECT id FROM correspondence_entries WHERE application_id = :a "
    "UNION ALL SELECT id FROM change_requests WHERE application_id = :a "
    "UNION ALL SELECT id FROM site_checks WHERE application_id = :a "
    "UNION ALL SELECT id FROM project_reports WHERE application_id = :a "
    "UNION ALL SELECT id FROM agenda_items WHERE application_id = :a "
    "UNION ALL SELECT id FROM interest_declarations WHERE application_id = :a "
    "UNION ALL SELECT id FROM reviews WHERE application_id = :a "
    "UNION ALL SELECT id FROM committee_outcomes WHERE application_id = :a "
    "UNION ALL SELECT id FROM approvals WHERE application_id = :a "
    "UNION ALL SELECT id FROM funding_agreements WHERE application_id = :a "
    "UNION ALL SELECT id FROM disbursement_milestones WHERE application_id = :a "
    "UNION ALL SELECT id FROM payments WHERE application_id = :a");

} // namespace

class CaseDeskCliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoLeavesTheWorkspaceInWalModeWithoutAJournal();

    void listFiltersGiveTheCasesSqlSelects_data();
    void listFiltersGiveTheCasesSqlSelects();
    void listPagesThroughTheQueueInOrder();
    void listPrintsSchemeNamesAndMoneyInTheChosenLanguage();
    void showGivesTheWholeCase();
    void showPrintsTheCaseInTheChosenLanguage();
    void showFindsADraftByItsId();
    void searchFindsTheCasesWhoseTextHoldsTheWords_data();
    void searchFindsTheCasesWhoseTextHoldsTheWords();
    void searchByReferenceFindsThatCase();
    void transitionChangesTheStatusWithAuditAndOutbox();
    void transitionRefusedChangesNothingAndSaysWhy();
    void transitionBatchSummarisesEachCase();
    void auditVerifyPassesOnAnIntactTrail();
    void auditVerifyNamesTheEntryEditedBySql();
    void statsAgreeWithSql();
    void statsPrintSchemeNamesInTheChosenLanguage();

private:
    QStringList cli(const QStringList &arguments) const
    {
        return arguments + QStringList{QStringLiteral("--workspace"), m_workspace};
    }
    // A copy of the demo workspace to change, so that no test depends on another.
    QString copyOfWorkspace();

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_officer;  // the case officer with the most cases
    int m_copies = 0;
};

void CaseDeskCliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(QStringLiteral("demo"));
    const CliRun demo = runCli({QStringLiteral("demo"), QStringLiteral("--workspace"), m_workspace,
                                QStringLiteral("--applications"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.errText()));
    Sql sql(m_workspace);
    m_officer = sql.value(QStringLiteral(
        "SELECT u.username FROM applications AS a JOIN users AS u ON u.id = a.case_officer_id "
        "GROUP BY u.username ORDER BY count(*) DESC, u.username LIMIT 1")).toString();
    QVERIFY(!m_officer.isEmpty());
}

// The demo writes with a rollback journal and switches back to WAL: the file
// says so in its header (bytes 18 and 19 are 2 for WAL, 1 for a rollback journal).
void CaseDeskCliTest::demoLeavesTheWorkspaceInWalModeWithoutAJournal()
{
    QFile file(QDir(m_workspace).filePath(QStringLiteral("workspace.sqlite")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(100);
    QCOMPARE(header.size(), 100);
    QCOMPARE(int(header.at(18)), 2);
    QCOMPARE(int(header.at(19)), 2);
    QVERIFY(!QFile::exists(QDir(m_workspace).filePath(QStringLiteral("workspace.sqlite-journal"))));
}

QString CaseDeskCliTest::copyOfWorkspace()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy%1").arg(++m_copies));
    QDir().mkpath(copy);
    for (const char *suffix : {"", "-wal"}) {
        const QString name = QStringLiteral("workspace.sqlite") + QString::fromLatin1(suffix);
        if (QFile::exists(QDir(m_workspace).filePath(name)))
            QFile::copy(QDir(m_workspace).filePath(name), QDir(copy).filePath(name));
    }
    return copy;
}

void CaseDeskCliTest::listFiltersGiveTheCasesSqlSelects_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("where");

    const auto row = [](const char *name, const QStringList &options, const char *where) {
        QTest::newRow(name) << options << QString::fromLatin1(where);
    };
    row("no filter", {}, "1");
    row("one status", {QStringLiteral("--status"), QStringLiteral("closed")}, "a.status = 'closed'");
    row("several statuses",
        {QStringLiteral("--status"), QStringLiteral("returned"), QStringLiteral("--status"), QStringLiteral("withdrawn"),
         QStringLiteral("--status"), QStringLiteral("not_processed")},
        "a.status IN ('returned', 'withdrawn', 'not_processed')");
    row("sector", {QStringLiteral("--sector"), QStringLiteral("wholesale_retail")}, "e.sector = 'wholesale_retail'");
    row("solution category", {QStringLiteral("--category"), QStringLiteral("pos")}, "a.solution_category = 'pos'");
    row("case officer", {QStringLiteral("--officer"), QStringLiteral("@OFFICER")},
        "a.case_officer_id = (SELECT id FROM users WHERE username = '@OFFICER')");
    row("submitted in 2022",
        {QStringLiteral("--submitted-from"), QStringLiteral("2022-01-01"), QStringLiteral("--submitted-to"), QStringLiteral("2022-12-31")},
        "a.submitted BETWEEN '2022-01-01' AND '2022-12-31'");
    row("all together",
        {QStringLiteral("--status"), QStringLiteral("closed"), QStringLiteral("--sector"), QStringLiteral("wholesale_retail"),
         QStringLiteral("--category"), QStringLiteral("erp"), QStringLiteral("--submitted-from"), QStringLiteral("2021-01-01")},
        "a.status = 'closed' AND e.sector = 'wholesale_retail' AND a.solution_category = 'erp' AND a.submitted >= '2021-01-01'");
    row("overdue questions", {QStringLiteral("--overdue"), QStringLiteral("--as-of"), QStringLiteral("2027-06-30")},
        "a.status = 'clarification_requested' AND EXISTS (SELECT 1 FROM clarification_requests AS c "
        "WHERE c.application_id = a.id AND c.answered_at IS NULL AND c.due_on < '2027-06-30')");
}

void CaseDeskCliTest::listFiltersGiveTheCasesSqlSelects()
{
    QFETCH(QStringList, options);
    QFETCH(QString, where);
    options.replaceInStrings(QStringLiteral("@OFFICER"), m_officer);
    where.replace(QStringLiteral("@OFFICER"), m_officer);

    const QStringList expected = Sql(m_workspace).column(
        QStringLiteral("SELECT a.id FROM applications AS a LEFT JOIN enterprises AS e ON e.id = a.enterprise_id WHERE ")
        + where);
    QVERIFY2(!expected.isEmpty(), "the demo workspace has no such case: the row tests nothing");

    const CliRun run = runCli(cli(QStringList{QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--limit"),
                                              QStringLiteral("10000")} + options));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonObject json = jsonOf(run);
    QCOMPARE(json.value(QStringLiteral("total")).toInteger(), expected.size());
    QCOMPARE(sorted(idsOf(json.value(QStringLiteral("applications")).toArray())), sorted(expected));
}

void CaseDeskCliTest::listPagesThroughTheQueueInOrder()
{
    const CliRun all = runCli(cli({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("10000")}));
    const CliRun page = runCli(cli({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("7"),
                                    QStringLiteral("--offset"), QStringLiteral("5")}));
    QCOMPARE(page.exitCode, 0);
    const QStringList everything = idsOf(jsonOf(all).value(QStringLiteral("applications")).toArray());
    const QJsonObject json = jsonOf(page);
    QCOMPARE(everything.size(), 300);
    QCOMPARE(json.value(QStringLiteral("total")).toInt(), 300);
    QCOMPARE(json.value(QStringLiteral("offset")).toInt(), 5);
    QCOMPARE(json.value(QStringLiteral("limit")).toInt(), 7);
    QCOMPARE(idsOf(json.value(QStringLiteral("applications")).toArray()), everything.mid(5, 7));

    // Submitted cases come oldest first.
    QStringList submitted;
    for (const QJsonValue &application : jsonOf(all).value(QStringLiteral("applications")).toArray()) {
        const QString day = application.toObject().value(QStringLiteral("submitted")).toString();
        if (!day.isEmpty())
            submitted << day;
    }
    QVERIFY(std::is_sorted(submitted.begin(), submitted.end()));
}

void CaseDeskCliTest::listPrintsSchemeNamesAndMoneyInTheChosenLanguage()
{
    const QList<QVariantList> screening = Sql(m_workspace).rows(QStringLiteral(
        "SELECT a.reference, a.title_zh, a.title_en FROM applications AS a WHERE a.status = 'screening' ORDER BY a.submitted LIMIT 1"));
    QVERIFY(!screening.isEmpty());
    const CliRun chinese = runCli(cli({QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("screening"),
                                       QStringLiteral("--lang"), QStringLiteral("zh_HK")}));
    const CliRun english = runCli(cli({QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("screening"),
                                       QStringLiteral("--lang"), QStringLiteral("en")}));
    QCOMPARE(chinese.exitCode, 0);
    QCOMPARE(english.exitCode, 0);
    const QString reference = screening.first()[0].toString();
    QVERIFY(chinese.outText().contains(reference));
    QVERIFY2(chinese.outText().contains(QStringLiteral("初步審查中")), qPrintable(chinese.outText()));
    QVERIFY(chinese.outText().contains(screening.first()[1].toString().left(8)));
    QVERIFY2(english.outText().contains(QStringLiteral("Screening")), qPrintable(english.outText()));
    QVERIFY(english.outText().contains(screening.first()[2].toString().left(12)));
    static const QRegularExpression money(QStringLiteral("HK\\$\\d{1,3}(,\\d{3})*\\.\\d{2}"));
    QVERIFY2(english.outText().contains(money), qPrintable(english.outText()));
}

void CaseDeskCliTest::showGivesTheWholeCase()
{
    Sql sql(m_workspace);
    // The closed case with the longest history.
    const QList<QVariantList> found = sql.rows(QStringLiteral(
        "SELECT a.id, a.reference, a.approved_grant_cents FROM applications AS a JOIN status_changes AS s ON s.application_id = a.id "
        "WHERE a.status = 'closed' GROUP BY a.id ORDER BY count(*) DESC, a.reference LIMIT 1"));
    QVERIFY(!found.isEmpty());
    const QString id = found.first()[0].toString();
    const QString reference = found.first()[1].toString();
    const auto count = [&](const char *table) {
        return sql.value(QStringLiteral("SELECT count(*) FROM %1 WHERE application_id = ?").arg(QString::fromLatin1(table)), {id})
            .toInt();
    };

    const CliRun run = runCli(cli({QStringLiteral("show"), reference, QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonObject json = jsonOf(run);
    QCOMPARE(json.value(QStringLiteral("application")).toObject().value(QStringLiteral("reference")).toString(), reference);
    QCOMPARE(json.value(QStringLiteral("status_changes")).toArray().size(), count("status_changes"));
    QCOMPARE(json.value(QStringLiteral("clarifications")).toArray().size(), count("clarification_requests"));
    QCOMPARE(json.value(QStringLiteral("correspondence")).toArray().size(), count("correspondence_entries"));
    QCOMPARE(json.value(QStringLiteral("reviews")).toArray().size(), count("reviews"));
    QCOMPARE(json.value(QStringLiteral("payments")).toArray().size(), count("payments"));
    QCOMPARE(json.value(QStringLiteral("reports")).toArray().size(), count("project_reports"));
    QVERIFY(count("status_changes") > 5);

    const QJsonObject assessment = json.value(QStringLiteral("assessment")).toObject();
    QVERIFY(!assessment.value(QStringLiteral("rule_set")).toString().isEmpty());
    const QJsonArray approvals = json.value(QStringLiteral("approvals")).toArray();
    QCOMPARE(approvals.size(), 1);
    const qint64 cents = found.first()[2].toLongLong();
    QCOMPARE(approvals.first().toObject().value(QStringLiteral("approved_grant")).toString(),
             QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0')));

    QStringList deadlineKinds;
    for (const QJsonValue &deadline : json.value(QStringLiteral("deadlines")).toArray())
        deadlineKinds << deadline.toObject().value(QStringLiteral("kind")).toString();
    QVERIFY2(deadlineKinds.contains(QStringLiteral("final_report")), qPrintable(deadlineKinds.join(u',')));

    const QStringList recordIds = sql.column(QString(kCaseRecordIds).replace(QStringLiteral(":a"), QStringLiteral("'%1'").arg(id)));
    const int expectedEntries = sql.value(QStringLiteral("SELECT count(*) FROM audit_entries WHERE entity_id IN ('%1')")
                                              .arg(recordIds.join(QStringLiteral("','")))).toInt();
    const QJsonArray audit = json.value(QStringLiteral("audit_entries")).toArray();
    QCOMPARE(audit.size(), expectedEntries);
    QVERIFY(audit.size() > count("status_changes"));
    for (qsizetype i = 1; i < audit.size(); ++i)
        QVERIFY(audit[i].toObject().value(QStringLiteral("seq")).toInteger() > audit[i - 1].toObject().value(QStringLiteral("seq")).toInteger());
}

void CaseDeskCliTest::showPrintsTheCaseInTheChosenLanguage()
{
    const QList<QVariantList> found = Sql(m_workspace).rows(QStringLiteral(
        "SELECT a.reference, e.name_zh, e.name_en FROM applications AS a JOIN enterprises AS e ON e.id = a.enterprise_id "
        "WHERE a.status = 'in_progress' ORDER BY a.reference LIMIT 1"));
    QVERIFY(!found.isEmpty());
    const QString reference = found.first()[0].toString();
    const CliRun chinese = runCli(cli({QStringLiteral("show"), reference, QStringLiteral("--lang"), QStringLiteral("zh_HK")}));
    const CliRun english = runCli(cli({QStringLiteral("show"), reference, QStringLiteral("--lang"), QStringLiteral("en")}));
    QVERIFY2(chinese.exitCode == 0, qPrintable(chinese.errText()));
    QVERIFY(chinese.outText().startsWith(reference));
    QVERIFY(chinese.outText().contains(found.first()[1].toString()));
    QVERIFY(chinese.outText().contains(QStringLiteral("項目進行中")));
    QVERIFY(english.outText().contains(found.first()[2].toString()));
    QVERIFY(english.outText().contains(QStringLiteral("In progress")));
    for (const char *section : {"Budget", "Assessment by the rules", "Status history", "Deadlines", "Audit trail"})
        QVERIFY2(english.outText().contains(QString::fromLatin1(section)), section);
}

void CaseDeskCliTest::showFindsADraftByItsId()
{
    const QString id = Sql(m_workspace).value(QStringLiteral("SELECT id FROM applications WHERE status = 'draft' LIMIT 1")).toString();
    QVERIFY(!id.isEmpty());
    const CliRun run = runCli(cli({QStringLiteral("show"), id, QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonObject application = jsonOf(run).value(QStringLiteral("application")).toObject();
    QCOMPARE(application.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(application.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
}

void CaseDeskCliTest::searchFindsTheCasesWhoseTextHoldsTheWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("a common English word") << QStringLiteral("ERP");
    QTest::newRow("two words") << QStringLiteral("cloud system");
    QTest::newRow("two Chinese characters") << QStringLiteral("系統");
    QTest::newRow("a Chinese word of four") << QStringLiteral("企業資源");
    QTest::newRow("a Chinese and an English word") << QStringLiteral("系統 POS");
}

void CaseDeskCliTest::searchFindsTheCasesWhoseTextHoldsTheWords()
{
    QFETCH(QString, text);
    QString where = QStringLiteral("1");
    QVariantList values;
    for (const QString &word : text.split(u' ')) {
        where += QStringLiteral(" AND instr(text, ?) > 0");
        values << word.toLower();
    }
    const QStringList expected = Sql(m_workspace).column(QStringLiteral("SELECT application_id FROM application_search WHERE ") + where, values);
    QVERIFY2(!expected.isEmpty(), "no case holds the words: the row tests nothing");

    const CliRun run = runCli(cli({QStringLiteral("search"), text, QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("10000")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QCOMPARE(sorted(idsOf(jsonOf(run).value(QStringLiteral("applications")).toArray())), sorted(expected));
}

void CaseDeskCliTest::searchByReferenceFindsThatCase()
{
    const QString reference = Sql(m_workspace).value(QStringLiteral(
        "SELECT reference FROM applications WHERE reference IS NOT NULL ORDER BY reference DESC LIMIT 1 OFFSET 17")).toString();
    const CliRun run = runCli(cli({QStringLiteral("search"), reference, QStringLiteral("--json")}));
    QCOMPARE(run.exitCode, 0);
    const QJsonArray hits = jsonOf(run).value(QStringLiteral("applications")).toArray();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().toObject().value(QStringLiteral("reference")).toString(), reference);

    const CliRun text = runCli(cli({QStringLiteral("search"), reference}));
    QVERIFY(text.outText().contains(reference));
}

void CaseDeskCliTest::transitionChangesTheStatusWithAuditAndOutbox()
{
    const QString workspace = copyOfWorkspace();
    QString id, reference, officerId, officer;
    qint64 audit = 0, outbox = 0;
    {
        Sql sql(workspace);
        const QList<QVariantList> found = sql.rows(QStringLiteral(
            "SELECT a.id, a.reference, u.id, u.username FROM applications AS a JOIN users AS u ON u.id = a.case_officer_id "
            "WHERE a.status = 'screening' ORDER BY a.reference LIMIT 1"));
        QVERIFY(!found.isEmpty());
        id = found.first()[0].toString();
        reference = found.first()[1].toString();
        officerId = found.first()[2].toString();
        officer = found.first()[3].toString();
        audit = sql.value(QStringLiteral("SELECT count(*) FROM audit_entries")).toLongLong();
        outbox = sql.value(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")).toLongLong();
    }

    const CliRun run = runCli({QStringLiteral("transition"), reference, QStringLiteral("refer_to_committee"), QStringLiteral("--as"),
                               officer, QStringLiteral("--reason"), QStringLiteral("Papers complete"), QStringLiteral("--workspace"),
                               workspace, QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QVERIFY2(run.outText().contains(reference) && run.outText().contains(QStringLiteral("Committee assessment")),
             qPrintable(run.outText()));

    Sql sql(workspace);
    QCOMPARE(sql.value(QStringLiteral("SELECT status FROM applications WHERE id = ?"), {id}).toString(),
             QStringLiteral("committee_assessment"));
    const QList<QVariantList> change = sql.rows(QStringLiteral(
        "SELECT action, from_status, to_status, actor_id, reason FROM status_changes WHERE application_id = ? ORDER BY at DESC LIMIT 1"), {id});
    QCOMPARE(change.first(), (QVariantList{QStringLiteral("refer_to_committee"), QStringLiteral("screening"),
                                           QStringLiteral("committee_assessment"), officerId, QStringLiteral("Papers complete")}));
    QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM audit_entries")).toLongLong(), audit + 2);
    QCOMPARE(sql.column(QStringLiteral("SELECT action || ' ' || actor_id || ' ' || entity_type FROM audit_entries WHERE seq > ? ORDER BY seq"),
                        {audit}),
             (QStringList{QStringLiteral("refer_to_committee %1 application").arg(officerId),
                          QStringLiteral("refer_to_committee %1 status_change").arg(officerId)}));
    QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")).toLongLong(), outbox + 2);
    QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM outbox WHERE entity_id = ? AND base_revision > 0"), {id}).toInt(), 1);
}

void CaseDeskCliTest::transitionRefusedChangesNothingAndSaysWhy()
{
    const QString workspace = copyOfWorkspace();
    QString reference;
    qint64 audit = 0;
    {
        Sql sql(workspace);
        reference = sql.value(QStringLiteral("SELECT reference FROM applications WHERE status = 'closed' ORDER BY reference LIMIT 1")).toString();
        audit = sql.value(QStringLiteral("SELECT count(*) FROM audit_entries")).toLongLong();
    }
    const CliRun english = runCli({QStringLiteral("transition"), reference, QStringLiteral("start_screening"), QStringLiteral("--as"),
                                   m_officer, QStringLiteral("--workspace"), workspace, QStringLiteral("--lang"), QStringLiteral("en")});
    const CliRun chinese = runCli({QStringLiteral("transition"), reference, QStringLiteral("start_screening"), QStringLiteral("--as"),
                                   m_officer, QStringLiteral("--workspace"), workspace, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QCOMPARE(english.exitCode, 1);
    QCOMPARE(chinese.exitCode, 1);
    QVERIFY2(english.errText().contains(reference) && english.errText().contains(QStringLiteral("“Closed”")),
             qPrintable(english.errText()));
    QVERIFY2(chinese.errText().contains(QStringLiteral("已结束")), qPrintable(chinese.errText()));
    QCOMPARE(Sql(workspace).value(QStringLiteral("SELECT count(*) FROM audit_entries")).toLongLong(), audit);
}

void CaseDeskCliTest::transitionBatchSummarisesEachCase()
{
    const QString workspace = copyOfWorkspace();
    QStringList screening;
    QString closed;
    {
        Sql sql(workspace);
        screening = sql.column(QStringLiteral("SELECT reference FROM applications WHERE status = 'screening' ORDER BY reference"));
        closed = sql.value(QStringLiteral("SELECT reference FROM applications WHERE status = 'closed' ORDER BY reference LIMIT 1")).toString();
    }
    QVERIFY(screening.size() >= 2);
    const QByteArray list = (QStringLiteral("# cases for the committee\n%1\n\n%2\n").arg(screening[0], closed)).toUtf8();
    const CliRun run = runCli({QStringLiteral("transition"), screening[1], QStringLiteral("request_clarification"),
                               QStringLiteral("--batch"), QStringLiteral("-"), QStringLiteral("--as"), m_officer,
                               QStringLiteral("--workspace"), workspace, QStringLiteral("--lang"), QStringLiteral("en")},
                              list);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.outText().contains(QStringLiteral("2 of 3 cases changed, 1 refused.")), qPrintable(run.outText()));
    QVERIFY2(run.errText().contains(closed), qPrintable(run.errText()));

    Sql sql(workspace);
    QCOMPARE(sql.column(QStringLiteral("SELECT status FROM applications WHERE reference IN (?, ?, ?) ORDER BY status"),
                        {screening[0], screening[1], closed}),
             sorted({QStringLiteral("clarification_requested"), QStringLiteral("clarification_requested"), QStringLiteral("closed")}));
}

void CaseDeskCliTest::auditVerifyPassesOnAnIntactTrail()
{
    Sql sql(m_workspace);
    const qint64 entries = sql.value(QStringLiteral("SELECT count(*) FROM audit_entries")).toLongLong();
    const QString head = QString::fromLatin1(
        sql.value(QStringLiteral("SELECT hash FROM audit_entries ORDER BY seq DESC LIMIT 1")).toByteArray().toHex());
    const CliRun run = runCli(cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--lang"), QStringLiteral("en")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QVERIFY2(run.outText().contains(QString::number(entries)), qPrintable(run.outText()));
    QVERIFY2(run.outText().contains(head), qPrintable(run.outText()));
}

void CaseDeskCliTest::auditVerifyNamesTheEntryEditedBySql()
{
    const QString workspace = copyOfWorkspace();
    qint64 seq = 0;
    QString id;
    {
        Sql sql(workspace);
        seq = sql.value(QStringLiteral("SELECT count(*) / 2 FROM audit_entries")).toLongLong();
        id = sql.value(QStringLiteral("SELECT id FROM audit_entries WHERE seq = ?"), {seq}).toString();
        // Someone with sqlite3 and the file: the triggers are no obstacle.
        sql.run(QStringLiteral("DROP TRIGGER audit_entries_are_not_updated"));
        sql.run(QStringLiteral("UPDATE audit_entries SET after_json = replace(after_json, '\"revision\":1', '\"revision\":2') "
                               "WHERE seq = %1").arg(seq));
    }
    const CliRun run = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), workspace,
                               QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errText().contains(QString::number(seq)) && run.errText().contains(id), qPrintable(run.errText()));

    const CliRun json = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json"),
                                QStringLiteral("--workspace"), workspace});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject result = jsonOf(json);
    QCOMPARE(result.value(QStringLiteral("intact")).toBool(), false);
    QCOMPARE(result.value(QStringLiteral("first_broken_seq")).toInteger(), seq);
    QCOMPARE(result.value(QStringLiteral("broken_entry_id")).toString(), id);
    QCOMPARE(result.value(QStringLiteral("reason")).toString(), QStringLiteral("edited"));
    QCOMPARE(result.value(QStringLiteral("entries_checked")).toInteger(), seq - 1);
}

void CaseDeskCliTest::statsAgreeWithSql()
{
    const CliRun run = runCli(cli({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--as-of"), QStringLiteral("2027-06-30")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QJsonObject json = jsonOf(run);
    Sql sql(m_workspace);

    QCOMPARE(json.value(QStringLiteral("applications")).toInteger(), 300);
    // Counts of the CLI (zeros left out) against SQL's GROUP BY.
    const auto counts = [&](const char *list, const char *key, const QString &select) {
        QMap<QString, qint64> fromCli, fromSql;
        for (const QJsonValue &entry : json.value(QString::fromLatin1(list)).toArray()) {
            const QJsonObject object = entry.toObject();
            const qint64 count = object.value(QStringLiteral("applications")).toInteger();
            if (count > 0)
                fromCli.insert(object.value(QString::fromLatin1(key)).toString(), count);
        }
        for (const QVariantList &row : sql.rows(select))
            fromSql.insert(row[0].toString(), row[1].toLongLong());
        QCOMPARE(fromCli, fromSql);
    };
    counts("by_status", "status", QStringLiteral("SELECT status, count(*) FROM applications GROUP BY 1"));
    counts("by_submission_year", "year", QStringLiteral("SELECT substr(submitted, 1, 4), count(*) FROM applications GROUP BY 1"));
    counts("by_sector", "sector", QStringLiteral(
        "SELECT e.sector, count(*) FROM applications AS a JOIN enterprises AS e ON e.id = a.enterprise_id GROUP BY 1"));
    counts("by_solution_category", "solution_category", QStringLiteral("SELECT solution_category, count(*) FROM applications GROUP BY 1"));

    const QJsonObject grants = json.value(QStringLiteral("approved_grants")).toObject();
    const QList<QVariantList> approved = sql.rows(QStringLiteral(
        "SELECT count(*), sum(approved_grant_cents) FROM applications WHERE approved_grant_cents IS NOT NULL"));
    const qint64 total = approved.first()[1].toLongLong();
    QCOMPARE(grants.value(QStringLiteral("applications")).toInteger(), approved.first()[0].toLongLong());
    QCOMPARE(grants.value(QStringLiteral("total")).toString(),
             QStringLiteral("%1.%2").arg(total / 100).arg(total % 100, 2, 10, QLatin1Char('0')));

    const QJsonObject clarifications = json.value(QStringLiteral("clarifications")).toObject();
    const QList<QVariantList> open = sql.rows(QStringLiteral(
        "SELECT count(*), count(CASE WHEN c.due_on < '2027-06-30' THEN 1 END) FROM clarification_requests AS c "
        "JOIN applications AS a ON a.id = c.application_id WHERE c.answered_at IS NULL AND a.status = 'clarification_requested'"));
    QCOMPARE(clarifications.value(QStringLiteral("open")).toInteger(), open.first()[0].toLongLong());
    QCOMPARE(clarifications.value(QStringLiteral("overdue")).toInteger(), open.first()[1].toLongLong());

    // Days from submission to approval in Hong Kong (UTC+8), by SQLite's own date arithmetic.
    QMap<int, QList<qint64>> days;
    for (const QVariantList &row : sql.rows(QStringLiteral(
             "SELECT CAST(strftime('%Y', p.approved_at, '+8 hours') AS INTEGER), "
             "CAST(julianday(date(p.approved_at, '+8 hours')) - julianday(a.submitted) AS INTEGER) "
             "FROM approvals AS p JOIN applications AS a ON a.id = p.application_id")))
        days[row[0].toInt()].append(row[1].toLongLong());
    const QJsonArray processing = json.value(QStringLiteral("processing_days_by_year")).toArray();
    QCOMPARE(processing.size(), days.size());
    for (const QJsonValue &entry : processing) {
        const QJsonObject year = entry.toObject();
        QList<qint64> list = days.value(year.value(QStringLiteral("year")).toInt());
        std::sort(list.begin(), list.end());
        const qsizetype middle = list.size() / 2;
        const double median = list.size() % 2 ? double(list[middle]) : (list[middle - 1] + list[middle]) / 2.0;
        QCOMPARE(year.value(QStringLiteral("approvals")).toInteger(), list.size());
        QCOMPARE(year.value(QStringLiteral("median_days")).toDouble(), median);
    }
}

void CaseDeskCliTest::statsPrintSchemeNamesInTheChosenLanguage()
{
    const CliRun chinese = runCli(cli({QStringLiteral("stats"), QStringLiteral("--lang"), QStringLiteral("zh_CN")}));
    QCOMPARE(chinese.exitCode, 0);
    for (const char *name : {"已结束", "批发及零售", "企业资源规划"})
        QVERIFY2(chinese.outText().contains(QString::fromUtf8(name)), name);
    static const QRegularExpression money(QStringLiteral("HK\\$\\d{1,3}(,\\d{3})*\\.\\d{2}"));
    QVERIFY(chinese.outText().contains(money));
}

QTEST_GUILESS_MAIN(CaseDeskCliTest)
#include "tst_casedeskcli.moc"
