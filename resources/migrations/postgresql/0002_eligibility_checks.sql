-- (PostgreSQL) VoucherDesk workspace schema, version 2: the secretariat's eligibility
-- checklist. One row per case and checklist item (scheme vocabulary
-- eligibility_checks), updated in place: the audit trail keeps each tick.
CREATE TABLE eligibility_checks (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    item TEXT NOT NULL,
    confirmed BIGINT NOT NULL CHECK (confirmed IN (0, 1)),
    note TEXT,
    checked_by TEXT,
    checked_at TEXT
);
CREATE UNIQUE INDEX eligibility_checks_by_application ON eligibility_checks (application_id, item);
