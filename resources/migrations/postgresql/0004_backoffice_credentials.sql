-- (PostgreSQL) VoucherDesk workspace schema, version 3: the back office's sign-in records.
-- They are not domain records: not audited, never synced. Passwords are
-- scrypt hashes in the form scrypt$N$r$p$<salt hex>$<key hex> (domain/crypto
-- passwordhash.h); bearer tokens are kept only as their SHA-256.

-- One row per user who has a password of their own.
CREATE TABLE user_credentials (
    user_id TEXT PRIMARY KEY NOT NULL,
    password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
    changed_at TEXT NOT NULL
);

-- A workspace made with demo data: the one password every demo user may sign
-- in with until they have their own (a row in user_credentials).
CREATE TABLE demo_password (
    id BIGINT PRIMARY KEY NOT NULL CHECK (id = 1),
    password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%')
);

-- Failed sign-ins by username (known or not, so guessing names is slowed too).
CREATE TABLE sign_in_failures (
    username TEXT PRIMARY KEY NOT NULL,
    failures BIGINT NOT NULL CHECK (failures >= 0),
    last_failed_at TEXT NOT NULL,
    locked_until TEXT
);

CREATE TABLE access_tokens (
    token_sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(token_sha256) = 64),
    user_id TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX access_tokens_by_expiry ON access_tokens (expires_at);
