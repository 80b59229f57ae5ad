#include "demoworkspace.h"

#include "applicationrepository.h"
#include "caseworkrepository.h"
#include "committeerepository.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "fundingrepository.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>

namespace vd {

namespace {

// The repositories of one workspace, and the unit of work the demo writes in.
struct DemoWriter
{
    UnitOfWork &work;
    UserRepository users;
    EnterpriseRepository enterprises;
    ApplicationRepository applications;
    CaseworkRepository casework;
    CommitteeRepository committee;
    FundingRepository funding;

    explicit DemoWriter(Workspace &workspace, UnitOfWork &unitOfWork)
        : work(unitOfWork), users(workspace), enterprises(workspace), applications(workspace),
          casework(workspace), committee(workspace), funding(workspace)
    {}

    // Saves a record as done at a time, by a person, so the audit entry says so.
    template <typename Repository, typename Record>
    void saveAt(Repository &repository, Record &record, const QDateTime &at, const QString &actor)
    {
        if (at.isValid())
            work.setTime(at);
        if (!actor.isEmpty())
            work.setActor(actor);
        if constexpr (requires { record.revision; })
            record.revision = 0; // every demo record is new to the workspace
        repository.save(work, record);
    }

    template <typename Repository, typename Record>
    void saveAllAt(Repository &repository, QList<Record> &records, const QDateTime &at, const QString &actor)
    {
        for (Record &record : records)
            saveAt(repository, record, at, actor);
    }

    void writeStaff(DemoStaff staff, const QDateTime &start);
    void writeApplication(DemoApplication &demo, const QString &applicantUserId);
    void writeCase(DemoCase &demoCase);
};

// A page cache large enough for the demo's working set while it is written
// (one transaction of millions of rows), so that dirty pages are not spilled
// and read back; the workspace's own size again afterwards. Crash safety is
// untouched: the journal mode and synchronous stay as the workspace sets them.
class BulkCache
{
public:
    explicit BulkCache(Workspace &workspace) : m_workspace(workspace), m_size(currentSize(workspace))
    {
        m_workspace.run(QStringLiteral("PRAGMA cache_size = -1048576")); // in KiB: 1 GiB
    }
    ~BulkCache()
    {
        try {
            m_workspace.run(QStringLiteral("PRAGMA cache_size = %1").arg(m_size));
        } catch (const DomainError &) {
            // Only the cache stays larger until the workspace is closed; nothing is lost.
        }
    }
    BulkCache(const BulkCache &) = delete;
    BulkCache &operator=(const BulkCache &) = delete;

private:
    static qint64 currentSize(Workspace &workspace)
    {
        QSqlQuery query = workspace.run(QStringLiteral("PRAGMA cache_size"));
        return query.next() ? query.value(0).toLongLong() : 0;
    }

    Workspace &m_workspace;
    qint64 m_size;
};

// The demo writes a fresh workspace in one transaction of gigabytes. In WAL
// mode every page goes to the -wal file and then again, at the checkpoint,
// into the database file. An empty workspace has nothing to protect, so the
// demo writes it with a rollback journal instead (which then holds only the
// few schema pages the file had) and turns WAL back on afterwards. Crash-safe
// as before: a crash before COMMIT rolls back to the empty workspace, one
// after it leaves the whole demo, and the next opening of the workspace turns
// WAL on again if the crash came before this did. If SQLite cannot switch
// (another connection busy with the workspace), the demo writes through the
// WAL as usual.
class BulkJournal
{
public:
    explicit BulkJournal(Workspace &workspace) : m_workspace(workspace)
    {
        m_switched = journalMode(QStringLiteral("DELETE")) == QLatin1String("delete");
    }
    ~BulkJournal()
    {
        if (m_switched)
            journalMode(QStringLiteral("WAL"));
    }
    BulkJournal(const BulkJournal &) = delete;
    BulkJournal &operator=(const BulkJournal &) = delete;

private:
    // The journal mode in force after asking for one; empty when SQLite refused (busy).
    QString journalMode(const QString &mode)
    {
        try {
            QSqlQuery query = m_workspace.run(QStringLiteral("PRAGMA journal_mode = %1").arg(mode));
            return query.next() ? query.value(0).toString().toLower() : QString();
        } catch (const DomainError &) {
            return {};
        }
    }

    Workspace &m_workspace;
    bool m_switched = false;
};

QDateTime startOf(const QDate &date)
{
    return QDateTime(date, QTime(9, 0), Qt::UTC);
}

void DemoWriter::writeStaff(DemoStaff staff, const QDateTime &start)
{
    const QString administrator = staff.users.isEmpty() ? QString() : staff.users.first().id;
    saveAllAt(users, staff.users, start, administrator);
    saveAt(committee, staff.committee, start, administrator);
    for (CommitteeTerm &term : staff.terms)
        saveAt(committee, term, startOf(term.start), administrator);
    saveAllAt(committee, staff.memberships, start, administrator);
    for (InterestDeclaration &declaration : staff.declarations)
        saveAt(committee, declaration, startOf(declaration.declaredOn), declaration.userId);
    for (Meeting &meeting : staff.meetings)
        saveAt(committee, meeting, meeting.heldAt, administrator);
    saveAllAt(committee, staff.attendance, {}, {});
}

void DemoWriter::writeApplication(DemoApplication &demo, const QString &applicantUserId)
{
    Application &application = demo.application;
    saveAt(applications, application, application.createdAt, applicantUserId);
    for (StatusChange &change : demo.statusChanges) {
        work.setTime(change.at);
        work.setActor(change.actorId);
        applications.recordStatusChange(work, change);
    }
    for (ClarificationRequest &request : demo.clarifications)
        saveAt(casework, request, request.askedAt, request.askedBy);
    for (CorrespondenceEntry &entry : demo.correspondence)
        saveAt(casework, entry, entry.at, entry.authorId);
    saveAllAt(committee, demo.agendaItems, {}, {});
    for (InterestDeclaration &conflict : demo.conflicts)
        saveAt(committee, conflict, startOf(conflict.declaredOn), conflict.userId);
    for (Review &review : demo.reviews)
        saveAt(committee, review, review.submittedAt, review.reviewerId);
    if (demo.outcome)
        saveAt(committee, *demo.outcome, demo.outcome->recordedAt, demo.outcome->recordedBy);
    if (demo.approval)
        saveAt(funding, *demo.approval, demo.approval->approvedAt, demo.approval->approvedBy);
    if (demo.agreement)
        saveAt(funding, *demo.agreement, demo.agreement->issuedAt, {});
    saveAllAt(funding, demo.milestones, {}, {});
    for (Payment &payment : demo.payments)
        saveAt(funding, payment, payment.proposedAt, payment.proposedBy);
    for (ChangeRequest &request : demo.changeRequests)
        saveAt(casework, request, request.requestedAt, request.requestedBy);
    for (SiteCheck &check : demo.siteChecks)
        saveAt(casework, check, startOf(check.checkedOn), check.officerId);
    for (ProjectReport &report : demo.reports)
        saveAt(casework, report, report.submittedAt, applicantUserId);
}

void DemoWriter::writeCase(DemoCase &demoCase)
{
    const QString applicantUserId = demoCase.applicantUsers.isEmpty() ? QString() : demoCase.applicantUsers.first().id;
    const QDateTime founded = demoCase.applications.isEmpty() ? QDateTime()
                                                              : demoCase.applications.first().application.createdAt;
    saveAt(enterprises, demoCase.enterprise, founded, applicantUserId);
    saveAllAt(users, demoCase.applicantUsers, founded, applicantUserId);
    saveAllAt(enterprises, demoCase.relations, founded, applicantUserId);
    for (DemoApplication &application : demoCase.applications)
        writeApplication(application, applicantUserId);
}

} // namespace

void DemoWorkspace::write(DemoCohort &cohort, const std::function<void(int, int)> &progress)
{
    if (UserRepository(m_workspace).all().size() > 0 || ApplicationRepository(m_workspace).count() > 0)
        throw DomainError(QStringLiteral("WORKSPACE_NOT_EMPTY"), QDir::toNativeSeparators(m_workspace.folder()),
                          QCoreApplication::translate("vd::DemoWorkspace",
                                                      "the workspace already has data; demo data goes into an empty "
                                                      "workspace: choose a new folder with --workspace"));
    // Demo data is the workspace's own, never queued for sync (ChangeOrigin::Server).
    // All of it is one transaction, so a demo that fails leaves nothing; the
    // repositories flush their search index once per batch of cases.
    const DemoStaff &staff = cohort.staff();
    BulkJournal journal(m_workspace);
    BulkCache cache(m_workspace);
    UnitOfWork work(m_workspace, staff.users.isEmpty() ? QString() : staff.users.first().id, ChangeOrigin::Server);
    DemoWriter writer(m_workspace, work);
    const QDateTime firstMeeting = staff.meetings.isEmpty() ? DemoCohort::defaultNow() : staff.meetings.first().heldAt;
    writer.writeStaff(staff, firstMeeting.addDays(-30));
    DemoCase demoCase;
    while (cohort.next(demoCase)) {
        writer.writeCase(demoCase);
        if (progress && cohort.applicationsYielded() % 1000 < int(demoCase.applications.size()))
            progress(cohort.applicationsYielded(), cohort.applicationsTotal());
    }
    work.commit();
}

} // namespace vd
