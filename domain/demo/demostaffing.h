#pragma once

#include "democohort.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace vd {

class DemoDice;
struct DemoProgramme;

// Who sat on the committee in one term.
struct DemoTermRoster
{
    QString termId;
    QDate start;
    QDate end;
    QString chairId;
    QStringList nonOfficialIds;
    QStringList officialIds;
};

struct DemoMeetingSlot
{
    QString id;
    QDateTime heldAt;
    int term = 0;
};

// The programme's people and calendar, and who held which post when, so
// that each case is handled by the officers, members and chairs of its time.
class DemoStaffing
{
public:
    DemoStaffing(DemoProgramme &programme, DemoDice &dice, int applications);

    const DemoStaff &staff() const { return m_staff; }
    const QStringList &officers() const { return m_officers; }
    const QStringList &financeOfficers() const { return m_finance; }
    QString approvingOfficerOn(QDate date) const;
    QString chairOn(QDate date) const;
    const DemoTermRoster &rosterOf(const DemoMeetingSlot &meeting) const { return m_rosters.at(meeting.term); }
    // The first meeting held at or after the instant; null past the calendar.
    const DemoMeetingSlot *firstMeetingFrom(const QDateTime &at) const;
    bool writesChinese(const QString &userId) const { return m_chinese.value(userId); }

private:
    QString recruit(const QString &role, const QString &domain, bool distinguished);
    void appointTerms();
    void scheduleMeetings();
    void recordAttendance(const Meeting &meeting, const DemoTermRoster &roster);
    void collectDeclarations();
    int termOn(QDate date) const;

    DemoProgramme &m_programme;
    DemoDice &m_dice;
    DemoStaff m_staff;
    QStringList m_officers, m_finance;
    QList<std::pair<QDate, QString>> m_approvingOfficers; // from when
    QList<DemoTermRoster> m_rosters;
    QList<DemoMeetingSlot> m_meetings;
    QHash<QString, bool> m_chinese;      // by user id
    QHash<QString, int> m_attendanceBias; // by user id, 1..100
    QHash<QString, int> m_usernames;     // to keep them unique
};

} // namespace vd
