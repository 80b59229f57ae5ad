#include "signedcontent.h"

#include "applicationrepository.h"
#include "canonicaljson.h"
#include "domainerror.h"
#include "entitystore.h"
#include "submissionmanifest.h"

namespace vd {

SignedContent::Item SignedContent::of(Workspace &workspace, const QString &purpose, const QString &entityId)
{
    const QString entityType = Signature::entityTypeOf(purpose);
    if (entityType.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), purpose,
                          tr("\"%1\" is not something that is signed: use %2")
                              .arg(purpose.left(40), Signature::purposes().join(QStringLiteral(", "))));
    const auto missing = [&] {
        return DomainError(QStringLiteral("NOT_FOUND"), entityId,
                           tr("There is no %1 %2 in this workspace to sign.").arg(entityType, entityId.left(64)));
    };
    if (entityType == QLatin1String("application")) {
        const std::optional<Application> application = ApplicationRepository(workspace).find(entityId);
        if (!application)
            throw missing();
        return {application->id, SubmissionManifest::of(*application).bytes, {}};
    }
    const std::optional<QJsonObject> record = EntityStore(workspace).find(entityType, entityId);
    if (!record)
        throw missing();
    QJsonObject signedRecord = *record;
    signedRecord.remove(QStringLiteral("revision"));
    const QJsonObject signedPart{{QStringLiteral("format"), QLatin1String(kFormat)},
                                 {QStringLiteral("purpose"), purpose},
                                 {QStringLiteral("record"), signedRecord}};
    return {record->value(QStringLiteral("application_id")).toString(), CanonicalJson::of(signedPart), *record};
}

} // namespace vd
