#include "apihandler.h"

#include "apierror.h"
#include "domainerror.h"
#include "jsonreader.h"
#include "language.h"
#include "syncprotocol.h"
#include "workspace.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <chrono>
#include <istream>
#include <limits>
#include <memory>

namespace vd {

namespace {

struct OpenWorkspace
{
    QString folder;
    std::unique_ptr<Workspace> workspace;
};

int statusOf(const DomainError &error)
{
    const QString &code = error.code();
    if (code == QLatin1String("INPUT_ERROR") || code == QLatin1String("UNKNOWN_ACTION")
        || code == QLatin1String("PROTOCOL_VERSION"))
        return 400;
    if (code == QLatin1String("NOT_FOUND") || code == QLatin1String("CERTIFICATE_UNKNOWN"))
        return 404;
    if (code.startsWith(QLatin1String("CERTIFICATE_REQUEST_")))
        return 400;
    if (code == QLatin1String("STALE_REVISION"))
        return 409;
    if (code == QLatin1String("WORKSPACE_BUSY"))
        return 503;
    return 500;
}

} // namespace

Workspace &workspaceOnThisThread(const QString &folder)
{
    thread_local OpenWorkspace open;
    if (!open.workspace || open.folder != folder) {
        open.workspace.reset();
        open.workspace = std::make_unique<Workspace>(folder, Workspace::Mode::OpenExisting);
        open.folder = folder;
    }
    return *open.workspace;
}

QJsonObject errorJson(const QString &code, const QString &message, const QString &where)
{
    return {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                  {QStringLiteral("where"), where.isEmpty() ? QJsonValue() : QJsonValue(where)},
                                                  {QStringLiteral("message"), message}}}};
}

ApiCall::ApiCall(BackOfficeContext &context, Poco::Net::HTTPServerRequest &request, QStringList parameters)
    : m_context(context), m_request(request), m_parameters(std::move(parameters))
{}

Workspace &ApiCall::workspace() const
{
    return workspaceOnThisThread(m_context.settings.workspaceLocation());
}

QByteArray ApiCall::body()
{
    return body(m_context.settings.maxBodyBytes);
}

QByteArray ApiCall::body(qint64 limit)
{
    const auto tooLarge = [&] {
        return ApiError(413, QStringLiteral("BODY_TOO_LARGE"),
                        tr("The request body is larger than the %1 bytes this server accepts.").arg(limit),
                        QStringLiteral("body"));
    };
    if (m_request.hasContentLength() && m_request.getContentLength64() > limit) {
        // A client that sends the whole body before it reads the answer would
        // see a reset instead of 413: take in a moderate excess and drop it.
        if (m_request.getContentLength64() <= limit + 8 * 1024 * 1024) {
            m_request.stream().ignore(std::numeric_limits<std::streamsize>::max());
            m_bodyRead = true;
        }
        throw tooLarge();
    }
    m_bodyRead = true;
    QByteArray bytes;
    if (m_request.hasContentLength())
        bytes.reserve(qsizetype(m_request.getContentLength64()));
    std::istream &stream = m_request.stream();
    char buffer[8192];
    while (stream) {
        stream.read(buffer, sizeof buffer);
        bytes.append(buffer, stream.gcount());
        if (bytes.size() > limit)
            throw tooLarge();
    }
    return bytes;
}

QJsonObject ApiCall::jsonBody()
{
    return jsonBody(m_context.settings.maxBodyBytes);
}

QJsonObject ApiCall::jsonBody(qint64 limit)
{
    const QByteArray bytes = body(limit);
    if (bytes.trimmed().isEmpty())
        throw ApiError(400, QStringLiteral("INPUT_ERROR"), tr("The request needs a JSON object as its body."),
                       QStringLiteral("body"));
    return JsonReader::parseDocument(bytes, QStringLiteral("body"));
}

QString ApiCall::queryValue(const QString &name) const
{
    try {
        const Poco::URI uri(m_request.getURI());
        for (const auto &[key, value] : uri.getQueryParameters()) {
            if (QString::fromStdString(key) == name)
                return QString::fromStdString(value);
        }
    } catch (const Poco::Exception &) {
        throw ApiError(400, QStringLiteral("INPUT_ERROR"), tr("The address is not a valid URI."), QStringLiteral("uri"));
    }
    return {};
}

const User &ApiCall::user()
{
    if (!m_user)
        m_user = m_context.signIn.userOf(workspace(), QString::fromStdString(m_request.get("Authorization", "")));
    return *m_user;
}

QString ApiCall::language() const
{
    const QString accepted = QString::fromStdString(m_request.get("Accept-Language", "")).toLower();
    for (const QString &part : accepted.split(u',', Qt::SkipEmptyParts)) {
        const QString tag = part.section(u';', 0, 0).trimmed();
        if (tag == QLatin1String("zh-hk") || tag == QLatin1String("zh-tw") || tag == QLatin1String("zh-mo")
            || tag.startsWith(QLatin1String("zh-hant")))
            return QStringLiteral("zh_HK");
        if (tag == QLatin1String("zh") || tag == QLatin1String("zh-cn") || tag == QLatin1String("zh-sg")
            || tag.startsWith(QLatin1String("zh-hans")))
            return QStringLiteral("zh_CN");
        if (tag == QLatin1String("en") || tag.startsWith(QLatin1String("en-")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

ApiCall::LanguageHold::LanguageHold(const ApiCall &call) : m_lock(call.m_context.languageMutex)
{
    Language::apply(call.language());
}

ApiCall::LanguageHold::~LanguageHold()
{
    Language::apply(QStringLiteral("en"));
}

ApiHandler::Reply ApiHandler::Reply::json(const QJsonObject &object, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

ApiHandler::ApiHandler(BackOfficeContext &context, QString route, QString method, QStringList parameters,
                       bool rateLimited)
    : m_context(context), m_route(std::move(route)), m_method(std::move(method)),
      m_parameters(std::move(parameters)), m_rateLimited(rateLimited)
{}

void ApiHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const auto started = std::chrono::steady_clock::now();
    ApiCall call(m_context, request, m_parameters);
    int retryAfter = 0;
    const Reply reply = answerOrError(call, retryAfter);
    // A body left unread would be taken for the next request. A small one is
    // read and dropped (closing on unread bytes resets the connection, and
    // the client may lose the answer with it); a larger one closes instead.
    const auto bodyPending = [&] {
        return !call.bodyRead() && (request.hasContentLength() ? request.getContentLength64() > 0
                                                               : request.getChunkedTransferEncoding());
    };
    if (bodyPending() && request.hasContentLength() && request.getContentLength64() <= m_context.settings.maxBodyBytes) {
        try {
            call.body();
        } catch (const std::exception &) {
            // The client went away or sent less than it said: the connection closes below.
        }
    }
    send(response, reply, retryAfter, !bodyPending() && reply.status != 413);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    m_context.metrics.countRequest(m_route, reply.status, seconds);
    m_context.log.request({QString::fromStdString(request.getMethod()),
                           QString::fromStdString(request.getURI()).section(u'?', 0, 0), m_route, reply.status,
                           seconds * 1000, call.signedIn() ? call.signedIn()->username : QString(),
                           QString::fromStdString(request.clientAddress().host().toString())});
}

ApiHandler::Reply ApiHandler::answerOrError(ApiCall &call, int &retryAfter)
{
    const auto error = [](int status, const QString &code, const QString &message, const QString &where = {}) {
        return Reply::json(errorJson(code, message, where), status);
    };
    try {
        if (m_rateLimited && !m_context.rate.admit(call.request().clientAddress().host().toString())) {
            retryAfter = 1;
            return error(429, QStringLiteral("RATE_LIMITED"),
                         ApiCall::tr("Too many requests from this address: at most %1 a second. Wait a moment and try again.")
                             .arg(m_context.settings.requestsPerSecond));
        }
        if (QString::fromStdString(call.request().getMethod()) != m_method)
            return error(405, QStringLiteral("METHOD_NOT_ALLOWED"),
                         ApiCall::tr("%1 accepts only %2.").arg(m_route, m_method), QStringLiteral("method"));
        return answer(call);
    } catch (const ApiError &e) {
        retryAfter = e.retryAfterSeconds();
        QJsonObject body = errorJson(e.code(), e.message(), e.where());
        for (auto field = e.details().begin(); field != e.details().end(); ++field)
            body.insert(field.key(), field.value());
        return Reply::json(body, e.status());
    } catch (const DomainError &e) {
        return error(statusOf(e), e.code(), e.message(), e.where());
    } catch (const Poco::Exception &e) {
        return error(400, QStringLiteral("BAD_REQUEST"), QString::fromStdString(e.displayText()));
    } catch (const std::exception &e) {
        m_context.log.event(QStringLiteral("internal_error"), QString::fromUtf8(e.what()));
        return error(500, QStringLiteral("INTERNAL_ERROR"),
                     ApiCall::tr("The server could not answer this request; it has been logged."));
    }
}

void ApiHandler::send(Poco::Net::HTTPServerResponse &response, const Reply &reply, int retryAfter, bool keepAlive)
{
    try {
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTPStatus(reply.status));
        response.setContentType(reply.contentType.toStdString());
        response.setContentLength64(reply.file ? reply.fileLength : reply.body.size());
        response.set("VoucherDesk-Protocol", std::to_string(servedSyncProtocols().first())); // docs/sync.md, Version
        for (const auto &[name, value] : reply.headers)
            response.set(name, value);
        if (retryAfter > 0)
            response.set("Retry-After", std::to_string(retryAfter));
        if (!keepAlive)
            response.setKeepAlive(false);
        std::ostream &out = response.send();
        if (!reply.file) {
            out.write(reply.body.constData(), reply.body.size());
            return;
        }
        char buffer[64 * 1024];
        for (qint64 left = reply.fileLength; left > 0 && out;) {
            const qint64 read = reply.file->read(buffer, std::min<qint64>(left, sizeof buffer));
            if (read <= 0)
                break; // the client sees a short body and asks again from where it stopped
            out.write(buffer, read);
            left -= read;
        }
    } catch (const Poco::Exception &) {
        // The client has gone; there is no one left to answer.
    }
}

} // namespace vd
