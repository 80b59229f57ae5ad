#include "demolifecycle.h"

#include "demodice.h"
#include "demoprogramme.h"
#include "demoproposal.h"
#include "demorules.h"
#include "demostaffing.h"
#include "enterprise.h"
#include "scheme.h"

#include <algorithm>

namespace vd {

namespace {

// How long things take, in days, where DOMAIN.md is silent ([demo] assumptions, see docs/demo-data.md).
constexpr int kDraftingDaysMax = 60;
constexpr int kScreeningStartsWithinDays = 21;
constexpr int kCommitteeLeadDays = 55;      // referral to approval, taken out of the vetting time
constexpr int kApprovalMinDays = 7;         // committee to approval: mostly weeks, now and then three months
constexpr int kApprovalTailDays = 83;
constexpr int kPapersBeforeMeetingDays = 7;
constexpr int kDaysPerClarificationRound = 30;
constexpr int kLateAnswerPercent = 15;
constexpr int kConflictPercent = 3;
constexpr int kReducedGrantPercent = 8;
constexpr int kConditionsPercent = 25;
constexpr int kInitialPaymentTakenPercent = 85;
constexpr int kChangeRequestPercent = 12;
constexpr int kLateFinalReportPercent = 15;
constexpr int kFinalReportReturnedPercent = 12;
constexpr int kFullFinalGrantPercent = 80;
constexpr int kChairAcceptsReportPercent = 60;
constexpr int kChaserAfterDays = 30;

constexpr int kOfficeOpensUtcHour = 1;           // 09:00 in Hong Kong
constexpr int kOfficeDaySeconds = 8 * 3600 + 1800;
constexpr int kApplicantDaySeconds = 15 * 3600;  // 08:00 to 23:00 in Hong Kong

Money percentOf(Money amount, qint64 percent)
{
    return amount.multipliedBy(Ratio{percent, 100}, Rounding::Down).roundedToDollar(Rounding::Down);
}

} // namespace

DemoLifecycle::DemoLifecycle(DemoProgramme &programme, const DemoStaffing &staffing, DemoDice &dice,
                             const DemoApplicant &applicant, DemoApplication &record)
    : m_programme(programme),
      m_staffing(staffing),
      m_dice(dice),
      m_applicant(applicant),
      m_record(record),
      m_application(record.application)
{
}

void DemoLifecycle::live(const DemoPlan &plan)
{
    m_plan = plan;
    chooseEnding();
    m_officer = m_dice.pick(m_staffing.officers());
    prepare();
    if (submit() && screen() && assess() && approve() && sign() && implement() && report())
        close();
    std::stable_sort(m_record.correspondence.begin(), m_record.correspondence.end(),
                     [](const CorrespondenceEntry &a, const CorrespondenceEntry &b) { return a.at < b.at; });
}

// The statistics say how often a case ends early; where in its life it does
// so is the generator's own guess.
void DemoLifecycle::chooseEnding()
{
    const QHash<QString, int> &permille = m_programme.statistics.endingsPermille;
    const std::pair<Ending, QString> endings[] = {
        {Ending::Returned, QStringLiteral("returned")}, {Ending::Withdrawn, QStringLiteral("withdrawn")},
        {Ending::NotProcessed, QStringLiteral("not_processed")}, {Ending::NotSupported, QStringLiteral("not_supported")},
        {Ending::Terminated, QStringLiteral("terminated")}};
    qint64 roll = m_dice.below(1000);
    m_ending = Ending::Closed;
    for (const auto &[ending, key] : endings) {
        roll -= permille.value(key);
        if (roll < 0) {
            m_ending = ending;
            break;
        }
    }
    auto stageOf = [this](std::initializer_list<std::pair<Stage, qint64>> stages) {
        QList<qint64> weights;
        for (const auto &stage : stages)
            weights.append(stage.second);
        return std::data(stages)[DemoWeights(weights).pick(m_dice)].first;
    };
    switch (m_ending) {
    case Ending::Returned:
        m_endStage = stageOf({{Stage::Submitted, 5}, {Stage::Screening, 75}, {Stage::Clarification, 20}});
        break;
    case Ending::Withdrawn:
        m_endStage = stageOf({{Stage::Submitted, 8}, {Stage::Screening, 50}, {Stage::Clarification, 27},
                              {Stage::Committee, 10}, {Stage::Supported, 5}});
        break;
    case Ending::NotProcessed:
        m_endStage = Stage::Clarification;
        break;
    case Ending::NotSupported:
        m_endStage = Stage::Committee;
        break;
    case Ending::Terminated:
        m_endStage = stageOf({{Stage::Approved, 5}, {Stage::AgreementPending, 15}, {Stage::AgreementSigned, 5},
                              {Stage::InProgress, 60}, {Stage::Completed, 10}, {Stage::FinalReportSubmitted, 5}});
        break;
    case Ending::Closed:
        break;
    }
}

void DemoLifecycle::prepare()
{
    QDateTime created = applicantTime(m_plan.submitted.addDays(-m_dice.between(3, kDraftingDaysMax)));
    if (!happened(created))
        created = m_programme.now.addSecs(-m_dice.between(3600, 20 * 86400));
    m_application.createdAt = created;
    m_application.updatedAt = created;
    m_clock = created;
    // The applicant proposes to start once approval can be expected; a signed agreement fixes the real dates.
    m_application.start = m_plan.submitted.addDays(m_plan.vettingDays + kCommitteeLeadDays);
    m_application.end = m_application.start.addMonths(m_plan.durationMonths).addDays(-1);
}

bool DemoLifecycle::submit()
{
    if (!act(QStringLiteral("submit"), applicantTime(m_plan.submitted), m_applicant.coordinatorId)) {
        // Still being drafted: last edited some time between starting and now.
        m_application.updatedAt = std::min(m_programme.now, m_application.createdAt.addSecs(m_dice.between(600, 10 * 86400)));
        return false;
    }
    m_application.submitted = m_plan.submitted;
    m_application.reference = m_programme.nextReference(m_plan.submitted.year());
    for (const QString &kind : m_programme.vocabulary.applicantDeclarations())
        m_application.declarations.append({kind, true, m_clock});
    write(QStringLiteral("acknowledgement"), true, m_clock.addSecs(m_dice.between(60, 3600)), m_officer);

    if (endsAt(Stage::Submitted)) {
        if (m_ending == Ending::Returned)
            return finish(QStringLiteral("return_ineligible"), officeTime(m_plan.submitted.addDays(m_dice.between(1, 10))),
                          m_officer, QStringLiteral("returned"));
        return finish(QStringLiteral("withdraw"), applicantTime(m_plan.submitted.addDays(m_dice.between(1, 10))),
                      m_applicant.coordinatorId, QStringLiteral("withdrawal"));
    }
    return true;
}

// Screening takes the vetting time less the committee's part, with rounds of
// clarification spread over it; a case may be returned, withdrawn or left
// unprocessed on the way.
bool DemoLifecycle::screen()
{
    const QDateTime started = officeTime(m_plan.submitted.addDays(m_dice.between(1, kScreeningStartsWithinDays)));
    if (!act(QStringLiteral("start_screening"), started, m_officer))
        return false;
    m_application.caseOfficerId = m_officer;

    const QDate referral = std::max(m_plan.submitted.addDays(m_plan.vettingDays - kCommitteeLeadDays),
                                    m_clock.date().addDays(kPapersBeforeMeetingDays));
    // Most cases get questions; there are as many rounds as the screening time leaves room for.
    int rounds = DemoWeights({25, 40, 23, 12}).pick(m_dice);
    rounds = std::min<qint64>(rounds, std::max<qint64>(1, m_clock.date().daysTo(referral) / kDaysPerClarificationRound));
    if (endsAt(Stage::Clarification))
        rounds = std::max(rounds, 1);
    for (int round = 0; round < rounds; ++round) {
        const qint64 room = std::max<qint64>(3, m_clock.date().daysTo(referral) / (rounds - round + 1));
        if (!clarify(m_clock.date().addDays(m_dice.between(3, room)), round == rounds - 1))
            return false;
    }

    if (endsAt(Stage::Screening)) {
        if (m_ending == Ending::Returned)
            return finish(QStringLiteral("return_ineligible"), officeTime(m_clock.date().addDays(m_dice.between(5, 40))),
                          m_officer, QStringLiteral("returned"));
        return finish(QStringLiteral("withdraw"), applicantTime(m_clock.date().addDays(m_dice.between(5, 60))),
                      m_applicant.coordinatorId, QStringLiteral("withdrawal"));
    }
    const QDate referred = std::max(referral, m_clock.date().addDays(m_dice.between(3, 14)));
    return act(QStringLiteral("refer_to_committee"), officeTime(referred), m_officer);
}

bool DemoLifecycle::clarify(QDate asked, bool last)
{
    const DemoRules &rules = m_programme.rules;
    if (!act(QStringLiteral("request_clarification"), officeTime(asked), m_officer))
        return false;
    const DemoClarification &wording = m_programme.vocabulary.clarification(m_dice);
    const Enterprise &enterprise = *m_applicant.enterprise;
    const DemoFields details = {{QStringLiteral("{district}"), text(m_applicant.district)},
                                {QStringLiteral("{employees}"), QString::number(enterprise.employees)},
                                {QStringLiteral("{phone}"), enterprise.contactPhone},
                                {QStringLiteral("{email}"), enterprise.contactEmail}};
    ClarificationRequest request;
    request.id = m_programme.ids.next();
    request.revision = 1;
    request.applicationId = m_application.id;
    request.question = DemoVocabulary::fill(text(wording.question), details);
    request.askedBy = m_officer;
    request.askedAt = m_clock;
    request.dueOn = m_clock.date().addDays(rules.clarificationResponseDays);
    write(QStringLiteral("clarification_request"), true, m_clock.addSecs(m_dice.between(60, 900)), m_officer,
          {{QStringLiteral("{due}"), m_programme.vocabulary.date(request.dueOn, m_applicant.chinese)},
           {QStringLiteral("{question}"), request.question}},
          request.id);

    // A question left unanswered ends the case; otherwise an answer comes, some after the due date.
    const bool neverAnswered = last && (m_ending == Ending::NotProcessed || endsAt(Stage::Clarification));
    QDateTime answerAt;
    QString closing;
    if (!neverAnswered) {
        const QDate answerOn = m_dice.percent(kLateAnswerPercent)
            ? request.dueOn.addDays(m_dice.between(1, 30))
            : m_clock.date().addDays(m_dice.between(2, rules.clarificationResponseDays));
        answerAt = applicantTime(answerOn);
    } else if (m_ending == Ending::NotProcessed) {
        closing = QStringLiteral("mark_not_processed");
        answerAt = officeTime(request.dueOn.addDays(m_dice.between(14, 45)));
    } else if (m_ending == Ending::Returned) {
        closing = QStringLiteral("return_ineligible");
        answerAt = officeTime(asked.addDays(m_dice.between(5, 20)));
    } else {
        closing = QStringLiteral("withdraw");
        answerAt = applicantTime(asked.addDays(m_dice.between(3, 20)));
    }
    const QDateTime remindAt = officeTime(request.dueOn.addDays(-rules.reminderDaysBeforeDue));
    if (answerAt > remindAt && remindAt > m_clock && happened(remindAt)) {
        request.remindedAt = remindAt;
        write(QStringLiteral("clarification_reminder"), true, remindAt, m_officer,
              {{QStringLiteral("{due}"), m_programme.vocabulary.date(request.dueOn, m_applicant.chinese)}}, request.id);
    }
    const qsizetype index = m_record.clarifications.size();
    m_record.clarifications.append(request);

    if (closing == QLatin1String("withdraw"))
        return finish(closing, answerAt, m_applicant.coordinatorId, QStringLiteral("withdrawal"));
    if (!closing.isEmpty())
        return finish(closing, answerAt, m_officer,
                      closing == QLatin1String("mark_not_processed") ? QStringLiteral("not_processed") : QStringLiteral("returned"));
    if (!act(QStringLiteral("answer_clarification"), answerAt, m_applicant.coordinatorId))
        return false;
    ClarificationRequest &answered = m_record.clarifications[index];
    answered.answer = DemoVocabulary::fill(text(wording.answer), details);
    answered.answeredBy = m_applicant.coordinatorId;
    answered.answeredAt = m_clock;
    write(QStringLiteral("clarification_answer"), false, m_clock, m_applicant.coordinatorId,
          {{QStringLiteral("{answer}"), answered.answer}}, answered.id);
    return true;
}

// The case goes on the agenda of the first meeting a week after referral;
// members review it beforehand, some declare a conflict at the meeting, and
// the chair records the committee's outcome.
bool DemoLifecycle::assess()
{
    const QDateTime referred = m_clock;
    const DemoMeetingSlot *meeting = m_staffing.firstMeetingFrom(referred.addDays(kPapersBeforeMeetingDays));
    Q_ASSERT_X(meeting, "DemoLifecycle::assess", "the calendar must reach past every referral");
    if (!meeting)
        return false;
    m_record.agendaItems.append({m_programme.ids.next(), meeting->id, m_application.id,
                                 m_programme.nextAgendaPosition(meeting->id)});
    const qint64 daysBefore = referred.date().daysTo(meeting->heldAt.date());
    if (endsAt(Stage::Committee) && m_ending == Ending::Withdrawn)
        return finish(QStringLiteral("withdraw"), applicantTime(referred.date().addDays(m_dice.between(1, std::max<qint64>(1, daysBefore - 1)))),
                      m_applicant.coordinatorId, QStringLiteral("withdrawal"));

    const DemoTermRoster &roster = m_staffing.rosterOf(*meeting);
    const bool supported = m_ending != Ending::NotSupported;
    review(*meeting, referred, declareConflict(*meeting, roster), supported);

    CommitteeOutcome outcome;
    outcome.id = m_programme.ids.next();
    outcome.applicationId = m_application.id;
    outcome.meetingId = meeting->id;
    outcome.recordedBy = roster.chairId;
    const QDateTime decided = meeting->heldAt.addSecs(m_dice.between(1800, 3 * 3600));
    if (supported) {
        outcome.conditions = recommend();
        outcome.outcome = QStringLiteral("supported");
        outcome.recommendedGrant = m_recommendedGrant;
        if (!act(QStringLiteral("record_supported"), decided, roster.chairId))
            return false;
    } else {
        outcome.outcome = QStringLiteral("not_supported");
        if (!act(QStringLiteral("record_not_supported"), decided, roster.chairId, reasonFor(QStringLiteral("record_not_supported"))))
            return false;
    }
    outcome.recordedAt = m_clock;
    m_record.outcome = outcome;
    const QDateTime notified = officeTime(meeting->heldAt.date().addDays(m_dice.between(1, m_programme.rules.resultNoticeWorkingDays)));
    const DemoFields fields = {{QStringLiteral("{date}"), m_programme.vocabulary.date(meeting->heldAt.date(), m_applicant.chinese)},
                               {QStringLiteral("{reason}"), m_lastReason}};
    write(supported ? QStringLiteral("result_supported") : QStringLiteral("result_not_supported"), true, notified, m_officer, fields);
    if (!supported)
        m_freeFrom = m_clock;
    return supported;
}

// Now and then a member declares a conflict at the meeting; unless the chair
// lets the member take part, the member does not review the case. Returns who may.
QStringList DemoLifecycle::declareConflict(const DemoMeetingSlot &meeting, const DemoTermRoster &roster)
{
    QStringList reviewers = roster.nonOfficialIds;
    if (!m_dice.percent(kConflictPercent))
        return reviewers;
    const QString member = m_dice.pick(roster.nonOfficialIds);
    const QString ruling = m_dice.pick(QStringList{QStringLiteral("leave_room"), QStringLiteral("abstain"),
                                                   QStringLiteral("may_participate")});
    if (ruling != QLatin1String("may_participate"))
        reviewers.removeOne(member);
    if (happened(meeting.heldAt)) {
        const QString description = inLanguage(m_programme.vocabulary.phrase(m_dice, DemoPhrases::CaseConflicts),
                                               m_staffing.writesChinese(member));
        m_record.conflicts.append({m_programme.ids.next(), roster.termId, member, QStringLiteral("case"), m_application.id,
                                   meeting.id, meeting.heldAt.date(), meeting.heldAt.date(), description, ruling, roster.chairId});
    }
    return reviewers;
}

// Two or three members review the case between referral and the meeting, in
// their own language; now and then one dissents from the outcome.
void DemoLifecycle::review(const DemoMeetingSlot &meeting, const QDateTime &referred, QStringList reviewers, bool supported)
{
    const qint64 daysBefore = referred.date().daysTo(meeting.heldAt.date());
    const int count = int(m_dice.between(2, 3));
    QList<Review> reviews;
    for (int i = 0; i < count && !reviewers.isEmpty(); ++i) {
        Review review;
        review.reviewerId = reviewers.takeAt(m_dice.below(reviewers.size()));
        review.submittedAt = applicantTime(referred.date().addDays(m_dice.between(1, std::max<qint64>(1, daysBefore - 1))));
        if (!happened(review.submittedAt))
            continue;
        review.id = m_programme.ids.next();
        review.revision = 1;
        review.applicationId = m_application.id;
        review.meetingId = meeting.id;
        review.supported = m_dice.percent(90) ? supported : !supported;
        for (const SchemeTerm &criterion : m_programme.scheme.reviewCriteria().terms()) {
            const int top = criterion.attributes.value(QStringLiteral("max")).toInt(5);
            const int score = int(review.supported ? m_dice.between(std::min(3, top), top) : m_dice.between(1, std::min(3, top)));
            review.scores.append({criterion.id, score});
        }
        review.comment = inLanguage(m_programme.vocabulary.phrase(m_dice, review.supported ? DemoPhrases::SupportiveComments
                                                                                            : DemoPhrases::CriticalComments),
                                    m_staffing.writesChinese(review.reviewerId));
        reviews.append(review);
    }
    std::sort(reviews.begin(), reviews.end(), [](const Review &a, const Review &b) { return a.submittedAt < b.submittedAt; });
    m_record.reviews = reviews;
}

// The committee supports the grant the rules give, now and then cutting it,
// and sometimes sets conditions.
QList<BilingualText> DemoLifecycle::recommend()
{
    QList<BilingualText> conditions;
    m_recommendedGrant = m_plan.grant;
    if (m_dice.percent(kReducedGrantPercent)) {
        m_recommendedGrant = percentOf(m_plan.grant, 100 - m_dice.between(5, 20));
        const BilingualText &wording = m_programme.vocabulary.reductionCondition();
        auto inOne = [&](bool chinese) {
            return DemoVocabulary::fill(inLanguage(wording, chinese),
                                        {{QStringLiteral("{amount}"), m_programme.vocabulary.money(m_recommendedGrant, chinese)}});
        };
        conditions.append({inOne(false), inOne(true)});
    }
    if (m_dice.percent(kConditionsPercent)) {
        const BilingualText &condition = m_programme.vocabulary.phrase(m_dice, DemoPhrases::Conditions);
        conditions.append(condition);
        const BilingualText &another = m_programme.vocabulary.phrase(m_dice, DemoPhrases::Conditions);
        if (m_dice.percent(30) && another != condition)
            conditions.append(another);
    }
    return conditions;
}

bool DemoLifecycle::approve()
{
    if (endsAt(Stage::Supported))
        return finish(QStringLiteral("withdraw"), applicantTime(m_clock.date().addDays(m_dice.between(2, 10))),
                      m_applicant.coordinatorId, QStringLiteral("withdrawal"));
    const QDateTime at = officeTime(m_clock.date().addDays(kApprovalMinDays + m_dice.mostlySmall(kApprovalTailDays)));
    const QString approver = m_staffing.approvingOfficerOn(at.date());
    if (!act(QStringLiteral("approve"), at, approver))
        return false;
    m_record.approval = Approval{m_programme.ids.next(), m_application.id, m_recommendedGrant, approver, m_clock};
    m_application.approvedGrant = m_recommendedGrant;
    write(QStringLiteral("approval"), true, m_clock.addSecs(m_dice.between(600, 7200)), m_officer,
          {{QStringLiteral("{amount}"), m_programme.vocabulary.money(m_recommendedGrant, m_applicant.chinese)}});
    if (endsAt(Stage::Approved))
        return terminate(officeTime(m_clock.date().addDays(m_dice.between(30, 90))), approver,
                         QStringLiteral("terminate_before_signing"));
    return true;
}

// The applicant meets any conditions, the secretariat issues the agreement,
// the applicant books a signing (chased when slow) and signs; the initial
// payment follows when the rules allow one.
bool DemoLifecycle::sign()
{
    const bool conditions = m_record.outcome && !m_record.outcome->conditions.isEmpty();
    const qint64 revising = conditions ? m_dice.between(14, 40) : 0;
    if (!act(QStringLiteral("issue_agreement"), officeTime(m_clock.date().addDays(m_dice.between(3, 20) + revising)), m_officer))
        return false;
    m_record.agreement = FundingAgreement{m_programme.ids.next(), 1, m_application.id, m_clock, std::nullopt, std::nullopt};
    const QDateTime issued = m_clock;
    write(QStringLiteral("agreement_issued"), true, issued.addSecs(m_dice.between(60, 3600)), m_officer);
    const DemoFields issuedOn = {{QStringLiteral("{date}"), m_programme.vocabulary.date(issued.date(), m_applicant.chinese)}};

    if (endsAt(Stage::AgreementPending)) {
        write(QStringLiteral("signing_chaser"), true, officeTime(issued.date().addDays(kChaserAfterDays)), m_officer, issuedOn);
        write(QStringLiteral("signing_chaser"), true, officeTime(issued.date().addDays(2 * kChaserAfterDays)), m_officer, issuedOn);
        return terminate(officeTime(issued.date().addDays(m_dice.between(90, 150))), m_officer,
                         QStringLiteral("terminate_before_signing"));
    }
    const QDateTime booked = applicantTime(issued.date().addDays(1 + m_dice.mostlySmall(45)));
    const QDateTime signing = officeTime(booked.date().addDays(m_dice.between(3, 20)));
    if (issued.daysTo(booked) > kChaserAfterDays)
        write(QStringLiteral("signing_chaser"), true, officeTime(issued.date().addDays(kChaserAfterDays)), m_officer, issuedOn);
    if (happened(booked)) {
        m_record.agreement->signingBookedFor = signing;
        write(QStringLiteral("signing_booked"), true, booked.addSecs(60), m_officer,
              {{QStringLiteral("{date}"), m_programme.vocabulary.date(signing.date(), m_applicant.chinese)}});
    }
    if (!act(QStringLiteral("sign_agreement"), signing, m_applicant.coordinatorId))
        return false;
    m_record.agreement->signedAt = m_clock;

    const QDate signedOn = m_clock.date();
    m_application.start = signedOn.addDays(m_dice.between(1, 30));
    m_application.end = m_application.start.addMonths(m_plan.durationMonths).addDays(-1);
    const Money approved = *m_application.approvedGrant;
    Money initial;
    if (m_dice.percent(kInitialPaymentTakenPercent))
        initial = m_programme.rules.initialPaymentMax(approved, m_plan.submitted);
    const QDate finalDue = m_application.end.addMonths(m_plan.ruleSet->finalReportMonths + 1);
    QString initialMilestone;
    if (!initial.isZero()) {
        initialMilestone = m_programme.ids.next();
        m_record.milestones.append({initialMilestone, m_application.id, QStringLiteral("initial"), initial, signedOn,
                                    text(m_programme.vocabulary.milestone(true))});
    }
    m_record.milestones.append({m_programme.ids.next(), m_application.id, QStringLiteral("final"), approved - initial, finalDue,
                                text(m_programme.vocabulary.milestone(false))});
    if (!initial.isZero())
        pay(QStringLiteral("initial"), initialMilestone, initial, signedOn);

    if (endsAt(Stage::AgreementSigned)) // after the initial payment went out, before the project starts
        return terminate(officeTime(signedOn.addDays(m_dice.between(25, 50))), m_officer,
                         QStringLiteral("terminate_during_project"));
    return true;
}

// The project runs; some ask for changes, some get a site check (a few look
// suspicious and are terminated), and it is completed around its end date.
bool DemoLifecycle::implement()
{
    if (!act(QStringLiteral("start_project"), officeTime(m_application.start), m_officer))
        return false;
    const QDate start = m_application.start;
    const qint64 length = start.daysTo(m_application.end);
    const bool terminated = endsAt(Stage::InProgress);
    const QDate stop = terminated ? start.addDays(m_dice.between(30, std::max<qint64>(30, length - 1))) : m_application.end;
    const qint64 running = start.daysTo(stop);

    if (running > 40 && m_dice.percent(kChangeRequestPercent)) {
        ChangeRequest change;
        change.requestedAt = applicantTime(start.addDays(m_dice.between(10, running - 20)));
        if (happened(change.requestedAt)) {
            change.id = m_programme.ids.next();
            change.revision = 1;
            change.applicationId = m_application.id;
            change.description = text(m_programme.vocabulary.phrase(m_dice, DemoPhrases::ChangeRequests));
            change.requestedBy = m_applicant.coordinatorId;
            change.committeeConsulted = m_dice.percent(20);
            write(QStringLiteral("change_request"), false, change.requestedAt, m_applicant.coordinatorId,
                  {{QStringLiteral("{description}"), change.description}});
            const QDateTime decided = officeTime(change.requestedAt.date().addDays(m_dice.between(5, 30)));
            change.status = QStringLiteral("pending");
            if (happened(decided)) {
                const bool approved = m_dice.percent(85);
                change.status = approved ? QStringLiteral("approved") : QStringLiteral("rejected");
                change.decidedBy = m_officer;
                change.decidedAt = decided;
                change.decisionNote = text(m_programme.vocabulary.phrase(m_dice, approved ? DemoPhrases::ChangeApproved
                                                                                          : DemoPhrases::ChangeRejected));
                write(QStringLiteral("change_decision"), true, decided, m_officer, {{QStringLiteral("{decision}"), change.decisionNote}});
            }
            m_record.changeRequests.append(change);
        }
    }

    const DemoStatistics &statistics = m_programme.statistics;
    if (running > 90 && m_dice.percent(statistics.siteCheckPercent)) {
        const QDate checkedOn = start.addDays(m_dice.between(30, running - 30));
        const qint64 roll = m_dice.below(1000);
        const bool suspicious = roll < statistics.suspiciousPermille;
        const bool issues = !suspicious && roll < statistics.suspiciousPermille + statistics.issuesFoundPermille;
        const DemoFields on = {{QStringLiteral("{date}"), m_programme.vocabulary.date(checkedOn, m_applicant.chinese)}};
        write(QStringLiteral("site_check_notice"), true, officeTime(checkedOn.addDays(-m_dice.between(3, 7))), m_officer, on);
        if (checkedOn <= m_programme.now.date()) {
            const DemoPhrases notes = suspicious ? DemoPhrases::SiteSuspicious : issues ? DemoPhrases::SiteIssuesFound
                                                                                        : DemoPhrases::SiteSatisfactory;
            m_record.siteChecks.append({m_programme.ids.next(), m_application.id, checkedOn, m_officer,
                                        suspicious ? QStringLiteral("suspicious") : issues ? QStringLiteral("issues_found")
                                                                                         : QStringLiteral("satisfactory"),
                                        suspicious, text(m_programme.vocabulary.phrase(m_dice, notes))});
        }
        if (suspicious)
            return terminate(officeTime(checkedOn.addDays(m_dice.between(7, 25))), m_officer, QStringLiteral("terminate_suspicious"));
    }
    if (terminated) {
        const QString actor = m_dice.percent(50) ? m_officer : m_staffing.approvingOfficerOn(stop);
        return terminate(officeTime(stop), actor, QStringLiteral("terminate_during_project"));
    }
    const QDate completedOn = m_application.end.addDays(m_dice.between(0, 20));
    const bool byApplicant = m_dice.percent(70);
    return act(QStringLiteral("complete_project"), byApplicant ? applicantTime(completedOn) : officeTime(completedOn),
               byApplicant ? m_applicant.coordinatorId : m_officer);
}

// The final report comes within the rule set's months of the end (some
// late, some returned for amendment), is accepted, and the final payment follows.
bool DemoLifecycle::report()
{
    const QDate completedOn = m_clock.date();
    const QDate due = m_application.end.addMonths(m_plan.ruleSet->finalReportMonths);
    QDate submitOn = m_dice.percent(kLateFinalReportPercent) ? due.addDays(m_dice.between(1, 75))
                                                             : std::min(due, completedOn.addDays(m_dice.between(5, 55)));
    submitOn = std::max(submitOn, completedOn.addDays(1));
    const QDateTime reminded = officeTime(due.addDays(-14));
    if (reminded > m_clock && applicantTime(submitOn) > reminded)
        write(QStringLiteral("final_report_reminder"), true, reminded, m_officer,
              {{QStringLiteral("{due}"), m_programme.vocabulary.date(due, m_applicant.chinese)}});
    if (endsAt(Stage::Completed))
        return terminate(officeTime(due.addDays(m_dice.between(30, 90))), m_officer, QStringLiteral("terminate_during_project"));

    if (!act(QStringLiteral("submit_final_report"), applicantTime(submitOn), m_applicant.coordinatorId))
        return false;
    const Money approved = *m_application.approvedGrant;
    ProjectReport report;
    report.id = m_programme.ids.next();
    report.revision = 1;
    report.applicationId = m_application.id;
    report.kind = QStringLiteral("final");
    report.submittedAt = m_clock;
    report.auditedStatement = approved > m_programme.rules.auditedAccountsOver;
    const QString solution = m_programme.scheme.solutionCategories().nameOf(
        m_application.solutionCategory, m_applicant.chinese ? QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong)
                                                            : QLocale(QLocale::English));
    report.summary = DemoVocabulary::fill(text(m_programme.vocabulary.phrase(m_dice, DemoPhrases::FinalReports)),
                                          {{QStringLiteral("{solution}"), solution},
                                           {QStringLiteral("{percent}"), QString::number(5 * m_dice.between(12, 20))}});
    const qsizetype index = m_record.reports.size();
    m_record.reports.append(report);
    write(QStringLiteral("final_report_received"), true, m_clock.addSecs(m_dice.between(600, 86400)), m_officer);
    m_freeFrom = m_clock;

    if (m_dice.percent(kFinalReportReturnedPercent)) {
        if (!act(QStringLiteral("return_final_report"), officeTime(m_clock.date().addDays(m_dice.between(14, 40))), m_officer,
                 reasonFor(QStringLiteral("return_final_report"))))
            return false;
        m_freeFrom.reset();
        write(QStringLiteral("final_report_returned"), true, m_clock.addSecs(60), m_officer, {{QStringLiteral("{reason}"), m_lastReason}});
        if (!act(QStringLiteral("submit_final_report"), applicantTime(m_clock.date().addDays(m_dice.between(10, 40))),
                 m_applicant.coordinatorId))
            return false;
        m_record.reports[index].revision = 2;
        m_record.reports[index].submittedAt = m_clock;
        m_freeFrom = m_clock;
        write(QStringLiteral("final_report_received"), true, m_clock.addSecs(m_dice.between(600, 86400)), m_officer);
    }
    if (endsAt(Stage::FinalReportSubmitted))
        return terminate(officeTime(m_clock.date().addDays(m_dice.between(20, 60))), m_officer,
                         QStringLiteral("terminate_during_project"));

    write(QStringLiteral("business_registration_request"), true, officeTime(m_clock.date().addDays(m_dice.between(5, 20))), m_officer);
    const QDate acceptedOn = m_clock.date().addDays(m_dice.between(21, 75));
    const QString acceptor = m_dice.percent(kChairAcceptsReportPercent) ? m_staffing.chairOn(acceptedOn) : m_officer;
    if (!act(QStringLiteral("accept_final_report"), officeTime(acceptedOn), acceptor))
        return false;
    m_record.reports[index].acceptedBy = acceptor;
    m_record.reports[index].acceptedAt = m_clock;
    const Money finalGrant = m_dice.percent(kFullFinalGrantPercent) ? approved : percentOf(approved, m_dice.between(85, 99));
    m_application.finalGrant = finalGrant;
    const QString finalMilestone = m_record.milestones.constLast().id;
    if (finalGrant > m_released)
        pay(QStringLiteral("final"), finalMilestone, finalGrant - m_released, m_clock.date());
    return true;
}

// The evaluation report comes about six months after the end; once it is
// accepted the case is closed.
void DemoLifecycle::close()
{
    const QDate due = m_application.end.addMonths(m_plan.ruleSet->evaluationReportMonths);
    const QDateTime submitted = applicantTime(std::max(due.addDays(m_dice.between(-25, 45)), m_clock.date().addDays(1)));
    if (!happened(submitted))
        return;
    ProjectReport evaluation;
    evaluation.id = m_programme.ids.next();
    evaluation.revision = 1;
    evaluation.applicationId = m_application.id;
    evaluation.kind = QStringLiteral("evaluation");
    evaluation.submittedAt = submitted;
    evaluation.summary = DemoVocabulary::fill(text(m_programme.vocabulary.phrase(m_dice, DemoPhrases::EvaluationReports)),
                                              {{QStringLiteral("{percent}"), QString::number(5 * m_dice.between(3, 10))}});
    write(QStringLiteral("evaluation_report_received"), true, submitted.addSecs(m_dice.between(600, 86400)), m_officer);
    const QDateTime accepted = officeTime(submitted.date().addDays(m_dice.between(5, 30)));
    if (happened(accepted)) {
        evaluation.acceptedBy = m_officer;
        evaluation.acceptedAt = accepted;
    }
    m_record.reports.append(evaluation);
    if (!evaluation.acceptedAt)
        return;
    if (act(QStringLiteral("close"), officeTime(accepted.date().addDays(m_dice.between(1, 20))), m_officer))
        write(QStringLiteral("case_closed"), true, m_clock.addSecs(m_dice.between(60, 3600)), m_officer);
}

bool DemoLifecycle::act(const QString &action, QDateTime at, const QString &actor, const QString &reason)
{
    if (at <= m_clock)
        at = m_clock.addSecs(m_dice.between(600, 7200));
    if (!happened(at))
        return false;
    Q_ASSERT_X(m_programme.allows(action, m_application.status), "DemoLifecycle::act", qPrintable(action + u' ' + m_application.status));
    const QString &to = m_programme.statusAfter(action);
    m_record.statusChanges.append({m_programme.ids.next(), m_application.id, action, m_application.status, to, actor, at, reason});
    m_application.status = to;
    m_application.updatedAt = at;
    m_clock = at;
    return true;
}

bool DemoLifecycle::finish(const QString &action, const QDateTime &at, const QString &actor, const QString &letter)
{
    const bool byApplicant = actor == m_applicant.coordinatorId;
    if (!act(action, at, actor, reasonFor(action)))
        return false;
    m_freeFrom = m_clock;
    write(letter, !byApplicant, m_clock.addSecs(m_dice.between(60, 3600)), actor, {{QStringLiteral("{reason}"), m_lastReason}});
    if (byApplicant)
        write(QStringLiteral("withdrawal_acknowledged"), true, officeTime(m_clock.date().addDays(m_dice.between(1, 5))), m_officer);
    return false;
}

// Terminates after approval and recovers whatever was paid.
bool DemoLifecycle::terminate(const QDateTime &at, const QString &actor, const QString &reasonKind)
{
    if (!act(QStringLiteral("terminate"), at, actor, reasonFor(reasonKind)))
        return false;
    m_freeFrom = m_clock;
    write(QStringLiteral("termination"), true, m_clock.addSecs(m_dice.between(600, 7200)), actor, {{QStringLiteral("{reason}"), m_lastReason}});
    if (m_released.isZero())
        return false;
    Payment recovery;
    recovery.proposedAt = officeTime(m_clock.date().addDays(m_dice.between(1, 7)));
    if (!happened(recovery.proposedAt))
        return false;
    recovery.id = m_programme.ids.next();
    recovery.revision = 1;
    recovery.applicationId = m_application.id;
    recovery.kind = QStringLiteral("recovery");
    recovery.amount = m_released;
    recovery.status = QStringLiteral("proposed");
    recovery.proposedBy = m_officer;
    const QDateTime recovered = officeTime(recovery.proposedAt.date().addDays(m_dice.between(30, 180)));
    if (happened(recovered)) {
        recovery.status = QStringLiteral("recovered");
        recovery.releasedBy = m_dice.pick(m_staffing.financeOfficers());
        recovery.releasedAt = recovered;
    }
    m_record.payments.append(recovery);
    return false;
}

// The secretariat proposes a payment and finance releases it.
void DemoLifecycle::pay(const QString &kind, const QString &milestoneId, Money amount, QDate from)
{
    Payment payment;
    payment.proposedAt = officeTime(from.addDays(m_dice.between(1, 7)));
    if (!happened(payment.proposedAt))
        return;
    payment.id = m_programme.ids.next();
    payment.revision = 1;
    payment.applicationId = m_application.id;
    payment.milestoneId = milestoneId;
    payment.kind = kind;
    payment.amount = amount;
    payment.status = QStringLiteral("proposed");
    payment.proposedBy = m_officer;
    const QDateTime released = officeTime(payment.proposedAt.date().addDays(m_dice.between(2, 14)));
    if (happened(released)) {
        payment.status = QStringLiteral("released");
        payment.releasedBy = m_dice.pick(m_staffing.financeOfficers());
        payment.releasedAt = released;
        m_released += amount;
        write(QStringLiteral("payment_advice"), true, released.addSecs(m_dice.between(600, 7200)), payment.releasedBy,
              {{QStringLiteral("{amount}"), m_programme.vocabulary.money(amount, m_applicant.chinese)}});
    }
    m_record.payments.append(payment);
}

void DemoLifecycle::write(const QString &kind, bool outgoing, const QDateTime &at, const QString &author,
                          DemoFields fields, const QString &clarificationId)
{
    if (!happened(at))
        return;
    const DemoLetter &letter = m_programme.vocabulary.letter(kind);
    fields += DemoFields{{QStringLiteral("{reference}"), m_application.reference},
                         {QStringLiteral("{title}"), text(m_application.title)},
                         {QStringLiteral("{contact}"), text(m_applicant.contact)}};
    CorrespondenceEntry entry;
    entry.id = m_programme.ids.next();
    entry.applicationId = m_application.id;
    entry.direction = outgoing ? QStringLiteral("outgoing") : QStringLiteral("incoming");
    entry.channel = outgoing ? (m_dice.percent(80) ? QStringLiteral("email") : QStringLiteral("letter"))
                             : (m_dice.percent(70) ? QStringLiteral("portal") : QStringLiteral("email"));
    entry.subject = DemoVocabulary::fill(text(letter.subject), fields);
    entry.body = DemoVocabulary::fill(text(letter.body), fields);
    entry.authorId = author;
    entry.at = at;
    entry.clarificationId = clarificationId;
    m_record.correspondence.append(entry);
}

QString DemoLifecycle::text(const BilingualText &phrase) const
{
    return inLanguage(phrase, m_applicant.chinese);
}

// A reason in the applicant's language, kept for the letter that follows.
QString DemoLifecycle::reasonFor(const QString &kind)
{
    m_lastReason = text(m_programme.vocabulary.reason(m_dice, kind));
    return m_lastReason;
}

QDateTime DemoLifecycle::officeTime(QDate day)
{
    while (day.dayOfWeek() > Qt::Friday)
        day = day.addDays(1);
    return QDateTime(day, QTime(kOfficeOpensUtcHour, 0), Qt::UTC).addSecs(m_dice.between(0, kOfficeDaySeconds));
}

QDateTime DemoLifecycle::applicantTime(QDate day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).addSecs(m_dice.between(0, kApplicantDaySeconds));
}

bool DemoLifecycle::happened(const QDateTime &at) const
{
    return at <= m_programme.now;
}

} // namespace vd
