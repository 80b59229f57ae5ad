#pragma once

#include "application.h"
#include "casework.h"
#include "committee.h"
#include "enterprise.h"
#include "funding.h"
#include "user.h"

#include <QDateTime>
#include <QList>

#include <memory>
#include <optional>

namespace vd {

class Scheme;

// The people who run the programme and the committee's calendar: users for
// every role of the scheme except applicants (they come with their
// enterprise), the assessment committee with its terms, memberships, annual
// declarations of interest, meetings and attendance.
struct DemoStaff
{
    QList<User> users;
    Committee committee;
    QList<CommitteeTerm> terms;
    QList<CommitteeMembership> memberships;
    QList<InterestDeclaration> declarations; // annual ones; a case's conflicts come with the case
    QList<Meeting> meetings;                 // held up to "now", planned after it
    QList<Attendance> attendance;            // for held meetings
    friend bool operator==(const DemoStaff &, const DemoStaff &) = default;
};

// One application and everything that happened to it up to "now", each list in time order.
struct DemoApplication
{
    Application application;
    QList<StatusChange> statusChanges;
    QList<ClarificationRequest> clarifications;
    QList<CorrespondenceEntry> correspondence;
    QList<AgendaItem> agendaItems;
    QList<InterestDeclaration> conflicts;     // declared by members at the meeting, with the chair's ruling
    QList<Review> reviews;
    std::optional<CommitteeOutcome> outcome;
    std::optional<Approval> approval;
    std::optional<FundingAgreement> agreement;
    QList<DisbursementMilestone> milestones;
    QList<Payment> payments;
    QList<ChangeRequest> changeRequests;
    QList<SiteCheck> siteChecks;
    QList<ProjectReport> reports;
    friend bool operator==(const DemoApplication &, const DemoApplication &) = default;
};

// One applicant enterprise with its users, its declared relation to an
// enterprise yielded earlier (if any) and its applications, oldest first:
// the earlier ones are the later ones' history.
struct DemoCase
{
    Enterprise enterprise;
    QList<User> applicantUsers;              // the project coordinator first
    QList<EnterpriseRelation> relations;     // relatedEnterpriseId is always an earlier case's enterprise
    QList<DemoApplication> applications;
    friend bool operator==(const DemoCase &, const DemoCase &) = default;
};

// A deterministic, realistic cohort of the programme's cases for demos and
// load tests: the same scheme, seed, size and "now" give the same records,
// byte for byte, on every platform. Cases are made one at a time, so any
// number can be written without holding them all.
//
//     DemoCohort cohort(Scheme::technologyVoucher(), 42, 100000);
//     write(cohort.staff());                  // users, committee, meetings first
//     DemoCase demoCase;
//     while (cohort.next(demoCase))
//         write(demoCase);                    // enterprises refer only to earlier ones
class DemoCohort
{
public:
    static QDateTime defaultNow(); // 2026-11-23 09:00 Hong Kong time, in UTC

    // Throws DomainError when the scheme or the demo resources are unusable.
    DemoCohort(const Scheme &scheme, quint64 seed, int applications, const QDateTime &now = defaultNow());
    ~DemoCohort();
    DemoCohort(const DemoCohort &) = delete;
    DemoCohort &operator=(const DemoCohort &) = delete;

    const DemoStaff &staff() const;
    // Fills demoCase with the next enterprise and its applications; false once
    // the cohort's applications have all been yielded.
    bool next(DemoCase &demoCase);
    int applicationsYielded() const;
    int applicationsTotal() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vd
