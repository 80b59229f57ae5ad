#pragma once

#include "demoids.h"
#include "demorules.h"
#include "demostatistics.h"
#include "demovocabulary.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace vd {

class DemoDice;
class Scheme;

// What every part of the demo draws on: the scheme and its rules, the words
// and the statistics, "now", the ids, and the counters the back office would
// keep (references by year, agenda positions by meeting).
struct DemoProgramme
{
    DemoProgramme(const Scheme &scheme, quint64 seed, const QDateTime &now, DemoDice &dice);

    QString nextReference(int year);               // TVP/2022/01234
    int nextAgendaPosition(const QString &meetingId);
    const QString &statusAfter(const QString &action) const; // the scheme's "to" of the action
    bool allows(const QString &action, const QString &from) const;

    const Scheme &scheme;
    DemoRules rules;
    DemoVocabulary vocabulary;
    DemoStatistics statistics;
    QDateTime now;
    DemoIds ids;
    QStringList suppliers;
    QStringList auditFirms;

private:
    QHash<QString, QString> m_actionTargets;
    QHash<QString, QStringList> m_actionSources;
    QHash<int, int> m_references;
    QHash<QString, int> m_agendaPositions;
};

// Hong Kong time is UTC+8 all year; instants are kept in UTC.
constexpr int kHongKongOffsetSeconds = 8 * 3600;

} // namespace vd
