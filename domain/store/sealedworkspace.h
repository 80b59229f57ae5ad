#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

struct sqlite3;

namespace vd {

class SealedBox;

// A workspace sealed at rest, as a committee member's laptop keeps one
// (DESIGN.md §6, docs/audit-trail.md "Sealed workspaces"). DIR/workspace.sealed
// holds the whole SQLite database sealed with a SealedBox (AES-256-GCM under
// a data key wrapped by the passphrase's scrypt key), and attachments are
// kept sealed the same way. The program works on the database in memory
// (SQLite's memdb, shared by every connection of the process to that folder)
// and writes it back sealed, whole and atomically, after each commit; no
// journal, WAL or temporary file touches the disk.
//
//   vd::SealedWorkspace::create(folder, passphrase);  // once (voucherdesk-cli init --sealed)
//   vd::SealedWorkspace::unlock(folder, passphrase);  // once per process: PASSPHRASE_WRONG changes nothing
//   vd::Workspace workspace(folder);                  // then opens as any other
//
// One program at a time holds a sealed workspace open (WORKSPACE_BUSY for
// another): two copies in memory could not both be written back.
class SealedWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(vd::SealedWorkspace)

public:
    static QString fileIn(const QString &folder); // DIR/workspace.sealed
    static bool isIn(const QString &folder);
    // A new, empty sealed workspace (WORKSPACE_EXISTS when the folder holds one of either kind).
    static void create(const QString &folder, const QString &passphrase);
    // Unwraps the data key for this process (PASSPHRASE_WRONG when it does not
    // open it; nothing is changed). Unlocking again with the right one is harmless.
    static void unlock(const QString &folder, const QString &passphrase);
    static bool isUnlocked(const QString &folder);

    // The folder's open database, shared by the Workspace objects on it.
    class Open;
    // Attaches a Workspace to the folder's database: the first takes the
    // folder's lock and, once its connection is open, fills it (load()).
    // PASSPHRASE_NEEDED when the folder was not unlocked.
    static std::shared_ptr<Open> attach(const QString &folder);

    // Seals a value of this folder's (an attachment's bytes, named by its SHA-256).
    static QByteArray seal(const QString &folder, QByteArrayView plain, QByteArrayView associated);
    static QByteArray unseal(const QString &folder, QByteArrayView sealed, QByteArrayView associated);
};

class SealedWorkspace::Open
{
public:
    ~Open();
    // The URI of the shared in-memory database (opened with QSQLITE_OPEN_URI).
    const QString &uri() const { return m_uri; }
    // Fills the database from the sealed file when this is its first connection.
    void load(sqlite3 *connection);
    // Writes the database back, sealed, when this connection changed it since
    // the last time (or always, with force). Throws STORAGE_ERROR naming the file.
    void persist(sqlite3 *connection, bool force = false);

private:
    friend class SealedWorkspace;
    struct State;
    explicit Open(std::shared_ptr<State> state, QString uri);
    std::shared_ptr<State> m_state;
    QString m_uri;
    qint64 m_persistedChanges = -1;
};

} // namespace vd
