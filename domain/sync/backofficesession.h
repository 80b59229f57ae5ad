#pragma once

#include "domainerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace Poco::Net {
class HTTPClientSession;
}

namespace vd {

// Where a desktop syncs: the back office's address, the bearer token its
// sign-in gave, and the certificate to trust (the back office's
// self-signed one, DIR/tls/server.crt; empty: the system's authorities).
struct BackOfficeEndpoint
{
    QString url;    // https://host:port, or http://127.0.0.1:port for development
    QString token;
    QString caFile;
};

// One keep-alive connection to a back office for the sync protocol
// (docs/sync.md): every request carries VoucherDesk-Protocol, the bearer
// token and the person's language; HTTPS verifies the server against the
// certificate given, and plain HTTP goes nowhere but 127.0.0.1.
class BackOfficeSession
{
    Q_DECLARE_TR_FUNCTIONS(vd::BackOfficeSession)

public:
    static constexpr int protocolVersion = 1;
    using Headers = std::map<std::string, std::string>;

    // Throws DomainError SERVER_URL_INVALID or SERVER_URL_INSECURE naming the address.
    explicit BackOfficeSession(BackOfficeEndpoint endpoint);
    ~BackOfficeSession();
    BackOfficeSession(const BackOfficeSession &) = delete;
    BackOfficeSession &operator=(const BackOfficeSession &) = delete;

    struct Answer
    {
        int status = 0;
        QByteArray body;     // empty when it was given to a sink
        Headers headers;
        qint64 contentLength = -1; // as announced; -1 when not
        QJsonObject json() const;
        QString errorCode() const; // error.code of an error body
        bool succeeded() const { return status >= 200 && status < 300; }
    };
    // Receives a successful answer's body piece by piece, as it arrives,
    // with the answer's status and headers.
    using Sink = std::function<void(const Answer &head, const char *bytes, qint64 count)>;

    // One request, path and query under the server's address. The answer is
    // returned whatever its status; a body of a successful answer goes to the
    // sink when one is given. Throws DomainError SERVER_UNREACHABLE (nothing
    // came back, or the connection broke) or SERVER_NOT_TRUSTED (TLS).
    Answer send(const std::string &method, const std::string &pathAndQuery, const QByteArray &body = {},
                const Headers &headers = {}, const Sink &sink = {});

    // The DomainError an unsuccessful answer stands for: the server's code,
    // place and message (already in the person's language), or, for an answer
    // that is not the protocol's, SERVER_ERROR with the status.
    DomainError refusal(const Answer &answer) const;

    const QString &url() const { return m_endpoint.url; }

private:
    Answer exchange(const std::string &method, const std::string &pathAndQuery, const QByteArray &body,
                    const Headers &headers, const Sink &sink);

    BackOfficeEndpoint m_endpoint;
    std::string m_host;
    int m_port = 0;
    bool m_secure = true;
    std::unique_ptr<Poco::Net::HTTPClientSession> m_session;
};

} // namespace vd
