// voucherdesk-cli import and export as a person runs them: the round trip
// through an empty workspace, adding to one with records, and malformed
// documents refused with their path, the workspace left byte for byte as it was.
#include "audittrail.h"
#include "clirunner.h"
#include "jsonedit.h"
#include "rawconnection.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
}

// Everything after the first line, which holds exported_at.
QByteArray withoutFirstLine(const QByteArray &document)
{
    return document.mid(document.indexOf('\n'));
}

QByteArray fingerprint(const QString &workspace)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *suffix : {"", "-wal"})
        hash.addData(readFile(QDir(workspace).filePath(QStringLiteral("workspace.sqlite") + QString::fromLatin1(suffix))));
    return hash.result().toHex();
}

QMap<QString, qint64> rowCounts(const QString &workspace)
{
    const RawConnection raw(QDir(workspace).filePath(QStringLiteral("workspace.sqlite")));
    const QStringList tables = raw.scalar(QStringLiteral(
        "SELECT group_concat(name, ' ') FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'application_search_index%' "
        "AND name NOT IN ('outbox', 'device', 'sqlite_sequence')")).toString().split(u' ');
    QMap<QString, qint64> counts;
    for (const QString &table : tables)
        counts.insert(table, raw.count(table));
    return counts;
}

QJsonObject text(const QString &en, const QString &zh = QString())
{
    return {{QStringLiteral("en"), en}, {QStringLiteral("zh"), zh}};
}

const QString kApplicant = QStringLiteral("0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01");
const QString kApplication = QStringLiteral("7a0d3c55-3b7e-4e0b-a2d9-5b9f0c1d2e01");
const QString kUser = QStringLiteral("2c9a1f0e-7b3d-4e5f-9a1b-0c2d3e4f5a60");
const QString kCommittee = QStringLiteral("41d2c3b4-a5f6-4071-8293-a4b5c6d7e8f9");
const QString kTerm = QStringLiteral("52e3d4c5-b6a7-4182-93a4-b5c6d7e8f901");
const QString kMeeting = QStringLiteral("63f4e5d6-c7b8-4293-a4b5-c6d7e8f90a12");
const QString kMilestone = QStringLiteral("74a5f6e7-d8c9-43a4-b5c6-d7e8f90a1b23");

QJsonObject record(std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    QJsonObject object;
    for (const auto &[key, value] : fields)
        object.insert(key, value);
    return object;
}

// A valid document touching most sections, new to any demo workspace.
QJsonObject baseDocument()
{
    const QJsonObject applicant = record({{QStringLiteral("id"), kApplicant},
                                          {QStringLiteral("br_number"), QStringLiteral("31415926")},
                                          {QStringLiteral("name"), text(QStringLiteral("Wing Fat Trading Ltd"), QStringLiteral("永發貿易有限公司"))},
                                          {QStringLiteral("entity_type"), QStringLiteral("company")},
                                          {QStringLiteral("listed"), false},
                                          {QStringLiteral("government_subvented"), false},
                                          {QStringLiteral("substantive_business_in_hk"), true},
                                          {QStringLiteral("business_commenced"), QStringLiteral("2012-04-01")},
                                          {QStringLiteral("employees"), 18},
                                          {QStringLiteral("manufacturing"), false},
                                          {QStringLiteral("sector"), QStringLiteral("wholesale_retail")}});
    const QJsonObject user = record({{QStringLiteral("id"), kUser},
                                     {QStringLiteral("revision"), 0},
                                     {QStringLiteral("username"), QStringLiteral("exchange.tester")},
                                     {QStringLiteral("display_name"), text(QStringLiteral("Exchange Tester"), QStringLiteral("交換測試員"))},
                                     {QStringLiteral("role"), QStringLiteral("applicant")},
                                     {QStringLiteral("enterprise_id"), kApplicant},
                                     {QStringLiteral("email"), QStringLiteral("tester@example.com")},
                                     {QStringLiteral("active"), true}});
    const auto quotation = [](const QString &id, const QString &supplier, const QString &amount, bool selected) {
        return record({{QStringLiteral("id"), id}, {QStringLiteral("supplier"), supplier}, {QStringLiteral("amount"), amount},
                       {QStringLiteral("selected"), selected}, {QStringLiteral("platform"), false}});
    };
    const QJsonObject application = record(
        {{QStringLiteral("id"), kApplication},
         {QStringLiteral("applicant_id"), kApplicant},
         {QStringLiteral("status"), QStringLiteral("draft")},
         {QStringLiteral("title"), text(QStringLiteral("Point of sale"), QStringLiteral("銷售點系統"))},
         {QStringLiteral("solution_category"), QStringLiteral("pos")},
         {QStringLiteral("start"), QStringLiteral("2027-01-01")},
         {QStringLiteral("end"), QStringLiteral("2027-06-30")},
         {QStringLiteral("items"), QJsonArray{record(
              {{QStringLiteral("id"), QStringLiteral("85b6a7f8-e9da-44b5-86d7-e8f90a1b2c34")},
               {QStringLiteral("category"), QStringLiteral("customised_software")},
               {QStringLiteral("description"), text(QStringLiteral("POS system"))},
               {QStringLiteral("amount"), QStringLiteral("12000")},
               {QStringLiteral("quotations"), QJsonArray{
                    quotation(QStringLiteral("96c7b8a9-faeb-45c6-97e8-f90a1b2c3d45"), QStringLiteral("Acme"), QStringLiteral("12000"), true),
                    quotation(QStringLiteral("a7d8c9ba-0bfc-46d7-a8f9-0a1b2c3d4e56"), QStringLiteral("Beta"), QStringLiteral("13000"), false)}}})}}});
    const QJsonObject step = record({{QStringLiteral("id"), QStringLiteral("b8e9dacb-1c0d-47e8-b90a-1b2c3d4e5f67")},
                                     {QStringLiteral("application_id"), kApplication},
                                     {QStringLiteral("action"), QStringLiteral("submit")},
                                     {QStringLiteral("from_status"), QStringLiteral("draft")},
                                     {QStringLiteral("to_status"), QStringLiteral("submitted")},
                                     {QStringLiteral("actor_id"), kUser},
                                     {QStringLiteral("at"), QStringLiteral("2027-01-05T10:00:00.000Z")},
                                     {QStringLiteral("reason"), QString()}});
    const QJsonObject committee = record({{QStringLiteral("id"), kCommittee}, {QStringLiteral("revision"), 0},
                                          {QStringLiteral("name"), text(QStringLiteral("Test committee"))}});
    const QJsonObject term = record({{QStringLiteral("id"), kTerm}, {QStringLiteral("committee_id"), kCommittee},
                                     {QStringLiteral("start"), QStringLiteral("2027-01-01")}, {QStringLiteral("end"), QStringLiteral("2028-12-31")}});
    const QJsonObject meeting = record({{QStringLiteral("id"), kMeeting}, {QStringLiteral("revision"), 0},
                                        {QStringLiteral("committee_id"), kCommittee}, {QStringLiteral("term_id"), kTerm},
                                        {QStringLiteral("held_at"), QStringLiteral("2027-02-01T06:30:00.000Z")},
                                        {QStringLiteral("venue"), QStringLiteral("Room 1")}, {QStringLiteral("mode"), QStringLiteral("video")},
                                        {QStringLiteral("status"), QStringLiteral("planned")}});
    const QJsonObject agendaItem = record({{QStringLiteral("id"), QStringLiteral("c9fa0bdc-2d1e-48f9-ca1b-2c3d4e5f6078")},
                                           {QStringLiteral("meeting_id"), kMeeting}, {QStringLiteral("application_id"), kApplication},
                                           {QStringLiteral("position"), 1}});
    const QJsonObject review = record({{QStringLiteral("id"), QStringLiteral("da0b1ced-3e2f-490a-9b2c-3d4e5f607189")},
                                       {QStringLiteral("revision"), 0},
                                       {QStringLiteral("application_id"), kApplication}, {QStringLiteral("meeting_id"), kMeeting},
                                       {QStringLiteral("reviewer_id"), kUser},
                                       {QStringLiteral("scores"), QJsonArray{record({{QStringLiteral("criterion"), QStringLiteral("relevance")},
                                                                                     {QStringLiteral("score"), 4}})}},
                                       {QStringLiteral("supported"), true}, {QStringLiteral("comment"), QStringLiteral("Sound")},
                                       {QStringLiteral("submitted_at"), QStringLiteral("2027-02-01T07:00:00.000Z")}});
    const QJsonObject approval = record({{QStringLiteral("id"), QStringLiteral("eb1c2dfe-4f30-4a1b-8c3d-4e5f60718290")},
                                         {QStringLiteral("application_id"), kApplication},
                                         {QStringLiteral("approved_grant"), QStringLiteral("9000.00")},
                                         {QStringLiteral("approved_by"), kUser},
                                         {QStringLiteral("approved_at"), QStringLiteral("2027-02-03T02:00:00.000Z")}});
    const QJsonObject milestone = record({{QStringLiteral("id"), kMilestone}, {QStringLiteral("application_id"), kApplication},
                                          {QStringLiteral("kind"), QStringLiteral("initial")}, {QStringLiteral("amount"), QStringLiteral("2250.00")},
                                          {QStringLiteral("due_on"), QStringLiteral("2027-03-01")},
                                          {QStringLiteral("description"), QStringLiteral("Initial payment")}});
    const QJsonObject payment = record({{QStringLiteral("id"), QStringLiteral("fc2d3e0f-5041-4b2c-9d4e-5f6071829301")},
                                        {QStringLiteral("revision"), 0},
                                        {QStringLiteral("application_id"), kApplication}, {QStringLiteral("milestone_id"), kMilestone},
                                        {QStringLiteral("kind"), QStringLiteral("initial")}, {QStringLiteral("amount"), QStringLiteral("2250.00")},
                                        {QStringLiteral("status"), QStringLiteral("proposed")}, {QStringLiteral("proposed_by"), kUser},
                                        {QStringLiteral("proposed_at"), QStringLiteral("2027-03-01T02:00:00.000Z")},
                                        {QStringLiteral("released_by"), QString()}, {QStringLiteral("released_at"), QJsonValue()}});
    return {{QStringLiteral("format"), QStringLiteral("voucherdesk.workspace/1")},
            {QStringLiteral("scheme"), QStringLiteral("TVP")},
            {QStringLiteral("users"), QJsonArray{user}},
            {QStringLiteral("applicants"), QJsonArray{applicant}},
            {QStringLiteral("applications"), QJsonArray{application}},
            {QStringLiteral("status_changes"), QJsonArray{step}},
            {QStringLiteral("committees"), QJsonArray{committee}},
            {QStringLiteral("committee_terms"), QJsonArray{term}},
            {QStringLiteral("meetings"), QJsonArray{meeting}},
            {QStringLiteral("agenda_items"), QJsonArray{agendaItem}},
            {QStringLiteral("reviews"), QJsonArray{review}},
            {QStringLiteral("approvals"), QJsonArray{approval}},
            {QStringLiteral("disbursement_milestones"), QJsonArray{milestone}},
            {QStringLiteral("payments"), QJsonArray{payment}}};
}

QByteArray bytesOf(const QJsonObject &document)
{
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

} // namespace

class DocumentCliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportImportExportGivesTheSameDocumentAndTheSameTables();
    void exportToStandardOutputIsTheDocumentOfOutput();
    void theBaseDocumentImportsIntoACopyOfTheWorkspace();
    void importAddsToAWorkspaceWithRecordsAuditingEachAsImport();
    void refusesAnIdTheWorkspaceHasNamingThePath();
    void refusesMalformedDocumentsLeavingTheWorkspaceUnchanged_data();
    void refusesMalformedDocumentsLeavingTheWorkspaceUnchanged();
    void refusesAWorkspaceWithANewerSchemaUntouched();
    void exportThatCannotWriteItsFileLeavesNoFile();
    void importOfAFileThatCannotBeReadNamesIt();
    void importIntoAFolderWithoutAWorkspaceSaysHowToMakeOne();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString copyOfDemo(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_demo;            // demo --applications 300
    QByteArray m_demoDocument; // its export
    QJsonObject m_withTrail;   // the base document, imported into a new workspace and exported with its trail
};

void DocumentCliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = path(QStringLiteral("demo"));
    const CliRun demo = runCli({arg("demo"), arg("--workspace"), m_demo, arg("--applications"), arg("300"), arg("--seed"), arg("7")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.errText()));
    const CliRun exported = runCli({arg("export"), arg("--workspace"), m_demo, arg("--output"), path(QStringLiteral("demo.json"))});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.errText()));
    m_demoDocument = readFile(path(QStringLiteral("demo.json")));

    const QString small = path(QStringLiteral("small"));
    writeFile(path(QStringLiteral("base.json")), bytesOf(baseDocument()));
    QCOMPARE(runCli({arg("init"), arg("--workspace"), small}).exitCode, 0);
    const CliRun imported = runCli({arg("import"), path(QStringLiteral("base.json")), arg("--workspace"), small});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.errText()));
    const CliRun trail = runCli({arg("export"), arg("--workspace"), small});
    QCOMPARE(trail.exitCode, 0);
    m_withTrail = QJsonDocument::fromJson(trail.out).object();
    QVERIFY(!m_withTrail.value(QStringLiteral("audit")).toArray().isEmpty());
}

QString DocumentCliTest::copyOfDemo(const QString &name) const
{
    const QString folder = path(name);
    QDir().mkpath(folder);
    QFile::copy(QDir(m_demo).filePath(QStringLiteral("workspace.sqlite")), QDir(folder).filePath(QStringLiteral("workspace.sqlite")));
    return folder;
}

void DocumentCliTest::exportImportExportGivesTheSameDocumentAndTheSameTables()
{
    const QString restored = path(QStringLiteral("restored"));
    QCOMPARE(runCli({arg("init"), arg("--workspace"), restored}).exitCode, 0);
    const CliRun imported = runCli({arg("import"), path(QStringLiteral("demo.json")), arg("--workspace"), restored});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.errText()));
    QVERIFY2(imported.outText().contains(QStringLiteral("Restored")), qPrintable(imported.outText()));
    const CliRun again = runCli({arg("export"), arg("--workspace"), restored, arg("--output"), path(QStringLiteral("again.json"))});
    QCOMPARE(again.exitCode, 0);
    const QByteArray second = readFile(path(QStringLiteral("again.json")));
    QVERIFY(second.startsWith(R"({"format":"voucherdesk.workspace/1","scheme":"TVP","exported_at":")"));
    QVERIFY(withoutFirstLine(second) == withoutFirstLine(m_demoDocument));
    QCOMPARE(rowCounts(restored), rowCounts(m_demo));
    QCOMPARE(rowCounts(restored).value(QStringLiteral("applications")), 300);
}

void DocumentCliTest::exportToStandardOutputIsTheDocumentOfOutput()
{
    const CliRun out = runCli({arg("export"), arg("--workspace"), m_demo});
    QCOMPARE(out.exitCode, 0);
    QVERIFY(out.err.isEmpty());
    QVERIFY(withoutFirstLine(out.out) == withoutFirstLine(m_demoDocument));
}

void DocumentCliTest::theBaseDocumentImportsIntoACopyOfTheWorkspace()
{
    // So every row of the table below is wrong in its one way only.
    const QString copy = copyOfDemo(QStringLiteral("copy"));
    const CliRun run = runCli({arg("import"), path(QStringLiteral("base.json")), arg("--workspace"), copy});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    const QString trail = path(QStringLiteral("trail.json"));
    writeFile(trail, bytesOf(m_withTrail));
    const CliRun withTrail = runCli({arg("import"), trail, arg("--workspace"), copyOfDemo(QStringLiteral("copy2"))});
    QVERIFY2(withTrail.exitCode == 0, qPrintable(withTrail.errText()));
}

void DocumentCliTest::importAddsToAWorkspaceWithRecordsAuditingEachAsImport()
{
    const QString workspace = copyOfDemo(QStringLiteral("adding"));
    const QString file = QDir(workspace).filePath(QStringLiteral("workspace.sqlite"));
    const QMap<QString, qint64> before = rowCounts(workspace);
    const qint64 entriesBefore = RawConnection(file).count(QStringLiteral("audit_entries"));
    const qint64 queuedBefore = RawConnection(file).count(QStringLiteral("outbox"));
    const CliRun run = runCli({arg("import"), arg("-"), arg("--workspace"), workspace}, bytesOf(baseDocument()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errText()));
    QVERIFY2(run.outText().contains(QStringLiteral("Imported 12 records")), qPrintable(run.outText()));

    const QMap<QString, qint64> after = rowCounts(workspace);
    QCOMPARE(after.value(QStringLiteral("enterprises")), before.value(QStringLiteral("enterprises")) + 1);
    QCOMPARE(after.value(QStringLiteral("applications")), before.value(QStringLiteral("applications")) + 1);
    QCOMPARE(after.value(QStringLiteral("budget_item_quotations")), before.value(QStringLiteral("budget_item_quotations")) + 2);
    const RawConnection raw(file);
    QCOMPARE(raw.count(QStringLiteral("audit_entries")), entriesBefore + 12);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM audit_entries WHERE seq > ? AND action = 'import' AND before_json IS NULL"),
                        {entriesBefore}).toLongLong(), 12);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT entity_type FROM audit_entries WHERE entity_id = ?"), {kApplication}).toString(),
             QStringLiteral("application"));
    QCOMPARE(raw.count(QStringLiteral("outbox")), queuedBefore + 12);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT revision FROM applications WHERE id = ?"), {kApplication}).toInt(), 1);
    vd::Workspace opened(workspace, vd::Workspace::Mode::OpenExisting);
    const vd::AuditVerification verification = vd::verifyAuditChain(opened);
    QVERIFY2(verification.intact, qPrintable(verification.description()));
}

void DocumentCliTest::refusesAnIdTheWorkspaceHasNamingThePath()
{
    const QString existing = RawConnection(QDir(m_demo).filePath(QStringLiteral("workspace.sqlite")))
                                 .scalar(QStringLiteral("SELECT id FROM enterprises LIMIT 1")).toString();
    QJsonObject document = jsonedit::with(baseDocument(), QStringLiteral("applicants[0].id"), existing);
    const QByteArray before = fingerprint(m_demo);
    const CliRun run = runCli({arg("import"), arg("-"), arg("--workspace"), m_demo, arg("--lang"), arg("en")}, bytesOf(document));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(QStringLiteral("voucherdesk-cli import: applicants[0].id: the workspace already has")),
             qPrintable(run.errText()));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(fingerprint(m_demo), before);
}

void DocumentCliTest::refusesMalformedDocumentsLeavingTheWorkspaceUnchanged_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("mentions");

    const QJsonObject base = baseDocument();
    const auto with = [&](const char *where, const QJsonValue &value) {
        return bytesOf(jsonedit::with(base, QString::fromLatin1(where), value));
    };
    const auto without = [&](const char *where) { return bytesOf(jsonedit::without(base, QString::fromLatin1(where))); };
    const auto trailWith = [&](const char *where, const QJsonValue &value) {
        return bytesOf(jsonedit::with(m_withTrail, QString::fromLatin1(where), value));
    };
    const QByteArray valid = bytesOf(base);
    const QString existingUser = RawConnection(QDir(m_demo).filePath(QStringLiteral("workspace.sqlite")))
                                     .scalar(QStringLiteral("SELECT username FROM users LIMIT 1")).toString();
    const QString existingApplicant = RawConnection(QDir(m_demo).filePath(QStringLiteral("workspace.sqlite")))
                                          .scalar(QStringLiteral("SELECT id FROM enterprises LIMIT 1")).toString();
    const QJsonObject applicant = base.value(QStringLiteral("applicants")).toArray().first().toObject();
    const QJsonObject user = base.value(QStringLiteral("users")).toArray().first().toObject();
    const QJsonObject agendaItem = base.value(QStringLiteral("agenda_items")).toArray().first().toObject();

    // Syntax.
    QTest::newRow("syntax: not JSON") << QByteArray(R"({"format": )") << "line 1, column";
    QTest::newRow("syntax: cut short") << valid.left(valid.size() / 2) << "not valid JSON";
    QTest::newRow("syntax: a comma before the end of a list") << QByteArray(valid).replace("}],\"applicants\"", "},],\"applicants\"")
                                                              << "not valid JSON";
    QTest::newRow("syntax: a list, not an object") << QByteArray("[]") << "object";
    QTest::newRow("syntax: text after the document") << valid + "\n}" << "after the end";
    // The top level.
    QTest::newRow("top: unknown format") << with("format", QStringLiteral("voucherdesk.workspace/2")) << "format: unknown format";
    QTest::newRow("top: no format") << without("format") << "format: is required";
    QTest::newRow("top: unknown scheme") << with("scheme", QStringLiteral("BUD")) << "scheme: unknown scheme";
    QTest::newRow("top: unknown section") << with("aplications", QJsonArray()) << "aplications: unknown section";
    QTest::newRow("top: a section that is not a list") << with("applicants", applicant) << "applicants: expected a list";
    QTest::newRow("top: exported_at not a time") << with("exported_at", QStringLiteral("yesterday")) << "exported_at";
    // Types.
    QTest::newRow("type: employees as text") << with("applicants[0].employees", QStringLiteral("many")) << "applicants[0].employees";
    QTest::newRow("type: listed as text") << with("applicants[0].listed", QStringLiteral("no")) << "applicants[0].listed";
    QTest::newRow("type: active as a number") << with("users[0].active", 1) << "users[0].active";
    QTest::newRow("type: a record that is a number") << with("applications[0]", 42) << "applications[0]: expected an object";
    QTest::newRow("type: a required field missing") << without("committee_terms[0].committee_id") << "committee_terms[0].committee_id";
    // Money.
    QTest::newRow("money: three decimals") << with("applications[0].items[0].amount", QStringLiteral("12000.001"))
                                           << "applications[0].items[0].amount: at most two decimal places";
    QTest::newRow("money: a number") << with("applications[0].items[0].amount", 12000) << "applications[0].items[0].amount";
    QTest::newRow("money: negative grant") << with("approvals[0].approved_grant", QStringLiteral("-9000.00"))
                                           << "approvals[0].approved_grant";
    QTest::newRow("money: thousands separator") << with("disbursement_milestones[0].amount", QStringLiteral("2,250.00"))
                                                << "disbursement_milestones[0].amount";
    // Dates and times.
    QTest::newRow("date: 30 February") << with("applicants[0].business_commenced", QStringLiteral("2023-02-30"))
                                       << "applicants[0].business_commenced";
    QTest::newRow("date: ends before it starts") << with("applications[0].end", QStringLiteral("2026-12-31")) << "applications[0].end";
    QTest::newRow("date: a term ending before it starts") << with("committee_terms[0].end", QStringLiteral("2026-01-01"))
                                                          << "committee_terms[0].end";
    QTest::newRow("time: not a point in time") << with("status_changes[0].at", QStringLiteral("yesterday")) << "status_changes[0].at";
    QTest::newRow("time: no time zone") << with("meetings[0].held_at", QStringLiteral("2027-02-01T06:30:00")) << "meetings[0].held_at";
    // Vocabularies.
    QTest::newRow("enum: status") << with("applications[0].status", QStringLiteral("pondering"))
                                  << "applications[0].status: unknown value \"pondering\"";
    QTest::newRow("enum: role") << with("users[0].role", QStringLiteral("king")) << "users[0].role: unknown value";
    QTest::newRow("enum: meeting mode") << with("meetings[0].mode", QStringLiteral("telepathy")) << "meetings[0].mode: unknown value";
    QTest::newRow("enum: review criterion") << with("reviews[0].scores[0].criterion", QStringLiteral("charm"))
                                            << "reviews[0].scores[0].criterion";
    QTest::newRow("enum: score above the criterion's most") << with("reviews[0].scores[0].score", 9) << "reviews[0].scores[0].score";
    QTest::newRow("enum: budget category") << with("applications[0].items[0].category", QStringLiteral("yacht"))
                                           << "applications[0].items[0].category";
    QTest::newRow("enum: step to an unknown status") << with("status_changes[0].to_status", QStringLiteral("limbo"))
                                                     << "status_changes[0].to_status";
    // References.
    QTest::newRow("reference: unknown applicant") << with("applications[0].applicant_id", QStringLiteral("5e3a1b2c-0000-4000-8000-000000000000"))
                                                  << "applications[0].applicant_id";
    QTest::newRow("reference: unknown meeting") << with("agenda_items[0].meeting_id", QStringLiteral("5e3a1b2c-0000-4000-8000-000000000001"))
                                                << "agenda_items[0].meeting_id";
    QTest::newRow("reference: unknown milestone") << with("payments[0].milestone_id", QStringLiteral("5e3a1b2c-0000-4000-8000-000000000002"))
                                                  << "payments[0].milestone_id";
    QTest::newRow("reference: a user's unknown applicant") << with("users[0].enterprise_id", QStringLiteral("5e3a1b2c-0000-4000-8000-000000000003"))
                                                           << "users[0].enterprise_id";
    // Ids and unique values.
    QTest::newRow("id: not a UUID") << with("applicants[0].id", QStringLiteral("wing-fat")) << "applicants[0].id: must be a UUID";
    QTest::newRow("id: in capitals") << with("applications[0].id", kApplication.toUpper()) << "applications[0].id: must be a UUID";
    QTest::newRow("id: the workspace has it") << with("applicants[0].id", existingApplicant) << "applicants[0].id: the workspace already has";
    QTest::newRow("unique: a username the workspace has") << with("users[0].username", existingUser) << "users[0].username";
    // Duplicates within the document.
    QTest::newRow("duplicate: an applicant twice") << with("applicants[1]", jsonedit::with(applicant, QStringLiteral("br_number"), QStringLiteral("27182818")))
                                                   << "applicants[1].id: applicants[0] has the same id";
    QTest::newRow("duplicate: a username twice") << with("users[1]", jsonedit::with(user, QStringLiteral("id"), QStringLiteral("0d1e2f30-4152-4637-8899-aabbccddeeff")))
                                                 << "users[1].username: users[0] already has";
    QTest::newRow("duplicate: a case twice on one agenda")
        << with("agenda_items[1]", jsonedit::with(agendaItem, QStringLiteral("id"), QStringLiteral("1e2f3041-5263-4748-99aa-bbccddeeff00")))
        << "agenda_items[1].application_id";
    QTest::newRow("duplicate: a quotation id twice") << with("applications[0].items[0].quotations[1].id", QStringLiteral("96c7b8a9-faeb-45c6-97e8-f90a1b2c3d45"))
                                                     << "applications[0].items[0].quotations[1].id";
    // The audit trail.
    QTest::newRow("audit: an entry edited") << trailWith("audit[2].actor_id", QStringLiteral("someone-else")) << "audit[2].hash";
    QTest::newRow("audit: an entry removed") << bytesOf(jsonedit::without(m_withTrail, QStringLiteral("audit[1]"))) << "audit[1].seq";
    QTest::newRow("audit: a hash that is not hexadecimal") << trailWith("audit[0].hash", QStringLiteral("not a hash")) << "audit[0].hash";
    QTest::newRow("audit: a record changed after the export") << trailWith("approvals[0].approved_grant", QStringLiteral("90000.00"))
                                                               << "approvals[0]: this record is not what the audit trail last recorded";
}

void DocumentCliTest::refusesMalformedDocumentsLeavingTheWorkspaceUnchanged()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, mentions);
    const QByteArray before = fingerprint(m_demo);
    const CliRun run = runCli({arg("import"), arg("-"), arg("--workspace"), m_demo, arg("--lang"), arg("en")}, document);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(QStringLiteral("voucherdesk-cli import: ")), qPrintable(run.errText()));
    QVERIFY2(run.errText().contains(mentions), qPrintable(QStringLiteral("stderr does not name \"%1\": %2").arg(mentions, run.errText())));
    QVERIFY2(run.errText().contains(QStringLiteral("nothing was imported")), qPrintable(run.errText()));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(fingerprint(m_demo), before);
}

void DocumentCliTest::refusesAWorkspaceWithANewerSchemaUntouched()
{
    const QString workspace = path(QStringLiteral("newer"));
    QCOMPARE(runCli({arg("init"), arg("--workspace"), workspace}).exitCode, 0);
    const QString file = QDir(workspace).filePath(QStringLiteral("workspace.sqlite"));
    {
        const RawConnection raw(file);
        raw.run(QStringLiteral("PRAGMA user_version = 9999"));
        raw.run(QStringLiteral("PRAGMA journal_mode = DELETE"));
    }
    const QByteArray before = readFile(file);
    const CliRun import = runCli({arg("import"), arg("-"), arg("--workspace"), workspace},
                                 QByteArray(R"({"format":"voucherdesk.workspace/1","scheme":"TVP"})"));
    QCOMPARE(import.exitCode, 3);
    QVERIFY2(import.errText().contains(QStringLiteral("newer")), qPrintable(import.errText()));
    const CliRun exported = runCli({arg("export"), arg("--workspace"), workspace, arg("--output"), path(QStringLiteral("newer.json"))});
    QCOMPARE(exported.exitCode, 3);
    QVERIFY2(exported.errText().contains(QStringLiteral("newer")), qPrintable(exported.errText()));
    QVERIFY(!QFile::exists(path(QStringLiteral("newer.json"))));
    QCOMPARE(readFile(file), before);
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
}

void DocumentCliTest::exportThatCannotWriteItsFileLeavesNoFile()
{
    const QString missing = path(QStringLiteral("no-such-folder/export.json"));
    const CliRun run = runCli({arg("export"), arg("--workspace"), m_demo, arg("--output"), missing, arg("--lang"), arg("en")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(QStringLiteral("--output")), qPrintable(run.errText()));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(path(QStringLiteral("no-such-folder"))));

    const QString folder = path(QStringLiteral("a-folder"));
    QDir().mkpath(folder);
    const CliRun intoFolder = runCli({arg("export"), arg("--workspace"), m_demo, arg("--output"), folder});
    QCOMPARE(intoFolder.exitCode, 2);
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

void DocumentCliTest::importOfAFileThatCannotBeReadNamesIt()
{
    const QByteArray before = fingerprint(m_demo);
    const CliRun run = runCli({arg("import"), path(QStringLiteral("missing.json")), arg("--workspace"), m_demo});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(path(QStringLiteral("missing.json"))), qPrintable(run.errText()));
    QCOMPARE(fingerprint(m_demo), before);
}

void DocumentCliTest::importIntoAFolderWithoutAWorkspaceSaysHowToMakeOne()
{
    const CliRun run = runCli({arg("import"), path(QStringLiteral("base.json")), arg("--workspace"), path(QStringLiteral("nowhere")),
                               arg("--lang"), arg("en")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(QStringLiteral("voucherdesk-cli init")), qPrintable(run.errText()));
    QVERIFY(!QFile::exists(path(QStringLiteral("nowhere"))));
}

QTEST_GUILESS_MAIN(DocumentCliTest)
#include "tst_documentcli.moc"
