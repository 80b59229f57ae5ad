#include "userrepository.h"

#include "recordtable.h"

namespace vd {

using store::Records;

void UserRepository::save(UnitOfWork &work, User &user, const QString &action)
{
    Records<User>::save(work, user, action);
}

std::optional<User> UserRepository::find(const QString &id) const
{
    return Records<User>::find(m_workspace, id);
}

std::optional<User> UserRepository::findByUsername(const QString &username) const
{
    const QList<User> found = Records<User>::where(m_workspace, QStringLiteral("username = ?"), {username});
    return found.isEmpty() ? std::nullopt : std::optional<User>(found.first());
}

QList<User> UserRepository::withRole(const QString &role) const
{
    return Records<User>::where(m_workspace, QStringLiteral("role = ?"), {role});
}

QList<User> UserRepository::all() const
{
    return Records<User>::where(m_workspace, QStringLiteral("1"), {});
}

} // namespace vd
