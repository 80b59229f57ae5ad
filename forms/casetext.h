#pragma once

#include "audittrail.h"
#include "scheme.h"
#include "user.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace vd {

// How the case view words what the store keeps in codes: people by name,
// times in local time, letters' directions and channels, and an audit
// entry's record, action and field changes, all in the current language.
class CaseText
{
    Q_DECLARE_TR_FUNCTIONS(vd::CaseText)

public:
    CaseText(const Scheme &scheme, const QHash<QString, User> &people) : m_scheme(scheme), m_people(people) {}

    // The display name in the current language; never an id.
    QString person(const QString &userId) const;
    static QString date(const QDate &date);
    static QString dateTime(const QDateTime &instant); // local time
    static QString direction(const QString &direction);
    static QString channel(const QString &channel);
    QString status(const QString &status) const;

    // What an audit entry did: the workflow action's name, or a verb for the record.
    QString auditAction(const AuditEntry &entry) const;
    static QString recordKind(const QString &entityType);
    // Each field the entry changed as "Field: before → after" (set fields only for a creation).
    QStringList auditChanges(const AuditEntry &entry) const;

    // A record's field (its JSON key) and a value of it, as a person reads them.
    static QString fieldName(const QString &field);
    QString fieldValue(const QString &field, const QJsonValue &value) const;
    // Fields that only name a record or say when it was written.
    static bool isBookkeeping(const QString &field);

private:

    const Scheme &m_scheme;
    const QHash<QString, User> &m_people;
};

} // namespace vd
