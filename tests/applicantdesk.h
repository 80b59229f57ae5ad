#pragma once

// A real workspace in a temporary folder with one enterprise and its
// applicant signed in at a desk, for the tests of the applicant's windows.

#include "desksession.h"
#include "enterpriserepository.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"

#include <QTemporaryDir>

#include <memory>

namespace vd::testing {

class ApplicantDesk
{
public:
    ApplicantDesk() : workspace(std::make_unique<Workspace>(dir.path()))
    {
        UnitOfWork work(*workspace, QStringLiteral("setup"));
        Enterprise enterprise;
        enterprise.id = QStringLiteral("e0000000-0000-4000-8000-000000000001");
        enterprise.brNumber = QStringLiteral("31415926");
        enterprise.name = {QStringLiteral("Wing Fat Trading Ltd"), QStringLiteral("永發貿易有限公司")};
        enterprise.entityType = QStringLiteral("company");
        enterprise.businessCommenced = QDate(2015, 4, 1);
        enterprise.employees = 12;
        enterprise.sector = QStringLiteral("wholesale_retail");
        enterprise.address = {QStringLiteral("1 Queen's Road Central"), QStringLiteral("中環皇后大道中1號")};
        EnterpriseRepository(*workspace).save(work, enterprise);
        User alice;
        alice.id = QStringLiteral("u0000000-0000-4000-8000-000000000001");
        alice.username = QStringLiteral("alice");
        alice.displayName = {QStringLiteral("Alice Chan"), QStringLiteral("陳愛麗")};
        alice.role = QStringLiteral("applicant");
        alice.enterpriseId = enterprise.id;
        UserRepository(*workspace).save(work, alice);
        work.commit();
        session = std::make_unique<DeskSession>(*workspace, alice);
    }

    QTemporaryDir dir;
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<DeskSession> session;
};

} // namespace vd::testing
