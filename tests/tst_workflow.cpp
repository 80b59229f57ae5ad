#include "domainerror.h"
#include "scheme.h"
#include "workflow.h"

#include <QSet>
#include <QTest>

using vd::TransitionDecision;
using vd::Workflow;

namespace {

// The life of an application (DOMAIN.md) as the Technology Voucher scheme
// should allow it, written out independently of the scheme data: every
// (status, action) pair that is possible, who may take it and where it leads.
// Any triple not listed here must be refused.
struct Transition
{
    const char *status;
    const char *action;
    QStringList roles;
    const char *target;
};

const QList<Transition> &expectedTransitions()
{
    static const QStringList applicant{QStringLiteral("applicant")};
    static const QStringList secretariat{QStringLiteral("secretariat")};
    static const QStringList chair{QStringLiteral("committee_chair")};
    static const QStringList approver{QStringLiteral("approving_officer")};
    static const QStringList terminators{QStringLiteral("secretariat"), QStringLiteral("approving_officer")};
    static const QList<Transition> table{
        {"draft",                   "submit",                           applicant,   "submitted"},
        {"submitted",               "withdraw",                         applicant,   "withdrawn"},
        {"submitted",               "start_screening",                  secretariat, "screening"},
        {"submitted",               "return_ineligible",                secretariat, "returned"},
        {"screening",               "withdraw",                         applicant,   "withdrawn"},
        {"screening",               "request_clarification",            secretariat, "clarification_requested"},
        {"screening",               "return_ineligible",                secretariat, "returned"},
        {"screening",               "refer_to_committee",               secretariat, "committee_assessment"},
        {"clarification_requested", "withdraw",                         applicant,   "withdrawn"},
        {"clarification_requested", "answer_clarification",             applicant,   "screening"},
        {"clarification_requested", "resume_screening",                 secretariat, "screening"},
        {"clarification_requested", "return_ineligible",                secretariat, "returned"},
        {"clarification_requested", "mark_not_processed",               secretariat, "not_processed"},
        {"committee_assessment",    "withdraw",                         applicant,   "withdrawn"},
        {"committee_assessment",    "record_supported",                 chair,       "supported"},
        {"committee_assessment",    "record_supported_with_conditions", chair,       "supported"},
        {"committee_assessment",    "defer_for_clarification",
         {QStringLiteral("committee_chair"), QStringLiteral("secretariat")},         "clarification_requested"},
        {"committee_assessment",    "record_not_supported",             chair,       "not_supported"},
        {"supported",               "withdraw",                         applicant,   "withdrawn"},
        {"supported",               "approve",                          approver,    "approved"},
        {"supported",               "refer_back_to_committee",          approver,    "committee_assessment"},
        {"approved",                "withdraw",                         applicant,   "withdrawn"},
        {"approved",                "issue_agreement",                  secretariat, "agreement_pending"},
        {"approved",                "terminate",                        terminators, "terminated"},
        {"agreement_pending",       "withdraw",                         applicant,   "withdrawn"},
        {"agreement_pending",       "sign_agreement",                   applicant,   "agreement_signed"},
        {"agreement_pending",       "terminate",                        terminators, "terminated"},
        {"agreement_signed",        "start_project",                    secretariat, "in_progress"},
        {"agreement_signed",        "terminate",                        terminators, "terminated"},
        {"in_progress",             "complete_project",
         {QStringLiteral("applicant"), QStringLiteral("secretariat")},               "completed"},
        {"in_progress",             "terminate",                        terminators, "terminated"},
        {"completed",               "submit_final_report",              applicant,   "final_report_submitted"},
        {"completed",               "terminate",                        terminators, "terminated"},
        {"final_report_submitted",  "return_final_report",              secretariat, "completed"},
        {"final_report_submitted",  "accept_final_report",
         {QStringLiteral("committee_chair"), QStringLiteral("secretariat")},         "final_report_accepted"},
        {"final_report_submitted",  "terminate",                        terminators, "terminated"},
        {"final_report_accepted",   "close",                            secretariat, "closed"},
        {"final_report_accepted",   "terminate",                        terminators, "terminated"},
    };
    return table;
}

const QStringList terminalStatuses{QStringLiteral("returned"), QStringLiteral("withdrawn"), QStringLiteral("not_processed"),
                                   QStringLiteral("not_supported"), QStringLiteral("closed"), QStringLiteral("terminated")};

const QStringList reasonRequiredActions{
    QStringLiteral("resume_screening"), QStringLiteral("return_ineligible"), QStringLiteral("mark_not_processed"),
    QStringLiteral("record_supported_with_conditions"), QStringLiteral("defer_for_clarification"),
    QStringLiteral("record_not_supported"), QStringLiteral("refer_back_to_committee"),
    QStringLiteral("return_final_report"), QStringLiteral("terminate")};

const Transition *findExpected(const QString &status, const QString &action)
{
    for (const Transition &transition : expectedTransitions()) {
        if (status == QLatin1String(transition.status) && action == QLatin1String(transition.action))
            return &transition;
    }
    return nullptr;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList strings;
    for (const char *item : items)
        strings.append(QString::fromUtf8(item));
    return strings;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

const QLocale english(QLocale::English, QLocale::UnitedKingdom);
const QLocale traditional(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong);
const QLocale simplified(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);

// A small scheme with a valid three-status workflow; a test row replaces
// its statuses or actions to break one rule at a time.
QByteArray smallScheme(const QByteArray &statuses, const QByteArray &actions)
{
    return R"({"format":"voucherdesk.scheme/1","id":"T","name":{"en":"T","zh_HK":"T","zh_CN":"T"},"reference_prefix":"T",
"entity_types":[],"budget_categories":[],"solution_categories":[],"sectors":[],"review_criteria":[],
"roles":[{"id":"applicant","name":{"en":"Applicant","zh_HK":"申請人","zh_CN":"申请人"}},
         {"id":"officer","name":{"en":"Officer","zh_HK":"主任","zh_CN":"主任"}}],
"statuses":)" + statuses + R"(,"actions":)" + actions + R"(,"rules":{},"deadlines":{}})";
}

QByteArray status(const char *id, const char *flags = "")
{
    return QByteArray(R"({"id":")") + id + R"(",)" + flags + R"("name":{"en":")" + id + R"(","zh_HK":"x","zh_CN":"x"}})";
}

QByteArray action(const char *id, const char *from, const char *to, const char *roles)
{
    return QByteArray(R"({"id":")") + id + R"(","from":)" + from + R"(,"to":")" + to + R"(","roles":)" + roles
        + R"(,"name":{"en":")" + id + R"(","zh_HK":"x","zh_CN":"x"}})";
}

const QByteArray goodStatuses = '[' + status("draft", R"("initial":true,)") + ',' + status("open") + ','
    + status("done", R"("terminal":true,)") + ']';
const QByteArray submit = action("submit", R"(["draft"])", "open", R"(["applicant"])");
const QByteArray finish = action("finish", R"(["open"])", "done", R"(["officer"])");

} // namespace

class WorkflowTest : public QObject
{
    Q_OBJECT

private slots:
    void hasEveryStatusOfTheAssessFormat();
    void hasExactlyTheTabledStatusesActionsAndRoles();
    void marksTheTerminalStatuses();
    void decidesEveryStatusActionAndRole_data();
    void decidesEveryStatusActionAndRole();
    void requiresAReasonWhereTheSchemeSaysSo_data();
    void requiresAReasonWhereTheSchemeSaysSo();
    void refusesUnknownNamesFirst_data();
    void refusesUnknownNamesFirst();
    void listsTheActionsOfAStatus_data();
    void listsTheActionsOfAStatus();
    void explainsRefusalsInTheLanguageOfTheLocale_data();
    void explainsRefusalsInTheLanguageOfTheLocale();
    void givesNoReasonWhenAllowed();
    void refusesABadWorkflow_data();
    void refusesABadWorkflow();
    void acceptsTheSmallValidWorkflow();
};

void WorkflowTest::hasEveryStatusOfTheAssessFormat()
{
    // formats/assess.md: the history `status` vocabulary.
    const QStringList assessStatuses{
        QStringLiteral("draft"), QStringLiteral("submitted"), QStringLiteral("screening"),
        QStringLiteral("clarification_requested"), QStringLiteral("returned"), QStringLiteral("withdrawn"),
        QStringLiteral("not_processed"), QStringLiteral("committee_assessment"), QStringLiteral("not_supported"),
        QStringLiteral("supported"), QStringLiteral("approved"), QStringLiteral("agreement_pending"),
        QStringLiteral("agreement_signed"), QStringLiteral("in_progress"), QStringLiteral("completed"),
        QStringLiteral("final_report_submitted"), QStringLiteral("final_report_accepted"), QStringLiteral("closed"),
        QStringLiteral("terminated")};
    const QStringList statuses = Workflow::technologyVoucher().statuses();
    for (const QString &status : assessStatuses)
        QVERIFY2(statuses.contains(status), qPrintable(status));
    QCOMPARE(Workflow::technologyVoucher().initialStatus(), QStringLiteral("draft"));
}

void WorkflowTest::hasExactlyTheTabledStatusesActionsAndRoles()
{
    // The triple test below is generated from the scheme; these comparisons
    // make sure the scheme has not grown anything the table does not cover.
    const Workflow &workflow = Workflow::technologyVoucher();
    QSet<QString> tabledStatuses(terminalStatuses.begin(), terminalStatuses.end());
    QSet<QString> tabledActions;
    for (const Transition &transition : expectedTransitions()) {
        tabledStatuses.insert(QString::fromLatin1(transition.status));
        tabledActions.insert(QString::fromLatin1(transition.action));
    }
    const QStringList statuses = workflow.statuses();
    QCOMPARE(QSet<QString>(statuses.begin(), statuses.end()), tabledStatuses);
    QStringList actions;
    for (const vd::WorkflowAction &action : workflow.actions())
        actions.append(action.id);
    QCOMPARE(QSet<QString>(actions.begin(), actions.end()), tabledActions);
    QCOMPARE(sorted(vd::Scheme::technologyVoucher().roles().ids()),
             sorted({QStringLiteral("applicant"), QStringLiteral("secretariat"), QStringLiteral("committee_member"),
                     QStringLiteral("committee_chair"), QStringLiteral("approving_officer"), QStringLiteral("finance"),
                     QStringLiteral("auditor"), QStringLiteral("administrator")}));
}

void WorkflowTest::marksTheTerminalStatuses()
{
    const Workflow &workflow = Workflow::technologyVoucher();
    for (const QString &status : workflow.statuses())
        QCOMPARE(workflow.isTerminal(status), terminalStatuses.contains(status));
    QVERIFY(!workflow.isTerminal(QStringLiteral("no_such_status")));
}

void WorkflowTest::decidesEveryStatusActionAndRole_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("outcome"); // the target when allowed, else the refusal code
    const Workflow &workflow = Workflow::technologyVoucher();
    for (const QString &status : workflow.statuses()) {
        for (const vd::WorkflowAction &action : workflow.actions()) {
            for (const QString &role : vd::Scheme::technologyVoucher().roles().ids()) {
                const Transition *expected = findExpected(status, action.id);
                const bool allowed = expected && expected->roles.contains(role);
                QString outcome;
                if (allowed)
                    outcome = QString::fromLatin1(expected->target);
                else if (terminalStatuses.contains(status))
                    outcome = QStringLiteral("STATUS_IS_TERMINAL");
                else if (!expected)
                    outcome = QStringLiteral("ACTION_NOT_AVAILABLE_IN_STATUS");
                else
                    outcome = QStringLiteral("ROLE_NOT_PERMITTED");
                QTest::addRow("%s/%s/%s", qPrintable(status), qPrintable(action.id), qPrintable(role))
                    << status << action.id << role << allowed << outcome;
            }
        }
    }
}

void WorkflowTest::decidesEveryStatusActionAndRole()
{
    QFETCH(QString, status);
    QFETCH(QString, action);
    QFETCH(QString, role);
    QFETCH(bool, allowed);
    QFETCH(QString, outcome);
    const Workflow &workflow = Workflow::technologyVoucher();
    const TransitionDecision decision = workflow.decide(status, action, role, QStringLiteral("a reason"));
    QCOMPARE(decision.allowed, allowed);
    QCOMPARE(allowed ? decision.targetStatus : decision.refusalCode, outcome);
    QCOMPARE(allowed ? decision.refusalCode : decision.targetStatus, QString());
    QCOMPARE(workflow.allowedActions(status, role).contains(action), allowed);
}

void WorkflowTest::requiresAReasonWhereTheSchemeSaysSo_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("reasonRequired");
    for (const Transition &transition : expectedTransitions()) {
        const QString action = QString::fromLatin1(transition.action);
        QTest::addRow("%s/%s", transition.status, transition.action)
            << QString::fromLatin1(transition.status) << action << transition.roles.first()
            << reasonRequiredActions.contains(action);
    }
}

void WorkflowTest::requiresAReasonWhereTheSchemeSaysSo()
{
    QFETCH(QString, status);
    QFETCH(QString, action);
    QFETCH(QString, role);
    QFETCH(bool, reasonRequired);
    const Workflow &workflow = Workflow::technologyVoucher();
    QCOMPARE(workflow.findAction(action)->reasonRequired, reasonRequired);
    for (const QString &blank : {QString(), QStringLiteral("  \n\t ")}) {
        const TransitionDecision decision = workflow.decide(status, action, role, blank);
        QCOMPARE(decision.allowed, !reasonRequired);
        QCOMPARE(decision.refusalCode, reasonRequired ? QStringLiteral("REASON_REQUIRED") : QString());
    }
    QVERIFY(workflow.decide(status, action, role, QStringLiteral("Business registration has lapsed")).allowed);
}

void WorkflowTest::refusesUnknownNamesFirst_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown status") << "archived" << "approve" << "approving_officer" << "UNKNOWN_STATUS";
    QTest::newRow("unknown status before unknown action") << "archived" << "fly" << "nobody" << "UNKNOWN_STATUS";
    QTest::newRow("unknown action") << "supported" << "fly" << "approving_officer" << "UNKNOWN_ACTION";
    QTest::newRow("unknown action before unknown role") << "supported" << "fly" << "nobody" << "UNKNOWN_ACTION";
    QTest::newRow("unknown role") << "supported" << "approve" << "nobody" << "UNKNOWN_ROLE";
    QTest::newRow("empty role") << "supported" << "approve" << "" << "UNKNOWN_ROLE";
    QTest::newRow("terminal before not available") << "closed" << "submit" << "applicant" << "STATUS_IS_TERMINAL";
    QTest::newRow("not available before role") << "draft" << "approve" << "applicant" << "ACTION_NOT_AVAILABLE_IN_STATUS";
    QTest::newRow("role before reason") << "screening" << "return_ineligible" << "applicant" << "ROLE_NOT_PERMITTED";
}

void WorkflowTest::refusesUnknownNamesFirst()
{
    QFETCH(QString, status);
    QFETCH(QString, action);
    QFETCH(QString, role);
    QFETCH(QString, code);
    const TransitionDecision decision = Workflow::technologyVoucher().decide(status, action, role);
    QVERIFY(!decision.allowed);
    QCOMPARE(decision.refusalCode, code);
    QVERIFY(!decision.reason(english).isEmpty());
}

void WorkflowTest::listsTheActionsOfAStatus_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("fromStatus");
    QTest::addColumn<QStringList>("forRole");
    QTest::newRow("screening, secretariat")
        << "screening" << "secretariat"
        << list({"withdraw", "request_clarification", "return_ineligible", "refer_to_committee"})
        << list({"request_clarification", "return_ineligible", "refer_to_committee"});
    QTest::newRow("committee assessment, chair")
        << "committee_assessment" << "committee_chair"
        << list({"withdraw", "record_supported", "record_supported_with_conditions", "defer_for_clarification",
                       "record_not_supported"})
        << list({"record_supported", "record_supported_with_conditions", "defer_for_clarification",
                       "record_not_supported"});
    QTest::newRow("auditor changes nothing")
        << "in_progress" << "auditor" << list({"complete_project", "terminate"}) << QStringList();
    QTest::newRow("terminal status") << "closed" << "secretariat" << QStringList() << QStringList();
    QTest::newRow("unknown status") << "archived" << "secretariat" << QStringList() << QStringList();
}

void WorkflowTest::listsTheActionsOfAStatus()
{
    QFETCH(QString, status);
    QFETCH(QString, role);
    QFETCH(QStringList, fromStatus);
    QFETCH(QStringList, forRole);
    QCOMPARE(Workflow::technologyVoucher().actionsFrom(status), fromStatus);
    QCOMPARE(Workflow::technologyVoucher().allowedActions(status, role), forRole);
}

void WorkflowTest::explainsRefusalsInTheLanguageOfTheLocale_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("role not permitted, en")
        << "supported" << "approve" << "secretariat" << english
        << list({"“Secretariat case officer”", "“Approve funding”", "“Supported”", "“Approving officer”"});
    QTest::newRow("role not permitted, zh_HK")
        << "supported" << "approve" << "secretariat" << traditional
        << list({"秘書處個案主任", "批准資助", "獲支持", "審批人員"});
    QTest::newRow("role not permitted, zh_CN")
        << "supported" << "approve" << "secretariat" << simplified
        << list({"秘书处个案主任", "批准资助", "获支持", "审批人员"});
    QTest::newRow("several roles may, en")
        << "in_progress" << "terminate" << "applicant" << english
        << list({"“Applicant enterprise”", "“Secretariat case officer”", "“Approving officer”"});
    QTest::newRow("not available here, en")
        << "in_progress" << "withdraw" << "applicant" << english
        << list({"“Withdraw”", "“In progress”", "“Applicant enterprise”", "“Submitted”", "“Agreement pending”"});
    QTest::newRow("not available here, zh_HK")
        << "draft" << "sign_agreement" << "applicant" << traditional
        << list({"簽署資助協議", "草稿", "申請企業", "待簽資助協議"});
    QTest::newRow("terminal, zh_CN")
        << "closed" << "terminate" << "secretariat" << simplified
        << list({"已结束", "终止并追回款项", "秘书处个案主任"});
    QTest::newRow("reason required, en")
        << "screening" << "return_ineligible" << "secretariat" << english
        << list({"“Screening”", "“Return as ineligible”", "“Secretariat case officer”", "reason"});
    QTest::newRow("reason required, zh_HK")
        << "committee_assessment" << "record_not_supported" << "committee_chair" << traditional
        << list({"評審委員會評審中", "記錄為不獲支持", "評審委員會主席"});
    QTest::newRow("unknown action named as given")
        << "screening" << "teleport" << "secretariat" << english << list({"“teleport”"});
}

void WorkflowTest::explainsRefusalsInTheLanguageOfTheLocale()
{
    QFETCH(QString, status);
    QFETCH(QString, action);
    QFETCH(QString, role);
    QFETCH(QLocale, locale);
    QFETCH(QStringList, mentions);
    const TransitionDecision decision = Workflow::technologyVoucher().decide(status, action, role);
    QVERIFY(!decision.allowed);
    const QString reason = decision.reason(locale);
    for (const QString &mention : mentions)
        QVERIFY2(reason.contains(mention), qPrintable(mention + QStringLiteral(" missing from: ") + reason));
}

void WorkflowTest::givesNoReasonWhenAllowed()
{
    const TransitionDecision decision =
        Workflow::technologyVoucher().decide(QStringLiteral("draft"), QStringLiteral("submit"), QStringLiteral("applicant"));
    QVERIFY(decision.allowed);
    QCOMPARE(decision.targetStatus, QStringLiteral("submitted"));
    QCOMPARE(decision.reason(english), QString());
}

void WorkflowTest::refusesABadWorkflow_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");
    const auto row = [](const char *name, const QByteArray &statuses, const QList<QByteArray> &actions,
                        const char *code, const char *where) {
        QByteArray list = "[";
        for (const QByteArray &action : actions)
            list += (list.size() > 1 ? "," : "") + action;
        QTest::newRow(name) << smallScheme(statuses, list + ']') << QString::fromLatin1(code) << QString::fromLatin1(where);
    };
    row("from an unknown status", goodStatuses,
        {submit, action("finish", R"(["open","opened"])", "done", R"(["officer"])")}, "SCHEME_INVALID", "actions[1].from[1]");
    row("to an unknown status", goodStatuses,
        {submit, action("finish", R"(["open"])", "finished", R"(["officer"])")}, "SCHEME_INVALID", "actions[1].to");
    row("an unknown role", goodStatuses,
        {action("submit", R"(["draft"])", "open", R"(["applicant","clerk"])"), finish}, "SCHEME_INVALID", "actions[0].roles[1]");
    row("a status listed twice in from", goodStatuses,
        {submit, action("finish", R"(["open","open"])", "done", R"(["officer"])")}, "SCHEME_INVALID", "actions[1].from[1]");
    row("a role listed twice", goodStatuses,
        {submit, action("finish", R"(["open"])", "done", R"(["officer","officer"])")}, "SCHEME_INVALID", "actions[1].roles[1]");
    row("no role", goodStatuses, {submit, action("finish", R"(["open"])", "done", "[]")}, "INPUT_ERROR", "actions[1].roles");
    row("an action defined twice", goodStatuses, {submit, submit, finish}, "INPUT_ERROR", "actions[1].id");
    row("a status defined twice",
        '[' + status("draft", R"("initial":true,)") + ',' + status("open") + ',' + status("open") + ','
            + status("done", R"("terminal":true,)") + ']',
        {submit, finish}, "INPUT_ERROR", "statuses[2].id");
    row("a status no case can reach",
        '[' + status("draft", R"("initial":true,)") + ',' + status("open") + ',' + status("lost") + ','
            + status("done", R"("terminal":true,)") + ']',
        {submit, finish, action("find", R"(["lost"])", "done", R"(["officer"])")}, "SCHEME_INVALID", "statuses[2]");
    row("a status no case can leave",
        '[' + status("draft", R"("initial":true,)") + ',' + status("open") + ',' + status("stuck") + ','
            + status("done", R"("terminal":true,)") + ']',
        {submit, finish, action("park", R"(["open"])", "stuck", R"(["officer"])")}, "SCHEME_INVALID", "statuses[2]");
    row("a way out of a terminal status", goodStatuses,
        {submit, finish, action("reopen", R"(["done"])", "open", R"(["officer"])")}, "SCHEME_INVALID", "actions[2].from[0]");
    row("an action back to the same status", goodStatuses,
        {submit, finish, action("touch", R"(["open"])", "open", R"(["officer"])")}, "SCHEME_INVALID", "actions[2].from[0]");
    row("a loop that never finishes",
        '[' + status("draft", R"("initial":true,)") + ',' + status("open") + ',' + status("ping") + ',' + status("pong")
            + ',' + status("done", R"("terminal":true,)") + ']',
        {submit, finish, action("serve", R"(["open"])", "ping", R"(["officer"])"),
         action("return", R"(["ping"])", "pong", R"(["officer"])"), action("again", R"(["pong"])", "ping", R"(["officer"])")},
        "SCHEME_INVALID", "statuses[2]");
    row("no initial status", '[' + status("draft") + ',' + status("open") + ',' + status("done", R"("terminal":true,)") + ']',
        {submit, finish}, "SCHEME_INVALID", "statuses");
    row("two initial statuses",
        '[' + status("draft", R"("initial":true,)") + ',' + status("open", R"("initial":true,)") + ','
            + status("done", R"("terminal":true,)") + ']',
        {submit, finish}, "SCHEME_INVALID", "statuses[1].initial");
    row("terminal written as text",
        '[' + status("draft", R"("initial":true,)") + ',' + status("open") + ',' + status("done", R"("terminal":"yes",)") + ']',
        {submit, finish}, "INPUT_ERROR", "statuses[2].terminal");
}

void WorkflowTest::refusesABadWorkflow()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, where);
    try {
        const Workflow workflow(vd::Scheme::fromJson(json, QStringLiteral("test.json")));
        QFAIL("a bad workflow was accepted");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.where(), where);
        QCOMPARE(error.code(), code);
        QVERIFY(!error.message().isEmpty());
    }
}

void WorkflowTest::acceptsTheSmallValidWorkflow()
{
    const Workflow workflow(vd::Scheme::fromJson(smallScheme(goodStatuses, '[' + submit + ',' + finish + ']'),
                                                 QStringLiteral("test.json")));
    QCOMPARE(workflow.statuses(), (QStringList{QStringLiteral("draft"), QStringLiteral("open"), QStringLiteral("done")}));
    QCOMPARE(workflow.decide(QStringLiteral("open"), QStringLiteral("finish"), QStringLiteral("officer")).targetStatus,
             QStringLiteral("done"));
}

QTEST_GUILESS_MAIN(WorkflowTest)
#include "tst_workflow.moc"
