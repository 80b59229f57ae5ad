#pragma once

#include "user.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <map>
#include <memory>
#include <string>

namespace Poco::Net {
class HTTPClientSession;
}

namespace vd {

// A signed-in session with a back office: kept in memory only, never
// written anywhere. Copy it to a worker thread's SyncClient.
struct BackOfficeSession
{
    QString serverUrl;             // https://host:port, or http://127.0.0.1:port
    QString certificateAuthority;  // a PEM file trusted for this back office; empty: the system's
    QString token;
    QDateTime expiresAt;
    User user;                     // as the back office knows it
    bool isValid() const { return !token.isEmpty(); }
};

// An HTTP(S) connection to a back office (docs/api.md, docs/sync.md): JSON
// requests with the protocol version, the bearer token and the language,
// one kept-alive connection reused, a request repeated once when the
// connection had gone stale (every sync request is safe to repeat).
// HTTPS is verified against the given certificate file (the back office's
// self-signed certificate, or its CA) or the system's CAs; plain http:// is
// accepted only for 127.0.0.1.
//
// Network failures throw DomainError BACK_OFFICE_UNREACHABLE ("cannot reach
// the back office at …"); answers that are not a success throw the back
// office's own code and message (TOKEN_INVALID, ROLE_NOT_PERMITTED, …).
class BackOfficeConnection
{
    Q_DECLARE_TR_FUNCTIONS(vd::BackOfficeConnection)

public:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        std::map<std::string, std::string> headers;
        QJsonObject json() const;
    };

    static constexpr int kProtocolVersion = 1;

    // Throws INPUT_ERROR for an address it will not use.
    BackOfficeConnection(const QString &serverUrl, const QString &certificateAuthority = {});
    explicit BackOfficeConnection(const BackOfficeSession &session);
    ~BackOfficeConnection();
    BackOfficeConnection(const BackOfficeConnection &) = delete;
    BackOfficeConnection &operator=(const BackOfficeConnection &) = delete;

    const QString &serverUrl() const { return m_serverUrl; }
    // The language of translated reasons: en, zh_HK or zh_CN.
    void setLanguage(const QString &language) { m_language = language; }
    void setToken(const QString &token) { m_token = token; }
    // Requests made on this connection (repeats included).
    qint64 requestCount() const { return m_requests; }

    // POST /api/v1/login → a session (401 BAD_CREDENTIALS, 429 ACCOUNT_LOCKED as DomainError).
    BackOfficeSession signIn(const QString &username, const QString &password);

    // Any request; the answer whatever its status (network failures throw).
    Answer request(const std::string &method, const std::string &path, const QByteArray &body = {},
                   const std::map<std::string, std::string> &headers = {});
    // A JSON POST; a status other than 2xx throws the back office's error.
    QJsonObject postJson(const std::string &path, const QByteArray &body);
    // The DomainError for an answer that is not a success.
    [[noreturn]] void fail(const Answer &answer, const std::string &path) const;

private:
    Answer send(const std::string &method, const std::string &path, const QByteArray &body,
                const std::map<std::string, std::string> &headers);
    void openSession();

    QString m_serverUrl;
    QString m_certificateAuthority;
    QUrl m_url;
    QString m_token;
    QString m_language = QStringLiteral("en");
    qint64 m_requests = 0;
    std::unique_ptr<Poco::Net::HTTPClientSession> m_session;
};

} // namespace vd
