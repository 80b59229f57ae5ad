#include "demostaffing.h"

#include "demodice.h"
#include "demoprogramme.h"
#include "scheme.h"

#include <algorithm>

namespace vd {

namespace {

const QString kSecretariatDomain = QStringLiteral("tvp-secretariat.example");
const QString kCommitteeDomain = QStringLiteral("tvp-committee.example");
constexpr int kApplicationsPerOfficer = 4000;
constexpr int kMinOfficers = 6;
constexpr int kMaxOfficers = 40;
constexpr int kFinanceOfficers = 2;
constexpr int kDaysOfCalendarAhead = 120;  // planned meetings after "now"
constexpr int kDaysOfTermsAhead = 180;
constexpr int kFirstMeetingAfterOpeningDays = 14;
constexpr int kOfficialAttendancePercent = 90;

QString initials(const QString &given)
{
    QString letters;
    for (const QString &part : given.split(u' ', Qt::SkipEmptyParts))
        letters += part.at(0).toLower();
    return letters;
}

// A committee meets mid-week.
QDate midWeekFrom(QDate date)
{
    while (date.dayOfWeek() < Qt::Tuesday || date.dayOfWeek() > Qt::Thursday)
        date = date.addDays(1);
    return date;
}

} // namespace

DemoStaffing::DemoStaffing(DemoProgramme &programme, DemoDice &dice, int applications)
    : m_programme(programme), m_dice(dice)
{
    const int officers = std::clamp(applications / kApplicationsPerOfficer + kMinOfficers, kMinOfficers, kMaxOfficers);
    for (int i = 0; i < officers; ++i)
        m_officers.append(recruit(QStringLiteral("secretariat"), kSecretariatDomain, false));
    for (int i = 0; i < kFinanceOfficers; ++i)
        m_finance.append(recruit(QStringLiteral("finance"), kSecretariatDomain, false));
    recruit(QStringLiteral("auditor"), QStringLiteral("tvp-audit.example"), true);
    recruit(QStringLiteral("administrator"), kSecretariatDomain, false);

    m_staff.committee = {programme.ids.next(), 1, programme.vocabulary.committeeName()};
    appointTerms();
    scheduleMeetings();
    collectDeclarations();
}

QString DemoStaffing::recruit(const QString &role, const QString &domain, bool distinguished)
{
    const DemoPerson person = m_programme.vocabulary.person(m_dice);
    QString username = initials(person.given) + u'.' + person.surname.toLower().remove(u' ');
    if (const int seen = m_usernames[username]++; seen > 0)
        username += QString::number(seen + 1);
    User user;
    user.id = m_programme.ids.next();
    user.revision = 1;
    user.username = username;
    user.displayName = m_programme.vocabulary.titled(person, m_dice, distinguished);
    user.role = role;
    user.email = username + u'@' + domain;
    m_chinese.insert(user.id, m_dice.percent(50));
    m_attendanceBias.insert(user.id, int(m_dice.between(20, 100)));
    m_staff.users.append(user);
    return user.id;
}

void DemoStaffing::appointTerms()
{
    const DemoStatistics &statistics = m_programme.statistics;
    const QDate horizon = m_programme.now.date().addDays(kDaysOfTermsAhead);
    QStringList nonOfficial, official;
    QString chair;
    for (QDate start = m_programme.rules.openedOn(); start <= horizon; start = start.addYears(statistics.termYears)) {
        const int term = int(m_rosters.size());
        if (term == 0) {
            for (int i = 0; i < statistics.nonOfficialMembers; ++i)
                nonOfficial.append(recruit(QStringLiteral("committee_member"), kCommitteeDomain, true));
            for (int i = 0; i < statistics.officialMembers; ++i)
                official.append(recruit(QStringLiteral("committee_member"), kCommitteeDomain, false));
        } else {
            const int renewed = (statistics.nonOfficialMembers * statistics.renewalPercent + 50) / 100;
            for (int i = 0; i < renewed; ++i)
                nonOfficial[m_dice.below(nonOfficial.size())] = recruit(QStringLiteral("committee_member"), kCommitteeDomain, true);
            if (!official.isEmpty())
                official[m_dice.below(official.size())] = recruit(QStringLiteral("committee_member"), kCommitteeDomain, false);
        }
        // Chairs and approving officers serve two terms each.
        if (term % 2 == 0) {
            chair = recruit(QStringLiteral("committee_chair"), kCommitteeDomain, true);
            m_approvingOfficers.append({start, recruit(QStringLiteral("approving_officer"), QStringLiteral("tvp-itc.example"), false)});
        }
        const CommitteeTerm committeeTerm{m_programme.ids.next(), m_staff.committee.id, start,
                                          start.addYears(statistics.termYears).addDays(-1)};
        m_staff.terms.append(committeeTerm);
        m_rosters.append({committeeTerm.id, committeeTerm.start, committeeTerm.end, chair, nonOfficial, official});
        m_staff.memberships.append({m_programme.ids.next(), committeeTerm.id, chair, QStringLiteral("chair"), false});
        for (const QString &member : std::as_const(nonOfficial))
            m_staff.memberships.append({m_programme.ids.next(), committeeTerm.id, member, QStringLiteral("member"), false});
        for (const QString &member : std::as_const(official))
            m_staff.memberships.append({m_programme.ids.next(), committeeTerm.id, member, QStringLiteral("member"), true});
    }

    // Only the current term's members, chair and approving officer still sign in.
    const DemoTermRoster &current = m_rosters.at(termOn(m_programme.now.date()));
    const QString approvingOfficer = approvingOfficerOn(m_programme.now.date());
    for (User &user : m_staff.users) {
        if (user.role == QLatin1String("committee_member") || user.role == QLatin1String("committee_chair"))
            user.active = user.id == current.chairId || current.nonOfficialIds.contains(user.id) || current.officialIds.contains(user.id);
        else if (user.role == QLatin1String("approving_officer"))
            user.active = user.id == approvingOfficer;
    }
}

void DemoStaffing::scheduleMeetings()
{
    const DemoStatistics &statistics = m_programme.statistics;
    const QDate opened = m_programme.rules.openedOn();
    const QDate horizon = m_programme.now.date().addDays(kDaysOfCalendarAhead);
    for (int year = opened.year(); year <= horizon.year(); ++year) {
        for (int month : statistics.meetingMonths) {
            const QDate date = midWeekFrom(QDate(year, month, int(m_dice.between(6, 24))));
            if (date < opened.addDays(kFirstMeetingAfterOpeningDays) || date > horizon)
                continue;
            Meeting meeting;
            meeting.id = m_programme.ids.next();
            meeting.revision = 1;
            meeting.committeeId = m_staff.committee.id;
            const int term = termOn(date);
            meeting.termId = m_rosters.at(term).termId;
            meeting.heldAt = QDateTime(date, QTime(14, 30), Qt::UTC).addSecs(-kHongKongOffsetSeconds);
            if (date < statistics.videoFrom)
                meeting.mode = QStringLiteral("in_person");
            else if (date < statistics.hybridFrom)
                meeting.mode = m_dice.percent(80) ? QStringLiteral("video") : QStringLiteral("hybrid");
            else
                meeting.mode = m_dice.percent(60) ? QStringLiteral("hybrid") : QStringLiteral("in_person");
            const BilingualText &venue = meeting.mode == QLatin1String("video") ? m_programme.vocabulary.videoVenue()
                                                                                : m_programme.vocabulary.venue(m_dice);
            meeting.venue = venue.en + u' ' + venue.zh;
            meeting.status = meeting.heldAt <= m_programme.now ? QStringLiteral("held") : QStringLiteral("planned");
            m_staff.meetings.append(meeting);
            m_meetings.append({meeting.id, meeting.heldAt, term});
            if (meeting.status == QLatin1String("held"))
                recordAttendance(meeting, m_rosters.at(term));
        }
    }
}

// Non-official attendance ranges over the statistics' span, mostly in its
// lower part; who comes is weighted by each member's own habit, so that some
// members stand out as the ones to follow up.
void DemoStaffing::recordAttendance(const Meeting &meeting, const DemoTermRoster &roster)
{
    const DemoStatistics &statistics = m_programme.statistics;
    const int span = statistics.attendanceHighPercent - statistics.attendanceLowPercent;
    const int rate = statistics.attendanceLowPercent + int(m_dice.mostlySmall(span));
    const qsizetype expected = roster.nonOfficialIds.size() * rate / 100; // never above the rate

    QStringList candidates = roster.nonOfficialIds;
    QStringList present;
    while (present.size() < expected && !candidates.isEmpty()) {
        QList<qint64> bias;
        for (const QString &member : std::as_const(candidates))
            bias.append(m_attendanceBias.value(member));
        present.append(candidates.takeAt(DemoWeights(bias).pick(m_dice)));
    }

    auto attending = [&] {
        if (meeting.mode == QLatin1String("video"))
            return QStringLiteral("video");
        if (meeting.mode == QLatin1String("hybrid") && m_dice.percent(50))
            return QStringLiteral("video");
        return QStringLiteral("present");
    };
    auto away = [&] { return m_dice.percent(70) ? QStringLiteral("apologies") : QStringLiteral("absent"); };
    auto record = [&](const QString &member, const QString &attendance) {
        m_staff.attendance.append({m_programme.ids.next(), meeting.id, member, attendance});
    };
    record(roster.chairId, attending());
    for (const QString &member : roster.nonOfficialIds)
        record(member, present.contains(member) ? attending() : away());
    for (const QString &member : roster.officialIds)
        record(member, m_dice.percent(kOfficialAttendancePercent) ? attending() : away());
}

// Each year of a term, every non-official member declares interests by the
// year's first meeting; most do so late.
void DemoStaffing::collectDeclarations()
{
    const DemoStatistics &statistics = m_programme.statistics;
    const QDate today = m_programme.now.date();
    const QStringList sectors = m_programme.scheme.sectors().ids();
    for (const DemoTermRoster &roster : std::as_const(m_rosters)) {
        for (int year = 0; year < statistics.termYears; ++year) {
            const DemoMeetingSlot *first = firstMeetingFrom(QDateTime(roster.start.addYears(year), QTime(0, 0), Qt::UTC));
            if (!first || first->heldAt.date() > roster.end || first->heldAt.date() > today)
                continue;
            const QDate due = first->heldAt.date();
            for (const QString &member : roster.nonOfficialIds) {
                const QDate declared = m_dice.percent(statistics.lateDeclarationPercent)
                    ? due.addDays(1 + m_dice.mostlySmall(statistics.maxDaysLate - 1))
                    : due.addDays(-m_dice.between(0, 30));
                if (declared > today)
                    continue;
                const bool chinese = writesChinese(member);
                const DemoCompanyName company = m_programme.vocabulary.companyName(m_dice, m_dice.pick(sectors), QStringLiteral("company"));
                const QString description = DemoVocabulary::fill(
                    inLanguage(m_programme.vocabulary.phrase(m_dice, DemoPhrases::AnnualDeclarations), chinese),
                    {{QStringLiteral("{company}"), inLanguage(company.name, chinese)}});
                m_staff.declarations.append({m_programme.ids.next(), roster.termId, member, QStringLiteral("annual"), QString(),
                                             first->id, due, declared, description, QStringLiteral("none"), QString()});
            }
        }
    }
}

int DemoStaffing::termOn(QDate date) const
{
    for (int term = int(m_rosters.size()) - 1; term > 0; --term) {
        if (m_rosters.at(term).start <= date)
            return term;
    }
    return 0;
}

QString DemoStaffing::approvingOfficerOn(QDate date) const
{
    QString officer = m_approvingOfficers.constFirst().second;
    for (const auto &[from, id] : m_approvingOfficers) {
        if (from <= date)
            officer = id;
    }
    return officer;
}

QString DemoStaffing::chairOn(QDate date) const
{
    return m_rosters.at(termOn(date)).chairId;
}

const DemoMeetingSlot *DemoStaffing::firstMeetingFrom(const QDateTime &at) const
{
    const auto it = std::lower_bound(m_meetings.cbegin(), m_meetings.cend(), at,
                                     [](const DemoMeetingSlot &slot, const QDateTime &t) { return slot.heldAt < t; });
    return it == m_meetings.cend() ? nullptr : &*it;
}

} // namespace vd
