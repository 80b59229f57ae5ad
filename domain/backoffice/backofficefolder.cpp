#include "backofficefolder.h"

#include "applicationrepository.h"
#include "changelog.h"
#include "democohort.h"
#include "demoworkspace.h"
#include "passwordhash.h"
#include "requestlog.h"
#include "scheme.h"
#include "selfsignedcertificate.h"
#include "signinrecords.h"
#include "userrepository.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace vd {

BackOfficeFolder::Prepared BackOfficeFolder::prepare(const BackOfficeSettings &settings, RequestLog &log)
{
    Prepared prepared;
    QDir().mkpath(settings.dataFolder);
    {
        // Opening runs the migrations a workspace has not had, before any server thread opens it.
        Workspace workspace(settings.workspaceLocation(), Workspace::Mode::CreateIfMissing);
        prepared.schemaVersion = workspace.schemaVersion();
        // Empty: new, or a first start that was stopped before its demo was committed.
        prepared.workspaceCreated = ApplicationRepository(workspace).count() == 0 && UserRepository(workspace).all().isEmpty();
        if (prepared.workspaceCreated)
            writeDemo(workspace, settings, log);
        // The back office's store keeps the change log clients pull from
        // (docs/sync.md); the first time, every record it holds is logged.
        ChangeLog::enable(workspace);
    }
    if (!settings.plainHttp && settings.generatesCertificate() && !QFileInfo::exists(settings.certificatePath())) {
        writeCertificate(settings);
        prepared.certificateCreated = true;
        log.event(QStringLiteral("certificate_created"),
                  tr("A self-signed certificate was made for this back office."),
                  {{QStringLiteral("certificate"), settings.certificatePath()},
                   {QStringLiteral("key"), settings.keyPath()}});
    }
    return prepared;
}

void BackOfficeFolder::writeDemo(Workspace &workspace, const BackOfficeSettings &settings, RequestLog &log)
{
    DemoCohort cohort(Scheme::technologyVoucher(), quint64(settings.demoSeed), settings.demoApplications);
    DemoWorkspace(workspace).write(cohort);
    SignInRecords(workspace).setDemoPasswordHash(PasswordHash::of(settings.demoPassword.toUtf8()).encoded());
    const qsizetype users = UserRepository(workspace).all().size();
    log.event(QStringLiteral("demo_created"),
              tr("A demo workspace was made: %1 applications and %2 users. Every demo user signs in with the "
                 "password \"%3\" until they have their own.")
                  .arg(settings.demoApplications)
                  .arg(users)
                  .arg(settings.demoPassword),
              {{QStringLiteral("applications"), settings.demoApplications},
               {QStringLiteral("users"), qint64(users)},
               {QStringLiteral("demo_password"), settings.demoPassword}});
}

void BackOfficeFolder::writeCertificate(const BackOfficeSettings &settings)
{
    QDir().mkpath(QFileInfo(settings.certificatePath()).absolutePath());
    QFile::setPermissions(QFileInfo(settings.keyPath()).absolutePath(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QStringList addresses{QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    if (!addresses.contains(settings.bindAddress) && settings.bindAddress != QLatin1String("0.0.0.0")
        && settings.bindAddress != QLatin1String("::"))
        addresses.append(settings.bindAddress);
    SelfSignedCertificate::write(settings.certificatePath(), settings.keyPath(), QStringLiteral("localhost"),
                                 {QStringLiteral("localhost")}, addresses);
}

} // namespace vd
