#include "backofficeconnection.h"

#include "domainerror.h"
#include "recordjson.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>

#include <QFileInfo>
#include <QJsonDocument>

#include <istream>
#include <iterator>
#include <mutex>

namespace vd {

namespace {

void initializeTls()
{
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

std::string acceptLanguage(const QString &language)
{
    if (language == QLatin1String("zh_HK"))
        return "zh-HK";
    if (language == QLatin1String("zh_CN"))
        return "zh-CN";
    return "en";
}

} // namespace

QJsonObject BackOfficeConnection::Answer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString BackOfficeConnection::Answer::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

BackOfficeConnection::BackOfficeConnection(const QString &serverUrl, const QString &certificateAuthority)
    : m_certificateAuthority(certificateAuthority)
{
    const QString trimmed = serverUrl.trimmed();
    m_url = QUrl(trimmed.endsWith(u'/') ? trimmed.chopped(1) : trimmed, QUrl::StrictMode);
    const QString scheme = m_url.scheme();
    const auto refuse = [&](const QString &message) {
        throw DomainError(QStringLiteral("INPUT_ERROR"), serverUrl, message);
    };
    if (!m_url.isValid() || m_url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        refuse(tr("\"%1\" is not a back office's address; give one such as https://backoffice.example:8443").arg(serverUrl));
    if (scheme == QLatin1String("http") && m_url.host() != QLatin1String("127.0.0.1"))
        refuse(tr("plain http:// is used only for a back office on this computer (127.0.0.1); use https:// for %1, so "
                  "that your password never crosses the network in the clear").arg(m_url.host()));
    if (!m_url.path().isEmpty() || m_url.hasQuery() || m_url.hasFragment() || !m_url.userInfo().isEmpty())
        refuse(tr("give the back office's address without a path, such as https://%1:%2").arg(m_url.host()).arg(m_url.port(8443)));
    if (!certificateAuthority.isEmpty() && !QFileInfo(certificateAuthority).isReadable())
        throw DomainError(QStringLiteral("INPUT_ERROR"), certificateAuthority,
                          tr("the certificate file cannot be read; give the back office's certificate (PEM), such as "
                             "DATA/tls/server.crt"));
    m_serverUrl = m_url.toString();
}

BackOfficeConnection::BackOfficeConnection(const BackOfficeSession &session)
    : BackOfficeConnection(session.serverUrl, session.certificateAuthority)
{
    m_token = session.token;
}

BackOfficeConnection::~BackOfficeConnection() = default;

void BackOfficeConnection::openSession()
{
    const std::string host = m_url.host().toStdString();
    if (m_url.scheme() == QLatin1String("http")) {
        m_session = std::make_unique<Poco::Net::HTTPClientSession>(host, Poco::UInt16(m_url.port(80)));
    } else {
        initializeTls();
        Poco::Net::Context::Params params;
        params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
        params.caLocation = m_certificateAuthority.toStdString();
        params.loadDefaultCAs = m_certificateAuthority.isEmpty();
        params.cipherList = "HIGH:!aNULL:!MD5:!RC4:!3DES";
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
        context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3
                                  | Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
        m_session = std::make_unique<Poco::Net::HTTPSClientSession>(host, Poco::UInt16(m_url.port(443)), context);
    }
    m_session->setTimeout(Poco::Timespan(60, 0));
    m_session->setKeepAlive(true);
}

BackOfficeConnection::Answer BackOfficeConnection::send(const std::string &method, const std::string &path,
                                                        const QByteArray &body, const Headers &headers,
                                                        const Sink &sink, bool &handedOn)
{
    if (!m_session)
        openSession();
    ++m_requests;
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    request.set("VoucherDesk-Protocol", std::to_string(kProtocolVersion));
    request.set("Accept-Language", acceptLanguage(m_language));
    if (!m_token.isEmpty())
        request.set("Authorization", "Bearer " + m_token.toStdString());
    for (const auto &[name, value] : headers)
        request.set(name, value);
    if (!body.isNull() || method == "PUT" || method == "POST") {
        if (!request.has("Content-Type"))
            request.setContentType("application/json");
        request.setContentLength64(body.size());
    }
    std::ostream &out = m_session->sendRequest(request);
    out.write(body.constData(), body.size());
    Poco::Net::HTTPResponse response;
    std::istream &in = m_session->receiveResponse(response);
    Answer answer;
    answer.status = int(response.getStatus());
    answer.contentLength = response.hasContentLength() ? response.getContentLength64() : -1;
    for (const auto &[name, value] : response)
        answer.headers[name] = value;
    qint64 received = 0;
    char buffer[64 * 1024];
    while (in) {
        in.read(buffer, sizeof buffer);
        const std::streamsize count = in.gcount();
        if (count <= 0)
            break;
        received += count;
        if (sink && answer.succeeded()) {
            handedOn = true;
            sink(answer, buffer, count);
        } else {
            answer.body.append(buffer, count);
        }
    }
    if (answer.contentLength >= 0 && received < answer.contentLength)
        throw Poco::Net::ConnectionResetException(
            QStringLiteral("the answer broke off after %1 of %2 bytes").arg(received).arg(answer.contentLength).toStdString());
    if (!response.getKeepAlive())
        m_session.reset();
    return answer;
}

BackOfficeConnection::Answer BackOfficeConnection::request(const std::string &method, const std::string &path,
                                                           const QByteArray &body, const Headers &headers,
                                                           const Sink &sink)
{
    // A kept-alive connection the back office has closed fails on first use:
    // the request is made once more on a new one (sync requests are safe to
    // repeat), unless part of its answer was handed to the sink already.
    for (int attempt = 0;; ++attempt) {
        bool handedOn = false;
        try {
            return send(method, path, body, headers, sink, handedOn);
        } catch (const Poco::Net::SSLException &e) { // certificate validation included
            m_session.reset();
            throw DomainError(QStringLiteral("BACK_OFFICE_NOT_TRUSTED"), m_serverUrl,
                              tr("the back office at %1 did not prove that it is the server the certificate names "
                                 "(%2). Check its address and the certificate file.")
                                  .arg(m_serverUrl, QString::fromStdString(e.displayText())));
        } catch (const Poco::Exception &e) {
            m_session.reset();
            if (attempt == 0 && !handedOn)
                continue;
            throw unreachable(QString::fromStdString(e.displayText()));
        } catch (...) {
            m_session.reset(); // an answer left half read (a sink that threw) cannot be followed by another
            throw;
        }
    }
}

DomainError BackOfficeConnection::unreachable(const QString &why) const
{
    return DomainError(QStringLiteral("BACK_OFFICE_UNREACHABLE"), m_serverUrl,
                       tr("cannot reach the back office at %1 (%2). Nothing was lost: changes not yet sent "
                          "stay queued for the next sync.").arg(m_serverUrl, why));
}

DomainError BackOfficeConnection::refusal(const Answer &answer, const std::string &path) const
{
    const QJsonObject error = answer.json().value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code")).toString();
    const QString message = error.value(QStringLiteral("message")).toString();
    const QString where = error.value(QStringLiteral("where")).toString().isEmpty()
                              ? QString::fromStdString(path) : error.value(QStringLiteral("where")).toString();
    if (answer.status == 401 && code != QLatin1String("BAD_CREDENTIALS"))
        return DomainError(code.isEmpty() ? QStringLiteral("TOKEN_INVALID") : code, where,
                           tr("your sign-in to the back office at %1 is no longer valid; sign in again").arg(m_serverUrl));
    if (answer.status >= 500 || code.isEmpty())
        return DomainError(code.isEmpty() ? QStringLiteral("BACK_OFFICE_ERROR") : code, where,
                           tr("the back office at %1 could not answer (HTTP %2): %3. Nothing was lost; try again later.")
                               .arg(m_serverUrl).arg(answer.status)
                               .arg(message.isEmpty() ? QString::fromUtf8(answer.body.left(200)) : message));
    return DomainError(code, where, tr("the back office at %1 refused the request: %2").arg(m_serverUrl, message));
}

QJsonObject BackOfficeConnection::postJson(const std::string &path, const QByteArray &body)
{
    const Answer answer = request("POST", path, body);
    if (!answer.succeeded())
        throw refusal(answer, path);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &error);
    if (!document.isObject())
        throw DomainError(QStringLiteral("BACK_OFFICE_ERROR"), QString::fromStdString(path),
                          tr("the back office at %1 answered with something that is not a JSON object: is this address "
                             "a VoucherDesk back office?").arg(m_serverUrl));
    return document.object();
}

BackOfficeSession BackOfficeConnection::signIn(const QString &username, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    const QJsonObject answer = postJson("/api/v1/login", body);
    const QJsonObject user = answer.value(QStringLiteral("user")).toObject();
    BackOfficeSession session;
    session.serverUrl = m_serverUrl;
    session.certificateAuthority = m_certificateAuthority;
    session.token = answer.value(QStringLiteral("token")).toString();
    session.expiresAt = record::instantFromText(answer.value(QStringLiteral("expires_at")).toString());
    session.user.id = user.value(QStringLiteral("id")).toString();
    session.user.username = user.value(QStringLiteral("username")).toString();
    session.user.role = user.value(QStringLiteral("role")).toString();
    session.user.enterpriseId = user.value(QStringLiteral("enterprise_id")).toString();
    const QJsonObject name = user.value(QStringLiteral("display_name")).toObject();
    session.user.displayName = {name.value(QStringLiteral("en")).toString(), name.value(QStringLiteral("zh")).toString()};
    if (session.token.isEmpty() || session.user.id.isEmpty())
        throw DomainError(QStringLiteral("BACK_OFFICE_ERROR"), QStringLiteral("/api/v1/login"),
                          tr("the back office at %1 answered the sign-in without a token").arg(m_serverUrl));
    m_token = session.token;
    return session;
}

} // namespace vd
