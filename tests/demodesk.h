#pragma once

// A demo workspace for desk tests, written once per test program from the
// demo cohort (seed 7, dated at the demo's fixed "now", so the same cases are
// in the same statuses on every run). Tests share it: each test takes cases
// of its own (a status and an index no other test of the program uses), so
// none sees another's changes whatever the order.

#include "applicationrepository.h"
#include "democohort.h"
#include "demoworkspace.h"
#include "scheme.h"
#include "userrepository.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace vd::test {

class DemoDesk
{
public:
    explicit DemoDesk(int applications = 1000)
        : m_workspace(std::make_unique<Workspace>(m_folder.path()))
    {
        DemoCohort cohort(Scheme::technologyVoucher(), 7, applications);
        DemoWorkspace(*m_workspace).write(cohort);
    }

    Workspace &workspace() { return *m_workspace; }

private:
    QTemporaryDir m_folder;
    std::unique_ptr<Workspace> m_workspace;
};

// The index-th case in a status (0 first), oldest submission first.
inline Application caseIn(Workspace &workspace, const QString &status, int index = 0)
{
    ApplicationRepository applications(workspace);
    ApplicationFilter filter;
    filter.statuses = {status};
    const QList<ApplicationSummary> found = applications.list(filter, Page{1, index});
    if (found.isEmpty())
        qFatal("the demo cohort has too few cases in a status a test needs");
    return *applications.find(found.first().id);
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
