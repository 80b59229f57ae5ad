#pragma once

#include "democohort.h"
#include "demovocabulary.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>

#include <optional>

namespace vd {

class DemoDice;
class DemoStaffing;
struct DemoMeetingSlot;
struct DemoTermRoster;
struct DemoApplicant;
struct DemoProgramme;
struct DemoRuleSet;

struct DemoPlan
{
    QDate submitted;          // after "now" for an application still in draft
    int vettingDays = 0;      // receipt to approval, before clarifications stretch it
    Money grant;              // what the rules give the application
    int durationMonths = 12;
    const DemoRuleSet *ruleSet = nullptr;
};

// Lives one application from its draft through the scheme's actions to where
// it stands at "now": every status change an allowed action by a user of the
// allowed role, with the clarifications, letters, reviews, agreement,
// payments, checks and reports that go with it. An application is taken to
// its planned end (closed, or returned, withdrawn, not processed, not
// supported, terminated) and cut at "now".
class DemoLifecycle
{
public:
    DemoLifecycle(DemoProgramme &programme, const DemoStaffing &staffing, DemoDice &dice,
                  const DemoApplicant &applicant, DemoApplication &record);

    void live(const DemoPlan &plan);
    // When the enterprise may apply again: its final report is in, or the
    // case has ended. Nothing while the case is still open.
    std::optional<QDateTime> freeFrom() const { return m_freeFrom; }

private:
    enum class Ending { Closed, Returned, Withdrawn, NotProcessed, NotSupported, Terminated };
    enum class Stage {
        Submitted, Screening, Clarification, Committee, Supported, Approved, AgreementPending,
        AgreementSigned, InProgress, Completed, FinalReportSubmitted
    };

    void chooseEnding();
    bool endsAt(Stage stage) const { return m_ending != Ending::Closed && m_endStage == stage; }
    void prepare();
    bool submit();
    bool screen();
    bool clarify(QDate asked, bool last);
    bool assess();
    QStringList declareConflict(const DemoMeetingSlot &meeting, const DemoTermRoster &roster);
    void review(const DemoMeetingSlot &meeting, const QDateTime &referred, QStringList reviewers, bool supported);
    QList<BilingualText> recommend();
    bool approve();
    bool sign();
    bool implement();
    bool report();
    void close();

    bool act(const QString &action, QDateTime at, const QString &actor, const QString &reason = {});
    // Ends the case with a reasoned action and its letter; always false, to stop the story.
    bool finish(const QString &action, const QDateTime &at, const QString &actor, const QString &letter);
    bool terminate(const QDateTime &at, const QString &actor, const QString &reasonKind);
    void pay(const QString &kind, const QString &milestoneId, Money amount, QDate from);
    void write(const QString &kind, bool outgoing, const QDateTime &at, const QString &author,
               DemoFields fields = {}, const QString &clarificationId = {});
    QString text(const BilingualText &phrase) const;
    QString reasonFor(const QString &kind);
    QDateTime officeTime(QDate day);
    QDateTime applicantTime(QDate day);
    bool happened(const QDateTime &at) const;

    DemoProgramme &m_programme;
    const DemoStaffing &m_staffing;
    DemoDice &m_dice;
    const DemoApplicant &m_applicant;
    DemoApplication &m_record;
    Application &m_application;
    DemoPlan m_plan;
    Ending m_ending = Ending::Closed;
    Stage m_endStage = Stage::Submitted;
    QString m_officer;
    QDateTime m_clock;            // the last status change
    Money m_recommendedGrant;
    Money m_released;             // paid to the applicant so far
    QString m_lastReason;
    std::optional<QDateTime> m_freeFrom;
};

} // namespace vd
