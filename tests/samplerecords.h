#pragma once

// One fully filled-in example of every record, with every field set to
// something other than its default (Chinese text, quotes and control
// characters included), for round-trip tests of the JSON form and the store.

#include "recordfields.h"

#include <QDateTime>

namespace vd::samples {

inline QDateTime instant(int day, int hour, int minute = 0, int ms = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute, 0, ms), Qt::UTC);
}

inline Percentage percent(int hundredths) { return Percentage::fromHundredths(hundredths); }

inline Enterprise enterprise(const QString &id = QStringLiteral("e0000000-0000-4000-8000-000000000001"))
{
    Enterprise e;
    e.id = id;
    e.revision = 0;
    e.brNumber = QStringLiteral("12345678");
    e.name = {QStringLiteral("Wing Fat \"Trading\" Ltd"), QStringLiteral("永發貿易有限公司")};
    e.entityType = QStringLiteral("company");
    e.listed = true;
    e.governmentSubvented = true;
    e.substantiveBusinessInHk = false;
    e.businessCommenced = QDate(2015, 4, 1);
    e.employees = 12;
    e.manufacturing = true;
    e.owners = {{QStringLiteral("Chan Tai Man 陳大文"), percent(6000)}, {QStringLiteral("Lee\tSiu Ming"), percent(1250)}};
    e.sector = QStringLiteral("wholesale_retail");
    e.address = {QStringLiteral("1 Queen's Road\nCentral"), QStringLiteral("中環皇后大道中1號")};
    e.contactName = QStringLiteral("Chan Tai Man");
    e.contactEmail = QStringLiteral("tm.chan@example.com");
    e.contactPhone = QStringLiteral("+852 2123 4567");
    return e;
}

inline Owner owner() { return {QStringLiteral("陳大文"), percent(4050)}; }

inline ApplicationHistoryEntry historyEntry()
{
    return {QStringLiteral("TVP/2021/00012"), QDate(2021, 3, 1), QStringLiteral("closed"), Money::fromDollars(150000),
            Money::fromCents(14250050)};
}

inline RelatedEnterprise relatedEnterprise()
{
    return {QStringLiteral("87654321"), percent(4000), {historyEntry()}};
}

inline Quotation quotation()
{
    return {QStringLiteral("q0000000-0000-4000-8000-000000000001"), QStringLiteral("Acme Solutions Ltd 科技"),
            Money::fromCents(12000050), true, true};
}

inline BudgetItem budgetItem()
{
    BudgetItem item;
    item.id = QStringLiteral("b0000000-0000-4000-8000-000000000001");
    item.category = QStringLiteral("subscription");
    item.description = {QStringLiteral("ERP \\ cloud"), QStringLiteral("企業資源規劃系統")};
    item.amount = Money::fromCents(12000050);
    item.months = 18;
    item.quotations = {quotation(),
                       {QStringLiteral("q0000000-0000-4000-8000-000000000002"), QStringLiteral("Beta Systems"),
                        Money::fromDollars(135000), false, false}};
    item.justification = QStringLiteral("Only supplier with Cantonese support");
    return item;
}

inline AttachmentReference attachment()
{
    return {QStringLiteral("a0000000-0000-4000-8000-000000000001"), QStringLiteral("quotation"),
            QStringLiteral("報價單 1.pdf"), QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            123456789012};
}

inline ApplicantDeclaration declaration()
{
    return {QStringLiteral("no_double_funding"), true, instant(2, 9, 30, 123)};
}

inline Application application(const QString &id = QStringLiteral("a1000000-0000-4000-8000-000000000001"),
                               const QString &enterpriseId = QStringLiteral("e0000000-0000-4000-8000-000000000001"))
{
    Application a;
    a.id = id;
    a.revision = 0;
    a.reference = QStringLiteral("TVP/2026/00042");
    a.scheme = QStringLiteral("TVP2");
    a.enterpriseId = enterpriseId;
    a.status = QStringLiteral("screening");
    a.title = {QStringLiteral("Cloud ERP for a trading firm"), QStringLiteral("貿易公司雲端企業資源規劃")};
    a.description = {QStringLiteral("Replace spreadsheets with an ERP; \"quotes\" too"), QStringLiteral("以系統取代試算表")};
    a.solutionCategory = QStringLiteral("erp");
    a.submitted = QDate(2026, 3, 2);
    a.start = QDate(2026, 6, 1);
    a.end = QDate(2027, 3, 31);
    a.items = {budgetItem()};
    a.attachments = {attachment()};
    a.declarations = {declaration(), {QStringLiteral("accuracy"), false, instant(2, 9, 31)}};
    a.caseOfficerId = QStringLiteral("u0000000-0000-4000-8000-000000000002");
    a.approvedGrant = Money::fromDollars(90000);
    a.finalGrant = Money::fromCents(8500075);
    a.createdAt = instant(1, 8);
    a.updatedAt = instant(2, 10, 15, 500);
    return a;
}

// Budget item ids are unique across the workspace (quotations refer to
// them); a second application made from the sample leaves its part ids
// empty, and the store gives them new ones.
inline Application withNewPartIds(Application application)
{
    for (BudgetItem &item : application.items) {
        item.id.clear();
        for (Quotation &quotation : item.quotations)
            quotation.id.clear();
    }
    for (AttachmentReference &attachment : application.attachments)
        attachment.id.clear();
    return application;
}

inline User user(const QString &id = QStringLiteral("u0000000-0000-4000-8000-000000000001"))
{
    User u;
    u.id = id;
    u.revision = 0;
    u.username = QStringLiteral("chan.tm");
    u.displayName = {QStringLiteral("Chan Tai Man"), QStringLiteral("陳大文")};
    u.role = QStringLiteral("applicant");
    u.enterpriseId = QStringLiteral("e0000000-0000-4000-8000-000000000001");
    u.email = QStringLiteral("tm.chan@example.com");
    u.active = false;
    return u;
}

inline EnterpriseRelation enterpriseRelation()
{
    return {QStringLiteral("r0000000-0000-4000-8000-000000000001"), QStringLiteral("e0000000-0000-4000-8000-000000000001"),
            QStringLiteral("e0000000-0000-4000-8000-000000000002"), percent(3000)};
}

inline StatusChange statusChange()
{
    return {QStringLiteral("s0000000-0000-4000-8000-000000000001"), QStringLiteral("a1000000-0000-4000-8000-000000000001"),
            QStringLiteral("start_screening"), QStringLiteral("submitted"), QStringLiteral("screening"),
            QStringLiteral("u0000000-0000-4000-8000-000000000002"), instant(3, 11, 5, 7), QStringLiteral("documents complete")};
}

inline ClarificationRequest clarificationRequest()
{
    ClarificationRequest c;
    c.id = QStringLiteral("c0000000-0000-4000-8000-000000000001");
    c.revision = 0;
    c.applicationId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    c.question = QStringLiteral("Please send the third quotation. 請提供第三份報價。");
    c.askedBy = QStringLiteral("u0000000-0000-4000-8000-000000000002");
    c.askedAt = instant(4, 9);
    c.dueOn = QDate(2026, 3, 18);
    c.answer = QStringLiteral("Attached.");
    c.answeredBy = QStringLiteral("u0000000-0000-4000-8000-000000000001");
    c.answeredAt = instant(10, 16);
    c.remindedAt = instant(15, 9);
    return c;
}

inline CorrespondenceEntry correspondenceEntry()
{
    return {QStringLiteral("k0000000-0000-4000-8000-000000000001"), QStringLiteral("a1000000-0000-4000-8000-000000000001"),
            QStringLiteral("outgoing"), QStringLiteral("email"), QStringLiteral("Clarification 澄清"),
            QStringLiteral("Dear applicant,\r\nplease…"), QStringLiteral("u0000000-0000-4000-8000-000000000002"),
            instant(4, 9, 1), QStringLiteral("c0000000-0000-4000-8000-000000000001")};
}

inline EligibilityCheck eligibilityCheck()
{
    EligibilityCheck e;
    e.id = QStringLiteral("g0000000-0000-4000-8000-000000000001");
    e.applicationId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    e.item = QStringLiteral("registered_in_hk");
    e.confirmed = true;
    e.note = QStringLiteral("BR certificate seen 已核對商業登記證");
    e.checkedBy = QStringLiteral("u0000000-0000-4000-8000-000000000002");
    e.checkedAt = instant(4, 10);
    return e;
}

inline ChangeRequest changeRequest()
{
    ChangeRequest c;
    c.id = QStringLiteral("h0000000-0000-4000-8000-000000000001");
    c.revision = 0;
    c.applicationId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    c.description = QStringLiteral("Change supplier 更換供應商");
    c.requestedBy = QStringLiteral("u0000000-0000-4000-8000-000000000001");
    c.requestedAt = instant(20, 10);
    c.status = QStringLiteral("approved");
    c.committeeConsulted = true;
    c.decidedBy = QStringLiteral("u0000000-0000-4000-8000-000000000002");
    c.decidedAt = instant(25, 12);
    c.decisionNote = QStringLiteral("Same price");
    return c;
}

inline SiteCheck siteCheck()
{
    return {QStringLiteral("t0000000-0000-4000-8000-000000000001"), QStringLiteral("a1000000-0000-4000-8000-000000000001"),
            QDate(2026, 9, 9), QStringLiteral("u0000000-0000-4000-8000-000000000002"), QStringLiteral("suspicious"), true,
            QStringLiteral("No system installed 未見系統")};
}

inline ProjectReport projectReport()
{
    ProjectReport r;
    r.id = QStringLiteral("p0000000-0000-4000-8000-000000000001");
    r.revision = 0;
    r.applicationId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    r.kind = QStringLiteral("evaluation");
    r.submittedAt = instant(28, 17);
    r.auditedStatement = true;
    r.summary = QStringLiteral("Inventory errors fell by half. 存貨錯誤減半。");
    r.acceptedBy = QStringLiteral("u0000000-0000-4000-8000-000000000002");
    r.acceptedAt = instant(30, 10);
    return r;
}

inline Committee committee()
{
    return {QStringLiteral("m0000000-0000-4000-8000-000000000001"), 0,
            {QStringLiteral("Technology Voucher Programme Committee"), QStringLiteral("科技券計劃委員會")}};
}

inline CommitteeTerm committeeTerm()
{
    return {QStringLiteral("n0000000-0000-4000-8000-000000000001"), QStringLiteral("m0000000-0000-4000-8000-000000000001"),
            QDate(2026, 1, 1), QDate(2027, 12, 31)};
}

inline CommitteeMembership committeeMembership()
{
    return {QStringLiteral("o0000000-0000-4000-8000-000000000001"), QStringLiteral("n0000000-0000-4000-8000-000000000001"),
            QStringLiteral("u0000000-0000-4000-8000-000000000003"), QStringLiteral("chair"), true};
}

inline Meeting meeting()
{
    return {QStringLiteral("g0000000-0000-4000-8000-000000000001"), 0, QStringLiteral("m0000000-0000-4000-8000-000000000001"),
            QStringLiteral("n0000000-0000-4000-8000-000000000001"), instant(12, 14, 30), QStringLiteral("Room 1, 科學園"),
            QStringLiteral("hybrid"), QStringLiteral("held")};
}

inline InterestDeclaration interestDeclaration()
{
    return {QStringLiteral("i0000000-0000-4000-8000-000000000001"), QStringLiteral("n0000000-0000-4000-8000-000000000001"),
            QStringLiteral("u0000000-0000-4000-8000-000000000003"), QStringLiteral("case"),
            QStringLiteral("a1000000-0000-4000-8000-000000000001"), QStringLiteral("g0000000-0000-4000-8000-000000000001"),
            QDate(2026, 3, 12), QDate(2026, 3, 11), QStringLiteral("Shareholder of the supplier"),
            QStringLiteral("leave_room"), QStringLiteral("u0000000-0000-4000-8000-000000000004")};
}

inline AgendaItem agendaItem()
{
    return {QStringLiteral("j0000000-0000-4000-8000-000000000001"), QStringLiteral("g0000000-0000-4000-8000-000000000001"),
            QStringLiteral("a1000000-0000-4000-8000-000000000001"), 7};
}

inline Attendance attendance()
{
    return {QStringLiteral("l0000000-0000-4000-8000-000000000001"), QStringLiteral("g0000000-0000-4000-8000-000000000001"),
            QStringLiteral("u0000000-0000-4000-8000-000000000003"), QStringLiteral("video")};
}

inline ReviewScore reviewScore() { return {QStringLiteral("technical_merit"), 4}; }

inline Review review()
{
    Review r;
    r.id = QStringLiteral("v0000000-0000-4000-8000-000000000001");
    r.revision = 0;
    r.applicationId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    r.meetingId = QStringLiteral("g0000000-0000-4000-8000-000000000001");
    r.reviewerId = QStringLiteral("u0000000-0000-4000-8000-000000000003");
    r.scores = {reviewScore(), {QStringLiteral("cost_effectiveness"), 3}};
    r.supported = true;
    r.comment = QStringLiteral("Sound plan 計劃穩妥");
    r.submittedAt = instant(11, 22, 45);
    return r;
}

inline CommitteeOutcome committeeOutcome()
{
    CommitteeOutcome o;
    o.id = QStringLiteral("w0000000-0000-4000-8000-000000000001");
    o.applicationId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    o.meetingId = QStringLiteral("g0000000-0000-4000-8000-000000000001");
    o.outcome = QStringLiteral("supported");
    o.recommendedGrant = Money::fromDollars(80000);
    o.conditions = {{QStringLiteral("Drop the training item"), QStringLiteral("刪除培訓項目")},
                    {QStringLiteral("Use the platform quotation"), QString()}};
    o.recordedBy = QStringLiteral("u0000000-0000-4000-8000-000000000004");
    o.recordedAt = instant(12, 17);
    return o;
}

inline Approval approval()
{
    return {QStringLiteral("x0000000-0000-4000-8000-000000000001"), QStringLiteral("a1000000-0000-4000-8000-000000000001"),
            Money::fromDollars(80000), QStringLiteral("u0000000-0000-4000-8000-000000000005"), instant(16, 10)};
}

inline FundingAgreement fundingAgreement()
{
    return {QStringLiteral("y0000000-0000-4000-8000-000000000001"), 0, QStringLiteral("a1000000-0000-4000-8000-000000000001"),
            instant(17, 9), instant(20, 15), instant(20, 15, 20)};
}

inline DisbursementMilestone disbursementMilestone()
{
    return {QStringLiteral("z0000000-0000-4000-8000-000000000001"), QStringLiteral("a1000000-0000-4000-8000-000000000001"),
            QStringLiteral("initial"), Money::fromDollars(20000), QDate(2026, 3, 27), QStringLiteral("Initial payment 首期")};
}

inline Payment payment()
{
    Payment p;
    p.id = QStringLiteral("f0000000-0000-4000-8000-000000000001");
    p.revision = 0;
    p.applicationId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    p.milestoneId = QStringLiteral("z0000000-0000-4000-8000-000000000001");
    p.kind = QStringLiteral("recovery");
    p.amount = Money::fromCents(-2000050);
    p.status = QStringLiteral("released");
    p.proposedBy = QStringLiteral("u0000000-0000-4000-8000-000000000002");
    p.proposedAt = instant(21, 9);
    p.releasedBy = QStringLiteral("u0000000-0000-4000-8000-000000000006");
    p.releasedAt = instant(22, 9);
    return p;
}

inline Signature signature()
{
    Signature g;
    g.id = QStringLiteral("s1000000-0000-4000-8000-000000000001");
    g.applicationId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    g.purpose = QStringLiteral("submission");
    g.entityType = QStringLiteral("application");
    g.entityId = QStringLiteral("a1000000-0000-4000-8000-000000000001");
    g.signerId = QStringLiteral("u0000000-0000-4000-8000-000000000001");
    g.certificateSerial = QStringLiteral("5f1c0a2b3c4d5e6f708192a3b4c5d6e7");
    g.signedAt = instant(2, 9, 30);
    g.content = QStringLiteral("{\"application\":{\"title\":{\"en\":\"Cloud ERP\",\"zh\":\"雲端系統\"}},"
                               "\"format\":\"voucherdesk-submission/1\"}");
    g.signature = QStringLiteral("MIIBxjCCAW2gAwIBAgIUXw==");
    return g;
}

} // namespace vd::samples
