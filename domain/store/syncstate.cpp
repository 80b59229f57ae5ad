#include "syncstate.h"

#include "domainerror.h"
#include "recordtable.h"

#include <QCoreApplication>

namespace vd {

using store::Column;

SyncState loadSyncState(Workspace &workspace)
{
    QSqlQuery &query = workspace.statement(QStringLiteral(
        "SELECT device_id, server_url, user_id, pull_cursor, last_push_at, last_pull_at, tree_head_size, "
        "tree_head_hash, tree_head_signature, tree_head_timestamp_ms, tree_head_key FROM device"));
    workspace.exec(query);
    SyncState state;
    if (query.next()) {
        int pos = 0;
        Column<QString>::read(query, pos, state.deviceId);
        Column<QString>::read(query, pos, state.serverUrl);
        Column<QString>::read(query, pos, state.userId);
        Column<qint64>::read(query, pos, state.pullCursor);
        Column<std::optional<QDateTime>>::read(query, pos, state.lastPushAt);
        Column<std::optional<QDateTime>>::read(query, pos, state.lastPullAt);
        state.treeHeadSize = query.isNull(pos) ? std::nullopt : std::optional<qint64>(query.value(pos).toLongLong());
        ++pos;
        Column<QString>::read(query, pos, state.treeHeadHash);
        Column<QString>::read(query, pos, state.treeHeadSignature);
        state.treeHeadTimestampMs = query.isNull(pos) ? std::nullopt : std::optional<qint64>(query.value(pos).toLongLong());
        ++pos;
        Column<QString>::read(query, pos, state.treeHeadKey);
    }
    query.finish();
    return state;
}

void saveSyncState(Workspace &workspace, const SyncState &state)
{
    if (!workspace.inTransaction())
        throw DomainError(QStringLiteral("TRANSACTION_REQUIRED"), workspace.file(),
                          QCoreApplication::translate("vd::SyncState",
                              "the sync state must change in the same transaction as the changes it records"));
    QSqlQuery &update = workspace.statement(QStringLiteral(
        "UPDATE device SET server_url = ?, user_id = ?, pull_cursor = ?, last_push_at = ?, last_pull_at = ?, "
        "tree_head_size = ?, tree_head_hash = ?, tree_head_signature = ?, tree_head_timestamp_ms = ?, tree_head_key = ?"));
    int pos = 0;
    Column<QString>::bind(update, pos, state.serverUrl);
    Column<QString>::bind(update, pos, state.userId);
    Column<qint64>::bind(update, pos, state.pullCursor);
    Column<std::optional<QDateTime>>::bind(update, pos, state.lastPushAt);
    Column<std::optional<QDateTime>>::bind(update, pos, state.lastPullAt);
    sql::bind(update, pos++, state.treeHeadSize ? QVariant(qlonglong(*state.treeHeadSize)) : store::nullInteger());
    Column<QString>::bind(update, pos, state.treeHeadHash);
    Column<QString>::bind(update, pos, state.treeHeadSignature);
    sql::bind(update, pos++, state.treeHeadTimestampMs ? QVariant(qlonglong(*state.treeHeadTimestampMs)) : store::nullInteger());
    Column<QString>::bind(update, pos, state.treeHeadKey);
    workspace.exec(update);
}

} // namespace vd
