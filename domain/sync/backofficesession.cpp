#include "backofficesession.h"

#include "language.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>

#include <QFileInfo>
#include <QJsonDocument>
#include <QUrl>

#include <istream>

namespace vd {

namespace {

std::string acceptLanguage()
{
    const QString language = Language::current();
    if (language == QLatin1String("zh_HK"))
        return "zh-HK";
    if (language == QLatin1String("zh_CN"))
        return "zh-CN";
    return "en";
}

} // namespace

BackOfficeSession::BackOfficeSession(BackOfficeEndpoint endpoint) : m_endpoint(std::move(endpoint))
{
    const QUrl url(m_endpoint.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        || !(url.path().isEmpty() || url.path() == QLatin1String("/")))
        throw DomainError(QStringLiteral("SERVER_URL_INVALID"), m_endpoint.url,
                          tr("A back office's address looks like https://host:port, with nothing after the port."));
    m_secure = scheme == QLatin1String("https");
    if (!m_secure && url.host() != QLatin1String("127.0.0.1"))
        throw DomainError(QStringLiteral("SERVER_URL_INSECURE"), m_endpoint.url,
                          tr("Plain http:// is used only with a back office on this computer (127.0.0.1): a password "
                             "and the records would cross the network unprotected. Use https:// instead."));
    if (m_secure && !m_endpoint.caFile.isEmpty() && !QFileInfo(m_endpoint.caFile).isReadable())
        throw DomainError(QStringLiteral("CERTIFICATE_UNREADABLE"), m_endpoint.caFile,
                          tr("The back office's certificate file cannot be read. Ask its administrator for the file "
                             "(tls/server.crt in its data folder) and name it again."));
    m_host = url.host().toStdString();
    m_port = url.port(m_secure ? 443 : 80);
    if (!m_secure) {
        m_session = std::make_unique<Poco::Net::HTTPClientSession>(m_host, Poco::UInt16(m_port));
    } else {
        Poco::Net::initializeSSL();
        Poco::Net::Context::Params params;
        params.caLocation = m_endpoint.caFile.toStdString();
        params.loadDefaultCAs = m_endpoint.caFile.isEmpty();
        params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
        params.cipherList = "HIGH:!aNULL:!MD5:!RC4:!3DES";
        try {
            Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
            context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3
                                      | Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
            m_session = std::make_unique<Poco::Net::HTTPSClientSession>(m_host, Poco::UInt16(m_port), context);
        } catch (const Poco::Exception &e) {
            Poco::Net::uninitializeSSL();
            throw DomainError(QStringLiteral("CERTIFICATE_UNREADABLE"), m_endpoint.caFile,
                              tr("The back office's certificate file is not a certificate (%1).")
                                  .arg(QString::fromStdString(e.displayText())));
        }
    }
    m_session->setTimeout(Poco::Timespan(30, 0));
    // Shorter than the server's keep-alive (2 s), so an idle connection is never reused after it was closed.
    m_session->setKeepAliveTimeout(Poco::Timespan(1, 0));
}

BackOfficeSession::~BackOfficeSession()
{
    m_session.reset();
    if (m_secure)
        Poco::Net::uninitializeSSL();
}

QJsonObject BackOfficeSession::Answer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString BackOfficeSession::Answer::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

BackOfficeSession::Answer BackOfficeSession::send(const std::string &method, const std::string &pathAndQuery,
                                                  const QByteArray &body, const Headers &headers, const Sink &sink)
{
    try {
        return exchange(method, pathAndQuery, body, headers, sink);
    } catch (const Poco::Net::SSLException &e) {
        m_session->reset();
        throw DomainError(QStringLiteral("SERVER_NOT_TRUSTED"), m_endpoint.url,
                          tr("The back office did not prove that it is the server its certificate file names (%1). "
                             "Check its address and the certificate file.")
                              .arg(QString::fromStdString(e.displayText())));
    } catch (const Poco::Exception &e) {
        m_session->reset();
        throw DomainError(QStringLiteral("SERVER_UNREACHABLE"), m_endpoint.url,
                          tr("The back office could not be reached (%1). Nothing is lost: sync again when it is back.")
                              .arg(QString::fromStdString(e.displayText())));
    } catch (...) {
        m_session->reset(); // an answer left half read cannot be followed by another
        throw;
    }
}

BackOfficeSession::Answer BackOfficeSession::exchange(const std::string &method, const std::string &pathAndQuery,
                                                      const QByteArray &body, const Headers &headers, const Sink &sink)
{
    Poco::Net::HTTPRequest request(method, pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("VoucherDesk-Protocol", std::to_string(protocolVersion));
    request.set("Authorization", "Bearer " + m_endpoint.token.toStdString());
    request.set("Accept-Language", acceptLanguage());
    for (const auto &[name, value] : headers)
        request.set(name, value);
    if (!body.isNull() || method == "PUT" || method == "POST")
        request.setContentLength64(body.size());
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
        if (sink && answer.succeeded())
            sink(answer, buffer, count);
        else
            answer.body.append(buffer, count);
    }
    if (answer.contentLength >= 0 && received < answer.contentLength) {
        m_session->reset();
        throw Poco::Net::ConnectionResetException(
            QStringLiteral("the answer broke off after %1 of %2 bytes").arg(received).arg(answer.contentLength).toStdString());
    }
    if (!response.getKeepAlive())
        m_session->reset();
    return answer;
}

DomainError BackOfficeSession::refusal(const Answer &answer) const
{
    const QJsonObject error = answer.json().value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code")).toString();
    if (code.isEmpty())
        return DomainError(QStringLiteral("SERVER_ERROR"), m_endpoint.url,
                           tr("The back office answered with status %1, which is not part of the sync protocol. "
                              "Check the address: it may not be a VoucherDesk back office.").arg(answer.status));
    const QString where = error.value(QStringLiteral("where")).toString();
    return DomainError(code, where, error.value(QStringLiteral("message")).toString());
}

} // namespace vd
