#pragma once

#include "domainerror.h"
#include "user.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <functional>
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

// An HTTP(S) connection to a back office (docs/sync.md, The client's
// connection): requests with the protocol version, the bearer token and the
// language, one kept-alive connection reused, a request repeated once when
// the connection had gone stale (every sync request is safe to repeat) and
// nothing of its answer had been handed on yet. HTTPS is verified against
// the given certificate file (the back office's self-signed certificate, or
// its CA) or the system's CAs, TLS 1.2 and later; plain http:// is accepted
// only for 127.0.0.1.
//
// Network failures throw DomainError BACK_OFFICE_UNREACHABLE ("cannot reach
// the back office at …"), a server that fails TLS verification
// BACK_OFFICE_NOT_TRUSTED; refusal() turns an answer that is not a success
// into the back office's own code and message (TOKEN_INVALID,
// ROLE_NOT_PERMITTED, …).
class BackOfficeConnection
{
    Q_DECLARE_TR_FUNCTIONS(vd::BackOfficeConnection)

public:
    using Headers = std::map<std::string, std::string>;
    struct Answer
    {
        int status = 0;
        QByteArray body;            // empty when a sink took it
        Headers headers;
        qint64 contentLength = -1;  // as announced; -1 when not
        QJsonObject json() const;
        QString errorCode() const;  // error.code of an error body
        bool succeeded() const { return status >= 200 && status < 300; }
    };
    // Takes a successful answer's body piece by piece, as it arrives, with
    // the answer's status and headers (a blob is never held whole).
    using Sink = std::function<void(const Answer &head, const char *bytes, qint64 count)>;

    static constexpr int kProtocolVersion = 1;

    // Throws INPUT_ERROR for an address it will not use or a certificate
    // file it cannot read.
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

    // Any request, path and query under the server's address; the answer
    // whatever its status (network failures throw). A successful answer's
    // body goes to the sink when one is given; an answer that breaks off
    // before its announced length is a network failure.
    Answer request(const std::string &method, const std::string &path, const QByteArray &body = {},
                   const Headers &headers = {}, const Sink &sink = {});
    // A JSON POST; a status other than 2xx throws the back office's error.
    QJsonObject postJson(const std::string &path, const QByteArray &body);
    // The DomainError an answer that is not a success stands for: the back
    // office's code, place and message (already in the request's language),
    // or BACK_OFFICE_ERROR with the status for one that is not the protocol's.
    DomainError refusal(const Answer &answer, const std::string &path) const;

private:
    Answer send(const std::string &method, const std::string &path, const QByteArray &body, const Headers &headers,
                const Sink &sink, bool &handedOn);
    void openSession();
    DomainError unreachable(const QString &why) const;

    QString m_serverUrl;
    QString m_certificateAuthority;
    QUrl m_url;
    QString m_token;
    QString m_language = QStringLiteral("en");
    qint64 m_requests = 0;
    std::unique_ptr<Poco::Net::HTTPClientSession> m_session;
};

} // namespace vd
