#include "deadlinemodel.h"
#include "deadlinepanel.h"
#include "deskfixture.h"
#include "desksession.h"
#include "language.h"
#include "userrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace vd;

// The deadline list of the start-up page, on a real demo workspace.
class DeadlineModelTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passesTheModelTesterThroughResetsAndLanguageChanges();
    void rowsFollowTheWatchEarliestFirst();
    void overdueRowsStandOut();
    void countsOverdueAndDueThisWeek();
    void panelAsksForTheCaseOfAnActivatedRow();

private:
    // The officer with the most deadlines on the demo's day.
    User busiestOfficer();

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QDate m_today;
};

void DeadlineModelTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = deskfixture::demoWorkspace(m_dir.path(), 300);
    m_today = deskfixture::demoToday();
    Language::apply(QStringLiteral("en"));
}

User DeadlineModelTest::busiestOfficer()
{
    User busiest;
    qsizetype most = -1;
    for (const User &officer : UserRepository(*m_workspace).withRole(QStringLiteral("secretariat"))) {
        const qsizetype count = DeadlineWatch(*m_workspace).forPerson(officer, m_today, DeadlinePanel::horizonDays).size();
        if (count > most) {
            most = count;
            busiest = officer;
        }
    }
    return busiest;
}

void DeadlineModelTest::passesTheModelTesterThroughResetsAndLanguageChanges()
{
    DeadlineModel model(Scheme::technologyVoucher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<WatchedDeadline> deadlines =
        DeadlineWatch(*m_workspace).forPerson(busiestOfficer(), m_today, DeadlinePanel::horizonDays);
    QVERIFY(!deadlines.isEmpty());
    model.setDeadlines(deadlines, m_today);
    QCOMPARE(model.rowCount(), int(deadlines.size()));
    Language::apply(QStringLiteral("zh_HK"));
    model.retranslate();
    Language::apply(QStringLiteral("en"));
    model.retranslate();
    model.setDeadlines({}, m_today);
    QCOMPARE(model.rowCount(), 0);
    model.setDeadlines(deadlines.mid(0, 1), m_today);
    QCOMPARE(model.rowCount(), 1);
}

void DeadlineModelTest::rowsFollowTheWatchEarliestFirst()
{
    DeadlineModel model(Scheme::technologyVoucher());
    const QList<WatchedDeadline> deadlines =
        DeadlineWatch(*m_workspace).forPerson(busiestOfficer(), m_today, DeadlinePanel::horizonDays);
    model.setDeadlines(deadlines, m_today);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, DeadlineModel::DueColumn);
        QCOMPARE(index.data(DeadlineModel::ApplicationIdRole).toString(), deadlines.at(row).application.id);
        QCOMPARE(index.data(DeadlineModel::DeadlineRole).value<CaseDeadline>(), deadlines.at(row).deadline);
        QCOMPARE(index.data().toString(), QLocale().toString(deadlines.at(row).deadline.dueOn, QLocale::ShortFormat));
        QCOMPARE(model.index(row, DeadlineModel::CaseColumn).data().toString(), deadlines.at(row).application.reference);
        if (row > 0)
            QVERIFY(deadlines.at(row - 1).deadline.dueOn <= deadlines.at(row).deadline.dueOn);
    }
}

void DeadlineModelTest::overdueRowsStandOut()
{
    DeadlineModel model(Scheme::technologyVoucher());
    model.setDeadlines(DeadlineWatch(*m_workspace).forPerson(busiestOfficer(), m_today, DeadlinePanel::horizonDays),
                       m_today);
    int overdue = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex state = model.index(row, DeadlineModel::StateColumn);
        const bool isOverdue = state.data(DeadlineModel::DeadlineRole).value<CaseDeadline>().dueOn < m_today;
        QCOMPARE(state.data(DeadlineModel::OverdueRole).toBool(), isOverdue);
        QCOMPARE(state.data(Qt::BackgroundRole).isValid(), isOverdue);
        QCOMPARE(state.data(Qt::FontRole).value<QFont>().bold(), isOverdue);
        overdue += isOverdue ? 1 : 0;
    }
    QCOMPARE(model.overdueCount(), overdue);
}

void DeadlineModelTest::countsOverdueAndDueThisWeek()
{
    DeadlineModel model(Scheme::technologyVoucher());
    const QList<WatchedDeadline> deadlines =
        DeadlineWatch(*m_workspace).forPerson(busiestOfficer(), m_today, DeadlinePanel::horizonDays);
    model.setDeadlines(deadlines, m_today);
    int overdue = 0;
    int thisWeek = 0;
    for (const WatchedDeadline &item : deadlines) {
        overdue += item.deadline.dueOn < m_today ? 1 : 0;
        thisWeek += item.deadline.dueOn >= m_today && item.deadline.dueOn <= m_today.addDays(7) ? 1 : 0;
    }
    QCOMPARE(model.overdueCount(), overdue);
    QCOMPARE(model.dueWithin(7), thisWeek);
}

void DeadlineModelTest::panelAsksForTheCaseOfAnActivatedRow()
{
    DeskSession session(*m_workspace, busiestOfficer());
    DeadlinePanel panel(session);
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.reloadAsOf(m_today);  // read in the background: the panel asked for today's on its own too
    QTRY_COMPARE(panel.model()->today(), m_today);
    QVERIFY(panel.model()->rowCount() > 0);
    auto *view = panel.findChild<QTreeView *>(QStringLiteral("deadlinesView"));
    QVERIFY(view);
    QCoreApplication::processEvents();  // the view lays its rows out
    QSignalSpy requested(&panel, &DeadlinePanel::caseRequested);
    const QModelIndex first = panel.model()->index(0, DeadlineModel::CaseColumn);
    // A double click as a person makes it: QTest's alone is not seen as one by item views.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.constLast().constFirst().toString(), first.data(DeadlineModel::ApplicationIdRole).toString());

    const QModelIndex last = panel.model()->index(panel.model()->rowCount() - 1, DeadlineModel::DueColumn);
    view->setCurrentIndex(last);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.constLast().constFirst().toString(), last.data(DeadlineModel::ApplicationIdRole).toString());
}

QTEST_MAIN(DeadlineModelTest)
#include "tst_deadlinemodel.moc"
