#pragma once

#include "signature.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vd {

class Certificate;
class SigningKey;
class Workspace;

// The signatures of a case as this workspace holds them, each checked
// (docs/signing.md "Signed items"): the CMS signature over what it signed,
// against the back office's CA certificate and the revocations the last sync
// brought (SigningTrust); and whether the record is still as it was signed.
struct CheckedSignature
{
    Signature signature;
    QString signerName;     // from the certificate
    bool verifies = false;
    QString code;           // SIGNATURE_… when it does not verify, or NO_CA_CERTIFICATE
    QString reason;         // in the person's language
    bool recordChanged = false; // the record differs now from what was signed (or is gone)
};

class CaseSignatures
{
    Q_DECLARE_TR_FUNCTIONS(vd::CaseSignatures)

public:
    // Oldest first; the CA certificate and revocations are read once for them all.
    static QList<CheckedSignature> of(Workspace &workspace, const QString &applicationId);
    // "submission", … in the person's language.
    static QString purposeName(const QString &purpose);

    // The record a purpose signs on a case: the application itself, the
    // signer's own review, or the case's latest outcome, approval or released
    // payment. NOT_FOUND when the case has none.
    static QString recordToSign(Workspace &workspace, const QString &purpose, const QString &applicationId,
                                const QString &signerId);
    // When the back office requires signatures (signing.required): why the
    // user may not take this workflow action yet — an applicant's submit needs
    // its submission signature, its answer to a clarification its revision
    // signature, each of the application as it stands now; nothing otherwise.
    static std::optional<QString> missingFor(Workspace &workspace, const QString &applicationId, const QString &action,
                                             const QString &userId);
    // The purposes a role signs (Signature::purposes()), as the back office allows them.
    static QStringList purposesOf(const QString &role);
    // Signs the record with the person's key and keeps the signature (a unit
    // of work as the signer, queued for the next sync, which checks it).
    // NOT_FOUND or INPUT_ERROR (a purpose not signed, a record of another case).
    static Signature sign(Workspace &workspace, const QString &purpose, const QString &applicationId,
                          const QString &entityId, const SigningKey &key, const Certificate &certificate);
};

} // namespace vd
