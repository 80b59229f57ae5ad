// EligibilityChecklist: the scheme's items for a case, ticked and unticked
// by the secretariat on a real demo workspace, one record per item with
// every change audited; refused for other roles and unknown items.
#include "audittrail.h"
#include "domainerror.h"
#include "eligibilitychecklist.h"
#include "language.h"

#include "demodesk.h"

#include <QTest>

using namespace vd;

class EligibilityChecklistTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsEverySchemeItemUncheckedAtFirst();
    void tickAndUntickKeepOneRecordAndAuditBoth();
    void refuses_data();
    void refuses();

private:
    std::unique_ptr<test::DemoDesk> m_demo;
    Workspace *m_workspace = nullptr;
};

void EligibilityChecklistTest::initTestCase()
{
    Language::apply(QStringLiteral("en"));
    m_demo = std::make_unique<test::DemoDesk>();
    m_workspace = &m_demo->workspace();
}

void EligibilityChecklistTest::listsEverySchemeItemUncheckedAtFirst()
{
    const Application screened = test::caseIn(*m_workspace, QStringLiteral("screening"), 0);
    const QList<EligibilityCheck> checklist = EligibilityChecklist(*m_workspace).forApplication(screened.id);
    QStringList items;
    for (const EligibilityCheck &check : checklist) {
        items << check.item;
        QCOMPARE(check.confirmed, false);
        QCOMPARE(check.id, QString());
    }
    QCOMPARE(items, Scheme::technologyVoucher().eligibilityChecks().ids());
    QCOMPARE(items.contains(QStringLiteral("not_listed")), true);
}

void EligibilityChecklistTest::tickAndUntickKeepOneRecordAndAuditBoth()
{
    const Application screened = test::caseIn(*m_workspace, QStringLiteral("screening"), 1);
    const User officer = test::staff(*m_workspace, QStringLiteral("secretariat"));
    EligibilityChecklist checklist(*m_workspace);
    const EligibilityCheck ticked = checklist.record(officer, screened.id, QStringLiteral("not_listed"), true,
                                                     QStringLiteral("HKEX list searched"));
    const EligibilityCheck unticked = checklist.record(officer, screened.id, QStringLiteral("not_listed"), false);

    QCOMPARE(unticked.id, ticked.id);
    const QList<AuditEntry> trail = AuditTrail(*m_workspace).forEntity(ticked.id);
    QCOMPARE(trail.size(), 2);
    QCOMPARE(trail.at(0).action, QStringLiteral("confirm_eligibility"));
    QCOMPARE(trail.at(1).action, QStringLiteral("withdraw_eligibility"));
    QCOMPARE(trail.at(1).actorId, officer.id);
    for (const EligibilityCheck &check : checklist.forApplication(screened.id)) {
        if (check.item == QLatin1String("not_listed")) {
            QCOMPARE(check.confirmed, false);
            QCOMPARE(check.revision, 2);
        }
    }
}

void EligibilityChecklistTest::refuses_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("item");
    QTest::addColumn<bool>("knownCase");
    QTest::addColumn<QString>("code");

    QTest::newRow("the auditor") << "auditor" << "not_listed" << true << "ROLE_NOT_PERMITTED";
    QTest::newRow("an unknown item") << "secretariat" << "likes_cats" << true << "UNKNOWN_ITEM";
    QTest::newRow("an unknown case") << "secretariat" << "not_listed" << false << "NOT_FOUND";
}

void EligibilityChecklistTest::refuses()
{
    QFETCH(QString, role);
    QFETCH(QString, item);
    QFETCH(bool, knownCase);
    QFETCH(QString, code);
    const Application screened = test::caseIn(*m_workspace, QStringLiteral("screening"), 2);
    const qint64 entriesBefore = AuditTrail(*m_workspace).count();
    try {
        EligibilityChecklist(*m_workspace)
            .record(test::staff(*m_workspace, role), knownCase ? screened.id : QStringLiteral("no-such-case"), item, true);
        QFAIL("the tick was recorded");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), code);
    }
    QCOMPARE(AuditTrail(*m_workspace).count(), entriesBefore);
}

QTEST_MAIN(EligibilityChecklistTest)
#include "tst_eligibilitychecklist.moc"
