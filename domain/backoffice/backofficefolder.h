#pragma once

#include "backofficesettings.h"

#include <QCoreApplication>

namespace vd {

class RequestLog;
class Workspace;

// The back office's data folder: DIR/workspace.sqlite and DIR/tls/. On first
// start (a workspace with no users and no applications) it writes demo users and data (every demo user may
// sign in with the demo password) and, unless it serves plain HTTP or was
// given a certificate, a self-signed certificate and its key (mode 0600).
class BackOfficeFolder
{
    Q_DECLARE_TR_FUNCTIONS(vd::BackOfficeFolder)

public:
    struct Prepared
    {
        bool workspaceCreated = false;
        bool certificateCreated = false;
        int schemaVersion = 0;
    };

    // Throws DomainError (a workspace that cannot be made or opened) or
    // std::runtime_error (a certificate that cannot be made).
    static Prepared prepare(const BackOfficeSettings &settings, RequestLog &log);

private:
    static void writeDemo(Workspace &workspace, const BackOfficeSettings &settings, RequestLog &log);
    static void writeCertificate(const BackOfficeSettings &settings);
};

} // namespace vd
