#pragma once

#include "application.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vd {

class Workspace;

// What an applicant signs on submission (docs/signing.md): the canonical JSON (RFC 8785, CanonicalJson)
// of {"format": "voucherdesk-submission/1", "application": …}, where the application is the workspace
// document's application object (docs/formats.md) with the SHA-256 and size of every attachment in its
// "attachments", less what the back office, not the applicant, changes at or after submission: "status",
// "revision", "reference", "submitted", "case_officer_id", "approved_grant", "final_grant" and "updated_at".
struct SubmissionManifest
{
    static constexpr char kFormat[] = "voucherdesk-submission/1";

    QString reference;
    QByteArray bytes; // the canonical JSON, what is signed
    QList<AttachmentReference> attachments;

    static SubmissionManifest of(const Application &application);
    // The application with that reference; every attachment's content must be in the workspace's
    // attachment folder. Throws a DomainError NOT_FOUND or ATTACHMENT_MISSING.
    static SubmissionManifest forReference(Workspace &workspace, const QString &reference);
};

} // namespace vd
