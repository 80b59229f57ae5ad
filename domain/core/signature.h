#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace vd {

// A signature over an item of a case (DESIGN.md §6, docs/signing.md "Signed
// items"): who signed what and when, with which certificate. The canonical
// JSON that was signed and the detached CMS signature are kept with it, so
// that anyone holding the back office's CA certificate can check it at any
// time; the back office checks it when it arrives and refuses it otherwise.
struct Signature
{
    QString id;
    QString applicationId;
    QString purpose;           // one of purposes()
    QString entityType;        // the signed record's kind (entityTypeOf(purpose))
    QString entityId;
    QString signerId;          // the user, as the certificate's UID names them
    QString certificateSerial; // lower-case hex
    QDateTime signedAt;        // the signing time inside the signature
    QString content;           // the canonical JSON signed, as text
    QString signature;         // detached CMS SignedData (DER), base64
    friend bool operator==(const Signature &, const Signature &) = default;

    // submission and revision (an application, its manifest), review,
    // committee_outcome, approval and payment_release.
    static const QStringList &purposes();
    // The kind of record a purpose signs; empty for an unknown purpose.
    static QString entityTypeOf(const QString &purpose);
};

inline const QStringList &Signature::purposes()
{
    static const QStringList all{QStringLiteral("submission"), QStringLiteral("revision"),       QStringLiteral("review"),
                                 QStringLiteral("committee_outcome"), QStringLiteral("approval"), QStringLiteral("payment_release")};
    return all;
}

inline QString Signature::entityTypeOf(const QString &purpose)
{
    if (purpose == QLatin1String("submission") || purpose == QLatin1String("revision"))
        return QStringLiteral("application");
    if (purpose == QLatin1String("payment_release"))
        return QStringLiteral("payment");
    return purposes().contains(purpose) ? purpose : QString();
}

} // namespace vd
