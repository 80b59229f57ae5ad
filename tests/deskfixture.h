#pragma once

#include "democohort.h"
#include "demoworkspace.h"
#include "scheme.h"
#include "workspace.h"

#include <QSettings>
#include <QTimeZone>
#include <QString>

#include <memory>

// What the desktop tests stand on: a real demo workspace, and settings kept
// in a temporary folder instead of the person's own.
namespace deskfixture {

// The demo's "now" (DemoCohort::defaultNow) as a Hong Kong day: the cohort's cases are current as of it.
inline QDate demoToday()
{
    return vd::DemoCohort::defaultNow().toTimeZone(QTimeZone("Asia/Hong_Kong")).date();
}

inline std::unique_ptr<vd::Workspace> demoWorkspace(const QString &folder, int applications)
{
    auto workspace = std::make_unique<vd::Workspace>(folder);
    vd::DemoCohort cohort(vd::Scheme::technologyVoucher(), 7, applications);
    vd::DemoWorkspace(*workspace).write(cohort);
    return workspace;
}

// Call before anything reads QSettings.
inline void keepSettingsIn(const QString &folder)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

} // namespace deskfixture
