#pragma once

#include "apihandler.h"
#include "attachmentintake.h"
#include "auditlogtree.h"
#include "backofficesettings.h"
#include "requestlog.h"
#include "requestrate.h"
#include "servermetrics.h"
#include "signindesk.h"

#include <Poco/ThreadPool.h>

#include <memory>

namespace Poco::Net {
class HTTPServer;
}

namespace vd {

// The HTTP(S) server: its own sized thread pool (one thread per open
// connection, as Poco serves them), a bounded queue of waiting connections,
// a short keep-alive, and the routes of ApiRoutes. The data folder must have
// been prepared (BackOfficeFolder) before start().
class BackOfficeServer
{
public:
    BackOfficeServer(const BackOfficeSettings &settings, RequestLog &log);
    ~BackOfficeServer();
    BackOfficeServer(const BackOfficeServer &) = delete;
    BackOfficeServer &operator=(const BackOfficeServer &) = delete;

    // Binds and starts serving; throws Poco::Exception when the address is taken.
    void start();
    // Stops accepting, finishes the requests under way, ends the threads.
    void stop();
    // The port bound (the one chosen when server.port is 0).
    int port() const { return m_port; }
    QString url() const;

private:
    void rebuildAuditLog();

    const BackOfficeSettings &m_settings;
    RequestLog &m_log;
    ServerMetrics m_metrics;
    RequestRate m_rate;
    SignInDesk m_signIn;
    AttachmentIntake m_attachments;
    AuditLogTree m_auditLog;
    CertificateDesk m_certificates;
    BackOfficeContext m_context;
    std::unique_ptr<Poco::ThreadPool> m_threads;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    int m_port = 0;
};

} // namespace vd
