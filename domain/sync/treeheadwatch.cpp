#include "treeheadwatch.h"

#include "backofficeconnection.h"
#include "domainerror.h"
#include "syncstate.h"
#include "transaction.h"
#include "workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace vd {

namespace {

QString hex(const MerkleHash &hash)
{
    return QString::fromLatin1(merkle::bytes(hash).toHex());
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

bool decodeHash(const QJsonValue &value, MerkleHash *hash)
{
    return merkle::fromBytes(QByteArray::fromBase64(value.toString().toLatin1()), hash);
}

std::optional<std::vector<MerkleHash>> proofFrom(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    std::vector<MerkleHash> proof;
    for (const QJsonValue &each : value.toArray()) {
        MerkleHash hash;
        if (!decodeHash(each, &hash))
            return std::nullopt;
        proof.push_back(hash);
    }
    return proof;
}

} // namespace

SignedTreeHead TreeHeadWatch::headFrom(const QJsonObject &json, QByteArray *publicKey) const
{
    SignedTreeHead head;
    const qint64 size = json.value(QStringLiteral("tree_size")).toInteger(-1);
    head.head.size = std::uint64_t(size);
    head.head.timestampMs = json.value(QStringLiteral("timestamp")).toInteger(-1);
    head.signature = QByteArray::fromBase64(json.value(QStringLiteral("tree_head_signature")).toString().toLatin1());
    *publicKey = QByteArray::fromBase64(json.value(QStringLiteral("public_key")).toString().toLatin1());
    if (size < 0 || head.head.timestampMs < 0 || head.signature.isEmpty() || publicKey->isEmpty()
        || !decodeHash(json.value(QStringLiteral("sha256_root_hash")), &head.head.root))
        throw DomainError(QStringLiteral("AUDIT_TREE_HEAD_INVALID"), m_connection.serverUrl(),
                          tr("The back office sent no complete signed head of its audit log; the sync was stopped."));
    return head;
}

void TreeHeadWatch::checkConsistency(const TreeHead &previous, const TreeHead &next, const ProofSource &source)
{
    const auto rewritten = [&](const QString &why) {
        return DomainError(QStringLiteral("AUDIT_HISTORY_REWRITTEN"), m_connection.serverUrl(),
                           tr("WARNING: the back office's audit history was rewritten. %1 This desk saw its audit log "
                              "at %2 entries (root %3, signed %4); it now shows %5 entries (root %6, signed %7). "
                              "The sync was stopped before anything more was received: tell the programme's auditor.")
                               .arg(why).arg(previous.size).arg(hex(previous.root), timeText(previous.timestampMs))
                               .arg(next.size).arg(hex(next.root), timeText(next.timestampMs)));
    };
    if (next.size < previous.size)
        throw rewritten(tr("Entries this desk saw are gone."));
    if (next.size == previous.size) {
        if (next.root != previous.root)
            throw rewritten(tr("The same number of entries now hashes differently."));
        return;
    }
    const std::optional<std::vector<MerkleHash>> proof = source(previous.size, next.size);
    if (!proof)
        throw rewritten(tr("It gave no consistency proof made of hashes."));
    if (!merkle::verifyConsistency(previous.size, next.size, previous.root, next.root, *proof))
        throw rewritten(tr("Its consistency proof does not lead from the old head to the new one."));
}

void TreeHeadWatch::keep(const SignedTreeHead &head, const QByteArray &publicKey)
{
    Transaction transaction(m_workspace);
    SyncState state = loadSyncState(m_workspace);
    state.treeHeadSize = qint64(head.head.size);
    state.treeHeadHash = hex(head.head.root);
    state.treeHeadSignature = QString::fromLatin1(head.signature.toBase64());
    state.treeHeadTimestampMs = head.head.timestampMs;
    state.treeHeadKey = QString::fromLatin1(publicKey.toBase64());
    if (state.serverUrl.isEmpty())
        state.serverUrl = m_connection.serverUrl();
    saveSyncState(m_workspace, state);
    transaction.commit();
}

std::optional<qint64> TreeHeadWatch::keptSize(Workspace &workspace)
{
    return loadSyncState(workspace).treeHeadSize;
}

TreeHeadWatch::Checked TreeHeadWatch::check()
{
    const std::string path = "/api/v1/audit/tree-head";
    const BackOfficeConnection::Answer answer = m_connection.request("GET", path);
    if (!answer.succeeded())
        throw m_connection.refusal(answer, path);
    QByteArray publicKey;
    const SignedTreeHead head = headFrom(answer.json(), &publicKey);
    return checkHead(head, publicKey, [this](std::uint64_t first, std::uint64_t second) {
        const std::string proofPath = "/api/v1/audit/consistency?first=" + std::to_string(first)
                                      + "&second=" + std::to_string(second);
        const BackOfficeConnection::Answer proof = m_connection.request("GET", proofPath);
        if (!proof.succeeded())
            throw m_connection.refusal(proof, proofPath);
        return proofFrom(proof.json().value(QStringLiteral("consistency")));
    });
}

TreeHeadWatch::Checked TreeHeadWatch::check(const QJsonObject &auditLog)
{
    QByteArray publicKey;
    const SignedTreeHead head = headFrom(auditLog, &publicKey);
    const QJsonValue consistency = auditLog.value(QStringLiteral("consistency"));
    return checkHead(head, publicKey, [&](std::uint64_t, std::uint64_t) { return proofFrom(consistency); });
}

TreeHeadWatch::Checked TreeHeadWatch::checkHead(const SignedTreeHead &head, const QByteArray &publicKey,
                                                const ProofSource &proof)
{
    Checked checked;
    checked.head = head;
    const SyncState state = loadSyncState(m_workspace);
    // The back office is known by the key that signs its heads, wherever it
    // is reached: a head kept under another key says nothing about this one,
    // unless it came from this very address (then the key was replaced).
    const QByteArray keptKey = QByteArray::fromBase64(state.treeHeadKey.toLatin1());
    const bool known = state.treeHeadSize && keptKey == publicKey;
    checked.keyFirstSeen = !known;
    if (!known && !keptKey.isEmpty() && state.serverUrl == m_connection.serverUrl())
        throw DomainError(QStringLiteral("AUDIT_KEY_CHANGED"), m_connection.serverUrl(),
                          tr("WARNING: the back office signs its audit log with another key than the one this desk "
                             "knows. The sync was stopped: ask the programme's administrator whether the key was "
                             "replaced."));
    bool valid = false;
    try {
        valid = TreeHeadKey::fromPublicKeyDer(publicKey).verify(checked.head);
    } catch (const std::runtime_error &) {
        valid = false;
    }
    if (!valid)
        throw DomainError(QStringLiteral("AUDIT_TREE_HEAD_INVALID"), m_connection.serverUrl(),
                          tr("WARNING: the back office's tree head of %1 entries does not carry a valid signature. "
                             "The sync was stopped.").arg(checked.head.head.size));
    if (known) {
        MerkleHash root{};
        merkle::fromBytes(QByteArray::fromHex(state.treeHeadHash.toLatin1()), &root);
        checked.previous = TreeHead{std::uint64_t(*state.treeHeadSize), root, state.treeHeadTimestampMs.value_or(0)};
        checkConsistency(*checked.previous, checked.head.head, proof);
    }
    keep(checked.head, publicKey);
    return checked;
}

} // namespace vd
