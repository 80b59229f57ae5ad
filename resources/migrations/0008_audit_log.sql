-- VoucherDesk workspace schema, version 8: the audit log's Merkle tree and
-- its signed tree heads (docs/audit-trail.md). Plain SQL that PostgreSQL
-- reads too.

-- On the back office: each audit entry, in the order of the trail, as a leaf
-- of an RFC 6962 Merkle tree (leaf_hash = SHA-256(0x00 || the entry's hash)),
-- written by UnitOfWork in the transaction of the entry.
CREATE TABLE audit_log_leaves (
    leaf_index INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    entry_id TEXT NOT NULL,
    leaf_hash BLOB NOT NULL CHECK (length(leaf_hash) = 32)
);

-- On the back office: every tree head it signed (RFC 6962 §3.5 bytes, ECDSA
-- P-256), one per size, so that its own check finds history rewritten under
-- a head it once gave out.
CREATE TABLE audit_tree_heads (
    tree_size INTEGER PRIMARY KEY,
    root BLOB NOT NULL CHECK (length(root) = 32),
    timestamp_ms INTEGER NOT NULL,
    signature BLOB NOT NULL
);

-- On a desktop: the last signed tree head seen, with the key that signed it
-- (tree_head_size, tree_head_hash and tree_head_signature came with 0001).
ALTER TABLE device ADD COLUMN tree_head_timestamp_ms INTEGER;
ALTER TABLE device ADD COLUMN tree_head_key TEXT;
