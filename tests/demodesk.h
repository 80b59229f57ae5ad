#pragma once

// A demo workspace for desk tests: written once per test program from a
// small demo cohort dated at the real "now" (so deadlines and due dates are
// current), then copied afresh for each test so that no test sees another's
// changes.

#include "applicationrepository.h"
#include "democohort.h"
#include "demoworkspace.h"
#include "scheme.h"
#include "userrepository.h"
#include "workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace vd::test {

class DemoDesk
{
public:
    // Writes the demo cohort once.
    explicit DemoDesk(int applications = 60)
    {
        DemoCohort cohort(Scheme::technologyVoucher(), 7, applications, QDateTime::currentDateTimeUtc());
        Workspace workspace(m_template.path());
        DemoWorkspace(workspace).write(cohort);
    }

    // A fresh copy of the demo workspace.
    std::unique_ptr<Workspace> open()
    {
        m_copy = std::make_unique<QTemporaryDir>();
        if (!QFile::copy(Workspace::fileIn(m_template.path()), Workspace::fileIn(m_copy->path())))
            qFatal("could not copy the demo workspace");
        return std::make_unique<Workspace>(m_copy->path());
    }

private:
    QTemporaryDir m_template;
    std::unique_ptr<QTemporaryDir> m_copy;
};

// The first case in a status, oldest submission first.
inline std::optional<Application> caseIn(Workspace &workspace, const QString &status)
{
    ApplicationRepository applications(workspace);
    ApplicationFilter filter;
    filter.statuses = {status};
    const QList<ApplicationSummary> found = applications.list(filter, Page{1, 0});
    return found.isEmpty() ? std::nullopt : applications.find(found.first().id);
}

inline User staff(Workspace &workspace, const QString &role)
{
    const QList<User> users = UserRepository(workspace).withRole(role);
    if (users.isEmpty())
        qFatal("the demo has no user for a role");
    return users.first();
}

// The user who acts for the enterprise that made the application.
inline User applicantOf(Workspace &workspace, const Application &application)
{
    for (const User &user : UserRepository(workspace).withRole(QStringLiteral("applicant"))) {
        if (user.enterpriseId == application.enterpriseId)
            return user;
    }
    qFatal("the demo application has no applicant user");
    return {};
}

} // namespace vd::test
