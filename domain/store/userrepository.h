#pragma once

#include "user.h"

#include <QList>
#include <QString>

#include <optional>

namespace vd {

class UnitOfWork;
class Workspace;

class UserRepository
{
public:
    explicit UserRepository(Workspace &workspace) : m_workspace(workspace) {}

    void save(UnitOfWork &work, User &user, const QString &action = {});
    std::optional<User> find(const QString &id) const;
    std::optional<User> findByUsername(const QString &username) const;
    QList<User> withRole(const QString &role) const; // by username
    QList<User> all() const;                          // by username

private:
    Workspace &m_workspace;
};

} // namespace vd
