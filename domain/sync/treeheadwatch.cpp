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

} // namespace

SignedTreeHead TreeHeadWatch::fetchHead(QByteArray *publicKey)
{
    const std::string path = "/api/v1/audit/tree-head";
    const BackOfficeConnection::Answer answer = m_connection.request("GET", path);
    if (!answer.succeeded())
        throw m_connection.refusal(answer, path);
    const QJsonObject json = answer.json();
    SignedTreeHead head;
    const qint64 size = json.value(QStringLiteral("tree_size")).toInteger(-1);
    head.head.size = std::uint64_t(size);
    head.head.timestampMs = json.value(QStringLiteral("timestamp")).toInteger(-1);
    head.signature = QByteArray::fromBase64(json.value(QStringLiteral("tree_head_signature")).toString().toLatin1());
    *publicKey = QByteArray::fromBase64(json.value(QStringLiteral("public_key")).toString().toLatin1());
    if (size < 0 || head.head.timestampMs < 0 || head.signature.isEmpty() || publicKey->isEmpty()
        || !decodeHash(json.value(QStringLiteral("sha256_root_hash")), &head.head.root))
        throw DomainError(QStringLiteral("AUDIT_TREE_HEAD_INVALID"), m_connection.serverUrl(),
                          tr("The back office sent a tree head of its audit log that is not complete; the sync was "
                             "stopped."));
    return head;
}

void TreeHeadWatch::checkConsistency(const TreeHead &previous, const TreeHead &next)
{
    const auto rewritten = [&](const QString &why) {
        return DomainError(QStringLiteral("AUDIT_HISTORY_REWRITTEN"), m_connection.serverUrl(),
                           tr("WARNING: the back office's audit history was rewritten. %1 This desk saw its audit log "
                              "at %2 entries (root %3, signed %4); it now shows %5 entries (root %6, signed %7). "
                              "The sync was stopped and nothing was sent or received: tell the programme's auditor.")
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
    const std::string path = "/api/v1/audit/consistency?first=" + std::to_string(previous.size)
                             + "&second=" + std::to_string(next.size);
    const BackOfficeConnection::Answer answer = m_connection.request("GET", path);
    if (!answer.succeeded())
        throw m_connection.refusal(answer, path);
    std::vector<MerkleHash> proof;
    for (const QJsonValue &value : answer.json().value(QStringLiteral("consistency")).toArray()) {
        MerkleHash hash;
        if (!decodeHash(value, &hash))
            throw rewritten(tr("Its consistency proof is not made of hashes."));
        proof.push_back(hash);
    }
    if (!merkle::verifyConsistency(previous.size, next.size, previous.root, next.root, proof))
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

TreeHeadWatch::Checked TreeHeadWatch::check()
{
    QByteArray publicKey;
    Checked checked;
    checked.head = fetchHead(&publicKey);
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
        checkConsistency(*checked.previous, checked.head.head);
    }
    keep(checked.head, publicKey);
    return checked;
}

} // namespace vd
