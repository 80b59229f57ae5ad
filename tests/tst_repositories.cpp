#include "applicationrepository.h"
#include "audittrail.h"
#include "caseworkrepository.h"
#include "committeerepository.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "fundingrepository.h"
#include "outbox.h"
#include "rawconnection.h"
#include "recordjson.h"
#include "samplerecords.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vd;

namespace {

// Saving and finding any record through the repository that owns it.
void save(Workspace &workspace, UnitOfWork &work, Enterprise &r) { EnterpriseRepository(workspace).save(work, r); }
void save(Workspace &workspace, UnitOfWork &work, EnterpriseRelation &r) { EnterpriseRepository(workspace).save(work, r); }
void save(Workspace &workspace, UnitOfWork &work, User &r) { UserRepository(workspace).save(work, r); }
void save(Workspace &workspace, UnitOfWork &work, Application &r) { ApplicationRepository(workspace).save(work, r); }
void save(Workspace &workspace, UnitOfWork &work, StatusChange &r) { ApplicationRepository(workspace).recordStatusChange(work, r); }
template <CaseworkRecord R> void save(Workspace &workspace, UnitOfWork &work, R &r) { CaseworkRepository(workspace).save(work, r); }
template <CommitteeRecord R> void save(Workspace &workspace, UnitOfWork &work, R &r) { CommitteeRepository(workspace).save(work, r); }
template <FundingRecord R> void save(Workspace &workspace, UnitOfWork &work, R &r) { FundingRepository(workspace).save(work, r); }

template <typename R>
std::optional<R> find(Workspace &workspace, const QString &id)
{
    if constexpr (std::same_as<R, Enterprise>)
        return EnterpriseRepository(workspace).find(id);
    else if constexpr (std::same_as<R, EnterpriseRelation>) {
        for (const EnterpriseRelation &relation : EnterpriseRepository(workspace).relations(samples::enterprise().id))
            if (relation.id == id)
                return relation;
        return std::nullopt;
    } else if constexpr (std::same_as<R, User>)
        return UserRepository(workspace).find(id);
    else if constexpr (std::same_as<R, Application>)
        return ApplicationRepository(workspace).find(id);
    else if constexpr (std::same_as<R, StatusChange>) {
        for (const StatusChange &change : ApplicationRepository(workspace).statusChanges(samples::application().id))
            if (change.id == id)
                return change;
        return std::nullopt;
    } else if constexpr (CaseworkRecord<R>)
        return CaseworkRepository(workspace).find<R>(id);
    else if constexpr (CommitteeRecord<R>)
        return CommitteeRepository(workspace).find<R>(id);
    else
        return FundingRepository(workspace).find<R>(id);
}

// One of every record, referring to each other as a real case would.
struct World
{
    Enterprise enterprise = samples::enterprise();
    Enterprise relatedEnterprise = [] {
        Enterprise e = samples::enterprise(QStringLiteral("e0000000-0000-4000-8000-000000000002"));
        e.brNumber = QStringLiteral("87654321");
        e.owners.clear();
        return e;
    }();
    EnterpriseRelation relation = samples::enterpriseRelation();
    User user = samples::user();
    Application application = samples::application();
    StatusChange statusChange = samples::statusChange();
    ClarificationRequest clarification = samples::clarificationRequest();
    CorrespondenceEntry correspondence = samples::correspondenceEntry();
    ChangeRequest changeRequest = samples::changeRequest();
    SiteCheck siteCheck = samples::siteCheck();
    ProjectReport report = samples::projectReport();
    Committee committee = samples::committee();
    CommitteeTerm term = samples::committeeTerm();
    CommitteeMembership membership = samples::committeeMembership();
    InterestDeclaration declaration = samples::interestDeclaration();
    Meeting meeting = samples::meeting();
    AgendaItem agendaItem = samples::agendaItem();
    Attendance attendance = samples::attendance();
    Review review = samples::review();
    CommitteeOutcome outcome = samples::committeeOutcome();
    Approval approval = samples::approval();
    FundingAgreement agreement = samples::fundingAgreement();
    DisbursementMilestone milestone = samples::disbursementMilestone();
    Payment payment = samples::payment();

    // Saved in an order that refers forward, which deferred foreign keys allow within one unit of work.
    void saveAll(Workspace &workspace, UnitOfWork &work)
    {
        std::apply([&](auto &...record) { (save(workspace, work, record), ...); },
                   std::tie(payment, milestone, agreement, approval, outcome, review, attendance, agendaItem, meeting,
                            declaration, membership, term, committee, report, siteCheck, changeRequest, correspondence,
                            clarification, statusChange, application, user, relation, relatedEnterprise, enterprise));
    }
};

using RecordCheck = void (*)(Workspace &, World &);

// Finds what was saved, then changes it, saves it again and finds the change.
template <typename R, R World::*member, auto change>
void checkRoundTrip(Workspace &workspace, World &world)
{
    R &saved = world.*member;
    QCOMPARE(find<R>(workspace, saved.id), std::optional<R>(saved));
    if constexpr (requires { saved.revision; })
        QCOMPARE(saved.revision, 1);

    R changed = saved;
    change(changed);
    QVERIFY2(!(changed == saved), "the change changes nothing");
    {
        UnitOfWork work(workspace, QStringLiteral("tester"));
        work.setTime(samples::instant(29, 12));
        save(workspace, work, changed);
        work.commit();
    }
    if constexpr (requires { changed.revision; })
        QCOMPARE(changed.revision, 2);
    QCOMPARE(find<R>(workspace, saved.id), std::optional<R>(changed));
    const QList<AuditEntry> history = AuditTrail(workspace).forEntity(saved.id);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.last().beforeJson, record::toCompactJson(saved));
    QCOMPARE(history.last().afterJson, record::toCompactJson(changed));
    QCOMPARE(history.last().entityType, QString::fromLatin1(RecordFields<R>::entity));
}

} // namespace

Q_DECLARE_METATYPE(RecordCheck)

class RepositoriesTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyAggregateRoundTrips_data();
    void everyAggregateRoundTrips();
    void partsAreReplacedOnUpdate();
    void missingRecordsAreNotFound();
    void listsForACase();
    void listsForTheCommittee();
    void enterprisesAndUsersAreFoundByTheirNames();
    void removingAnAgendaItemIsAuditedAndQueued();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    World m_world;
};

void RepositoriesTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = std::make_unique<Workspace>(m_dir->path());
    m_world = World();
    UnitOfWork work(*m_workspace, QStringLiteral("tester"));
    work.setTime(samples::instant(1, 8));
    m_world.saveAll(*m_workspace, work);
    work.commit();
}

void RepositoriesTest::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

void RepositoriesTest::everyAggregateRoundTrips_data()
{
    QTest::addColumn<RecordCheck>("check");
    QTest::newRow("enterprise, with owners") << &checkRoundTrip<Enterprise, &World::enterprise, [](Enterprise &r) {
        r.name.zh = QStringLiteral("永發科技有限公司");
        r.owners.append({QStringLiteral("Wong"), samples::percent(500)});
        r.brNumber.reset();
    }>;
    QTest::newRow("enterprise relation") << &checkRoundTrip<EnterpriseRelation, &World::relation, [](EnterpriseRelation &r) {
        r.commonOwnership = samples::percent(5000);
    }>;
    QTest::newRow("user") << &checkRoundTrip<User, &World::user, [](User &r) { r.active = true; r.enterpriseId.clear(); }>;
    QTest::newRow("application, with items, quotations, attachments, declarations")
        << &checkRoundTrip<Application, &World::application, [](Application &r) {
               r.status = QStringLiteral("committee_assessment");
               r.items.first().quotations.removeFirst();
               r.items.append({QString(), QStringLiteral("training"), {QStringLiteral("Training"), QStringLiteral("培訓")},
                               Money::fromDollars(5000), std::nullopt, {}, QString()});
               r.attachments.clear();
               r.finalGrant.reset();
           }>;
    QTest::newRow("status change") << &checkRoundTrip<StatusChange, &World::statusChange, [](StatusChange &r) {
        r.reason = QStringLiteral("corrected");
    }>;
    QTest::newRow("clarification request") << &checkRoundTrip<ClarificationRequest, &World::clarification,
                                                               [](ClarificationRequest &r) { r.remindedAt.reset(); }>;
    QTest::newRow("correspondence entry") << &checkRoundTrip<CorrespondenceEntry, &World::correspondence,
                                                              [](CorrespondenceEntry &r) { r.direction = QStringLiteral("incoming"); }>;
    QTest::newRow("change request") << &checkRoundTrip<ChangeRequest, &World::changeRequest,
                                                        [](ChangeRequest &r) { r.status = QStringLiteral("rejected"); }>;
    QTest::newRow("site check") << &checkRoundTrip<SiteCheck, &World::siteCheck,
                                                    [](SiteCheck &r) { r.referredToLawEnforcement = false; }>;
    QTest::newRow("project report") << &checkRoundTrip<ProjectReport, &World::report,
                                                        [](ProjectReport &r) { r.acceptedAt.reset(); r.acceptedBy.clear(); }>;
    QTest::newRow("committee") << &checkRoundTrip<Committee, &World::committee,
                                                   [](Committee &r) { r.name.en = QStringLiteral("TVP Committee"); }>;
    QTest::newRow("committee term") << &checkRoundTrip<CommitteeTerm, &World::term,
                                                        [](CommitteeTerm &r) { r.end = QDate(2028, 3, 31); }>;
    QTest::newRow("committee membership") << &checkRoundTrip<CommitteeMembership, &World::membership,
                                                              [](CommitteeMembership &r) { r.position = QStringLiteral("member"); }>;
    QTest::newRow("interest declaration") << &checkRoundTrip<InterestDeclaration, &World::declaration,
                                                              [](InterestDeclaration &r) { r.chairRuling = QStringLiteral("abstain"); }>;
    QTest::newRow("meeting") << &checkRoundTrip<Meeting, &World::meeting, [](Meeting &r) { r.mode = QStringLiteral("video"); }>;
    QTest::newRow("agenda item") << &checkRoundTrip<AgendaItem, &World::agendaItem, [](AgendaItem &r) { r.position = 2; }>;
    QTest::newRow("attendance") << &checkRoundTrip<Attendance, &World::attendance,
                                                    [](Attendance &r) { r.attendance = QStringLiteral("absent"); }>;
    QTest::newRow("review, with scores") << &checkRoundTrip<Review, &World::review, [](Review &r) {
        r.scores.first().score = 5;
        r.scores.append({QStringLiteral("applicant_capability"), 2});
        r.supported = false;
    }>;
    QTest::newRow("committee outcome, with conditions") << &checkRoundTrip<CommitteeOutcome, &World::outcome,
                                                                            [](CommitteeOutcome &r) {
        r.conditions.removeLast();
        r.recommendedGrant.reset();
    }>;
    QTest::newRow("approval") << &checkRoundTrip<Approval, &World::approval,
                                                  [](Approval &r) { r.approvedGrant = Money::fromDollars(70000); }>;
    QTest::newRow("funding agreement") << &checkRoundTrip<FundingAgreement, &World::agreement,
                                                           [](FundingAgreement &r) { r.signedAt.reset(); }>;
    QTest::newRow("disbursement milestone") << &checkRoundTrip<DisbursementMilestone, &World::milestone,
                                                                [](DisbursementMilestone &r) { r.dueOn = QDate(2026, 4, 1); }>;
    QTest::newRow("payment") << &checkRoundTrip<Payment, &World::payment, [](Payment &r) {
        r.status = QStringLiteral("proposed");
        r.releasedAt.reset();
        r.milestoneId.clear();
    }>;
}

void RepositoriesTest::everyAggregateRoundTrips()
{
    QFETCH(RecordCheck, check);
    check(*m_workspace, m_world);
}

void RepositoriesTest::partsAreReplacedOnUpdate()
{
    Application application = m_world.application;
    application.items.first().quotations.clear();
    application.declarations.removeFirst();
    {
        UnitOfWork work(*m_workspace, QStringLiteral("tester"));
        ApplicationRepository(*m_workspace).save(work, application);
        work.commit();
    }
    RawConnection raw(m_workspace->file());
    QCOMPARE(raw.count(QStringLiteral("budget_item_quotations")), 0);
    QCOMPARE(raw.count(QStringLiteral("application_declarations")), 1);
    QCOMPARE(raw.count(QStringLiteral("application_items")), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT kind FROM application_declarations")).toString(), QStringLiteral("accuracy"));
}

void RepositoriesTest::missingRecordsAreNotFound()
{
    const QString nobody = QStringLiteral("00000000-0000-4000-8000-000000000000");
    QVERIFY(!EnterpriseRepository(*m_workspace).find(nobody));
    QVERIFY(!ApplicationRepository(*m_workspace).find(nobody));
    QVERIFY(!ApplicationRepository(*m_workspace).findByReference(QStringLiteral("TVP/1999/00001")));
    QVERIFY(!CaseworkRepository(*m_workspace).find<SiteCheck>(nobody));
    QVERIFY(!CommitteeRepository(*m_workspace).find<Review>(nobody));
    QVERIFY(!FundingRepository(*m_workspace).find<Payment>(nobody));
    QVERIFY(!UserRepository(*m_workspace).findByUsername(QStringLiteral("nobody")));
}

void RepositoriesTest::listsForACase()
{
    const QString id = m_world.application.id;
    CaseworkRepository casework(*m_workspace);
    QCOMPARE(casework.forApplication<ClarificationRequest>(id), QList<ClarificationRequest>{m_world.clarification});
    QCOMPARE(casework.forApplication<CorrespondenceEntry>(id), QList<CorrespondenceEntry>{m_world.correspondence});
    QCOMPARE(casework.forApplication<ChangeRequest>(id), QList<ChangeRequest>{m_world.changeRequest});
    QCOMPARE(casework.forApplication<SiteCheck>(id), QList<SiteCheck>{m_world.siteCheck});
    QCOMPARE(casework.forApplication<ProjectReport>(id), QList<ProjectReport>{m_world.report});
    FundingRepository funding(*m_workspace);
    QCOMPARE(funding.forApplication<Approval>(id), QList<Approval>{m_world.approval});
    QCOMPARE(funding.forApplication<FundingAgreement>(id), QList<FundingAgreement>{m_world.agreement});
    QCOMPARE(funding.forApplication<DisbursementMilestone>(id), QList<DisbursementMilestone>{m_world.milestone});
    QCOMPARE(funding.forApplication<Payment>(id), QList<Payment>{m_world.payment});
    QCOMPARE(funding.paymentsWithStatus(QStringLiteral("released")), QList<Payment>{m_world.payment});
    QVERIFY(funding.paymentsWithStatus(QStringLiteral("proposed")).isEmpty());
    QCOMPARE(ApplicationRepository(*m_workspace).statusChanges(id), QList<StatusChange>{m_world.statusChange});

    // The sample was answered; an unanswered one is overdue after its due date, and due for a reminder before it.
    ClarificationRequest open = m_world.clarification;
    open.id.clear();
    open.revision = 0;
    open.answeredAt.reset();
    open.remindedAt.reset();
    {
        UnitOfWork work(*m_workspace, QStringLiteral("tester"));
        casework.save(work, open);
        work.commit();
    }
    QCOMPARE(casework.overdueClarifications(QDate(2026, 3, 18)), QList<ClarificationRequest>{});
    QCOMPARE(casework.overdueClarifications(QDate(2026, 3, 19)), QList<ClarificationRequest>{open});
    QCOMPARE(casework.clarificationsToRemind(QDate(2026, 3, 15), QDate(2026, 3, 18)), QList<ClarificationRequest>{open});
    QCOMPARE(casework.clarificationsToRemind(QDate(2026, 3, 10), QDate(2026, 3, 17)), QList<ClarificationRequest>{});
}

void RepositoriesTest::listsForTheCommittee()
{
    CommitteeRepository committee(*m_workspace);
    QCOMPARE(committee.committees(), QList<Committee>{m_world.committee});
    QCOMPARE(committee.terms(m_world.committee.id), QList<CommitteeTerm>{m_world.term});
    QCOMPARE(committee.memberships(m_world.term.id), QList<CommitteeMembership>{m_world.membership});
    QCOMPARE(committee.membershipsOf(m_world.membership.userId), QList<CommitteeMembership>{m_world.membership});
    QCOMPARE(committee.declarations(m_world.term.id), QList<InterestDeclaration>{m_world.declaration});
    QCOMPARE(committee.declarationsFor(m_world.application.id), QList<InterestDeclaration>{m_world.declaration});
    QCOMPARE(committee.meetings(m_world.committee.id), QList<Meeting>{m_world.meeting});
    QCOMPARE(committee.agenda(m_world.meeting.id), QList<AgendaItem>{m_world.agendaItem});
    QCOMPARE(committee.agendaItemsFor(m_world.application.id), QList<AgendaItem>{m_world.agendaItem});
    QCOMPARE(committee.attendance(m_world.meeting.id), QList<Attendance>{m_world.attendance});
    QCOMPARE(committee.reviews(m_world.application.id), QList<Review>{m_world.review});
    QCOMPARE(committee.reviewsAt(m_world.meeting.id), QList<Review>{m_world.review});
    QCOMPARE(committee.outcomes(m_world.application.id), QList<CommitteeOutcome>{m_world.outcome});
    QCOMPARE(committee.outcomesAt(m_world.meeting.id), QList<CommitteeOutcome>{m_world.outcome});
}

void RepositoriesTest::enterprisesAndUsersAreFoundByTheirNames()
{
    EnterpriseRepository enterprises(*m_workspace);
    QCOMPARE(enterprises.findByBrNumber(QStringLiteral("87654321")), std::optional<Enterprise>(m_world.relatedEnterprise));
    QCOMPARE(enterprises.count(), 2);
    QCOMPARE(enterprises.list(1, 1).size(), 1);
    QCOMPARE(enterprises.relations(m_world.relatedEnterprise.id), QList<EnterpriseRelation>{m_world.relation});
    UserRepository users(*m_workspace);
    QCOMPARE(users.findByUsername(QStringLiteral("chan.tm")), std::optional<User>(m_world.user));
    QCOMPARE(users.withRole(QStringLiteral("applicant")), QList<User>{m_world.user});
    QCOMPARE(users.all().size(), 1);

    Enterprise duplicate = samples::enterprise(QStringLiteral("e0000000-0000-4000-8000-000000000003"));
    try {
        UnitOfWork work(*m_workspace, QStringLiteral("tester"));
        enterprises.save(work, duplicate);
        QFAIL("two enterprises with one BR number were saved");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("STORAGE_ERROR"));
        QVERIFY2(error.message().contains(QLatin1String("br_number")), qPrintable(error.message()));
    }
}

void RepositoriesTest::removingAnAgendaItemIsAuditedAndQueued()
{
    CommitteeRepository committee(*m_workspace);
    const qint64 queued = Outbox(*m_workspace).pendingCount();
    {
        UnitOfWork work(*m_workspace, QStringLiteral("secretary"));
        committee.removeAgendaItem(work, m_world.agendaItem.id);
        work.commit();
    }
    QVERIFY(committee.agenda(m_world.meeting.id).isEmpty());
    const AuditEntry removal = AuditTrail(*m_workspace).forEntity(m_world.agendaItem.id).last();
    QCOMPARE(removal.action, QStringLiteral("remove_from_agenda"));
    QCOMPARE(removal.beforeJson, record::toCompactJson(m_world.agendaItem));
    QVERIFY(removal.afterJson.isNull());
    const OutboxEntry last = Outbox(*m_workspace).pending(1000).last();
    QCOMPARE(Outbox(*m_workspace).pendingCount(), queued + 1);
    QCOMPARE(last.operation, QStringLiteral("delete"));
    QCOMPARE(last.baseRevision, 1);
    try {
        UnitOfWork work(*m_workspace, QStringLiteral("secretary"));
        committee.removeAgendaItem(work, m_world.agendaItem.id);
        QFAIL("a missing agenda item was removed");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("NOT_FOUND"));
    }
}

QTEST_GUILESS_MAIN(RepositoriesTest)
#include "tst_repositories.moc"
