-- VoucherDesk workspace schema, version 6: sync (docs/sync.md).
-- Plain SQL that PostgreSQL reads too, but for AUTOINCREMENT.

-- The back office's change log: one row per record, holding its latest
-- change. A record's row is replaced, with a new seq, on every change; a
-- removal leaves a tombstone (deleted = 1, payload NULL). Written by
-- UnitOfWork in the transaction of the change, on a store that keeps it.
CREATE TABLE sync_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    application_id TEXT,
    enterprise_id TEXT,
    owner_id TEXT,
    payload TEXT,
    UNIQUE (entity_type, entity_id)
);
CREATE INDEX sync_changes_by_application ON sync_changes (application_id, seq);

-- One row when this store keeps the change log (the back office's store).
CREATE TABLE sync_change_log (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    enabled_at TEXT NOT NULL
);

-- Every answer the back office gave to a pushed operation, so that an
-- operation sent again (a lost response) gets the first answer, never a
-- second write.
CREATE TABLE sync_operations (
    device_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    answer TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (device_id, number)
);

-- On a desktop: an operation the back office found in conflict, with both
-- versions, until a person keeps theirs or takes the back office's.
CREATE TABLE sync_conflicts (
    operation_number INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    local_record TEXT,
    server_record TEXT,
    server_revision INTEGER NOT NULL,
    code TEXT NOT NULL,
    reason TEXT,
    found_at TEXT NOT NULL
);
CREATE INDEX sync_conflicts_by_record ON sync_conflicts (entity_id);

-- On a desktop: pulled records whose references (an application, a meeting…)
-- have not arrived yet (a record's row moves to the end of the change log
-- when it changes, after the records that refer to it); stored as soon as
-- the record waited for (waiting_table, waiting_id) has arrived.
CREATE TABLE sync_parked (
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    application_id TEXT,
    waiting_table TEXT NOT NULL,
    waiting_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (entity_type, entity_id)
);
CREATE INDEX sync_parked_by_waiting ON sync_parked (waiting_table, waiting_id);
