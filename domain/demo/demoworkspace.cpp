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

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

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

// Makes the cohort's cases on a second thread while the writer stores the
// earlier ones (the machine's other core). The generator is pure — no store,
// no clock, its own PRNG — so the cases and their order are exactly those
// made in line; only where the work runs changes. At most kAhead cases wait,
// so memory stays flat however large the cohort.
class CasesAhead
{
public:
    explicit CasesAhead(DemoCohort &cohort) : m_cohort(cohort), m_thread([this] { make(); }) {}
    ~CasesAhead()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopped = true; // the writer failed or finished: the generator stops at its next case
        }
        m_changed.notify_all();
        m_thread.join();
    }
    CasesAhead(const CasesAhead &) = delete;
    CasesAhead &operator=(const CasesAhead &) = delete;

    // The next case and the applications yielded with it; false after the
    // last. Rethrows what the generator threw.
    bool next(DemoCase &demoCase, int &applicationsYielded)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_made.empty() || m_error; });
        if (m_made.empty())
            std::rethrow_exception(m_error);
        Made made = std::move(m_made.front());
        m_made.pop_front();
        lock.unlock();
        m_changed.notify_all();
        if (!made.more)
            return false;
        demoCase = std::move(made.demoCase);
        applicationsYielded = made.applicationsYielded;
        return true;
    }

private:
    static constexpr size_t kAhead = 64;
    struct Made
    {
        DemoCase demoCase;
        int applicationsYielded = 0;
        bool more = false;
    };

    void make()
    {
        try {
            bool more = true;
            while (more) {
                Made made;
                more = made.more = m_cohort.next(made.demoCase);
                made.applicationsYielded = m_cohort.applicationsYielded();
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stopped || m_made.size() < kAhead; });
                if (m_stopped)
                    return;
                m_made.push_back(std::move(made));
                lock.unlock();
                m_changed.notify_all();
            }
        } catch (...) {
            {
                const std::lock_guard lock(m_mutex);
                m_error = std::current_exception();
            }
            m_changed.notify_all();
        }
    }

    DemoCohort &m_cohort;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Made> m_made;
    std::exception_ptr m_error;
    bool m_stopped = false;
    std::thread m_thread; // last: starts once everything it uses is built
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
    // The journal and the page cache are SQLite's; PostgreSQL writes as it always does.
    std::optional<BulkJournal> journal;
    std::optional<BulkCache> cache;
    if (m_workspace.dialect() == sql::Dialect::SQLite) {
        journal.emplace(m_workspace);
        cache.emplace(m_workspace);
    }
    UnitOfWork work(m_workspace, staff.users.isEmpty() ? QString() : staff.users.first().id, ChangeOrigin::Server);
    DemoWriter writer(m_workspace, work);
    const QDateTime firstMeeting = staff.meetings.isEmpty() ? DemoCohort::defaultNow() : staff.meetings.first().heldAt;
    writer.writeStaff(staff, firstMeeting.addDays(-30));
    CasesAhead cases(cohort);
    DemoCase demoCase;
    int yielded = 0;
    while (cases.next(demoCase, yielded)) {
        writer.writeCase(demoCase);
        if (progress && yielded % 1000 < int(demoCase.applications.size()))
            progress(yielded, cohort.applicationsTotal());
    }
    work.commit();
}

} // namespace vd
