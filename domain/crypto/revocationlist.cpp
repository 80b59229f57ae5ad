#include "revocationlist.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <utility>

namespace vd {

namespace {

struct RevocationText
{
    Q_DECLARE_TR_FUNCTIONS(vd::RevocationList)
};

constexpr std::array<std::pair<RevocationReason, const char *>, 5> kReasons{{
    {RevocationReason::Unspecified, "unspecified"},
    {RevocationReason::KeyCompromise, "key_compromise"},
    {RevocationReason::AffiliationChanged, "affiliation_changed"},
    {RevocationReason::Superseded, "superseded"},
    {RevocationReason::CessationOfOperation, "cessation_of_operation"},
}};

} // namespace

void RevocationList::add(const Revocation &revocation)
{
    const auto found = m_bySerial.constFind(revocation.serial);
    if (found == m_bySerial.constEnd() || revocation.revokedAt < found->revokedAt)
        m_bySerial.insert(revocation.serial, revocation);
}

std::optional<Revocation> RevocationList::find(const QString &serial) const
{
    const auto found = m_bySerial.constFind(serial);
    return found == m_bySerial.constEnd() ? std::nullopt : std::optional<Revocation>(*found);
}

bool RevocationList::revokedBy(const QString &serial, const QDateTime &signingTime) const
{
    const std::optional<Revocation> revocation = find(serial);
    if (!revocation)
        return false;
    // A signing time has whole seconds: one in the second of the revocation counts as after it.
    const QDateTime revokedAt = revocation->revokedAt.addMSecs(-revocation->revokedAt.time().msec());
    return revokedAt <= signingTime;
}

QJsonArray RevocationList::toJson() const
{
    QList<Revocation> revocations = m_bySerial.values();
    std::sort(revocations.begin(), revocations.end(),
              [](const Revocation &a, const Revocation &b) { return a.serial < b.serial; });
    QJsonArray array;
    for (const Revocation &revocation : revocations)
        array.append(QJsonObject{
            {QStringLiteral("serial"), revocation.serial},
            {QStringLiteral("revoked_at"), revocation.revokedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("reason"), reasonName(revocation.reason)},
        });
    return array;
}

RevocationList RevocationList::fromJson(const QJsonArray &array)
{
    RevocationList list;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject entry = array.at(i).toObject();
        Revocation revocation;
        revocation.serial = entry.value(QStringLiteral("serial")).toString();
        revocation.revokedAt = QDateTime::fromString(entry.value(QStringLiteral("revoked_at")).toString(), Qt::ISODateWithMs);
        const std::optional<RevocationReason> reason = reasonNamed(entry.value(QStringLiteral("reason")).toString());
        if (revocation.serial.isEmpty() || !revocation.revokedAt.isValid() || !reason)
            throw DomainError(QStringLiteral("REVOCATION_INVALID"), QStringLiteral("revocations[%1]").arg(i),
                              RevocationText::tr("A revocation needs a serial, a time and a reason."));
        revocation.reason = *reason;
        list.add(revocation);
    }
    return list;
}

QString RevocationList::reasonName(RevocationReason reason)
{
    for (const auto &[value, name] : kReasons)
        if (value == reason)
            return QString::fromLatin1(name);
    return QStringLiteral("unspecified");
}

std::optional<RevocationReason> RevocationList::reasonNamed(const QString &name)
{
    for (const auto &[value, text] : kReasons)
        if (name == QLatin1String(text))
            return value;
    return std::nullopt;
}

} // namespace vd
