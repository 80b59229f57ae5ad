// The case view's item models (timeline, clarifications, correspondence)
// over a real demo case, checked by QAbstractItemModelTester through a load,
// a reload and a language switch; and what they show.
#include "casefile.h"
#include "casetimelinemodel.h"
#include "clarificationmodel.h"
#include "correspondencemodel.h"
#include "language.h"

#include "demodesk.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace vd;

namespace {

QDate today()
{
    return HolidayCalendar::hongKong().localDate(QDateTime::currentDateTimeUtc());
}

// A case with clarifications, letters and a long trail.
CaseFile busyCase(Workspace &workspace)
{
    ApplicationRepository applications(workspace);
    for (const ApplicationSummary &summary : applications.list({}, Page{200, 0})) {
        CaseFile file = CaseFile::load(workspace, summary.id, today());
        if (!file.clarifications.isEmpty() && file.correspondence.size() > 2 && file.auditEntries.size() > 5)
            return file;
    }
    qFatal("the demo cohort has no case with clarifications");
    return {};
}

} // namespace

class CaseModelsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void timelinePassesTheModelTester();
    void clarificationsPassTheModelTester();
    void correspondencePassesTheModelTester();
    void overdueRequestsAreMarked_data();
    void overdueRequestsAreMarked();
    void correspondenceIsNewestFirst();

private:
    std::unique_ptr<test::DemoDesk> m_demo;
    CaseFile m_file;
};

void CaseModelsTest::initTestCase()
{
    Language::apply(QStringLiteral("en"));
    m_demo = std::make_unique<test::DemoDesk>();
    m_file = busyCase(m_demo->workspace());
}

void CaseModelsTest::cleanupTestCase()
{
    Language::apply(QStringLiteral("en"));
}

void CaseModelsTest::timelinePassesTheModelTester()
{
    CaseTimelineModel model(Scheme::technologyVoucher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(m_file.auditEntries, m_file.people);
    QCOMPARE(model.rowCount(), int(m_file.auditEntries.size()));
    model.setEntries({}, {});
    QCOMPARE(model.rowCount(), 0);
    model.setEntries(m_file.auditEntries, m_file.people);
    Language::apply(QStringLiteral("zh_HK"));
    model.retranslate();
    Language::apply(QStringLiteral("en"));
    QCOMPARE(model.index(0, 0).data(CaseTimelineModel::AuditEntryRole).value<AuditEntry>().seq,
             m_file.auditEntries.last().seq);
}

void CaseModelsTest::clarificationsPassTheModelTester()
{
    ClarificationModel model(Scheme::technologyVoucher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRequests(m_file.clarifications, m_file.people, today());
    QCOMPARE(model.rowCount(), int(m_file.clarifications.size()));
    model.retranslate();
    model.setRequests({}, {}, today());
    QCOMPARE(model.rowCount(), 0);
}

void CaseModelsTest::correspondencePassesTheModelTester()
{
    CorrespondenceModel model(Scheme::technologyVoucher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(m_file.correspondence, m_file.people);
    QCOMPARE(model.rowCount(), int(m_file.correspondence.size()));
    model.retranslate();
    model.setEntries({}, {});
    QCOMPARE(model.rowCount(), 0);
}

void CaseModelsTest::overdueRequestsAreMarked_data()
{
    QTest::addColumn<int>("dueInDays");
    QTest::addColumn<bool>("answered");
    QTest::addColumn<bool>("overdue");
    QTest::addColumn<QString>("state");

    QTest::newRow("due tomorrow") << 1 << false << false << "Open";
    QTest::newRow("due today") << 0 << false << false << "Open";
    QTest::newRow("due yesterday") << -1 << false << true << "Overdue";
    QTest::newRow("answered after its due date") << -5 << true << false << "Answered";
}

void CaseModelsTest::overdueRequestsAreMarked()
{
    QFETCH(int, dueInDays);
    QFETCH(bool, answered);
    QFETCH(bool, overdue);
    QFETCH(QString, state);
    ClarificationRequest request = m_file.clarifications.first();
    request.dueOn = today().addDays(dueInDays);
    request.answeredAt = answered ? std::optional<QDateTime>(QDateTime::currentDateTimeUtc()) : std::nullopt;
    ClarificationModel model(Scheme::technologyVoucher());
    model.setRequests({request}, m_file.people, today());

    QCOMPARE(model.index(0, 0).data(ClarificationModel::OverdueRole).toBool(), overdue);
    QCOMPARE(model.index(0, ClarificationModel::State).data().toString(), state);
    QCOMPARE(model.index(0, 0).data(Qt::BackgroundRole).isValid(), overdue);
}

void CaseModelsTest::correspondenceIsNewestFirst()
{
    CorrespondenceModel model(Scheme::technologyVoucher());
    model.setEntries(m_file.correspondence, m_file.people);
    for (int row = 1; row < model.rowCount(); ++row) {
        const auto newer = model.index(row - 1, 0).data(CorrespondenceModel::EntryRole).value<CorrespondenceEntry>();
        const auto older = model.index(row, 0).data(CorrespondenceModel::EntryRole).value<CorrespondenceEntry>();
        QVERIFY(newer.at >= older.at);
    }
}

QTEST_MAIN(CaseModelsTest)
#include "tst_casemodels.moc"
