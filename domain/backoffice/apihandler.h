#pragma once

#include "attachmentintake.h"
#include "auditlogtree.h"
#include "certificatedesk.h"
#include "backofficesettings.h"
#include "requestlog.h"
#include "requestrate.h"
#include "servermetrics.h"
#include "signindesk.h"
#include "user.h"

#include <Poco/Net/HTTPRequestHandler.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class QFile;

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
}

namespace vd {

class Workspace;

// What every request handler of one server shares.
struct BackOfficeContext
{
    const BackOfficeSettings &settings;
    SignInDesk &signIn;
    ServerMetrics &metrics;
    RequestRate &rate;
    RequestLog &log;
    AttachmentIntake &attachments;
    AuditLogTree &auditLog;
    CertificateDesk &certificates;
    std::function<ServerMetrics::Connections()> connections;
    // Translated sentences come from the translators installed for the whole
    // process, so work that must speak a request's language holds this.
    std::mutex languageMutex;
};

// The workspace of the calling thread: each server thread opens its own
// connection (a Workspace belongs to the thread that opened it).
Workspace &workspaceOnThisThread(const QString &folder);

// One request as a route sees it: its body within the limits, the signed-in
// user, the language asked for.
class ApiCall
{
    Q_DECLARE_TR_FUNCTIONS(vd::ApiCall)

public:
    ApiCall(BackOfficeContext &context, Poco::Net::HTTPServerRequest &request, QStringList parameters);

    BackOfficeContext &context() const { return m_context; }
    Poco::Net::HTTPServerRequest &request() const { return m_request; }
    const QStringList &parameters() const { return m_parameters; } // the path's variable parts, decoded
    Workspace &workspace() const;

    // The body, at most limits.body_bytes, or the limit given (else ApiError 413).
    QByteArray body();
    QByteArray body(qint64 limit);
    // The body as a JSON object (else ApiError 400 naming the line and column).
    QJsonObject jsonBody();
    QJsonObject jsonBody(qint64 limit);
    bool bodyRead() const { return m_bodyRead; }
    // The query string's value of a name, percent-decoded; empty when absent.
    QString queryValue(const QString &name) const;

    // The bearer token's user (else ApiError 401); asked once per request.
    const User &user();
    const std::optional<User> &signedIn() const { return m_user; }
    void setSignedIn(const User &user) { m_user = user; }

    // en, zh_HK or zh_CN, from Accept-Language (en when nothing fits).
    QString language() const;
    // Work done in that language (a sentence written, a transition decided):
    // the translators are the whole process's, so they are held only while
    // it runs, and English is put back after it, whatever happens.
    template <typename Work>
    auto inLanguage(Work &&work) const
    {
        const LanguageHold hold(*this);
        return work();
    }

private:
    class LanguageHold
    {
    public:
        explicit LanguageHold(const ApiCall &call);
        ~LanguageHold();
        LanguageHold(const LanguageHold &) = delete;
        LanguageHold &operator=(const LanguageHold &) = delete;

    private:
        std::lock_guard<std::mutex> m_lock;
    };

    BackOfficeContext &m_context;
    Poco::Net::HTTPServerRequest &m_request;
    QStringList m_parameters;
    std::optional<User> m_user;
    bool m_bodyRead = false;
};

// A handler for one route: rate limit and method check, then the route's
// answer; any error becomes a JSON error body with its status (a DomainError
// by its code); then the request is logged and counted. Nothing a client
// sends can take the server down: every exception stops here.
class ApiHandler : public Poco::Net::HTTPRequestHandler
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json; charset=utf-8";
        std::vector<std::pair<std::string, std::string>> headers;
        // Instead of body: this many bytes of an open file from where it stands,
        // sent as they are read (a blob is not held in memory whole).
        std::shared_ptr<QFile> file;
        qint64 fileLength = 0;
        static Reply json(const QJsonObject &object, int status = 200);
    };

    ApiHandler(BackOfficeContext &context, QString route, QString method, QStringList parameters = {},
               bool rateLimited = true);
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) final;

protected:
    virtual Reply answer(ApiCall &call) = 0;

private:
    Reply answerOrError(ApiCall &call, int &retryAfter);
    void send(Poco::Net::HTTPServerResponse &response, const Reply &reply, int retryAfter, bool keepAlive);

    BackOfficeContext &m_context;
    QString m_route;
    QString m_method;
    QStringList m_parameters;
    bool m_rateLimited;
};

// The JSON error body: {"error": {"code", "where", "message"}}.
QJsonObject errorJson(const QString &code, const QString &message, const QString &where = {});

} // namespace vd
