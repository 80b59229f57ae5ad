#pragma once

#include "treehead.h"

#include <QCoreApplication>
#include <QString>

#include <QJsonObject>

#include <functional>
#include <optional>
#include <vector>

namespace vd {

class BackOfficeConnection;
class Workspace;

// What a desk checks of the back office's audit log at every sync
// (docs/audit-trail.md, DESIGN.md §6): the signed tree head, its signature
// under the key the desk met first, and the consistency proof from the last
// head this desk kept to the new one. A head that passes is kept (the device
// table) for the next time.
//
// Throws DomainError, and keeps nothing new, when
//   AUDIT_HISTORY_REWRITTEN  the new head does not extend the kept one (the
//                            proof fails, or the log is shorter): history the
//                            desk saw was changed on the server;
//   AUDIT_TREE_HEAD_INVALID  the head's signature does not verify, or it came
//                            without what a head needs;
//   AUDIT_KEY_CHANGED        it is signed by another key than before;
// and the connection's own errors when the back office cannot be asked.
class TreeHeadWatch
{
    Q_DECLARE_TR_FUNCTIONS(vd::TreeHeadWatch)

public:
    TreeHeadWatch(Workspace &workspace, BackOfficeConnection &connection)
        : m_workspace(workspace), m_connection(connection) {}

    struct Checked
    {
        SignedTreeHead head;             // the new head, now kept
        std::optional<TreeHead> previous; // the head kept before, when there was one of this back office
        bool keyFirstSeen = false;        // no key was known for this back office before
    };
    // Asks the back office for its head and, when it grew, the proof (two small requests).
    Checked check();
    // The same from what a pull's first page carried ("audit_log": the head
    // and the proof from keptSize()), asking nothing more.
    Checked check(const QJsonObject &auditLog);
    // The size of the head kept, for a pull to ask the proof from.
    static std::optional<qint64> keptSize(Workspace &workspace);

private:
    using ProofSource = std::function<std::optional<std::vector<MerkleHash>>(std::uint64_t, std::uint64_t)>;
    SignedTreeHead headFrom(const QJsonObject &json, QByteArray *publicKey) const;
    Checked checkHead(const SignedTreeHead &head, const QByteArray &publicKey, const ProofSource &proof);
    void checkConsistency(const TreeHead &previous, const TreeHead &next, const ProofSource &proof);
    void keep(const SignedTreeHead &head, const QByteArray &publicKey);

    Workspace &m_workspace;
    BackOfficeConnection &m_connection;
};

} // namespace vd
