#include "demoprogramme.h"

#include "demodice.h"
#include "scheme.h"

#include <QJsonArray>
#include <QSet>

#include <functional>

namespace vd {

namespace {
constexpr int kSuppliers = 400;
constexpr int kAuditFirms = 60;

QStringList distinctNames(int count, const std::function<QString()> &make)
{
    QStringList names;
    QSet<QString> seen;
    for (int attempts = 0; names.size() < count && attempts < count * 20; ++attempts) {
        QString name = make();
        if (!seen.contains(name)) {
            seen.insert(name);
            names.append(std::move(name));
        }
    }
    return names;
}
} // namespace

DemoProgramme::DemoProgramme(const Scheme &scheme, quint64 seed, const QDateTime &now, DemoDice &dice)
    : scheme(scheme),
      rules(scheme),
      vocabulary(DemoVocabulary::shipped(scheme)),
      statistics(DemoStatistics::shipped(scheme)),
      now(now.toUTC()),
      ids(seed)
{
    for (const SchemeTerm &action : scheme.actions().terms()) {
        m_actionTargets.insert(action.id, action.attributes.value(QStringLiteral("to")).toString());
        QStringList sources;
        for (const QJsonValue &from : action.attributes.value(QStringLiteral("from")).toArray())
            sources.append(from.toString());
        m_actionSources.insert(action.id, sources);
    }
    suppliers = distinctNames(kSuppliers, [&] { return vocabulary.supplierName(dice); });
    auditFirms = distinctNames(kAuditFirms, [&] { return vocabulary.auditFirmName(dice); });
}

QString DemoProgramme::nextReference(int year)
{
    const int number = ++m_references[year];
    return scheme.referencePrefix() + u'/' + QString::number(year) + u'/' + QString::number(number).rightJustified(5, u'0');
}

int DemoProgramme::nextAgendaPosition(const QString &meetingId)
{
    return ++m_agendaPositions[meetingId];
}

const QString &DemoProgramme::statusAfter(const QString &action) const
{
    Q_ASSERT_X(m_actionTargets.contains(action), "DemoProgramme::statusAfter", "the scheme has no such action");
    return *m_actionTargets.constFind(action);
}

bool DemoProgramme::allows(const QString &action, const QString &from) const
{
    return m_actionSources.value(action).contains(from);
}

} // namespace vd
