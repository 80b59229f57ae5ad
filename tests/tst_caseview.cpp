// CaseView: one case on a real demo workspace, offscreen: workflow actions
// enabled by role and status (and why not), running one, clarifications
// asked and answered, the audit timeline, and switching language.
#include "audittrail.h"
#include "casefile.h"
#include "casetimelinemodel.h"
#include "casetransitions.h"
#include "caseview.h"
#include "clarificationmodel.h"
#include "clarifications.h"
#include "caseworkrepository.h"
#include "desksession.h"
#include "language.h"
#include "workflow.h"

#include "demodesk.h"

#include <QAction>
#include <QApplication>
#include <QDateEdit>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace vd;

namespace {

QDate today()
{
    return HolidayCalendar::hongKong().localDate(QDateTime::currentDateTimeUtc());
}

template <typename Widget>
Widget *part(const QWidget &view, const char *name)
{
    auto *found = view.findChild<Widget *>(QString::fromLatin1(name));
    if (!found)
        qFatal("the case view has no such part");
    return found;
}

// Shows the view at a desk's size on one of its tabs, as a person would click it.
void showOn(QWidget &view, const char *tab)
{
    auto *tabs = part<QTabWidget>(view, "tabs");
    tabs->setCurrentWidget(part<QWidget>(view, tab));
    view.resize(1100, 800);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        qFatal("the case view was not shown");
}

QString text(const QWidget &view, const char *label)
{
    return part<QLabel>(view, label)->text();
}

} // namespace

class CaseViewTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void actionIsDisabledWithTheWorkflowsReason_data();
    void actionIsDisabledWithTheWorkflowsReason();
    void allowedActionChangesTheStatusAndWritesAudit();
    void refusedActionShowsItsReasonAndWritesNothing();
    void actionNeedingAReasonAsksForIt();
    void invalidClarificationShowsWhyAndSavesNothing_data();
    void invalidClarificationShowsWhyAndSavesNothing();
    void clarificationIsSavedWithTheSchemesDueDate();
    void applicantAnswersItsOpenRequest();
    void applicantIsRefusedAfterTheDueDate();
    void timelineListsTheCasesAuditEntriesByName();
    void languageSwitchRenamesStatusAndActions();
    void reloadsWhenTheSessionSaysTheCaseChanged();
    void officerTicksTheChecklistAndTheTickIsAudited();
    void checklistIsReadOnlyForOtherRoles();
    void applicantCannotOpenAnotherEnterprisesCase();
    void controlPageKeysGoThroughTheVisibleTabs();
    void rendersEachTabInEachLanguage_data();
    void rendersEachTabInEachLanguage();

private:
    // Tests that change a case take one no other test uses: index 0 of a status is for looking only.
    Application needCase(const char *status, int index = 0)
    {
        return test::caseIn(*m_workspace, QString::fromLatin1(status), index);
    }

    std::unique_ptr<test::DemoDesk> m_demo;
    Workspace *m_workspace = nullptr;
};

void CaseViewTest::initTestCase()
{
    m_demo = std::make_unique<test::DemoDesk>();
    m_workspace = &m_demo->workspace();
}

void CaseViewTest::init()
{
    Language::apply(QStringLiteral("en"));
}

void CaseViewTest::actionIsDisabledWithTheWorkflowsReason_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("refusalCode");

    QTest::newRow("secretariat may not approve") << "supported" << "secretariat" << "approve" << "ROLE_NOT_PERMITTED";
    QTest::newRow("approving officer may not screen") << "submitted" << "approving_officer" << "start_screening"
                                                      << "ROLE_NOT_PERMITTED";
    QTest::newRow("not from this status") << "screening" << "secretariat" << "approve"
                                          << "ACTION_NOT_AVAILABLE_IN_STATUS";
    QTest::newRow("closed case") << "withdrawn" << "secretariat" << "start_screening" << "STATUS_IS_TERMINAL";
}

void CaseViewTest::actionIsDisabledWithTheWorkflowsReason()
{
    QFETCH(QString, status);
    QFETCH(QString, role);
    QFETCH(QString, action);
    QFETCH(QString, refusalCode);
    const Application application = needCase(status.toLatin1().constData());
    DeskSession session(*m_workspace, test::staff(*m_workspace, role));
    CaseView view(session, application.id);

    const TransitionDecision decision = Workflow::technologyVoucher().decide(status, action, role);
    QCOMPARE(decision.refusalCode, refusalCode);
    QAction *entry = view.workflowAction(action);
    QVERIFY(entry);
    QCOMPARE(entry->isEnabled(), false);
    QCOMPARE(entry->toolTip(), decision.reason(QLocale()));
    QCOMPARE(entry->statusTip(), decision.reason(QLocale()));
    QCOMPARE(entry->toolTip().isEmpty(), false);
}

void CaseViewTest::allowedActionChangesTheStatusAndWritesAudit()
{
    const Application application = needCase("submitted", 1);
    DeskSession session(*m_workspace, test::staff(*m_workspace, QStringLiteral("secretariat")));
    CaseView view(session, application.id);
    QSignalSpy announced(&session, &DeskSession::caseChanged);
    const qint64 entriesBefore = AuditTrail(*m_workspace).count();

    showOn(view, "historyTab");
    auto *button = view.findChild<QPushButton *>(QStringLiteral("button_start_screening"));
    QVERIFY(button);
    QCOMPARE(button->isEnabled(), true);
    QTest::mouseClick(button, Qt::LeftButton);

    QCOMPARE(findCase(*m_workspace, application.id)->status, QStringLiteral("screening"));
    QVERIFY(AuditTrail(*m_workspace).count() > entriesBefore);
    QCOMPARE(AuditTrail(*m_workspace).last()->action, QStringLiteral("start_screening"));
    QCOMPARE(announced.count(), 1);
    QCOMPARE(announced.first().first().toString(), application.id);
    QCOMPARE(text(view, "statusValue"), Scheme::technologyVoucher().statuses().nameOf(QStringLiteral("screening"), QLocale()));
    QCOMPARE(view.workflowAction(QStringLiteral("start_screening"))->isEnabled(), false);
}

void CaseViewTest::refusedActionShowsItsReasonAndWritesNothing()
{
    // An action that needs a reason, run without one, is refused by the store.
    const Application application = needCase("screening", 1);
    DeskSession session(*m_workspace, test::staff(*m_workspace, QStringLiteral("secretariat")));
    CaseView view(session, application.id);
    const qint64 entriesBefore = AuditTrail(*m_workspace).count();

    QCOMPARE(view.runAction(QStringLiteral("return_ineligible")), false); // it needs a reason

    QCOMPARE(AuditTrail(*m_workspace).count(), entriesBefore);
    QCOMPARE(findCase(*m_workspace, application.id)->status, QStringLiteral("screening"));
    auto *message = part<QLabel>(view, "messageLabel");
    QCOMPARE(message->isHidden(), false);
    const TransitionDecision decision =
        Workflow::technologyVoucher().decide(QStringLiteral("screening"), QStringLiteral("return_ineligible"),
                                             QStringLiteral("secretariat"));
    QVERIFY2(message->text().contains(decision.reason(QLocale())), qPrintable(message->text()));
}

void CaseViewTest::actionNeedingAReasonAsksForIt()
{
    const Application application = needCase("clarification_requested", 1);
    DeskSession session(*m_workspace, test::staff(*m_workspace, QStringLiteral("secretariat")));
    CaseView view(session, application.id);
    showOn(view, "historyTab");
    const QString reason = QStringLiteral("The applicant is a listed company.");
    // The reason is asked for in a modal dialog: answer it once it is up.
    QTimer::singleShot(0, &view, [&reason] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setTextValue(reason);
        dialog->accept();
    });

    view.workflowAction(QStringLiteral("return_ineligible"))->trigger();

    QCOMPARE(findCase(*m_workspace, application.id)->status, QStringLiteral("returned"));
    QCOMPARE(ApplicationRepository(*m_workspace).statusChanges(application.id).last().reason, reason);
}

void CaseViewTest::invalidClarificationShowsWhyAndSavesNothing_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<int>("dueInDays");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty question") << "   " << 10 << "write the question the applicant is to answer.";
    QTest::newRow("due yesterday") << "Please send the third quotation." << -1
                                   << "the due date must be after today: give the applicant time to answer.";
    QTest::newRow("due today") << "Please send the third quotation." << 0
                               << "the due date must be after today: give the applicant time to answer.";
}

void CaseViewTest::invalidClarificationShowsWhyAndSavesNothing()
{
    QFETCH(QString, question);
    QFETCH(int, dueInDays);
    QFETCH(QString, message);
    const Application application = needCase("screening", 2);
    DeskSession session(*m_workspace, test::staff(*m_workspace, QStringLiteral("secretariat")));
    CaseView view(session, application.id);
    const qsizetype requestsBefore =
        CaseworkRepository(*m_workspace).forApplication<ClarificationRequest>(application.id).size();
    const qint64 entriesBefore = AuditTrail(*m_workspace).count();

    showOn(view, "clarificationsTab");
    part<QPlainTextEdit>(view, "questionEdit")->setPlainText(question);
    part<QDateEdit>(view, "dueDateEdit")->setDate(today().addDays(dueInDays));
    QTest::mouseClick(part<QPushButton>(view, "sendButton"), Qt::LeftButton);

    QCOMPARE(text(view, "composeMessage"), message);
    QCOMPARE(CaseworkRepository(*m_workspace).forApplication<ClarificationRequest>(application.id).size(), requestsBefore);
    QCOMPARE(AuditTrail(*m_workspace).count(), entriesBefore);
}

void CaseViewTest::clarificationIsSavedWithTheSchemesDueDate()
{
    const Application application = needCase("screening", 3);
    DeskSession session(*m_workspace, test::staff(*m_workspace, QStringLiteral("secretariat")));
    CaseView view(session, application.id);
    const QDate expectedDue = DeadlinePolicy::technologyVoucher().clarificationDueDate(today());
    QCOMPARE(part<QDateEdit>(view, "dueDateEdit")->date(), expectedDue);
    showOn(view, "clarificationsTab");

    part<QPlainTextEdit>(view, "questionEdit")->setPlainText(QStringLiteral("Please send the third quotation."));
    QTest::mouseClick(part<QPushButton>(view, "sendButton"), Qt::LeftButton);

    const QList<ClarificationRequest> requests =
        CaseworkRepository(*m_workspace).forApplication<ClarificationRequest>(application.id);
    QVERIFY(!requests.isEmpty());
    const ClarificationRequest &asked = requests.last();
    QCOMPARE(asked.question, QStringLiteral("Please send the third quotation."));
    QCOMPARE(asked.dueOn, expectedDue);
    const auto *table = part<QTableView>(view, "clarificationTable");
    QCOMPARE(table->model()->rowCount(), int(requests.size()));
    QCOMPARE(part<QPlainTextEdit>(view, "questionEdit")->toPlainText(), QString());
}

void CaseViewTest::applicantAnswersItsOpenRequest()
{
    const Application application = needCase("screening", 4);
    Clarifications(*m_workspace)
        .ask(test::staff(*m_workspace, QStringLiteral("secretariat")), application.id,
             QStringLiteral("How many shops will use the system?"), today().addDays(5));
    DeskSession session(*m_workspace, test::applicantOf(*m_workspace, application));
    CaseView view(session, application.id);
    showOn(view, "clarificationsTab");
    QCOMPARE(part<QWidget>(view, "composeBox")->isHidden(), true);
    QCOMPARE(part<QWidget>(view, "answerBox")->isHidden(), false);
    const auto *table = part<QTableView>(view, "clarificationTable");
    QCOMPARE(table->currentIndex().data(ClarificationModel::ClarificationRole).value<ClarificationRequest>().question,
             QStringLiteral("How many shops will use the system?"));

    part<QPlainTextEdit>(view, "answerEdit")->setPlainText(QStringLiteral("Three shops, in Mong Kok."));
    QTest::mouseClick(part<QPushButton>(view, "answerButton"), Qt::LeftButton);

    const ClarificationRequest answered =
        CaseworkRepository(*m_workspace).forApplication<ClarificationRequest>(application.id).last();
    QCOMPARE(answered.answer, QStringLiteral("Three shops, in Mong Kok."));
    QCOMPARE(answered.answeredBy, session.user().id);
    QCOMPARE(text(view, "answerMessage"), QStringLiteral("Your answer has been sent to the secretariat."));
    const CorrespondenceEntry reply =
        CaseworkRepository(*m_workspace).forApplication<CorrespondenceEntry>(application.id).last();
    QCOMPARE(reply.direction, QStringLiteral("incoming"));
    QCOMPARE(reply.clarificationId, answered.id);
}

void CaseViewTest::applicantIsRefusedAfterTheDueDate()
{
    const Application application = needCase("screening", 5);
    Clarifications asking(*m_workspace);
    asking.setTime(QDateTime::currentDateTimeUtc().addDays(-20));
    const ClarificationRequest request = asking.ask(test::staff(*m_workspace, QStringLiteral("secretariat")),
                                                    application.id, QStringLiteral("Which supplier?"),
                                                    today().addDays(-3));
    DeskSession session(*m_workspace, test::applicantOf(*m_workspace, application));
    CaseView view(session, application.id);
    showOn(view, "clarificationsTab");
    auto *table = part<QTableView>(view, "clarificationTable");
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (index.data(ClarificationModel::ClarificationRole).value<ClarificationRequest>().id == request.id)
            table->setCurrentIndex(index);
    }
    QCOMPARE(table->currentIndex().data(ClarificationModel::OverdueRole).toBool(), true);

    part<QPlainTextEdit>(view, "answerEdit")->setPlainText(QStringLiteral("Supplier B."));
    QTest::mouseClick(part<QPushButton>(view, "answerButton"), Qt::LeftButton);

    QVERIFY2(text(view, "answerMessage").contains(QStringLiteral("can no longer be given here")),
             qPrintable(text(view, "answerMessage")));
    QCOMPARE(CaseworkRepository(*m_workspace).find<ClarificationRequest>(request.id)->answeredAt.has_value(), false);
}

void CaseViewTest::timelineListsTheCasesAuditEntriesByName()
{
    const Application application = needCase("approved");
    DeskSession session(*m_workspace, test::staff(*m_workspace, QStringLiteral("auditor")));
    CaseView view(session, application.id);
    const CaseFile file = CaseFile::load(*m_workspace, application.id, today());
    const QAbstractItemModel *timeline = part<QTableView>(view, "historyTable")->model();

    QCOMPARE(timeline->rowCount(), int(file.auditEntries.size()));
    QVERIFY(timeline->rowCount() > 3);
    const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-"));
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const auto entry = timeline->index(row, 0).data(CaseTimelineModel::AuditEntryRole).value<AuditEntry>();
        QCOMPARE(entry.seq, file.auditEntries.at(file.auditEntries.size() - 1 - row).seq); // newest first
        const QString who = timeline->index(row, CaseTimelineModel::Who).data().toString();
        QCOMPARE(who, file.people.value(entry.actorId).displayName.in(QLocale()));
        for (int column = 0; column < CaseTimelineModel::ColumnCount; ++column) {
            const QString shown = timeline->index(row, column).data().toString();
            QVERIFY2(!uuid.match(shown).hasMatch(), qPrintable(shown));
        }
    }
}

void CaseViewTest::languageSwitchRenamesStatusAndActions()
{
    const Application application = needCase("screening");
    DeskSession session(*m_workspace, test::staff(*m_workspace, QStringLiteral("secretariat")));
    CaseView view(session, application.id);
    const Scheme &scheme = Scheme::technologyVoucher();
    const QString english = scheme.statuses().find(QStringLiteral("screening"))->name.en;
    QCOMPARE(text(view, "statusValue"), english);

    Language::apply(QStringLiteral("zh_HK"));
    QCoreApplication::processEvents();

    const QString chinese = scheme.statuses().find(QStringLiteral("screening"))->name.zhHK;
    QTRY_COMPARE(text(view, "statusValue"), chinese);
    QCOMPARE(view.workflowAction(QStringLiteral("refer_to_committee"))->text(),
             scheme.actions().find(QStringLiteral("refer_to_committee"))->name.zhHK);
    auto *button = view.findChild<QPushButton *>(QStringLiteral("button_refer_to_committee"));
    QVERIFY(button);
    QCOMPARE(button->text(), scheme.actions().find(QStringLiteral("refer_to_committee"))->name.zhHK);
    QCOMPARE(view.workflowAction(QStringLiteral("approve"))->toolTip(),
             Workflow::technologyVoucher()
                 .decide(QStringLiteral("screening"), QStringLiteral("approve"), QStringLiteral("secretariat"))
                 .reason(QLocale()));
}

void CaseViewTest::reloadsWhenTheSessionSaysTheCaseChanged()
{
    const Application application = needCase("submitted", 2);
    const User officer = test::staff(*m_workspace, QStringLiteral("secretariat"));
    DeskSession session(*m_workspace, officer);
    CaseView view(session, application.id);

    // Another window of the desk moves the case on.
    TransitionRequest request{application.reference, QStringLiteral("start_screening"), officer.username, {}, {}};
    QVERIFY(CaseTransitions(*m_workspace).apply(request).applied);
    QCOMPARE(text(view, "statusValue"), Scheme::technologyVoucher().statuses().nameOf(QStringLiteral("submitted"), QLocale()));
    session.announceCaseChanged(application.id);

    QCOMPARE(text(view, "statusValue"), Scheme::technologyVoucher().statuses().nameOf(QStringLiteral("screening"), QLocale()));
}

void CaseViewTest::officerTicksTheChecklistAndTheTickIsAudited()
{
    const Application application = needCase("screening", 6);
    const User officer = test::staff(*m_workspace, QStringLiteral("secretariat"));
    DeskSession session(*m_workspace, officer);
    CaseView view(session, application.id);
    auto *checklist = part<QTreeWidget>(view, "checklistTree");
    QTreeWidgetItem *notListed = nullptr;
    for (int row = 0; row < checklist->topLevelItemCount(); ++row) {
        if (checklist->topLevelItem(row)->data(0, Qt::UserRole).toString() == QLatin1String("not_listed"))
            notListed = checklist->topLevelItem(row);
    }
    QVERIFY(notListed);
    QCOMPARE(notListed->checkState(0), Qt::Unchecked);

    notListed->setCheckState(0, Qt::Checked);
    QTRY_COMPARE(CaseworkRepository(*m_workspace).forApplication<EligibilityCheck>(application.id).size(), 1);

    const EligibilityCheck check = CaseworkRepository(*m_workspace).forApplication<EligibilityCheck>(application.id).first();
    QCOMPARE(check.item, QStringLiteral("not_listed"));
    QCOMPARE(check.confirmed, true);
    QCOMPARE(AuditTrail(*m_workspace).forEntity(check.id).size(), 1);
    QTRY_COMPARE(checklist->topLevelItem(1)->text(1), officer.displayName.in(QLocale()));
    QCOMPARE(checklist->topLevelItem(1)->checkState(0), Qt::Checked);
}

void CaseViewTest::checklistIsReadOnlyForOtherRoles()
{
    const Application application = needCase("screening");
    DeskSession session(*m_workspace, test::staff(*m_workspace, QStringLiteral("auditor")));
    CaseView view(session, application.id);
    auto *checklist = part<QTreeWidget>(view, "checklistTree");
    QCOMPARE(checklist->topLevelItemCount(), int(Scheme::technologyVoucher().eligibilityChecks().terms().size()));
    for (int row = 0; row < checklist->topLevelItemCount(); ++row)
        QCOMPARE(checklist->topLevelItem(row)->flags().testFlag(Qt::ItemIsUserCheckable), false);
}

void CaseViewTest::applicantCannotOpenAnotherEnterprisesCase()
{
    const Application own = needCase("clarification_requested");
    const Application other = needCase("screening");
    DeskSession session(*m_workspace, test::applicantOf(*m_workspace, own));
    CaseView view(session, other.id);

    QCOMPARE(text(view, "messageLabel"),
             QStringLiteral("This case is another enterprise's application: you can open only your own enterprise's cases."));
    QCOMPARE(text(view, "referenceValue"), QString());
    QCOMPARE(text(view, "titleValue"), QString());
    QCOMPARE(part<QWidget>(view, "tabs")->isEnabled(), false);
    QCOMPARE(part<QWidget>(view, "allActionsButton")->isEnabled(), false);
}

void CaseViewTest::controlPageKeysGoThroughTheVisibleTabs()
{
    const Application application = needCase("clarification_requested");
    DeskSession session(*m_workspace, test::applicantOf(*m_workspace, application));
    CaseView view(session, application.id);
    showOn(view, "clarificationsTab");
    auto *tabs = part<QTabWidget>(view, "tabs");
    part<QWidget>(view, "clarificationTable")->setFocus();

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("correspondenceTab"));
    // The applicant's own case has no eligibility or history tab: on to its signatures, then round.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("signaturesTab"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("clarificationsTab"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("signaturesTab"));
}

void CaseViewTest::rendersEachTabInEachLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("role");
    for (const char *language : {"en", "zh_HK"}) {
        for (const char *role : {"secretariat", "applicant"})
            QTest::addRow("%s %s", language, role) << QString::fromLatin1(language) << QString::fromLatin1(role);
    }
}

// Every tab painted at the desk's usual size, with each header value filled
// in; set VD_SCREENSHOTS to a folder to keep the pictures for a person to look at.
void CaseViewTest::rendersEachTabInEachLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, role);
    Language::apply(language);
    const Application application = needCase("clarification_requested");
    const User user = role == QLatin1String("applicant") ? test::applicantOf(*m_workspace, application)
                                                         : test::staff(*m_workspace, role);
    DeskSession session(*m_workspace, user);
    CaseView view(session, application.id);
    showOn(view, "historyTab");
    for (const char *value : {"referenceValue", "statusValue", "titleValue", "enterpriseValue", "officerValue",
                              "submittedValue", "totalCostValue", "grantValue", "deadlinesValue"})
        QVERIFY2(!text(view, value).isEmpty(), value);

    auto *tabs = part<QTabWidget>(view, "tabs");
    const QString folder = qEnvironmentVariable("VD_SCREENSHOTS");
    for (int tab = 0; tab < tabs->count(); ++tab) {
        if (!tabs->isTabVisible(tab))
            continue;
        tabs->setCurrentIndex(tab);
        const QPixmap picture = view.grab();
        QCOMPARE(picture.isNull(), false);
        if (!folder.isEmpty())
            picture.save(QStringLiteral("%1/caseview-%2-%3-%4.png").arg(folder, language, role, tabs->currentWidget()->objectName()));
    }
}

QTEST_MAIN(CaseViewTest)
#include "tst_caseview.moc"
