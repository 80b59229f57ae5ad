#pragma once

#include <QString>

namespace Poco::Util {
class AbstractConfiguration;
}

namespace vd {

// Everything a back office is started with, read from its layered
// configuration (the --config file, then flags: docs/backoffice.md lists
// the keys). Defaults suit a development machine.
struct BackOfficeSettings
{
    QString dataFolder;                    // data: the workspace, tls/, attachments/ and nothing else
    QString database;                      // database: a postgresql:// URL; empty: DIR/workspace.sqlite
    QString bindAddress = QStringLiteral("127.0.0.1"); // server.bind
    int port = 8443;                       // server.port (0: any free port)
    bool plainHttp = false;                // server.http: only on a loopback address
    QString certificateFile;               // tls.certificate; empty: DIR/tls/server.crt, made on first start
    QString keyFile;                       // tls.key;         empty: DIR/tls/server.key
    int demoApplications = 40;             // demo.applications, written on first start
    qint64 demoSeed = 7;                   // demo.seed
    QString demoPassword = QStringLiteral("voucherdesk-demo"); // demo.password

    int threads = 16;                      // limits.threads: requests served at once (one thread per connection)
    int queuedConnections = 64;            // limits.queued: connections waiting for a thread; more are refused
    int keepAliveSeconds = 2;              // limits.keep_alive_seconds
    int keepAliveRequests = 100;           // limits.keep_alive_requests
    qint64 maxBodyBytes = 1024 * 1024;     // limits.body_bytes: larger bodies get 413
    qint64 maxSyncBodyBytes = 16 * 1024 * 1024; // limits.sync_body_bytes: the same for sync pushes and pulls
    int pushOperations = 500;              // limits.push_operations: operations in one push
    int requestsPerSecond = 50;            // limits.requests_per_second per client address
    int burst = 100;                       // limits.burst: requests a client may make at once
    qint64 attachmentChunkBytes = 4 << 20; // limits.attachment_chunk_bytes: the largest piece of an upload
    qint64 attachmentBytes = 50 << 20;     // limits.attachment_bytes: the largest attachment

    // signing.required: an applicant's submit and answer to a clarification need its signature
    // of the application as it stands (docs/signing.md "Signed items").
    bool signaturesRequired = false;

    int tokenHours = 8;                    // signin.token_hours
    int lockAfterFailures = 5;             // signin.lock_after
    int lockMinutes = 15;                  // signin.lock_minutes
    int failureDelayMs = 250;              // signin.failure_delay_ms, times the failures so far (at most 4)

    // Throws DomainError CONFIG_INVALID naming the key.
    static BackOfficeSettings from(const Poco::Util::AbstractConfiguration &config);

    // Where the workspace is: the PostgreSQL URL, else the data folder (vd::Workspace takes either).
    QString workspaceLocation() const { return database.isEmpty() ? dataFolder : database; }
    QString certificatePath() const;
    QString keyPath() const;
    bool generatesCertificate() const { return certificateFile.isEmpty() && keyFile.isEmpty(); }
};

} // namespace vd
