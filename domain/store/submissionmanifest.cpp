#include "submissionmanifest.h"

#include "applicationrepository.h"
#include "assessmentjson.h"
#include "attachmentfolder.h"
#include "canonicaljson.h"
#include "domainerror.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace vd {

namespace {

struct ManifestText
{
    Q_DECLARE_TR_FUNCTIONS(vd::SubmissionManifest)
};

// Fields the back office changes at and after submission, which the applicant's signature does not
// cover: the reference and the day are given when the back office takes the submission.
constexpr const char *kNotSigned[] = {"status", "revision", "reference", "submitted", "case_officer_id",
                                      "approved_grant", "final_grant", "updated_at"};

} // namespace

SubmissionManifest SubmissionManifest::of(const Application &application)
{
    QJsonObject signedPart = applicationToJson(application);
    for (const char *field : kNotSigned)
        signedPart.remove(QLatin1String(field));
    const QJsonObject manifest{{QStringLiteral("format"), QLatin1String(kFormat)},
                               {QStringLiteral("application"), signedPart}};
    return {application.reference, CanonicalJson::of(manifest), application.attachments};
}

SubmissionManifest SubmissionManifest::forReference(Workspace &workspace, const QString &reference)
{
    const std::optional<Application> application = ApplicationRepository(workspace).findByReference(reference);
    if (!application)
        throw DomainError(QStringLiteral("NOT_FOUND"), reference,
                          ManifestText::tr("There is no application with this reference in the workspace."));
    const AttachmentFolder folder(workspace);
    for (const AttachmentReference &attachment : application->attachments)
        if (!folder.contains(attachment.sha256))
            throw DomainError(QStringLiteral("ATTACHMENT_MISSING"), attachment.fileName,
                              ManifestText::tr("The attachment's content (SHA-256 %1) is not in this workspace; "
                                               "sync to fetch it, then try again.")
                                  .arg(attachment.sha256));
    return of(*application);
}

} // namespace vd
