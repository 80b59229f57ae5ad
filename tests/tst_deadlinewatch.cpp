#include "casefile.h"
#include "deadlinewatch.h"
#include "deskfixture.h"
#include "userrepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vd;

// DeadlineWatch against a real demo workspace: whose deadlines, which ones,
// and that they are the ones the case file itself works out.
class DeadlineWatchTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void officersWatchTheCasesAssignedToThem();
    void applicantsWatchTheirEnterprisesCases();
    void rolesWithoutCaseClocksWatchNothing_data();
    void rolesWithoutCaseClocksWatchNothing();
    void onlyRunningClocksWithinTheHorizonAreListed();
    void listedEarliestDueFirst();
    void eachDeadlineIsTheOneItsCaseFileShows();
    void noRunningDeadlineOfAnOfficersCaseIsMissed();

private:
    QList<WatchedDeadline> watchedBy(const QString &role);

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QDate m_today;
    static constexpr int horizon = 30;
};

void DeadlineWatchTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = deskfixture::demoWorkspace(m_dir.path(), 400);
    m_today = deskfixture::demoToday();
}

// Every deadline watched by anyone of the role, all together.
QList<WatchedDeadline> DeadlineWatchTest::watchedBy(const QString &role)
{
    QList<WatchedDeadline> all;
    for (const User &user : UserRepository(*m_workspace).withRole(role))
        all += DeadlineWatch(*m_workspace).forPerson(user, m_today, horizon);
    return all;
}

void DeadlineWatchTest::officersWatchTheCasesAssignedToThem()
{
    int watched = 0;
    for (const User &officer : UserRepository(*m_workspace).withRole(QStringLiteral("secretariat"))) {
        for (const WatchedDeadline &item : DeadlineWatch(*m_workspace).forPerson(officer, m_today, horizon)) {
            QCOMPARE(item.application.caseOfficerId, officer.id);
            ++watched;
        }
    }
    QVERIFY2(watched > 0, "the demo's officers have no deadlines at all");
}

void DeadlineWatchTest::applicantsWatchTheirEnterprisesCases()
{
    int watched = 0;
    for (const User &applicant : UserRepository(*m_workspace).withRole(QStringLiteral("applicant"))) {
        for (const WatchedDeadline &item : DeadlineWatch(*m_workspace).forPerson(applicant, m_today, horizon)) {
            QCOMPARE(item.application.enterpriseId, applicant.enterpriseId);
            ++watched;
        }
    }
    QVERIFY2(watched > 0, "the demo's applicants have no deadlines at all");
}

void DeadlineWatchTest::rolesWithoutCaseClocksWatchNothing_data()
{
    QTest::addColumn<QString>("role");
    for (const char *role : {"committee_member", "committee_chair", "approving_officer", "finance", "auditor",
                             "administrator"})
        QTest::newRow(role) << QString::fromLatin1(role);
}

void DeadlineWatchTest::rolesWithoutCaseClocksWatchNothing()
{
    QFETCH(QString, role);
    User user;
    user.id = QStringLiteral("someone");
    user.role = role;
    QCOMPARE(DeadlineWatch(*m_workspace).forPerson(user, m_today, horizon).size(), 0);
}

void DeadlineWatchTest::onlyRunningClocksWithinTheHorizonAreListed()
{
    const QList<WatchedDeadline> all = watchedBy(QStringLiteral("secretariat")) + watchedBy(QStringLiteral("applicant"));
    QVERIFY(!all.isEmpty());
    for (const WatchedDeadline &item : all) {
        const CaseDeadline &deadline = item.deadline;
        QVERIFY2(deadline.state == QLatin1String("overdue") || deadline.state == QLatin1String("due_soon")
                     || deadline.state == QLatin1String("upcoming"),
                 qPrintable(deadline.state));
        QVERIFY2(deadline.state == QLatin1String("overdue") || deadline.dueOn <= m_today.addDays(horizon),
                 qPrintable(deadline.dueOn.toString(Qt::ISODate)));
        QVERIFY(deadline.kind != QLatin1String("records_retention"));
    }
}

void DeadlineWatchTest::listedEarliestDueFirst()
{
    for (const User &officer : UserRepository(*m_workspace).withRole(QStringLiteral("secretariat"))) {
        const QList<WatchedDeadline> watched = DeadlineWatch(*m_workspace).forPerson(officer, m_today, horizon);
        for (qsizetype i = 1; i < watched.size(); ++i)
            QVERIFY(watched.at(i - 1).deadline.dueOn <= watched.at(i).deadline.dueOn);
    }
}

void DeadlineWatchTest::eachDeadlineIsTheOneItsCaseFileShows()
{
    const QList<WatchedDeadline> all = watchedBy(QStringLiteral("secretariat"));
    QVERIFY(!all.isEmpty());
    for (const WatchedDeadline &item : all) {
        const CaseFile file = CaseFile::load(*m_workspace, item.application.id, m_today);
        QVERIFY2(file.deadlines.contains(item.deadline),
                 qPrintable(item.application.id + u' ' + item.deadline.kind));
        QCOMPARE(item.application.reference, file.application.reference);
    }
}

// The other way round: every case assigned to the officers, read whole.
void DeadlineWatchTest::noRunningDeadlineOfAnOfficersCaseIsMissed()
{
    for (const User &officer : UserRepository(*m_workspace).withRole(QStringLiteral("secretariat"))) {
        QList<CaseDeadline> expected;
        ApplicationFilter filter;
        filter.caseOfficerId = officer.id;
        for (const ApplicationSummary &summary : ApplicationRepository(*m_workspace).list(filter, Page{100000, 0})) {
            for (const CaseDeadline &deadline : CaseFile::load(*m_workspace, summary.id, m_today).deadlines) {
                const bool running = deadline.state == QLatin1String("overdue")
                    || (deadline.state != QLatin1String("met") && deadline.dueOn <= m_today.addDays(horizon));
                if (running && deadline.kind != QLatin1String("records_retention"))
                    expected.append(deadline);
            }
        }
        QList<CaseDeadline> watched;
        for (const WatchedDeadline &item : DeadlineWatch(*m_workspace).forPerson(officer, m_today, horizon))
            watched.append(item.deadline);
        QCOMPARE(watched.size(), expected.size());
        for (const CaseDeadline &deadline : std::as_const(expected))
            QVERIFY(watched.contains(deadline));
    }
}

QTEST_GUILESS_MAIN(DeadlineWatchTest)
#include "tst_deadlinewatch.moc"
