#include "backofficesettings.h"

#include "domainerror.h"
#include "workspace.h"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <QCoreApplication>
#include <QDir>

namespace vd {

namespace {

struct SettingsText
{
    Q_DECLARE_TR_FUNCTIONS(vd::BackOfficeSettings)
};

[[noreturn]] void refuse(const QString &key, const QString &message)
{
    throw DomainError(QStringLiteral("CONFIG_INVALID"), key, message);
}

int number(const Poco::Util::AbstractConfiguration &config, const char *key, int fallback, int min, int max)
{
    int value = fallback;
    try {
        value = config.getInt(key, fallback);
    } catch (const Poco::Exception &) {
        refuse(QString::fromLatin1(key), SettingsText::tr("expected a whole number from %1 to %2").arg(min).arg(max));
    }
    if (value < min || value > max)
        refuse(QString::fromLatin1(key), SettingsText::tr("expected a whole number from %1 to %2, not %3")
                                             .arg(min).arg(max).arg(value));
    return value;
}

bool flag(const Poco::Util::AbstractConfiguration &config, const char *key, bool fallback)
{
    try {
        return config.getBool(key, fallback);
    } catch (const Poco::Exception &) {
        refuse(QString::fromLatin1(key), SettingsText::tr("expected true or false"));
    }
}

QString text(const Poco::Util::AbstractConfiguration &config, const char *key, const QString &fallback)
{
    return QString::fromStdString(config.getString(key, fallback.toStdString()));
}

} // namespace

BackOfficeSettings BackOfficeSettings::from(const Poco::Util::AbstractConfiguration &config)
{
    BackOfficeSettings s;
    s.dataFolder = text(config, "data", {});
    if (s.dataFolder.isEmpty())
        refuse(QStringLiteral("data"), SettingsText::tr("name the back office's data folder with --data DIR"));
    s.dataFolder = QDir(s.dataFolder).absolutePath();
    s.database = text(config, "database", {});
    if (!s.database.isEmpty() && !Workspace::isDatabaseUrl(s.database))
        refuse(QStringLiteral("database"),
               SettingsText::tr("expected a PostgreSQL URL such as postgresql://voucherdesk@127.0.0.1:5432/voucherdesk"));
    s.bindAddress = text(config, "server.bind", s.bindAddress);
    s.port = number(config, "server.port", s.port, 0, 65535);
    s.plainHttp = flag(config, "server.http", false);
    s.signaturesRequired = flag(config, "signing.required", false);
    s.certificateFile = text(config, "tls.certificate", {});
    s.keyFile = text(config, "tls.key", {});
    s.demoApplications = number(config, "demo.applications", s.demoApplications, 0, 1000000);
    s.demoSeed = number(config, "demo.seed", int(s.demoSeed), 0, 1 << 30);
    s.demoPassword = text(config, "demo.password", s.demoPassword);
    s.threads = number(config, "limits.threads", s.threads, 1, 1024);
    s.queuedConnections = number(config, "limits.queued", s.queuedConnections, 1, 65536);
    s.keepAliveSeconds = number(config, "limits.keep_alive_seconds", s.keepAliveSeconds, 0, 300);
    s.keepAliveRequests = number(config, "limits.keep_alive_requests", s.keepAliveRequests, 1, 100000);
    s.maxBodyBytes = number(config, "limits.body_bytes", int(s.maxBodyBytes), 1, 256 * 1024 * 1024);
    s.maxSyncBodyBytes = number(config, "limits.sync_body_bytes", int(s.maxSyncBodyBytes), 1, 1024 * 1024 * 1024);
    s.pushOperations = number(config, "limits.push_operations", s.pushOperations, 1, 100000);
    s.requestsPerSecond = number(config, "limits.requests_per_second", s.requestsPerSecond, 1, 1000000);
    s.burst = number(config, "limits.burst", s.burst, 1, 1000000);
    s.attachmentChunkBytes = number(config, "limits.attachment_chunk_bytes", int(s.attachmentChunkBytes), 1, 256 << 20);
    s.attachmentBytes = number(config, "limits.attachment_bytes", int(s.attachmentBytes), 0, 1 << 30);
    s.tokenHours = number(config, "signin.token_hours", s.tokenHours, 1, 24 * 30);
    s.lockAfterFailures = number(config, "signin.lock_after", s.lockAfterFailures, 1, 1000);
    s.lockMinutes = number(config, "signin.lock_minutes", s.lockMinutes, 1, 24 * 60);
    s.failureDelayMs = number(config, "signin.failure_delay_ms", s.failureDelayMs, 0, 10000);

    if (s.demoPassword.size() < 8)
        refuse(QStringLiteral("demo.password"), SettingsText::tr("a password needs at least 8 characters"));
    if (s.certificateFile.isEmpty() != s.keyFile.isEmpty())
        refuse(QStringLiteral("tls"), SettingsText::tr("give both the certificate (--cert) and its key (--key), or neither"));
    Poco::Net::IPAddress address;
    if (!Poco::Net::IPAddress::tryParse(s.bindAddress.toStdString(), address))
        refuse(QStringLiteral("server.bind"), SettingsText::tr("%1 is not an IP address").arg(s.bindAddress));
    if (s.plainHttp && !address.isLoopback())
        refuse(QStringLiteral("server.http"),
               SettingsText::tr("plain HTTP is served only on a loopback address such as 127.0.0.1, not on %1; "
                                "leave out --http to serve HTTPS")
                   .arg(s.bindAddress));
    return s;
}

QString BackOfficeSettings::certificatePath() const
{
    return certificateFile.isEmpty() ? QDir(dataFolder).filePath(QStringLiteral("tls/server.crt")) : certificateFile;
}

QString BackOfficeSettings::keyPath() const
{
    return keyFile.isEmpty() ? QDir(dataFolder).filePath(QStringLiteral("tls/server.key")) : keyFile;
}

} // namespace vd
