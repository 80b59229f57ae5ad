-- VoucherDesk workspace schema, version 9, in PostgreSQL's dialect: signatures over the items of a
-- case (docs/signing.md "Signed items").

-- Who signed what and when: the canonical JSON signed and the detached CMS
-- signature (base64 DER) are kept, so that it can be checked at any time.
-- A signature is never changed; a new one is made instead.
CREATE TABLE signatures (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
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
