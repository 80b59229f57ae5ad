#pragma once

#include "signature.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace vd {

class Workspace;

// What a signature of each purpose covers (docs/signing.md "Signed items"),
// made from the record as a workspace holds it now, so that the desk that
// signs and the back office that checks make the same bytes:
//   submission, revision   the application's SubmissionManifest (its
//                          attachments by SHA-256, less what the back office
//                          changes after the applicant signs)
//   the others             the canonical JSON (RFC 8785) of {"format":
//                          "voucherdesk-signed/1", "purpose", "record": the
//                          record's JSON less its revision}
class SignedContent
{
    Q_DECLARE_TR_FUNCTIONS(vd::SignedContent)

public:
    static constexpr char kFormat[] = "voucherdesk-signed/1";

    struct Item
    {
        QString applicationId;
        QByteArray content;
        QJsonObject record; // the signed record's JSON as held now (empty for an application)
    };
    // Throws a DomainError INPUT_ERROR for an unknown purpose and NOT_FOUND
    // when the workspace has no such record.
    static Item of(Workspace &workspace, const QString &purpose, const QString &entityId);
};

} // namespace vd
