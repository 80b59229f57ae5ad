-- (PostgreSQL) VoucherDesk workspace schema, version 7: the references to a blob found by
-- its SHA-256, for the back office's question "may this user fetch this
-- attachment" (is there a case in the user's view that refers to it).
CREATE INDEX application_attachments_by_sha256 ON application_attachments (sha256, application_id);
