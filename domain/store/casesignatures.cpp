#include "casesignatures.h"

#include "detachedsignature.h"
#include "domainerror.h"
#include "entitystore.h"
#include "recordjson.h"
#include "recordtable.h"
#include "signedcontent.h"
#include "signingtrust.h"
#include "unitofwork.h"
#include "uuid.h"
#include "workspace.h"

#include <QSqlQuery>

namespace vd {

namespace {

// One signature against what the desk holds to check it with (read once for the case).
CheckedSignature checked(Workspace &workspace, const Signature &signature, const std::optional<Certificate> &authority,
                         const RevocationList &revocations)
{
    CheckedSignature result{signature, {}, false, {}, {}, false};
    const QByteArray content = signature.content.toUtf8();
    try {
        result.recordChanged = SignedContent::of(workspace, signature.purpose, signature.entityId).content != content;
    } catch (const DomainError &) {
        result.recordChanged = true; // the record is not here (any more)
    }
    if (!authority) {
        result.code = QStringLiteral("NO_CA_CERTIFICATE");
        result.reason = CaseSignatures::tr("Not checked: this workspace has not received the back office's CA "
                                           "certificate yet (it comes with the next sync).");
        return result;
    }
    const SignatureCheck check =
        DetachedSignature::verify(content, QByteArray::fromBase64(signature.signature.toLatin1()), *authority, revocations);
    if (check.signer)
        result.signerName = check.signer->subject().displayName;
    result.verifies = check.verified();
    if (!result.verifies) {
        result.code = check.code();
        result.reason = check.reason();
    }
    return result;
}

} // namespace

QList<CheckedSignature> CaseSignatures::of(Workspace &workspace, const QString &applicationId)
{
    const QList<Signature> signatures =
        store::Records<Signature>::where(workspace, QStringLiteral("\"application_id\" = ?"), {applicationId});
    if (signatures.isEmpty())
        return {};
    const std::optional<Certificate> authority = SigningTrust::authority(workspace.folder());
    const RevocationList revocations = SigningTrust::revocations(workspace.folder());
    QList<CheckedSignature> result;
    for (const Signature &signature : signatures)
        result.append(checked(workspace, signature, authority, revocations));
    return result;
}

QString CaseSignatures::purposeName(const QString &purpose)
{
    if (purpose == QLatin1String("submission"))
        return tr("submission");
    if (purpose == QLatin1String("revision"))
        return tr("revised application");
    if (purpose == QLatin1String("review"))
        return tr("review");
    if (purpose == QLatin1String("committee_outcome"))
        return tr("committee outcome");
    if (purpose == QLatin1String("approval"))
        return tr("approval");
    if (purpose == QLatin1String("payment_release"))
        return tr("payment release");
    return purpose;
}

QString CaseSignatures::recordToSign(Workspace &workspace, const QString &purpose, const QString &applicationId,
                                     const QString &signerId)
{
    const QString type = Signature::entityTypeOf(purpose);
    if (type == QLatin1String("application"))
        return applicationId;
    static const QHash<QString, QString> latest{
        {QStringLiteral("review"), QStringLiteral("SELECT id FROM reviews WHERE application_id = ? AND reviewer_id = ? "
                                                  "ORDER BY id LIMIT 1")},
        {QStringLiteral("committee_outcome"), QStringLiteral("SELECT id FROM committee_outcomes WHERE application_id = ? "
                                                             "AND ? IS NOT NULL ORDER BY recorded_at DESC, id LIMIT 1")},
        {QStringLiteral("approval"), QStringLiteral("SELECT id FROM approvals WHERE application_id = ? AND ? IS NOT NULL "
                                                    "ORDER BY approved_at DESC, id LIMIT 1")},
        {QStringLiteral("payment"), QStringLiteral("SELECT id FROM payments WHERE application_id = ? AND ? IS NOT NULL "
                                                   "AND status = 'released' ORDER BY released_at DESC, id LIMIT 1")}};
    if (!latest.contains(type))
        throw DomainError(QStringLiteral("INPUT_ERROR"), purpose,
                          tr("\"%1\" is not something that is signed").arg(purpose.left(40)));
    QSqlQuery &query = workspace.execute(latest.value(type), {applicationId, signerId});
    const QString id = query.next() ? query.value(0).toString() : QString();
    query.finish();
    if (id.isEmpty())
        throw DomainError(QStringLiteral("NOT_FOUND"), purpose,
                          tr("This case has no %1 for you to sign.").arg(purposeName(purpose)));
    return id;
}

std::optional<QString> CaseSignatures::missingFor(Workspace &workspace, const QString &applicationId,
                                                 const QString &action, const QString &userId)
{
    const QString purpose = action == QLatin1String("submit")                 ? QStringLiteral("submission")
                          : action == QLatin1String("answer_clarification") ? QStringLiteral("revision")
                                                                              : QString();
    if (purpose.isEmpty())
        return std::nullopt;
    const QString content = QString::fromUtf8(SignedContent::of(workspace, purpose, applicationId).content);
    for (const Signature &signature : store::Records<Signature>::where(
             workspace, QStringLiteral("\"application_id\" = ? AND \"purpose\" = ? AND \"signer_id\" = ?"),
             {applicationId, purpose, userId})) {
        if (signature.content == content)
            return std::nullopt; // checked when it arrived
    }
    return tr("This back office takes an application only signed: sign it as it is now (%1: Sign… in the case, or "
              "voucherdesk-cli sign), sync, then %2 again.")
        .arg(purposeName(purpose), action == QLatin1String("submit") ? tr("submit") : tr("answer"));
}

QStringList CaseSignatures::purposesOf(const QString &role)
{
    if (role == QLatin1String("applicant"))
        return {QStringLiteral("submission"), QStringLiteral("revision")};
    if (role == QLatin1String("committee_member"))
        return {QStringLiteral("review")};
    if (role == QLatin1String("committee_chair"))
        return {QStringLiteral("review"), QStringLiteral("committee_outcome")};
    if (role == QLatin1String("approving_officer"))
        return {QStringLiteral("approval")};
    if (role == QLatin1String("finance"))
        return {QStringLiteral("payment_release")};
    return {};
}

Signature CaseSignatures::sign(Workspace &workspace, const QString &purpose, const QString &applicationId,
                               const QString &entityId, const SigningKey &key, const Certificate &certificate)
{
    const SignedContent::Item item = SignedContent::of(workspace, purpose, entityId);
    if (item.applicationId != applicationId)
        throw DomainError(QStringLiteral("INPUT_ERROR"), entityId, tr("That record belongs to another case."));
    Signature signature;
    signature.id = newUuid();
    signature.applicationId = applicationId;
    signature.purpose = purpose;
    signature.entityType = Signature::entityTypeOf(purpose);
    signature.entityId = entityId;
    signature.signerId = certificate.subject().userId;
    signature.certificateSerial = certificate.serial();
    // The signing time as the signature carries it, to the second.
    signature.signedAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    signature.signature =
        QString::fromLatin1(DetachedSignature::sign(item.content, key, certificate, {}, signature.signedAt).toBase64());
    signature.content = QString::fromUtf8(item.content);
    UnitOfWork work(workspace, signature.signerId);
    EntityStore(workspace).save(work, QStringLiteral("signature"), record::toJson(signature), QStringLiteral("sign"));
    work.commit();
    return signature;
}

} // namespace vd
