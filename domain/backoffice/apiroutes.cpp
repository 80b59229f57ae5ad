#include "apiroutes.h"

#include "apierror.h"
#include "apihandler.h"
#include "assessmentjson.h"
#include "attachmentroutes.h"
#include "auditroutes.h"
#include "casesignatures.h"
#include "certificateroutes.h"
#include "caseaccess.h"
#include "casefile.h"
#include "casetransitions.h"
#include "changelog.h"
#include "syncdesk.h"
#include "language.h"
#include "recordjson.h"
#include "syncprotocol.h"
#include "workspace.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vd {

namespace {

struct RouteText
{
    Q_DECLARE_TR_FUNCTIONS(vd::ApiRoutes)
};

template <typename Record>
QJsonArray recordsJson(const QList<Record> &records)
{
    QJsonArray array;
    for (const Record &record : records)
        array.append(record::toJson(record));
    return array;
}

QJsonObject summaryJson(const ApplicationSummary &summary)
{
    const auto optional = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {{QStringLiteral("id"), summary.id},
            {QStringLiteral("revision"), summary.revision},
            {QStringLiteral("reference"), optional(summary.reference)},
            {QStringLiteral("status"), summary.status},
            {QStringLiteral("title"), record::detail::encode(summary.title)},
            {QStringLiteral("enterprise_id"), summary.enterpriseId},
            {QStringLiteral("enterprise_name"), record::detail::encode(summary.enterpriseName)},
            {QStringLiteral("solution_category"), optional(summary.solutionCategory)},
            {QStringLiteral("submitted"), record::detail::encode(summary.submitted)},
            {QStringLiteral("case_officer_id"), optional(summary.caseOfficerId)},
            {QStringLiteral("total_cost"), summary.totalCost.toDecimalString()},
            {QStringLiteral("approved_grant"), record::detail::encode(summary.approvedGrant)},
            {QStringLiteral("updated_at"), record::detail::encode(summary.updatedAt)}};
}

// The case as the user may see it: an applicant gets its application, its
// history and the rules' assessment; staff also get the committee's records.
QJsonObject caseJson(const CaseFile &file, CaseVisibility view)
{
    QJsonObject json{{QStringLiteral("application"), record::toJson(file.application)},
                     {QStringLiteral("applicant"), record::toJson(file.applicant)},
                     {QStringLiteral("status_changes"), recordsJson(file.statusChanges)},
                     {QStringLiteral("clarifications"), recordsJson(file.clarifications)},
                     {QStringLiteral("assessment"), assessmentToJson(file.assessment)}};
    if (view == CaseVisibility::OwnEnterprise)
        return json;
    json.insert(QStringLiteral("agenda_items"), recordsJson(file.agendaItems));
    json.insert(QStringLiteral("reviews"), recordsJson(file.reviews));
    json.insert(QStringLiteral("committee_outcomes"), recordsJson(file.outcomes));
    json.insert(QStringLiteral("approvals"), recordsJson(file.approvals));
    return json;
}

// The signed-in user, refused with 403 when the role sees no cases at all.
const User &caseReader(ApiCall &call)
{
    const User &user = call.user();
    if (CaseAccess::viewOf(user) == CaseVisibility::None)
        throw ApiError(403, QStringLiteral("ROLE_NOT_PERMITTED"),
                       RouteText::tr("The role %1 has no access to cases.").arg(user.role), QStringLiteral("role"));
    return user;
}

// The case named in the path, when the user may see it. A case outside the
// user's view is answered exactly like one that does not exist (404), so
// that references cannot be probed.
Application visibleCase(ApiCall &call, const User &user)
{
    const QString &key = call.parameters().value(0);
    const std::optional<Application> found = findCase(call.workspace(), key);
    if (!found || !CaseAccess(call.workspace()).sees(user, found->id))
        throw ApiError(404, QStringLiteral("CASE_NOT_FOUND"),
                       RouteText::tr("There is no case %1 among the cases you can see.").arg(key), QStringLiteral("case"));
    return *found;
}

int pageNumber(ApiCall &call, const QString &name, int fallback, int min, int max)
{
    const QString text = call.queryValue(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        throw ApiError(400, QStringLiteral("INPUT_ERROR"),
                       RouteText::tr("expected a whole number from %1 to %2, not \"%3\"").arg(min).arg(max).arg(text), name);
    return value;
}

class HealthRoute : public ApiHandler
{
public:
    explicit HealthRoute(BackOfficeContext &context)
        : ApiHandler(context, QStringLiteral("healthz"), QStringLiteral("GET"), {}, false) {}
    Reply answer(ApiCall &call) override
    {
        QJsonArray protocols;
        for (const int version : servedSyncProtocols())
            protocols.append(version);
        return Reply::json({{QStringLiteral("status"), QStringLiteral("ok")},
                            {QStringLiteral("schema_version"), call.workspace().schemaVersion()},
                            {QStringLiteral("protocols"), protocols},
                            {QStringLiteral("limits"), QJsonObject{{QStringLiteral("push_operations"), call.context().settings.pushOperations},
                                                                   {QStringLiteral("sync_body_bytes"), call.context().settings.maxSyncBodyBytes}}}});
    }
};

class MetricsRoute : public ApiHandler
{
public:
    explicit MetricsRoute(BackOfficeContext &context)
        : ApiHandler(context, QStringLiteral("metrics"), QStringLiteral("GET"), {}, false) {}
    Reply answer(ApiCall &call) override
    {
        Reply reply;
        reply.body = call.context().metrics.prometheusText(call.context().connections());
        reply.contentType = "text/plain; version=0.0.4; charset=utf-8";
        return reply;
    }
};

class LoginRoute : public ApiHandler
{
public:
    explicit LoginRoute(BackOfficeContext &context) : ApiHandler(context, QStringLiteral("login"), QStringLiteral("POST")) {}
    Reply answer(ApiCall &call) override
    {
        const JsonReader body(call.jsonBody(), QStringLiteral("body"));
        const QString username = body.string(QStringLiteral("username"));
        const QString password = body.string(QStringLiteral("password"));
        const AccessToken token = call.context().signIn.signIn(call.workspace(), username, password);
        call.setSignedIn(token.user);
        const User &user = token.user;
        return Reply::json({{QStringLiteral("token"), token.token},
                            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                            {QStringLiteral("expires_at"), record::instantText(token.expiresAt)},
                            {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), user.id},
                                                                 {QStringLiteral("username"), user.username},
                                                                 {QStringLiteral("display_name"), record::detail::encode(user.displayName)},
                                                                 {QStringLiteral("role"), user.role},
                                                                 {QStringLiteral("enterprise_id"), user.enterpriseId.isEmpty()
                                                                      ? QJsonValue() : QJsonValue(user.enterpriseId)}}}});
    }
};

class CaseListRoute : public ApiHandler
{
public:
    explicit CaseListRoute(BackOfficeContext &context) : ApiHandler(context, QStringLiteral("cases"), QStringLiteral("GET")) {}
    Reply answer(ApiCall &call) override
    {
        const User &user = caseReader(call);
        const Page page{pageNumber(call, QStringLiteral("limit"), 50, 1, 500),
                        pageNumber(call, QStringLiteral("offset"), 0, 0, 100000000)};
        const CaseAccess access(call.workspace());
        QJsonArray cases;
        for (const ApplicationSummary &summary : access.cases(user, page))
            cases.append(summaryJson(summary));
        return Reply::json({{QStringLiteral("total"), access.count(user)},
                            {QStringLiteral("limit"), page.limit},
                            {QStringLiteral("offset"), page.offset},
                            {QStringLiteral("cases"), cases}});
    }
};

class CaseRoute : public ApiHandler
{
public:
    CaseRoute(BackOfficeContext &context, QStringList parameters)
        : ApiHandler(context, QStringLiteral("case"), QStringLiteral("GET"), std::move(parameters)) {}
    Reply answer(ApiCall &call) override
    {
        const User &user = caseReader(call);
        const Application application = visibleCase(call, user);
        const CaseFile file = CaseFile::load(call.workspace(), application.id, QDate::currentDate());
        return Reply::json(caseJson(file, CaseAccess::viewOf(user)));
    }
};

// The server decides: vd::CaseTransitions applies the workflow and the rules
// as the signed-in user, whatever the client believes.
class TransitionRoute : public ApiHandler
{
public:
    TransitionRoute(BackOfficeContext &context, QStringList parameters)
        : ApiHandler(context, QStringLiteral("transitions"), QStringLiteral("POST"), std::move(parameters)) {}
    Reply answer(ApiCall &call) override
    {
        const User &user = caseReader(call);
        const JsonReader body(call.jsonBody(), QStringLiteral("body"));
        TransitionRequest request;
        request.action = body.string(QStringLiteral("action"));
        request.reason = body.optionalString(QStringLiteral("reason"));
        request.revision = body.optionalInteger(QStringLiteral("revision"), 1, std::numeric_limits<qint64>::max());
        request.username = user.username;
        const Application application = visibleCase(call, user);
        request.caseKey = application.reference.isEmpty() ? application.id : application.reference;
        if (call.context().settings.signaturesRequired) {
            if (const std::optional<QString> missing = call.inLanguage([&] {
                    return CaseSignatures::missingFor(call.workspace(), application.id, request.action, user.id);
                }))
                throw ApiError(409, QStringLiteral("SIGNATURE_REQUIRED"), *missing, QStringLiteral("body.action"));
        }
        const TransitionResult result = call.inLanguage([&] {
            return CaseTransitions(call.workspace()).apply(request, Language::localeFor(call.language()));
        });
        return Reply::json(transitionResultJson(result), result.applied ? 200 : 409);
    }
};

// Sync (docs/sync.md): every request names the protocol version it speaks
// (requireSyncProtocol; every answer names the server's), and the user's
// role must receive something.
const User &syncUser(ApiCall &call)
{
    requireSyncProtocol(call);
    const User &user = call.user();
    if (!ChangeLog::maySync(user))
        throw ApiError(403, QStringLiteral("ROLE_NOT_PERMITTED"), call.inLanguage([&] {
                           return RouteText::tr("The role %1 does not sync with the back office.").arg(user.role);
                       }),
                       QStringLiteral("role"));
    return user;
}

// Adds the fields to a JSON object written as text (the pull page, whose
// records go in as stored and are not parsed again).
void spliceInto(QByteArray &object, const QJsonObject &fields)
{
    if (fields.isEmpty() || !object.endsWith('}'))
        return;
    const QByteArray more = QJsonDocument(fields).toJson(QJsonDocument::Compact); // {"a":…,"b":…}
    object.chop(1);
    object += ',' + more.mid(1);
}

class PullRoute : public ApiHandler
{
public:
    explicit PullRoute(BackOfficeContext &context) : ApiHandler(context, QStringLiteral("sync_pull"), QStringLiteral("POST")) {}
    Reply answer(ApiCall &call) override
    {
        const User &user = syncUser(call);
        const QJsonObject body = call.jsonBody(call.context().settings.maxSyncBodyBytes);
        Reply reply;
        reply.body = SyncDesk(call.workspace(), user).pull(body);
        // What rides on the first page, so that a sync with nothing new is one request:
        // the audit log's head (the desk asks with "audit_tree_size", its kept size or null);
        // the certificate revocations when the desk's count is not the back office's; the CA
        // certificate to a desk that has none (what it checks signatures against).
        QJsonObject extra;
        if (body.contains(QStringLiteral("audit_tree_size"))) {
            const QJsonValue kept = body.value(QStringLiteral("audit_tree_size"));
            if (!kept.isNull() && (!kept.isDouble() || kept.toInteger(-1) < 0))
                throw ApiError(400, QStringLiteral("INPUT_ERROR"), RouteText::tr("expected a number of entries or null"),
                               QStringLiteral("body.audit_tree_size"));
            extra.insert(QStringLiteral("audit_log"),
                         auditLogJson(call, kept.isNull() ? std::nullopt : std::optional<std::uint64_t>(kept.toInteger())));
        }
        CertificateDesk &certificates = call.context().certificates;
        if (body.contains(QStringLiteral("revocation_count"))
            && body.value(QStringLiteral("revocation_count")).toInteger(-1) != certificates.revocationCount())
            extra.insert(QStringLiteral("revocations"), certificates.revocations().toJson());
        if (body.value(QStringLiteral("has_ca_certificate")) == QJsonValue(false))
            extra.insert(QStringLiteral("ca_certificate"), QString::fromLatin1(certificates.authority().pem()));
        spliceInto(reply.body, extra);
        return reply;
    }
};

// Pushed operations are decided in the request's language: the translators
// are the whole process's, so the push holds the language while it decides.
class PushRoute : public ApiHandler
{
public:
    explicit PushRoute(BackOfficeContext &context) : ApiHandler(context, QStringLiteral("sync_push"), QStringLiteral("POST")) {}
    Reply answer(ApiCall &call) override
    {
        const User &user = syncUser(call);
        const QJsonObject body = call.jsonBody(call.context().settings.maxSyncBodyBytes);
        return Reply::json(call.inLanguage([&] {
            return SyncDesk(call.workspace(), user, &call.context().certificates, call.context().settings.signaturesRequired)
                .push(body, call.context().settings.pushOperations,
                                                         Language::localeFor(call.language()));
        }));
    }
};

class UnknownRoute : public ApiHandler
{
public:
    explicit UnknownRoute(BackOfficeContext &context, const QString &method)
        : ApiHandler(context, QStringLiteral("unknown"), method) {}
    Reply answer(ApiCall &call) override
    {
        throw ApiError(404, QStringLiteral("NO_SUCH_ROUTE"),
                       RouteText::tr("There is no %1 here: see docs/api.md for the routes.")
                           .arg(QString::fromStdString(call.request().getURI()).section(u'?', 0, 0).left(200)),
                       QStringLiteral("path"));
    }
};

// The path's segments, each percent-decoded (a bad escape is kept as sent).
QStringList segmentsOf(const std::string &uri)
{
    const std::string path = uri.substr(0, uri.find('?'));
    QStringList segments;
    for (const QString &raw : QString::fromStdString(path).split(u'/', Qt::SkipEmptyParts)) {
        std::string decoded;
        try {
            Poco::URI::decode(raw.toStdString(), decoded);
        } catch (const Poco::Exception &) {
            decoded = raw.toStdString();
        }
        segments.append(QString::fromStdString(decoded));
    }
    return segments;
}

} // namespace

Poco::Net::HTTPRequestHandler *ApiRoutes::createRequestHandler(const Poco::Net::HTTPServerRequest &request)
{
    const QStringList segments = segmentsOf(request.getURI());
    const QString method = QString::fromStdString(request.getMethod());
    if (segments == QStringList{QStringLiteral("healthz")})
        return new HealthRoute(m_context);
    if (segments == QStringList{QStringLiteral("metrics")})
        return new MetricsRoute(m_context);
    const bool api = segments.size() >= 3 && segments[0] == QLatin1String("api") && segments[1] == QLatin1String("v1");
    if (api && segments.size() == 3 && segments[2] == QLatin1String("login"))
        return new LoginRoute(m_context);
    if (api && segments.size() == 4 && segments[2] == QLatin1String("sync")) {
        if (segments[3] == QLatin1String("pull"))
            return new PullRoute(m_context);
        if (segments[3] == QLatin1String("push"))
            return new PushRoute(m_context);
    }
    if (api && segments[2] == QLatin1String("cases")) {
        QStringList rest = segments.mid(3);
        if (rest.isEmpty())
            return new CaseListRoute(m_context);
        // The reference's own slashes, sent unescaped, are put back.
        if (rest.size() >= 2 && rest.last() == QLatin1String("transitions")) {
            rest.removeLast();
            return new TransitionRoute(m_context, {rest.join(u'/')});
        }
        return new CaseRoute(m_context, {rest.join(u'/')});
    }
    if (api && segments[2] == QLatin1String("audit")) {
        if (Poco::Net::HTTPRequestHandler *route = auditRoute(m_context, segments.mid(3), method))
            return route;
    }
    if (api && segments[2] == QLatin1String("certificates")) {
        if (Poco::Net::HTTPRequestHandler *route = certificateRoute(m_context, segments.mid(3), method))
            return route;
    }
    if (api && segments[2] == QLatin1String("attachments")) {
        if (Poco::Net::HTTPRequestHandler *route = attachmentRoute(m_context, segments.mid(3), method))
            return route;
    }
    return new UnknownRoute(m_context, method);
}

} // namespace vd
