// The workspace document through the store's own API: export, restore into an
// empty workspace, adding into a workspace with records, the problems a
// document is refused for, and thousands of mutated documents.
#include "applicationrepository.h"
#include "audittrail.h"
#include "caseworkrepository.h"
#include "committeerepository.h"
#include "democohort.h"
#include "demoworkspace.h"
#include "enterpriserepository.h"
#include "entitystore.h"
#include "fundingrepository.h"
#include "jsonedit.h"
#include "rawconnection.h"
#include "recordjson.h"
#include "samplerecords.h"
#include "scheme.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"
#include "workspacedocument.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace vd;

namespace {

QByteArray exportOf(Workspace &workspace, const QDateTime &at = QDateTime(QDate(2026, 5, 4), QTime(3, 2, 1), Qt::UTC))
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    WorkspaceExport(workspace).writeTo(buffer, at);
    return buffer.data();
}

QJsonObject parsed(const QByteArray &document)
{
    return QJsonDocument::fromJson(document).object();
}

QByteArray compact(const QJsonObject &document)
{
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

// Every table's rows, but not the device's own sync state (outbox, device)
// nor FTS5's internal segments, whose shape depends on how rows were batched.
QMap<QString, qint64> rowCounts(const QString &file)
{
    RawConnection raw(file);
    QMap<QString, qint64> counts;
    const QStringList names = raw.scalar(QStringLiteral(
        "SELECT group_concat(name, ' ') FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'application_search_index%' "
        "AND name NOT IN ('outbox', 'device', 'sqlite_sequence')")).toString().split(u' ');
    for (const QString &name : names)
        counts.insert(name, raw.count(name));
    return counts;
}

template <typename Value> inline constexpr bool isList = false;
template <typename Part> inline constexpr bool isList<QList<Part>> = true;

// The samples' ids are readable stand-ins ("a1000000-…", "u0000000-…"); a
// workspace document takes UUIDs, so each becomes the UUID named after it.
QString uuidFor(const QString &sampleId)
{
    static const QUuid names = QUuid::fromString(QStringLiteral("{3f2b8c1e-9d47-4a6b-8e21-5c7d9a0b1f34}"));
    return sampleId.isEmpty() ? sampleId : QUuid::createUuidV5(names, sampleId).toString(QUuid::WithoutBraces);
}

template <typename Record>
Record withUuids(Record record)
{
    forEachField<Record>([&](const auto &field) {
        using Value = std::remove_cvref_t<decltype(std::declval<Record &>().*(field.member))>;
        const QByteArrayView name(field.name);
        if constexpr (std::is_same_v<Value, QString>) {
            if (name == "id" || name.endsWith("_id"))
                record.*(field.member) = uuidFor(record.*(field.member));
        } else if constexpr (isList<Value>) {
            if constexpr (FieldRecord<typename Value::value_type>) {
                for (auto &part : record.*(field.member))
                    part = withUuids(part);
            }
        }
    });
    return record;
}

// Every kind of record with every field set (samplerecords.h), some saved
// twice so the trail has updates, in one workspace.
void writeSamples(Workspace &workspace)
{
    Enterprise first = withUuids(samples::enterprise());
    Enterprise second = withUuids(samples::enterprise(QStringLiteral("e0000000-0000-4000-8000-000000000002")));
    second.brNumber = QStringLiteral("87654321");
    EnterpriseRelation relation = withUuids(samples::enterpriseRelation());
    User user = withUuids(samples::user());
    Application application = withUuids(samples::application());
    application.scheme = QStringLiteral("TVP");
    StatusChange change = withUuids(samples::statusChange());
    ClarificationRequest clarification = withUuids(samples::clarificationRequest());
    CorrespondenceEntry letter = withUuids(samples::correspondenceEntry());
    EligibilityCheck eligibility = withUuids(samples::eligibilityCheck());
    ChangeRequest changeRequest = withUuids(samples::changeRequest());
    SiteCheck siteCheck = withUuids(samples::siteCheck());
    ProjectReport report = withUuids(samples::projectReport());
    Committee committee = withUuids(samples::committee());
    CommitteeTerm term = withUuids(samples::committeeTerm());
    CommitteeMembership membership = withUuids(samples::committeeMembership());
    Meeting meeting = withUuids(samples::meeting());
    InterestDeclaration declaration = withUuids(samples::interestDeclaration());
    AgendaItem agendaItem = withUuids(samples::agendaItem());
    Attendance attendance = withUuids(samples::attendance());
    Review review = withUuids(samples::review());
    review.scores.first().criterion = QStringLiteral("technology");
    CommitteeOutcome outcome = withUuids(samples::committeeOutcome());
    Approval approval = withUuids(samples::approval());
    FundingAgreement agreement = withUuids(samples::fundingAgreement());
    DisbursementMilestone milestone = withUuids(samples::disbursementMilestone());
    Payment payment = withUuids(samples::payment());
    Signature signature = withUuids(samples::signature());

    UnitOfWork work(workspace, uuidFor(QStringLiteral("u0000000-0000-4000-8000-000000000002")));
    work.setTime(samples::instant(5, 12));
    EnterpriseRepository enterprises(workspace);
    enterprises.save(work, first);
    enterprises.save(work, second);
    enterprises.save(work, relation);
    UserRepository(workspace).save(work, user);
    ApplicationRepository applications(workspace);
    applications.save(work, application);
    application.title.en += QStringLiteral(" (revised)");
    applications.save(work, application);
    applications.recordStatusChange(work, change);
    CaseworkRepository casework(workspace);
    casework.save(work, clarification);
    casework.save(work, letter);
    casework.save(work, eligibility);
    casework.save(work, changeRequest);
    casework.save(work, siteCheck);
    casework.save(work, report);
    CommitteeRepository committees(workspace);
    committees.save(work, committee);
    committees.save(work, term);
    committees.save(work, membership);
    committees.save(work, meeting);
    committees.save(work, declaration);
    committees.save(work, agendaItem);
    committees.save(work, attendance);
    committees.save(work, review);
    committees.save(work, outcome);
    FundingRepository funding(workspace);
    funding.save(work, approval);
    funding.save(work, agreement);
    funding.save(work, milestone);
    funding.save(work, payment);
    payment.status = QStringLiteral("recovered");
    funding.save(work, payment);
    EntityStore(workspace).save(work, QStringLiteral("signature"), record::toJson(signature), QStringLiteral("sign"));
    work.commit();
}

// A valid document of its own: one applicant, one application and a step.
QJsonObject smallDocument()
{
    const QJsonObject applicant{
        {QStringLiteral("id"), QStringLiteral("0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01")},
        {QStringLiteral("br_number"), QStringLiteral("31415926")},
        {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Wing Fat Trading Ltd")},
                                             {QStringLiteral("zh"), QStringLiteral("永發貿易有限公司")}}},
        {QStringLiteral("entity_type"), QStringLiteral("company")},
        {QStringLiteral("listed"), false},
        {QStringLiteral("government_subvented"), false},
        {QStringLiteral("substantive_business_in_hk"), true},
        {QStringLiteral("business_commenced"), QStringLiteral("2012-04-01")},
        {QStringLiteral("employees"), 18},
        {QStringLiteral("manufacturing"), false}};
    const QJsonObject application{
        {QStringLiteral("id"), QStringLiteral("7a0d3c55-3b7e-4e0b-a2d9-5b9f0c1d2e01")},
        {QStringLiteral("applicant_id"), applicant.value(QStringLiteral("id"))},
        {QStringLiteral("status"), QStringLiteral("submitted")},
        {QStringLiteral("reference"), QStringLiteral("TVP/2027/90001")},
        {QStringLiteral("submitted"), QStringLiteral("2027-01-05")},
        {QStringLiteral("start"), QStringLiteral("2027-02-01")},
        {QStringLiteral("end"), QStringLiteral("2027-10-31")},
        {QStringLiteral("items"), QJsonArray{QJsonObject{
            {QStringLiteral("category"), QStringLiteral("consultancy")},
            {QStringLiteral("description"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Review")}}},
            {QStringLiteral("amount"), QStringLiteral("1500")}}}}};
    const QJsonObject step{
        {QStringLiteral("id"), QStringLiteral("5c1e2d3f-4a5b-4c6d-8e7f-8091a2b3c4d5")},
        {QStringLiteral("application_id"), application.value(QStringLiteral("id"))},
        {QStringLiteral("action"), QStringLiteral("submit")},
        {QStringLiteral("from_status"), QStringLiteral("draft")},
        {QStringLiteral("to_status"), QStringLiteral("submitted")},
        {QStringLiteral("actor_id"), QString()},
        {QStringLiteral("at"), QStringLiteral("2027-01-05T10:00:00Z")},
        {QStringLiteral("reason"), QString()}};
    return {{QStringLiteral("format"), QStringLiteral("voucherdesk.workspace/1")},
            {QStringLiteral("scheme"), QStringLiteral("TVP")},
            {QStringLiteral("applicants"), QJsonArray{applicant}},
            {QStringLiteral("applications"), QJsonArray{application}},
            {QStringLiteral("status_changes"), QJsonArray{step}}};
}

// Every value of a document, by its path ("applications[3].items[0].amount").
void collectPaths(const QJsonValue &value, const QString &path, QStringList &paths)
{
    if (!path.isEmpty())
        paths.append(path);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectPaths(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), paths);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectPaths(array.at(i), path + u'[' + QString::number(i) + u']', paths);
    }
}

QJsonValue valueAt(const QJsonValue &root, const QString &path)
{
    QJsonValue node = root;
    for (const QString &segment : jsonedit::segments(path))
        node = segment.startsWith(u'[') ? node.toArray().at(segment.mid(1, segment.size() - 2).toInt())
                                        : node.toObject().value(segment);
    return node;
}

// One deterministic mutation of a document: a byte flipped or the text cut
// short, or a value removed, retyped, copied from elsewhere, nudged or doubled.
QByteArray mutated(const QByteArray &bytes, const QJsonObject &document, const QStringList &paths, QRandomGenerator &random)
{
    static const QJsonValue otherValues[] = {QJsonValue(), QJsonValue(true), QJsonValue(0), QJsonValue(-1),
                                             QJsonValue(1.5), QJsonValue(QString()), QJsonValue(QStringLiteral("x")),
                                             QJsonValue(QJsonArray()), QJsonValue(QJsonObject()),
                                             QJsonValue(QStringLiteral("99999999999999999999.999"))};
    const QString path = paths.at(random.bounded(qsizetype(paths.size())));
    switch (random.bounded(8)) {
    case 0: { // a byte flipped
        QByteArray changed = bytes;
        changed[random.bounded(qsizetype(changed.size()))] = char(random.bounded(256));
        return changed;
    }
    case 1: // cut short
        return bytes.left(random.bounded(qsizetype(bytes.size())));
    case 2: // a key removed
        return compact(jsonedit::without(document, path));
    case 3: // another type
        return compact(jsonedit::with(document, path, otherValues[random.bounded(int(std::size(otherValues)))]));
    case 4: // the value of another place
        return compact(jsonedit::with(document, path, valueAt(document, paths.at(random.bounded(qsizetype(paths.size()))))));
    case 5: { // a text nudged
        const QJsonValue value = valueAt(document, path);
        const QString text = value.isString() ? value.toString() : QString::number(value.toDouble());
        return compact(jsonedit::with(document, path, random.bounded(2) ? text + u'0' : text.left(text.size() - 1)));
    }
    case 6: { // an element of a list doubled
        const QString list = path.left(path.lastIndexOf(u'['));
        const QJsonValue array = valueAt(document, list);
        if (!array.isArray() || array.toArray().isEmpty())
            return compact(document);
        return compact(jsonedit::with(document, list + QStringLiteral("[%1]").arg(array.toArray().size()),
                                      array.toArray().at(0)));
    }
    default: { // a number pushed out of range
        const QJsonValue value = valueAt(document, path);
        if (!value.isDouble())
            return compact(jsonedit::with(document, path, QJsonValue(qint64(1) << 40)));
        return compact(jsonedit::with(document, path, -value.toDouble() - 1));
    }
    }
}

} // namespace

class WorkspaceDocumentTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportWritesEverySectionOneRecordPerLine();
    void restoreIntoAnEmptyWorkspaceGivesBackTheSameDocument();
    void restoreGivesBackEveryFieldOfEveryRecord();
    void restoreKeepsTheRevisionsOfRecordsSavedMoreThanOnce();
    void restoreQueuesNothingAndKeepsThisDevice();
    void addingAuditsEachRecordAsImportAndQueuesIt();
    void aDocumentWithATrailGoesIntoAWorkspaceWithRecordsAsAdded();
    void refusesListingEveryProblemWithItsPath();
    void aRecordWrongInItselfIsOneProblemEvenWithATrail();
    void refusesARecordTheTrailDoesNotTellOf_data();
    void refusesARecordTheTrailDoesNotTellOf();
    void mutatedDocumentsAreImportedOrRefusedNeverHalfWritten();

private:
    QString newFolder(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QByteArray m_demoDocument;    // a small demo cohort, with its trail
    QByteArray m_samplesDocument; // every kind of record, every field set, with its trail
};

void WorkspaceDocumentTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Workspace demo(newFolder(QStringLiteral("demo")));
    DemoCohort cohort(Scheme::technologyVoucher(), 11, 12);
    DemoWorkspace(demo).write(cohort);
    m_demoDocument = exportOf(demo);
    Workspace samples(newFolder(QStringLiteral("samples")));
    writeSamples(samples);
    m_samplesDocument = exportOf(samples);
}

void WorkspaceDocumentTest::exportWritesEverySectionOneRecordPerLine()
{
    const QList<QByteArray> lines = m_demoDocument.split('\n');
    QCOMPARE(lines.first(), QByteArray(R"({"format":"voucherdesk.workspace/1","scheme":"TVP","exported_at":"2026-05-04T03:02:01.000Z",)"));
    QStringList sections;
    for (const QByteArray &line : lines) {
        if (line.startsWith('"') || line.startsWith(",\""))
            sections << QString::fromUtf8(line.mid(line.indexOf('"') + 1, line.indexOf("\":[") - line.indexOf('"') - 1));
        else if (line.startsWith('{') && line != lines.first())
            QVERIFY2(QJsonDocument::fromJson(line.endsWith(',') ? line.chopped(1) : line).isObject(), line.constData());
    }
    QCOMPARE(sections, workspacedocument::sections());
    const QJsonObject document = parsed(m_demoDocument);
    QVERIFY(!document.isEmpty());
    // Money is text, never a number.
    const QJsonObject item = document.value(QStringLiteral("applications")).toArray().first().toObject()
                                 .value(QStringLiteral("items")).toArray().first().toObject();
    QVERIFY(item.value(QStringLiteral("amount")).isString());
    QVERIFY(document.value(QStringLiteral("audit")).toArray().first().toObject().value(QStringLiteral("hash")).isString());
}

void WorkspaceDocumentTest::restoreIntoAnEmptyWorkspaceGivesBackTheSameDocument()
{
    Workspace restored(newFolder(QStringLiteral("restored")));
    const ImportOutcome outcome = WorkspaceImport(restored, QStringLiteral("tester")).read(m_demoDocument, QStringLiteral("demo.json"));
    QCOMPARE(outcome.mode, ImportMode::Restored);
    QCOMPARE(outcome.counts.auditEntries, AuditTrail(restored).count());
    QCOMPARE(exportOf(restored), m_demoDocument);
    QVERIFY(verifyAuditChain(restored).intact);
    QCOMPARE(rowCounts(restored.file()), rowCounts(Workspace::fileIn(newFolder(QStringLiteral("demo")))));
}

void WorkspaceDocumentTest::restoreGivesBackEveryFieldOfEveryRecord()
{
    Workspace restored(newFolder(QStringLiteral("samples-restored")));
    const ImportOutcome outcome = WorkspaceImport(restored, QStringLiteral("tester")).read(m_samplesDocument, QStringLiteral("samples.json"));
    for (const SectionCount &section : outcome.counts.sections)
        QVERIFY2(section.records > 0, qPrintable(section.section));
    QCOMPARE(exportOf(restored), m_samplesDocument);
    const auto payment = FundingRepository(restored).find<Payment>(uuidFor(QStringLiteral("f0000000-0000-4000-8000-000000000001")));
    QVERIFY(payment);
    QCOMPARE(payment->amount, Money::fromCents(-2000050));
    QCOMPARE(payment->revision, 2);
    QCOMPARE(rowCounts(restored.file()), rowCounts(Workspace::fileIn(newFolder(QStringLiteral("samples")))));
}

void WorkspaceDocumentTest::restoreKeepsTheRevisionsOfRecordsSavedMoreThanOnce()
{
    // A committee term (no revision in its JSON) and an applicant (revision
    // in its JSON), each saved three times.
    const QString source = newFolder(QStringLiteral("revisions"));
    {
        Workspace workspace(source);
        Committee committee{QStringLiteral("c0000000-0000-4000-8000-000000000001"), 0, {QStringLiteral("Committee"), QString()}};
        CommitteeTerm term{QStringLiteral("c0000000-0000-4000-8000-000000000002"), committee.id, QDate(2026, 1, 1), QDate(2026, 12, 31)};
        Enterprise applicant;
        applicant.id = QStringLiteral("c0000000-0000-4000-8000-000000000003");
        applicant.name = {QStringLiteral("Saved Thrice Ltd"), QString()};
        applicant.entityType = QStringLiteral("company");
        applicant.businessCommenced = QDate(2010, 1, 1);
        for (int i = 0; i < 3; ++i) {
            UnitOfWork work(workspace, QStringLiteral("officer"));
            CommitteeRepository(workspace).save(work, committee);
            term.end = term.end.addDays(-1);
            CommitteeRepository(workspace).save(work, term);
            applicant.employees = i;
            EnterpriseRepository(workspace).save(work, applicant);
            work.commit();
        }
    }
    const QString file = Workspace::fileIn(source);
    QCOMPARE(RawConnection(file).scalar(QStringLiteral("SELECT revision FROM committee_terms")).toInt(), 3);
    QByteArray document;
    {
        Workspace workspace(source);
        document = exportOf(workspace);
    }
    Workspace restored(newFolder(QStringLiteral("revisions-restored")));
    WorkspaceImport(restored, QStringLiteral("tester")).read(document, QStringLiteral("revisions.json"));
    const RawConnection raw(restored.file());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT revision FROM committee_terms")).toInt(), 3);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT revision FROM committees")).toInt(), 3);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT revision FROM enterprises")).toInt(), 3);
}

void WorkspaceDocumentTest::restoreQueuesNothingAndKeepsThisDevice()
{
    Workspace restored(newFolder(QStringLiteral("device")));
    const QString device = restored.deviceId();
    WorkspaceImport(restored, QStringLiteral("tester")).read(m_demoDocument, QStringLiteral("demo.json"));
    const RawConnection raw(restored.file());
    QCOMPARE(raw.count(QStringLiteral("outbox")), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT device_id FROM device")).toString(), device);
    QVERIFY(device != RawConnection(Workspace::fileIn(newFolder(QStringLiteral("demo"))))
                          .scalar(QStringLiteral("SELECT device_id FROM device")).toString());
}

void WorkspaceDocumentTest::addingAuditsEachRecordAsImportAndQueuesIt()
{
    Workspace workspace(newFolder(QStringLiteral("added")));
    WorkspaceImport(workspace, QStringLiteral("tester")).read(m_demoDocument, QStringLiteral("demo.json"));
    const qint64 before = AuditTrail(workspace).count();
    const ImportOutcome outcome = WorkspaceImport(workspace, QStringLiteral("importer"))
                                      .read(compact(smallDocument()), QStringLiteral("small.json"));
    QCOMPARE(outcome.mode, ImportMode::Added);
    QCOMPARE(outcome.counts.records(), 3);
    const QList<AuditEntry> added = AuditTrail(workspace).after(before, 10);
    QCOMPARE(added.size(), 3);
    QStringList subjects;
    for (const AuditEntry &entry : added) {
        QCOMPARE(entry.action, QStringLiteral("import"));
        QCOMPARE(entry.actorId, QStringLiteral("importer"));
        QVERIFY(entry.beforeJson.isNull());
        subjects << entry.entityType;
    }
    QCOMPARE(subjects, (QStringList{QStringLiteral("enterprise"), QStringLiteral("status_change"), QStringLiteral("application")}));
    QVERIFY(verifyAuditChain(workspace).intact);
    const RawConnection raw(workspace.file());
    QCOMPARE(raw.count(QStringLiteral("outbox")), 3);
    // New to this workspace: revision 1, whatever the document said.
    const auto application = ApplicationRepository(workspace).find(QStringLiteral("7a0d3c55-3b7e-4e0b-a2d9-5b9f0c1d2e01"));
    QVERIFY(application);
    QCOMPARE(application->revision, 1);
    QCOMPARE(application->reference, QStringLiteral("TVP/2027/90001"));
    QCOMPARE(application->items.first().amount, Money::fromDollars(1500));
}

void WorkspaceDocumentTest::aDocumentWithATrailGoesIntoAWorkspaceWithRecordsAsAdded()
{
    Workspace workspace(newFolder(QStringLiteral("not-empty")));
    WorkspaceImport(workspace, QStringLiteral("tester")).read(compact(smallDocument()), QStringLiteral("small.json"));
    const qint64 before = AuditTrail(workspace).count();
    const ImportOutcome outcome = WorkspaceImport(workspace, QStringLiteral("tester")).read(m_demoDocument, QStringLiteral("demo.json"));
    QCOMPARE(outcome.mode, ImportMode::Added);
    QCOMPARE(AuditTrail(workspace).count() - before, outcome.counts.records());
    QCOMPARE(AuditTrail(workspace).last()->action, QStringLiteral("import"));
    QVERIFY(verifyAuditChain(workspace).intact);
}

void WorkspaceDocumentTest::refusesListingEveryProblemWithItsPath()
{
    QJsonObject document = smallDocument();
    document = jsonedit::with(document, QStringLiteral("applicants[0].employees"), QStringLiteral("many"));
    document = jsonedit::with(document, QStringLiteral("applications[0].items[0].amount"), QStringLiteral("1.999"));
    document = jsonedit::with(document, QStringLiteral("status_changes[0].to_status"), QStringLiteral("pondering"));
    Workspace workspace(newFolder(QStringLiteral("refused")));
    try {
        WorkspaceImport(workspace, QStringLiteral("tester")).read(compact(document), QStringLiteral("bad.json"));
        QFAIL("the document was imported");
    } catch (const DocumentRefused &refused) {
        QStringList where;
        for (const DomainError &problem : refused.problems())
            where << problem.where();
        QCOMPARE(where, (QStringList{QStringLiteral("applicants[0].employees"), QStringLiteral("applications[0].items[0].amount"),
                                     QStringLiteral("status_changes[0].to_status")}));
        QCOMPARE(refused.where(), where.first());
    }
    QCOMPARE(RawConnection(workspace.file()).count(QStringLiteral("audit_entries")), 0);
}

void WorkspaceDocumentTest::aRecordWrongInItselfIsOneProblemEvenWithATrail()
{
    const QJsonObject document = jsonedit::with(parsed(m_samplesDocument), QStringLiteral("payments[0].amount"), QStringLiteral("1.999"));
    Workspace workspace(newFolder(QStringLiteral("one-problem")));
    try {
        WorkspaceImport(workspace, QStringLiteral("tester")).read(compact(document), QStringLiteral("bad.json"));
        QFAIL("the document was imported");
    } catch (const DocumentRefused &refused) {
        QCOMPARE(refused.problems().size(), 1);
        QCOMPARE(refused.where(), QStringLiteral("payments[0].amount"));
    }
}

void WorkspaceDocumentTest::refusesARecordTheTrailDoesNotTellOf_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("where");
    QTest::newRow("a grant raised after the export") << QStringLiteral("approvals[0].approved_grant")
                                                     << QJsonValue(QStringLiteral("999999.00")) << QStringLiteral("approvals[0]");
    QTest::newRow("a record added") << QStringLiteral("committees[1]")
                                    << QJsonValue(QJsonObject{{QStringLiteral("id"), QStringLiteral("d0000000-0000-4000-8000-000000000001")},
                                                              {QStringLiteral("revision"), 1},
                                                              {QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Shadow")},
                                                                                                   {QStringLiteral("zh"), QString()}}}})
                                    << QStringLiteral("committees[1]");
    QTest::newRow("a record left out") << QStringLiteral("status_changes[0]") << QJsonValue(QJsonValue::Undefined)
                                       << QStringLiteral("audit[");
    QTest::newRow("an entry edited") << QStringLiteral("audit[3].actor_id") << QJsonValue(QStringLiteral("someone else"))
                                     << QStringLiteral("audit[3].hash");
    QTest::newRow("an entry removed") << QStringLiteral("audit[2]") << QJsonValue(QJsonValue::Undefined)
                                      << QStringLiteral("audit[2].seq");
}

void WorkspaceDocumentTest::refusesARecordTheTrailDoesNotTellOf()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, where);
    const QJsonObject document = jsonedit::with(parsed(m_demoDocument), path, value);
    Workspace workspace(newFolder(QStringLiteral("trail-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    try {
        WorkspaceImport(workspace, QStringLiteral("tester")).read(compact(document), QStringLiteral("changed.json"));
        QFAIL("the document was imported");
    } catch (const DocumentRefused &refused) {
        const bool named = std::any_of(refused.problems().begin(), refused.problems().end(),
                                       [&](const DomainError &problem) { return problem.where().startsWith(where); });
        QVERIFY2(named, qPrintable(refused.fullMessage()));
    }
    QCOMPARE(RawConnection(workspace.file()).count(QStringLiteral("audit_entries")), 0);
}

void WorkspaceDocumentTest::mutatedDocumentsAreImportedOrRefusedNeverHalfWritten()
{
    constexpr int kMutations = 3000;
    // A pristine empty workspace, copied for every attempt.
    const QString pristine = newFolder(QStringLiteral("pristine"));
    { Workspace workspace(pristine); }
    QFile pristineFile(Workspace::fileIn(pristine));
    QVERIFY(pristineFile.open(QIODevice::ReadOnly));
    const QByteArray emptyWorkspace = pristineFile.readAll();

    // The samples with their trail (restored), and without it (added).
    const QJsonObject withTrail = parsed(m_samplesDocument);
    const QJsonObject withoutTrail = jsonedit::without(withTrail, QStringLiteral("audit"));
    const QByteArray bytes[] = {m_samplesDocument, compact(withoutTrail)};
    const QJsonObject documents[] = {withTrail, withoutTrail};
    QStringList paths[2];
    collectPaths(withTrail, QString(), paths[0]);
    collectPaths(withoutTrail, QString(), paths[1]);

    QRandomGenerator random(20261123);
    int imported = 0;
    int refused = 0;
    const QString folder = newFolder(QStringLiteral("mutated"));
    QDir().mkpath(folder);
    for (int i = 0; i < kMutations; ++i) {
        const int base = i % 2;
        const QByteArray document = mutated(bytes[base], documents[base], paths[base], random);
        QFile::remove(Workspace::fileIn(folder) + QStringLiteral("-wal"));
        QFile::remove(Workspace::fileIn(folder) + QStringLiteral("-shm"));
        QFile file(Workspace::fileIn(folder));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(emptyWorkspace);
        file.close();

        Workspace workspace(folder, Workspace::Mode::OpenExisting);
        workspace.run(QStringLiteral("PRAGMA synchronous = OFF")); // what is tested here is not durability
        bool wasImported = false;
        try {
            WorkspaceImport(workspace, QStringLiteral("tester")).read(document, QStringLiteral("mutated.json"));
            wasImported = true;
            ++imported;
        } catch (const DocumentRefused &) {
            ++refused;
        } catch (const DomainError &error) {
            QFAIL(qPrintable(QStringLiteral("mutation %1: %2 %3").arg(i).arg(error.code(), error.fullMessage())));
        }
        QSqlQuery check = workspace.run(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        const AuditVerification verification = verifyAuditChain(workspace);
        QVERIFY2(verification.intact, qPrintable(QStringLiteral("mutation %1: %2").arg(i).arg(verification.description())));
        if (!wasImported)
            QCOMPARE(AuditTrail(workspace).count(), 0); // nothing half written
        else
            QVERIFY(AuditTrail(workspace).count() > 0);
    }
    qInfo("%d mutated documents imported, %d refused", imported, refused);
    QVERIFY(imported > 0);
    QVERIFY(refused > kMutations / 2);
}

QTEST_GUILESS_MAIN(WorkspaceDocumentTest)
#include "tst_workspacedocument.moc"
