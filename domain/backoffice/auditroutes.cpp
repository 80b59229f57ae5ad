#include "auditroutes.h"

#include "apierror.h"
#include "apihandler.h"
#include "auditlogtree.h"
#include "changelog.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vd {

namespace {

struct AuditRouteText
{
    Q_DECLARE_TR_FUNCTIONS(vd::ApiRoutes)
};

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QJsonArray proofJson(const std::vector<MerkleHash> &proof)
{
    QJsonArray array;
    for (const MerkleHash &hash : proof)
        array.append(base64(merkle::bytes(hash)));
    return array;
}

void requireRole(ApiCall &call, bool allowed)
{
    if (!allowed)
        throw ApiError(403, QStringLiteral("ROLE_NOT_PERMITTED"), call.inLanguage([&] {
                           return AuditRouteText::tr("The role %1 has no access to the audit log's proofs.")
                               .arg(call.user().role);
                       }),
                       QStringLiteral("role"));
}

std::uint64_t sizeParameter(ApiCall &call, const QString &name)
{
    const QString text = call.queryValue(name);
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    if (!ok)
        throw ApiError(400, QStringLiteral("INPUT_ERROR"), call.inLanguage([&] {
                           return AuditRouteText::tr("expected a whole number of entries, not \"%1\"").arg(text.left(40));
                       }),
                       name);
    return value;
}

// Sizes beyond the log, or out of order, are the caller's mistake.
template <typename Work>
auto withinTheLog(ApiCall &call, Work &&work)
{
    try {
        return work();
    } catch (const std::out_of_range &) {
        throw ApiError(400, QStringLiteral("AUDIT_SIZE_OUT_OF_RANGE"), call.inLanguage([&] {
                           return AuditRouteText::tr("The audit log has no proof for those sizes: each must be at "
                                                     "most its current size, and the first no larger than the second.");
                       }),
                       QStringLiteral("query"));
    }
}

} // namespace

QJsonObject auditLogJson(ApiCall &call, std::optional<std::uint64_t> keptSize)
{
    AuditLogTree &log = call.context().auditLog;
    const SignedTreeHead signedHead = log.head(call.workspace());
    QJsonObject json{{QStringLiteral("tree_size"), qint64(signedHead.head.size)},
                     {QStringLiteral("timestamp"), signedHead.head.timestampMs},
                     {QStringLiteral("sha256_root_hash"), base64(merkle::bytes(signedHead.head.root))},
                     {QStringLiteral("tree_head_signature"), base64(signedHead.signature)},
                     {QStringLiteral("public_key"), base64(log.publicKeyDer())}};
    if (keptSize && *keptSize <= signedHead.head.size)
        json.insert(QStringLiteral("consistency"),
                    proofJson(log.consistencyProof(call.workspace(), *keptSize, signedHead.head.size)));
    return json;
}

namespace {

class TreeHeadRoute : public ApiHandler
{
public:
    explicit TreeHeadRoute(BackOfficeContext &context)
        : ApiHandler(context, QStringLiteral("audit_tree_head"), QStringLiteral("GET")) {}
    Reply answer(ApiCall &call) override
    {
        requireRole(call, ChangeLog::maySync(call.user()));
        return Reply::json(auditLogJson(call, std::nullopt));
    }
};

class ConsistencyRoute : public ApiHandler
{
public:
    explicit ConsistencyRoute(BackOfficeContext &context)
        : ApiHandler(context, QStringLiteral("audit_consistency"), QStringLiteral("GET")) {}
    Reply answer(ApiCall &call) override
    {
        requireRole(call, ChangeLog::maySync(call.user()));
        const std::uint64_t first = sizeParameter(call, QStringLiteral("first"));
        const std::uint64_t second = sizeParameter(call, QStringLiteral("second"));
        const auto proof = withinTheLog(call, [&] {
            return call.context().auditLog.consistencyProof(call.workspace(), first, second);
        });
        return Reply::json({{QStringLiteral("first"), qint64(first)},
                            {QStringLiteral("second"), qint64(second)},
                            {QStringLiteral("consistency"), proofJson(proof)}});
    }
};

class InclusionRoute : public ApiHandler
{
public:
    explicit InclusionRoute(BackOfficeContext &context)
        : ApiHandler(context, QStringLiteral("audit_inclusion"), QStringLiteral("GET")) {}
    Reply answer(ApiCall &call) override
    {
        const QString &role = call.user().role;
        requireRole(call, role == QLatin1String("secretariat") || role == QLatin1String("auditor"));
        const std::uint64_t index = sizeParameter(call, QStringLiteral("index"));
        const std::uint64_t size = sizeParameter(call, QStringLiteral("size"));
        AuditLogTree &log = call.context().auditLog;
        const auto proof = withinTheLog(call, [&] { return log.inclusionProof(call.workspace(), index, size); });
        return Reply::json({{QStringLiteral("index"), qint64(index)},
                            {QStringLiteral("size"), qint64(size)},
                            {QStringLiteral("leaf_hash"), base64(merkle::bytes(log.leaf(call.workspace(), index)))},
                            {QStringLiteral("audit_path"), proofJson(proof)}});
    }
};

} // namespace

Poco::Net::HTTPRequestHandler *auditRoute(BackOfficeContext &context, const QStringList &rest, const QString &method)
{
    if (rest.size() != 1 || method != QLatin1String("GET"))
        return nullptr;
    if (rest[0] == QLatin1String("tree-head"))
        return new TreeHeadRoute(context);
    if (rest[0] == QLatin1String("consistency"))
        return new ConsistencyRoute(context);
    if (rest[0] == QLatin1String("inclusion"))
        return new InclusionRoute(context);
    return nullptr;
}

} // namespace vd
