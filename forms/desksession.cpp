#include "desksession.h"

#include <QLocale>

namespace vd {

DeskSession::DeskSession(Workspace &workspace, User user, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_user(std::move(user))
{
}

const Scheme &DeskSession::scheme() const
{
    return Scheme::technologyVoucher();
}

QString DeskSession::displayName() const
{
    return m_user.displayName.in(QLocale());
}

void DeskSession::announceCaseChanged(const QString &applicationId)
{
    emit caseChanged(applicationId);
}

} // namespace vd
