-- VoucherDesk workspace schema, version 9: signatures over the items of a
-- case (docs/signing.md "Signed items"); and the search indexes' setting for
-- bulk writes (SQLite's FTS5 only: postgresql/0009 has the table alone).

-- Who signed what and when: the canonical JSON signed and the detached CMS
-- signature (base64 DER) are kept, so that it can be checked at any time.
-- A signature is never changed; a new one is made instead.
CREATE TABLE signatures (
    id TEXT PRIMARY KEY NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    purpose TEXT NOT NULL CHECK (purpose IN ('submission', 'revision', 'review', 'committee_outcome', 'approval',
                                             'payment_release')),
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    signer_id TEXT NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
    certificate_serial TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    content TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE INDEX signatures_by_application ON signatures (application_id, signed_at);
CREATE INDEX signatures_by_item ON signatures (entity_type, entity_id);

-- The search indexes' memory for text waiting to be written (FTS5's hashsize), set
-- once here at FTS5's own default so that every workspace keeps the same row:
-- bulk writes raise it for their transaction and set it back (ApplicationSearch).
INSERT INTO application_search_index (application_search_index, rank) VALUES ('hashsize', 1048576);
INSERT INTO application_search_characters (application_search_characters, rank) VALUES ('hashsize', 1048576);
