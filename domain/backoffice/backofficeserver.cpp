#include "backofficeserver.h"

#include "apiroutes.h"
#include "workspace.h"

#include <QDir>
#include <QJsonObject>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace vd {

namespace {

Poco::Net::Context::Ptr tlsContext(const BackOfficeSettings &settings)
{
    Poco::Net::Context::Params params;
    params.certificateFile = settings.certificatePath().toStdString();
    params.privateKeyFile = settings.keyPath().toStdString();
    params.verificationMode = Poco::Net::Context::VERIFY_NONE; // clients sign in with passwords, not certificates
    params.loadDefaultCAs = false;
    params.cipherList = "HIGH:!aNULL:!MD5:!RC4:!3DES";
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::SERVER_USE, params);
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3
                              | Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    return context;
}

// The key that signs the audit log's tree heads: DIR/audit/tree-head-key.pem, made on first start.
TreeHeadKey treeHeadKey(const BackOfficeSettings &settings)
{
    QDir(settings.dataFolder).mkpath(QStringLiteral("audit"));
    return TreeHeadKey::loadOrCreate(settings.dataFolder + QStringLiteral("/audit/tree-head-key.pem"));
}

} // namespace

BackOfficeServer::BackOfficeServer(const BackOfficeSettings &settings, RequestLog &log)
    : m_settings(settings), m_log(log), m_rate(settings.requestsPerSecond, settings.burst), m_signIn(settings),
      m_attachments(settings.dataFolder), m_auditLog(treeHeadKey(settings)), m_certificates(settings.dataFolder),
      m_context{settings, m_signIn, m_metrics, m_rate, log, m_attachments, m_auditLog, m_certificates, {}, {}}
{
    m_context.connections = [this] {
        ServerMetrics::Connections connections;
        if (m_server) {
            connections.open = m_server->currentConnections();
            connections.queued = m_server->queuedConnections();
            connections.refusedTotal = m_server->refusedConnections();
        }
        return connections;
    };
}

BackOfficeServer::~BackOfficeServer()
{
    stop();
}

// The audit log's tree from the trail as it is now; what no longer fits is said loudly.
void BackOfficeServer::rebuildAuditLog()
{
    Workspace &workspace = workspaceOnThisThread(m_settings.workspaceLocation());
    const QString mismatch = m_auditLog.rebuild(workspace);
    const SignedTreeHead head = m_auditLog.head(workspace);
    const QJsonObject details{{QStringLiteral("tree_size"), qint64(head.head.size)},
                              {QStringLiteral("root"), QString::fromLatin1(merkle::bytes(head.head.root).toHex())}};
    if (mismatch.isEmpty())
        m_log.event(QStringLiteral("audit_log"), QStringLiteral("audit log of %1 entries").arg(head.head.size), details);
    else
        m_log.event(QStringLiteral("audit_log_rewritten"), mismatch, details);
}

void BackOfficeServer::start()
{
    rebuildAuditLog();
    const Poco::Net::SocketAddress address(m_settings.bindAddress.toStdString(), Poco::UInt16(m_settings.port));
    const int backlog = m_settings.queuedConnections;
    Poco::Net::ServerSocket socket = m_settings.plainHttp
        ? Poco::Net::ServerSocket(address, backlog)
        : Poco::Net::SecureServerSocket(address, backlog, tlsContext(m_settings));
    m_port = socket.address().port();

    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(m_settings.threads);
    params->setMaxQueued(m_settings.queuedConnections);
    params->setKeepAlive(m_settings.keepAliveSeconds > 0);
    params->setKeepAliveTimeout(Poco::Timespan(m_settings.keepAliveSeconds, 0));
    params->setMaxKeepAliveRequests(m_settings.keepAliveRequests);
    params->setTimeout(Poco::Timespan(10, 0)); // a request that trickles in slower is dropped
    params->setServerName("voucherdesk-backoffice");
    m_threads = std::make_unique<Poco::ThreadPool>(2, m_settings.threads + 1, 60);
    m_server = std::make_unique<Poco::Net::HTTPServer>(new ApiRoutes(m_context), *m_threads, socket, params);
    m_server->start();
    m_log.event(QStringLiteral("listening"), QStringLiteral("serving %1").arg(url()),
                {{QStringLiteral("port"), m_port}, {QStringLiteral("url"), url()}});
}

void BackOfficeServer::stop()
{
    if (!m_server)
        return;
    m_server->stopAll(true);
    m_server.reset();
    m_threads->stopAll(); // the threads end, and with them their workspaces
    m_threads.reset();
    m_log.event(QStringLiteral("stopped"), QStringLiteral("the server has stopped"));
}

QString BackOfficeServer::url() const
{
    const QString host = m_settings.bindAddress.contains(u':') ? u'[' + m_settings.bindAddress + u']' : m_settings.bindAddress;
    return QStringLiteral("%1://%2:%3").arg(m_settings.plainHttp ? QStringLiteral("http") : QStringLiteral("https"), host)
        .arg(m_port);
}

} // namespace vd
