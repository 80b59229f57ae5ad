#pragma once

#include "application.h"
#include "casework.h"
#include "page.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace vd {

class UnitOfWork;
class Workspace;

// What a case queue filters on; empty fields do not filter.
struct ApplicationFilter
{
    QStringList statuses;                        // any of these
    QString sector;                              // the enterprise's sector
    QString solutionCategory;
    QString caseOfficerId;
    QString enterpriseId;
    std::optional<QDate> submittedFrom;          // inclusive
    std::optional<QDate> submittedTo;            // inclusive
    std::optional<QDate> clarificationOverdueOn; // only cases with a clarification unanswered and due before this day
};

enum class ApplicationOrder { SubmittedOldestFirst, SubmittedNewestFirst, Reference };

// One row of a case queue.
struct ApplicationSummary
{
    QString id;
    qint64 revision = 0;
    QString reference;
    QString status;
    BilingualText title;
    QString enterpriseId;
    BilingualText enterpriseName;
    QString sector;
    QString solutionCategory;
    std::optional<QDate> submitted;
    QString caseOfficerId;
    Money totalCost;
    std::optional<Money> approvedGrant;
    QDateTime updatedAt;
    friend bool operator==(const ApplicationSummary &, const ApplicationSummary &) = default;
};

struct StatusCount
{
    QString status;
    qint64 applications = 0;
    Money totalCost;
    Money approvedGrant;
    friend bool operator==(const StatusCount &, const StatusCount &) = default;
};

// Applications with their budget items, quotations, attachment references
// and declarations, and their status history.
class ApplicationRepository
{
public:
    explicit ApplicationRepository(Workspace &workspace) : m_workspace(workspace) {}

    // Inserts or updates the application and all its parts, and its search
    // text (revision checked: STALE_REVISION). Sets created_at on the first
    // save when it is not set, and updated_at to the unit of work's time.
    void save(UnitOfWork &work, Application &application, const QString &action = {});
    // What save() stamps: created_at when not set, and updated_at, to `now`.
    static void stamp(Application &application, const QDateTime &now);
    std::optional<Application> find(const QString &id) const;
    std::optional<Application> findByReference(const QString &reference) const;

    QList<ApplicationSummary> list(const ApplicationFilter &filter, const Page &page = {},
                                   ApplicationOrder order = ApplicationOrder::SubmittedOldestFirst) const;
    qint64 count(const ApplicationFilter &filter = {}) const;
    // Counts and sums per status, by status id.
    QList<StatusCount> countByStatus(const ApplicationFilter &filter = {}) const;
    // The filter as conditions on `applications AS a LEFT JOIN enterprises AS
    // e`, joined by AND (empty when nothing filters), and the values of their
    // ? placeholders in order.
    static std::pair<QString, QVariantList> conditions(const ApplicationFilter &filter);
    // Summaries of these applications, in the order given (for search hits).
    QList<ApplicationSummary> summaries(const QStringList &ids) const;

    // A step of the workflow; the audit entry's action is the change's
    // action unless another is given (an import says "import").
    void recordStatusChange(UnitOfWork &work, StatusChange &change, const QString &action = {});
    QList<StatusChange> statusChanges(const QString &applicationId) const; // oldest first

private:
    Workspace &m_workspace;
};

} // namespace vd
