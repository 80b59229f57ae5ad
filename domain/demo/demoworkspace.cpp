#include "demoworkspace.h"

#include "applicationrepository.h"
#include "applicationsearch.h"
#include "bulkrows.h"
#include "domainerror.h"
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

// Makes the demo's records into rows (BulkEncoder) as the repositories would
// save them, each with its audit entry: no connection, so on the generator's
// thread.
struct DemoEncoder
{
    BulkEncoder &rows;

    // A record as done at a time, by a person, so the audit entry says so
    // (an invalid time or an empty actor keeps the one before).
    template <typename Record, typename... Context>
    void saveAt(Record &record, const QDateTime &at, const QString &actor, const Context &...context)
    {
        if (at.isValid())
            rows.setTime(at);
        if (!actor.isEmpty())
            rows.setActor(actor);
        if constexpr (requires { record.revision; })
            record.revision = 0; // every demo record is new to the workspace
        rows.add(record, context...);
    }

    template <typename Record>
    void saveAllAt(QList<Record> &records, const QDateTime &at, const QString &actor)
    {
        for (Record &record : records)
            saveAt(record, at, actor);
    }

    void writeStaff(DemoStaff staff, const QDateTime &start);
    void writeApplication(DemoApplication &demo, const Enterprise &enterprise, const QString &applicantUserId);
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

// The demo fills an empty workspace: its secondary (non-unique) indexes are
// dropped inside the demo's transaction and made again, each by one sort, just
// before the commit, instead of being kept up to date row by row through
// millions of random inserts. Unique indexes stay: the inserts' conflict
// clauses and the checks rely on them. A demo that fails rolls the drops
// back with everything else.
class DeferredIndexes
{
public:
    explicit DeferredIndexes(Workspace &workspace) : m_workspace(workspace)
    {
        QSqlQuery indexes = m_workspace.run(QStringLiteral(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
            "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"));
        while (indexes.next())
            m_indexes.append({indexes.value(0).toString(), indexes.value(1).toString()});
        indexes.finish();
        for (const auto &[name, sql] : std::as_const(m_indexes))
            m_workspace.run(QStringLiteral("DROP INDEX \"%1\"").arg(name));
    }
    void rebuild()
    {
        for (const auto &[name, sql] : std::as_const(m_indexes))
            m_workspace.run(sql);
        m_indexes.clear();
    }

private:
    Workspace &m_workspace;
    QList<std::pair<QString, QString>> m_indexes; // name, CREATE INDEX statement
};

// Makes the cohort's cases, and their rows, on a second thread while the
// writer stores the earlier ones (the machine's other core): the writer only
// binds and runs the inserts (BulkRows::writeTo). The generator and the
// encoder are pure — no store, no clock, their own PRNG — so the records, their
// order and the audit chain are exactly those made in line; only where the
// work runs changes. The staff come first. At most kAhead batches wait, so
// memory stays flat however large the cohort.
class CasesAhead
{
public:
    CasesAhead(DemoCohort &cohort, BulkEncoder &encoder)
        : m_cohort(cohort), m_encoder(encoder), m_thread([this] { make(); })
    {}
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

    struct Made
    {
        BulkRows rows;
        int applications = 0;        // in this batch
        int applicationsYielded = 0; // so far
        bool more = false;
    };

    // The next batch of rows (the staff, then a case at a time); false after
    // the last. Rethrows what the generator threw.
    bool next(Made &next)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_made.empty() || m_error; });
        if (m_made.empty())
            std::rethrow_exception(m_error);
        next = std::move(m_made.front());
        m_made.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return next.more;
    }

private:
    static constexpr size_t kAhead = 64;

    // False when the writer has stopped.
    bool hand(Made made)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stopped || m_made.size() < kAhead; });
        if (m_stopped)
            return false;
        m_made.push_back(std::move(made));
        lock.unlock();
        m_changed.notify_all();
        return true;
    }

    void make()
    {
        try {
            DemoEncoder encoder{m_encoder};
            const DemoStaff &staff = m_cohort.staff();
            const QDateTime firstMeeting =
                staff.meetings.isEmpty() ? DemoCohort::defaultNow() : staff.meetings.first().heldAt;
            encoder.writeStaff(staff, firstMeeting.addDays(-30));
            if (!hand({m_encoder.take(), 0, 0, true}))
                return;
            bool more = true;
            while (more) {
                DemoCase demoCase;
                more = m_cohort.next(demoCase);
                if (more)
                    encoder.writeCase(demoCase);
                if (!hand({m_encoder.take(), int(demoCase.applications.size()), m_cohort.applicationsYielded(), more}))
                    return;
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
    BulkEncoder &m_encoder;
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

void DemoEncoder::writeStaff(DemoStaff staff, const QDateTime &start)
{
    const QString administrator = staff.users.isEmpty() ? QString() : staff.users.first().id;
    saveAllAt(staff.users, start, administrator);
    saveAt(staff.committee, start, administrator);
    for (CommitteeTerm &term : staff.terms)
        saveAt(term, startOf(term.start), administrator);
    saveAllAt(staff.memberships, start, administrator);
    for (InterestDeclaration &declaration : staff.declarations)
        saveAt(declaration, startOf(declaration.declaredOn), declaration.userId);
    for (Meeting &meeting : staff.meetings)
        saveAt(meeting, meeting.heldAt, administrator);
    saveAllAt(staff.attendance, {}, {});
}

void DemoEncoder::writeApplication(DemoApplication &demo, const Enterprise &enterprise, const QString &applicantUserId)
{
    Application &application = demo.application;
    saveAt(application, application.createdAt, applicantUserId, enterprise);
    for (StatusChange &change : demo.statusChanges) {
        rows.setTime(change.at);
        rows.setActor(change.actorId);
        rows.add(change, change.action);
    }
    for (ClarificationRequest &request : demo.clarifications)
        saveAt(request, request.askedAt, request.askedBy);
    for (CorrespondenceEntry &entry : demo.correspondence)
        saveAt(entry, entry.at, entry.authorId);
    saveAllAt(demo.agendaItems, {}, {});
    for (InterestDeclaration &conflict : demo.conflicts)
        saveAt(conflict, startOf(conflict.declaredOn), conflict.userId);
    for (Review &review : demo.reviews)
        saveAt(review, review.submittedAt, review.reviewerId);
    if (demo.outcome)
        saveAt(*demo.outcome, demo.outcome->recordedAt, demo.outcome->recordedBy);
    if (demo.approval)
        saveAt(*demo.approval, demo.approval->approvedAt, demo.approval->approvedBy);
    if (demo.agreement)
        saveAt(*demo.agreement, demo.agreement->issuedAt, {});
    saveAllAt(demo.milestones, {}, {});
    for (Payment &payment : demo.payments)
        saveAt(payment, payment.proposedAt, payment.proposedBy);
    for (ChangeRequest &request : demo.changeRequests)
        saveAt(request, request.requestedAt, request.requestedBy);
    for (SiteCheck &check : demo.siteChecks)
        saveAt(check, startOf(check.checkedOn), check.officerId);
    for (ProjectReport &report : demo.reports)
        saveAt(report, report.submittedAt, applicantUserId);
}

void DemoEncoder::writeCase(DemoCase &demoCase)
{
    const QString applicantUserId = demoCase.applicantUsers.isEmpty() ? QString() : demoCase.applicantUsers.first().id;
    const QDateTime founded = demoCase.applications.isEmpty() ? QDateTime()
                                                              : demoCase.applications.first().application.createdAt;
    saveAt(demoCase.enterprise, founded, applicantUserId);
    saveAllAt(demoCase.applicantUsers, founded, applicantUserId);
    saveAllAt(demoCase.relations, founded, applicantUserId);
    for (DemoApplication &application : demoCase.applications)
        writeApplication(application, demoCase.enterprise, applicantUserId);
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
    // search index is brought up to date once, at the commit.
    const DemoStaff &staff = cohort.staff();
    // The journal and the page cache are SQLite's; PostgreSQL writes as it always does.
    std::optional<BulkJournal> journal;
    std::optional<BulkCache> cache;
    if (m_workspace.dialect() == sql::Dialect::SQLite) {
        journal.emplace(m_workspace);
        cache.emplace(m_workspace);
    }
    UnitOfWork work(m_workspace, staff.users.isEmpty() ? QString() : staff.users.first().id, ChangeOrigin::Server);
    std::optional<DeferredIndexes> indexes;
    if (m_workspace.dialect() == sql::Dialect::SQLite)
        indexes.emplace(m_workspace);
    // The search indexes of all the cases are written at the commit: in 64 MiB segments, not 1 MiB ones.
    ApplicationSearch::setPendingBytes(m_workspace, ApplicationSearch::kBulkPendingBytes);
    BulkEncoder encoder(work.chainHead(), work.actorId(), m_workspace.keepsChangeLog());
    CasesAhead cases(cohort, encoder);
    CasesAhead::Made made;
    while (cases.next(made)) {
        made.rows.writeTo(work);
        if (progress && made.applications > 0 && made.applicationsYielded % 1000 < made.applications)
            progress(made.applicationsYielded, cohort.applicationsTotal());
    }
    if (indexes)
        indexes->rebuild();
    work.commit();
    ApplicationSearch::setPendingBytes(m_workspace, ApplicationSearch::kDefaultPendingBytes);
}

} // namespace vd
