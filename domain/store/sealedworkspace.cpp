#include "sealedworkspace.h"

#include "domainerror.h"
#include "sealedbox.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QScopeGuard>
#include <QtEndian>

#include <sqlite3.h>

#include <map>
#include <mutex>

namespace vd {

namespace {

// "VDSW1" || the wrapped data key's length (4 bytes, big-endian) || the
// wrapped key || the database sealed with "workspace.sealed" as associated data.
constexpr QByteArrayView kMagic = "VDSW1";
constexpr QByteArrayView kDatabaseName = "workspace.sealed";

QString folderKey(const QString &folder)
{
    return QDir::cleanPath(QDir(folder).absolutePath());
}

struct SealedFile
{
    QByteArray wrappedKey;
    QByteArray sealedDatabase;
};

[[noreturn]] void unreadable(const QString &file, const QString &why)
{
    throw DomainError(QStringLiteral("WORKSPACE_UNREADABLE"), file, why);
}

SealedFile readSealedFile(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        unreadable(file, in.errorString());
    const QByteArray bytes = in.readAll();
    const qsizetype header = kMagic.size() + 4;
    if (bytes.size() < header || !bytes.startsWith(kMagic))
        throw DomainError(QStringLiteral("NOT_A_WORKSPACE"), file,
                          SealedWorkspace::tr("this is not a sealed VoucherDesk workspace"));
    const quint32 keyLength = qFromBigEndian<quint32>(bytes.constData() + kMagic.size());
    if (keyLength > quint32(bytes.size() - header))
        unreadable(file, SealedWorkspace::tr("the sealed workspace is cut short"));
    return {bytes.mid(header, keyLength), bytes.mid(header + keyLength)};
}

void writeSealedFile(const QString &file, const SealedFile &content)
{
    QSaveFile out(file);
    QByteArray length(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(content.wrappedKey.size()), length.data());
    if (!out.open(QIODevice::WriteOnly) || out.write(kMagic.data(), kMagic.size()) != kMagic.size()
        || out.write(length) != 4 || out.write(content.wrappedKey) != content.wrappedKey.size()
        || out.write(content.sealedDatabase) != content.sealedDatabase.size() || !out.commit())
        throw DomainError(QStringLiteral("STORAGE_ERROR"), file,
                          SealedWorkspace::tr("the sealed workspace cannot be written: %1").arg(out.errorString()));
}

[[noreturn]] void sqliteFailed(sqlite3 *connection, const QString &file, const char *step)
{
    throw DomainError(QStringLiteral("STORAGE_ERROR"), file,
                      QStringLiteral("%1: %2").arg(QString::fromLatin1(step), QString::fromUtf8(sqlite3_errmsg(connection))));
}

// The unlocked folders of this process, and their open databases.
struct Registry
{
    std::mutex mutex;
    std::map<QString, std::shared_ptr<SealedBox>> boxes;
    std::map<QString, std::weak_ptr<SealedWorkspace::Open>> open;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

std::shared_ptr<SealedBox> boxOf(const QString &key)
{
    Registry &known = registry();
    const std::lock_guard guard(known.mutex);
    const auto found = known.boxes.find(key);
    if (found == known.boxes.end())
        throw DomainError(QStringLiteral("PASSPHRASE_NEEDED"), key,
                          SealedWorkspace::tr("this workspace is sealed; give its passphrase to open it"));
    return found->second;
}

} // namespace

struct SealedWorkspace::Open::State
{
    QString folder;
    QString file;
    std::shared_ptr<SealedBox> box;
    QLockFile lock;
    std::mutex writing; // one write-back at a time, in the order the copies were taken
    bool loaded = false;

    State(QString folderPath, std::shared_ptr<SealedBox> key)
        : folder(std::move(folderPath)), file(SealedWorkspace::fileIn(folder)), box(std::move(key)),
          lock(file + QStringLiteral(".lock"))
    {}
};

QString SealedWorkspace::fileIn(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("workspace.sealed"));
}

bool SealedWorkspace::isIn(const QString &folder)
{
    return QFileInfo::exists(fileIn(folder));
}

void SealedWorkspace::create(const QString &folder, const QString &passphrase)
{
    const QString key = folderKey(folder);
    if (isIn(key) || QFileInfo::exists(Workspace::fileIn(key)))
        throw DomainError(QStringLiteral("WORKSPACE_EXISTS"), key,
                          tr("this folder holds a workspace already; nothing was changed"));
    if (!QDir().mkpath(key))
        unreadable(key, tr("cannot create the workspace folder"));
    auto box = std::make_shared<SealedBox>(SealedBox::create(passphrase));
    writeSealedFile(fileIn(key), {box->wrappedKey(), box->seal({}, kDatabaseName)});
    Registry &known = registry();
    const std::lock_guard guard(known.mutex);
    known.boxes[key] = std::move(box);
}

void SealedWorkspace::unlock(const QString &folder, const QString &passphrase)
{
    const QString key = folderKey(folder);
    const SealedFile sealed = readSealedFile(fileIn(key));
    auto box = std::make_shared<SealedBox>(SealedBox::open(sealed.wrappedKey, passphrase));
    Registry &known = registry();
    const std::lock_guard guard(known.mutex);
    known.boxes[key] = std::move(box);
}

bool SealedWorkspace::isUnlocked(const QString &folder)
{
    Registry &known = registry();
    const std::lock_guard guard(known.mutex);
    return known.boxes.count(folderKey(folder)) > 0;
}

std::shared_ptr<SealedWorkspace::Open> SealedWorkspace::attach(const QString &folder)
{
    const QString key = folderKey(folder);
    std::shared_ptr<SealedBox> box = boxOf(key);
    // Named after the folder, so that every connection of this process to it shares one database.
    const QString uri = QStringLiteral("file:/vd-sealed-%1?vfs=memdb")
                            .arg(QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex()));
    Registry &known = registry();
    const std::lock_guard guard(known.mutex);
    if (const std::shared_ptr<Open> open = known.open[key].lock())
        return std::shared_ptr<Open>(new Open(open->m_state, uri));
    auto state = std::make_shared<Open::State>(key, std::move(box));
    state->lock.setStaleLockTime(0); // stale only when the program holding it has gone
    if (!state->lock.tryLock(0))
        throw DomainError(QStringLiteral("WORKSPACE_BUSY"), state->file,
                          tr("another program has this sealed workspace open; close it there first"));
    std::shared_ptr<Open> open(new Open(state, uri));
    known.open[key] = open;
    return open;
}

QByteArray SealedWorkspace::seal(const QString &folder, QByteArrayView plain, QByteArrayView associated)
{
    return boxOf(folderKey(folder))->seal(plain, associated);
}

QByteArray SealedWorkspace::unseal(const QString &folder, QByteArrayView sealed, QByteArrayView associated)
{
    return boxOf(folderKey(folder))->unseal(sealed, associated);
}

SealedWorkspace::Open::Open(std::shared_ptr<State> state, QString uri) : m_state(std::move(state)), m_uri(std::move(uri)) {}

SealedWorkspace::Open::~Open() = default;

void SealedWorkspace::Open::load(sqlite3 *connection)
{
    m_persistedChanges = sqlite3_total_changes64(connection);
    // Before anything is written: a journal or a temporary file on disk would hold pages in the clear.
    if (sqlite3_exec(connection, "PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr)
        != SQLITE_OK)
        sqliteFailed(connection, m_state->file, "journal_mode");
    const std::lock_guard guard(m_state->writing);
    if (m_state->loaded)
        return;
    const SealedFile sealed = readSealedFile(m_state->file);
    const QByteArray database = m_state->box->unseal(sealed.sealedDatabase, kDatabaseName);
    m_state->loaded = true;
    if (database.isEmpty())
        return; // made by create(): the migrations fill it
    // The plain bytes live only in memory: a private copy, backed up into the shared database.
    sqlite3 *copy = nullptr;
    sqlite3_open_v2(":memory:", &copy, SQLITE_OPEN_READWRITE, nullptr);
    auto *bytes = static_cast<unsigned char *>(sqlite3_malloc64(sqlite3_uint64(database.size())));
    if (!copy || !bytes) {
        sqlite3_free(bytes);
        sqlite3_close(copy);
        throw std::bad_alloc();
    }
    memcpy(bytes, database.constData(), size_t(database.size()));
    const int flags = SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY;
    const auto closeCopy = qScopeGuard([copy] { sqlite3_close(copy); });
    if (sqlite3_deserialize(copy, "main", bytes, database.size(), database.size(), flags) != SQLITE_OK)
        sqliteFailed(copy, m_state->file, "deserialize");
    int pageSize = 0;
    sqlite3_stmt *page = nullptr;
    if (sqlite3_prepare_v2(copy, "PRAGMA page_size", -1, &page, nullptr) == SQLITE_OK && sqlite3_step(page) == SQLITE_ROW)
        pageSize = sqlite3_column_int(page, 0);
    sqlite3_finalize(page);
    // An in-memory destination takes the source's page size only when set before the copy.
    const QByteArray setPageSize = "PRAGMA page_size = " + QByteArray::number(pageSize);
    sqlite3_exec(connection, setPageSize.constData(), nullptr, nullptr, nullptr);
    sqlite3_backup *backup = sqlite3_backup_init(connection, "main", copy, "main");
    if (!backup)
        sqliteFailed(connection, m_state->file, "backup");
    sqlite3_backup_step(backup, -1);
    if (sqlite3_backup_finish(backup) != SQLITE_OK)
        sqliteFailed(connection, m_state->file, "backup");
    m_persistedChanges = sqlite3_total_changes64(connection);
}

void SealedWorkspace::Open::persist(sqlite3 *connection, bool force)
{
    const qint64 changes = sqlite3_total_changes64(connection);
    if (!force && changes == m_persistedChanges)
        return;
    const std::lock_guard guard(m_state->writing);
    sqlite3_int64 size = 0;
    unsigned char *bytes = sqlite3_serialize(connection, "main", &size, 0);
    if (!bytes)
        sqliteFailed(connection, m_state->file, "serialize");
    const auto freeBytes = qScopeGuard([bytes] { sqlite3_free(bytes); });
    const QByteArray sealed = m_state->box->seal(QByteArrayView(bytes, qsizetype(size)), kDatabaseName);
    writeSealedFile(m_state->file, {m_state->box->wrappedKey(), sealed});
    m_persistedChanges = changes;
}

} // namespace vd
