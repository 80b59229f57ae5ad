#pragma once

#include "scheme.h"
#include "user.h"

#include <QObject>
#include <QString>

namespace vd {

class Workspace;

// Who is at the desk and on which workspace: what every window of the desktop
// app is given. Windows tell each other through it that a case changed, so a
// queue, an open case and the deadline list stay current without polling.
class DeskSession : public QObject
{
    Q_OBJECT

public:
    DeskSession(Workspace &workspace, User user, QObject *parent = nullptr);

    Workspace &workspace() const { return m_workspace; }
    const User &user() const { return m_user; }
    const Scheme &scheme() const;
    bool hasRole(const QString &role) const { return m_user.role == role; }
    // The signed-in person's name in the interface language.
    QString displayName() const;

    // Called by whoever changed a case (a transition, a saved draft, a clarification).
    void announceCaseChanged(const QString &applicationId);

signals:
    void caseChanged(const QString &applicationId);

private:
    Workspace &m_workspace;
    User m_user;
};

} // namespace vd
