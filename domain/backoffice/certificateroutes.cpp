#include "certificateroutes.h"

#include "apierror.h"
#include "apihandler.h"
#include "certificatedesk.h"

#include <QJsonArray>

namespace vd {

namespace {

struct CertificateRouteText
{
    Q_DECLARE_TR_FUNCTIONS(vd::ApiRoutes)
};

QString pemText(const QByteArray &pem)
{
    return QString::fromLatin1(pem);
}

QJsonObject certificateJson(const Certificate &certificate)
{
    return {{QStringLiteral("serial"), certificate.serial()},
            {QStringLiteral("subject"), certificate.subjectLine()},
            {QStringLiteral("not_before"), certificate.notBefore().toUTC().toString(Qt::ISODate)},
            {QStringLiteral("not_after"), certificate.notAfter().toUTC().toString(Qt::ISODate)},
            {QStringLiteral("certificate"), pemText(certificate.pem())}};
}

// Enrolment: the person's own machine made the key and the request; the
// certificate names the person as the back office knows them.
class EnrolmentRoute : public ApiHandler
{
public:
    explicit EnrolmentRoute(BackOfficeContext &context)
        : ApiHandler(context, QStringLiteral("certificate_enrolment"), QStringLiteral("POST")) {}
    Reply answer(ApiCall &call) override
    {
        const User &user = call.user();
        const QJsonObject body = call.jsonBody();
        const QString request = body.value(QStringLiteral("request")).toString();
        if (request.isEmpty())
            throw ApiError(400, QStringLiteral("INPUT_ERROR"), call.inLanguage([&] {
                               return CertificateRouteText::tr("expected the certificate request (PKCS#10 PEM) as \"request\"");
                           }),
                           QStringLiteral("body.request"));
        const SignerIdentity person{user.id, user.displayName.en.isEmpty() ? user.username : user.displayName.en, user.role};
        const Certificate issued = call.inLanguage([&] { return call.context().certificates.issue(request.toLatin1(), person); });
        QJsonObject json = certificateJson(issued);
        json.insert(QStringLiteral("ca_certificate"), pemText(call.context().certificates.authority().pem()));
        return Reply::json(json, 201);
    }
};

class AuthorityRoute : public ApiHandler
{
public:
    explicit AuthorityRoute(BackOfficeContext &context)
        : ApiHandler(context, QStringLiteral("certificate_authority"), QStringLiteral("GET")) {}
    Reply answer(ApiCall &call) override
    {
        call.user();
        return Reply::json({{QStringLiteral("ca_certificate"), pemText(call.context().certificates.authority().pem())}});
    }
};

class RevocationsRoute : public ApiHandler
{
public:
    explicit RevocationsRoute(BackOfficeContext &context)
        : ApiHandler(context, QStringLiteral("certificate_revocations"), QStringLiteral("GET")) {}
    Reply answer(ApiCall &call) override
    {
        call.user();
        return Reply::json(revocationsJson(call));
    }
};

class RevocationRoute : public ApiHandler
{
public:
    RevocationRoute(BackOfficeContext &context, const QString &serial)
        : ApiHandler(context, QStringLiteral("certificate_revocation"), QStringLiteral("POST"), {serial}) {}
    Reply answer(ApiCall &call) override
    {
        const User &user = call.user();
        const QString serial = call.parameters().value(0).toLower();
        CertificateDesk &certificates = call.context().certificates;
        const std::optional<Certificate> certificate = certificates.issued(serial);
        if (!certificate)
            throw ApiError(404, QStringLiteral("CERTIFICATE_UNKNOWN"), call.inLanguage([&] {
                               return CertificateRouteText::tr("This back office issued no certificate with the serial %1.")
                                   .arg(serial.left(64));
                           }),
                           QStringLiteral("serial"));
        if (user.role != QLatin1String("administrator") && certificate->subject().userId != user.id)
            throw ApiError(403, QStringLiteral("ROLE_NOT_PERMITTED"), call.inLanguage([&] {
                               return CertificateRouteText::tr("Only an administrator or the certificate's holder may "
                                                               "revoke it.");
                           }),
                           QStringLiteral("role"));
        const QJsonObject body = call.jsonBody();
        const QString reasonName = body.value(QStringLiteral("reason")).toString(QStringLiteral("unspecified"));
        const std::optional<RevocationReason> reason = RevocationList::reasonNamed(reasonName);
        if (!reason)
            throw ApiError(400, QStringLiteral("INPUT_ERROR"), call.inLanguage([&] {
                               return CertificateRouteText::tr("\"%1\" is not a reason for revoking: use unspecified, "
                                                               "key_compromise, affiliation_changed, superseded or "
                                                               "cessation_of_operation").arg(reasonName.left(40));
                           }),
                           QStringLiteral("body.reason"));
        const Revocation revocation = call.inLanguage([&] { return certificates.revoke(serial, *reason); });
        return Reply::json({{QStringLiteral("serial"), revocation.serial},
                            {QStringLiteral("revoked_at"), revocation.revokedAt.toUTC().toString(Qt::ISODateWithMs)},
                            {QStringLiteral("reason"), RevocationList::reasonName(revocation.reason)}});
    }
};

} // namespace

QJsonObject revocationsJson(ApiCall &call)
{
    return {{QStringLiteral("revocations"), call.context().certificates.revocations().toJson()}};
}

Poco::Net::HTTPRequestHandler *certificateRoute(BackOfficeContext &context, const QStringList &rest, const QString &method)
{
    if (rest.isEmpty() && method == QLatin1String("POST"))
        return new EnrolmentRoute(context);
    if (rest == QStringList{QStringLiteral("authority")} && method == QLatin1String("GET"))
        return new AuthorityRoute(context);
    if (rest == QStringList{QStringLiteral("revocations")} && method == QLatin1String("GET"))
        return new RevocationsRoute(context);
    if (rest.size() == 2 && rest[1] == QLatin1String("revocation") && method == QLatin1String("POST"))
        return new RevocationRoute(context, rest[0]);
    return nullptr;
}

} // namespace vd
