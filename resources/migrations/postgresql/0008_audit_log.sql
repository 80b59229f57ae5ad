-- VoucherDesk workspace schema, version 8, in PostgreSQL's dialect: the
-- audit log's Merkle tree and its signed tree heads (docs/audit-trail.md).

-- On the back office: each audit entry, in the order of the trail, as a leaf
-- of an RFC 6962 Merkle tree (leaf_hash = SHA-256(0x00 || the entry's hash)),
-- written by UnitOfWork in the transaction of the entry.
CREATE TABLE audit_log_leaves (
    leaf_index BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,
    entry_id TEXT NOT NULL,
    leaf_hash BYTEA NOT NULL CHECK (length(leaf_hash) = 32)
);

-- On the back office: every tree head it signed (RFC 6962 §3.5 bytes, ECDSA
-- P-256), one per size, so that its own check finds history rewritten under
-- a head it once gave out.
CREATE TABLE audit_tree_heads (
    tree_size BIGINT PRIMARY KEY,
    root BYTEA NOT NULL CHECK (length(root) = 32),
    timestamp_ms BIGINT NOT NULL,
    signature BYTEA NOT NULL
);

-- On a desktop: the last signed tree head seen, with the key that signed it
-- (tree_head_size, tree_head_hash and tree_head_signature came with 0001).
ALTER TABLE device ADD COLUMN tree_head_timestamp_ms BIGINT;
ALTER TABLE device ADD COLUMN tree_head_key TEXT;
