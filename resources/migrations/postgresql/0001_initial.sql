-- VoucherDesk workspace schema, version 1, in PostgreSQL's dialect: the same
-- tables and columns as ../0001_initial.sql (tests/tst_migrationsets.cpp
-- compares the two sets), with PostgreSQL's types (BIGINT for INTEGER, so
-- money in cents is 64 bits; BYTEA for BLOB), functions for the append-only
-- triggers, and no FTS5 indexes: on PostgreSQL application_search holds the
-- text and is searched by a scan (docs/storage.md, "PostgreSQL").
--
-- Conventions as in the SQLite set: ids are UUID text; money is BIGINT cents
-- (columns end in _cents); percentages are hundredths of a percent (_bp);
-- dates are 'YYYY-MM-DD' text; instants are UTC ISO-8601 text with
-- milliseconds; booleans are 0/1; an empty text is stored as NULL.
--
-- References between aggregates are DEFERRABLE INITIALLY DEFERRED, checked at
-- COMMIT (or at SET CONSTRAINTS ALL IMMEDIATE inside a savepoint, as
-- Workspace::hasUnresolvedReferences does).

-- The SQLite functions the store's SQL uses, and CAST(x AS BLOB) as the
-- dialect seam writes it (domain/store/postgresdialect.h): a text's UTF-8
-- bytes, a bytea as it is.
CREATE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT strpos(haystack, needle) $$;
CREATE FUNCTION vd_bytes(value TEXT) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT convert_to(value, 'UTF8') $$;
CREATE FUNCTION vd_bytes(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT value $$;

CREATE TABLE enterprises (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    br_number TEXT,
    name_en TEXT,
    name_zh TEXT,
    entity_type TEXT,
    listed BIGINT NOT NULL CHECK (listed IN (0, 1)),
    government_subvented BIGINT NOT NULL CHECK (government_subvented IN (0, 1)),
    substantive_business_in_hk BIGINT NOT NULL CHECK (substantive_business_in_hk IN (0, 1)),
    business_commenced TEXT,
    employees BIGINT NOT NULL CHECK (employees >= 0),
    manufacturing BIGINT NOT NULL CHECK (manufacturing IN (0, 1)),
    sector TEXT,
    address_en TEXT,
    address_zh TEXT,
    contact_name TEXT,
    contact_email TEXT,
    contact_phone TEXT
);
CREATE UNIQUE INDEX enterprises_by_br_number ON enterprises (br_number) WHERE br_number IS NOT NULL;
CREATE INDEX enterprises_by_sector ON enterprises (sector);

CREATE TABLE enterprise_owners (
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT,
    share_bp BIGINT NOT NULL CHECK (share_bp BETWEEN 0 AND 10000),
    PRIMARY KEY (enterprise_id, position)
);

CREATE TABLE enterprise_relations (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id) DEFERRABLE INITIALLY DEFERRED,
    related_enterprise_id TEXT NOT NULL REFERENCES enterprises (id) DEFERRABLE INITIALLY DEFERRED,
    common_ownership_bp BIGINT NOT NULL CHECK (common_ownership_bp BETWEEN 0 AND 10000),
    CHECK (enterprise_id <> related_enterprise_id),
    UNIQUE (enterprise_id, related_enterprise_id)
);
CREATE INDEX enterprise_relations_by_related ON enterprise_relations (related_enterprise_id);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    username TEXT NOT NULL UNIQUE,
    display_name_en TEXT,
    display_name_zh TEXT,
    role TEXT NOT NULL,
    enterprise_id TEXT REFERENCES enterprises (id) DEFERRABLE INITIALLY DEFERRED,
    email TEXT,
    active BIGINT NOT NULL CHECK (active IN (0, 1))
);
CREATE INDEX users_by_role ON users (role);
CREATE INDEX users_by_enterprise ON users (enterprise_id);

CREATE TABLE applications (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    reference TEXT,
    scheme TEXT NOT NULL,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id) DEFERRABLE INITIALLY DEFERRED,
    status TEXT NOT NULL,
    title_en TEXT,
    title_zh TEXT,
    description_en TEXT,
    description_zh TEXT,
    solution_category TEXT,
    submitted TEXT,
    "start" TEXT,
    "end" TEXT,
    case_officer_id TEXT,
    approved_grant_cents BIGINT CHECK (approved_grant_cents >= 0),
    final_grant_cents BIGINT CHECK (final_grant_cents >= 0),
    created_at TEXT,
    updated_at TEXT,
    CHECK ("end" >= "start")
);
-- The case queue: by reference, and by status, officer, solution category,
-- enterprise and submission date, each ordered by submission date.
CREATE UNIQUE INDEX applications_by_reference ON applications (reference) WHERE reference IS NOT NULL;
CREATE INDEX applications_by_status ON applications (status, submitted);
CREATE INDEX applications_by_officer ON applications (case_officer_id, status, submitted);
CREATE INDEX applications_by_solution ON applications (solution_category, submitted);
CREATE INDEX applications_by_enterprise ON applications (enterprise_id, submitted);
CREATE INDEX applications_by_submitted ON applications (submitted);

CREATE TABLE application_items (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    category TEXT,
    description_en TEXT,
    description_zh TEXT,
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
    months BIGINT CHECK (months > 0),
    justification TEXT
);
CREATE INDEX application_items_by_application ON application_items (application_id, position);

-- Parts that nothing refers to are keyed by their place in their record; their
-- ids are kept but not indexed.
CREATE TABLE budget_item_quotations (
    budget_item_id TEXT NOT NULL REFERENCES application_items (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    id TEXT NOT NULL,
    supplier TEXT,
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
    selected BIGINT NOT NULL CHECK (selected IN (0, 1)),
    platform BIGINT NOT NULL CHECK (platform IN (0, 1)),
    PRIMARY KEY (budget_item_id, position)
);

CREATE TABLE application_attachments (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT,
    file_name TEXT,
    sha256 TEXT CHECK (length(sha256) = 64),
    size BIGINT NOT NULL CHECK (size >= 0),
    PRIMARY KEY (application_id, position)
);

CREATE TABLE application_declarations (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    kind TEXT,
    accepted BIGINT NOT NULL CHECK (accepted IN (0, 1)),
    declared_at TEXT,
    PRIMARY KEY (application_id, position)
);

CREATE TABLE status_changes (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    action TEXT,
    from_status TEXT,
    to_status TEXT NOT NULL,
    actor_id TEXT,
    at TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX status_changes_by_application ON status_changes (application_id, at);

-- Casework.
CREATE TABLE clarification_requests (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    question TEXT,
    asked_by TEXT,
    asked_at TEXT,
    due_on TEXT,
    answer TEXT,
    answered_by TEXT,
    answered_at TEXT,
    reminded_at TEXT
);
CREATE INDEX clarification_requests_by_application ON clarification_requests (application_id);
CREATE INDEX clarification_requests_open_by_due ON clarification_requests (due_on, application_id)
    WHERE answered_at IS NULL;

CREATE TABLE correspondence_entries (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    direction TEXT CHECK (direction IN ('incoming', 'outgoing')),
    channel TEXT,
    subject TEXT,
    body TEXT,
    author_id TEXT,
    at TEXT,
    clarification_id TEXT REFERENCES clarification_requests (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX correspondence_entries_by_application ON correspondence_entries (application_id, at);

CREATE TABLE change_requests (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    description TEXT,
    requested_by TEXT,
    requested_at TEXT,
    status TEXT CHECK (status IN ('pending', 'approved', 'rejected')),
    committee_consulted BIGINT NOT NULL CHECK (committee_consulted IN (0, 1)),
    decided_by TEXT,
    decided_at TEXT,
    decision_note TEXT
);
CREATE INDEX change_requests_by_application ON change_requests (application_id);

CREATE TABLE site_checks (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    checked_on TEXT,
    officer_id TEXT,
    result TEXT CHECK (result IN ('satisfactory', 'issues_found', 'suspicious')),
    referred_to_law_enforcement BIGINT NOT NULL CHECK (referred_to_law_enforcement IN (0, 1)),
    notes TEXT
);
CREATE INDEX site_checks_by_application ON site_checks (application_id);

CREATE TABLE project_reports (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT CHECK (kind IN ('final', 'evaluation')),
    submitted_at TEXT,
    audited_statement BIGINT NOT NULL CHECK (audited_statement IN (0, 1)),
    summary TEXT,
    accepted_by TEXT,
    accepted_at TEXT
);
CREATE INDEX project_reports_by_application ON project_reports (application_id);

-- The committee.
CREATE TABLE committees (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    name_en TEXT,
    name_zh TEXT
);

CREATE TABLE committee_terms (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    committee_id TEXT NOT NULL REFERENCES committees (id) DEFERRABLE INITIALLY DEFERRED,
    "start" TEXT,
    "end" TEXT,
    CHECK ("end" >= "start")
);
CREATE INDEX committee_terms_by_committee ON committee_terms (committee_id, "start");

CREATE TABLE committee_memberships (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    term_id TEXT NOT NULL REFERENCES committee_terms (id) DEFERRABLE INITIALLY DEFERRED,
    user_id TEXT NOT NULL,
    position TEXT CHECK (position IN ('chair', 'member')),
    official BIGINT NOT NULL CHECK (official IN (0, 1)),
    UNIQUE (term_id, user_id)
);
CREATE INDEX committee_memberships_by_user ON committee_memberships (user_id);

CREATE TABLE meetings (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    committee_id TEXT NOT NULL REFERENCES committees (id) DEFERRABLE INITIALLY DEFERRED,
    term_id TEXT REFERENCES committee_terms (id) DEFERRABLE INITIALLY DEFERRED,
    held_at TEXT,
    venue TEXT,
    mode TEXT CHECK (mode IN ('in_person', 'video', 'hybrid')),
    status TEXT CHECK (status IN ('planned', 'held'))
);
CREATE INDEX meetings_by_committee ON meetings (committee_id, held_at);

CREATE TABLE interest_declarations (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    term_id TEXT REFERENCES committee_terms (id) DEFERRABLE INITIALLY DEFERRED,
    user_id TEXT NOT NULL,
    kind TEXT CHECK (kind IN ('annual', 'case')),
    application_id TEXT REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    meeting_id TEXT REFERENCES meetings (id) DEFERRABLE INITIALLY DEFERRED,
    due_on TEXT,
    declared_on TEXT,
    description TEXT,
    chair_ruling TEXT CHECK (chair_ruling IN ('none', 'may_participate', 'abstain', 'leave_room')),
    ruled_by TEXT
);
CREATE INDEX interest_declarations_by_term ON interest_declarations (term_id, user_id);
CREATE INDEX interest_declarations_by_application ON interest_declarations (application_id);
CREATE INDEX interest_declarations_by_meeting ON interest_declarations (meeting_id);

CREATE TABLE agenda_items (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    meeting_id TEXT NOT NULL REFERENCES meetings (id) DEFERRABLE INITIALLY DEFERRED,
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    position BIGINT NOT NULL,
    UNIQUE (meeting_id, application_id)
);
CREATE INDEX agenda_items_by_application ON agenda_items (application_id);

CREATE TABLE meeting_attendance (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    meeting_id TEXT NOT NULL REFERENCES meetings (id) DEFERRABLE INITIALLY DEFERRED,
    user_id TEXT NOT NULL,
    attendance TEXT CHECK (attendance IN ('present', 'video', 'absent', 'apologies')),
    UNIQUE (meeting_id, user_id)
);
CREATE INDEX meeting_attendance_by_user ON meeting_attendance (user_id);

CREATE TABLE reviews (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    meeting_id TEXT REFERENCES meetings (id) DEFERRABLE INITIALLY DEFERRED,
    reviewer_id TEXT NOT NULL,
    supported BIGINT NOT NULL CHECK (supported IN (0, 1)),
    comment TEXT,
    submitted_at TEXT,
    UNIQUE (application_id, meeting_id, reviewer_id)
);
CREATE INDEX reviews_by_meeting ON reviews (meeting_id);

CREATE TABLE review_scores (
    review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    criterion TEXT NOT NULL,
    score BIGINT NOT NULL,
    PRIMARY KEY (review_id, position),
    UNIQUE (review_id, criterion)
);

CREATE TABLE committee_outcomes (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    meeting_id TEXT REFERENCES meetings (id) DEFERRABLE INITIALLY DEFERRED,
    outcome TEXT CHECK (outcome IN ('supported', 'not_supported')),
    recommended_grant_cents BIGINT CHECK (recommended_grant_cents >= 0),
    recorded_by TEXT,
    recorded_at TEXT
);
CREATE INDEX committee_outcomes_by_application ON committee_outcomes (application_id);
CREATE INDEX committee_outcomes_by_meeting ON committee_outcomes (meeting_id);

CREATE TABLE committee_outcome_conditions (
    committee_outcome_id TEXT NOT NULL REFERENCES committee_outcomes (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    text_en TEXT,
    text_zh TEXT,
    PRIMARY KEY (committee_outcome_id, position)
);

-- Funding.
CREATE TABLE approvals (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    approved_grant_cents BIGINT NOT NULL CHECK (approved_grant_cents >= 0),
    approved_by TEXT,
    approved_at TEXT
);
CREATE INDEX approvals_by_application ON approvals (application_id);

CREATE TABLE funding_agreements (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    issued_at TEXT,
    signing_booked_for TEXT,
    signed_at TEXT
);
CREATE INDEX funding_agreements_by_application ON funding_agreements (application_id);

CREATE TABLE disbursement_milestones (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT CHECK (kind IN ('initial', 'final', 'other')),
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
    due_on TEXT,
    description TEXT
);
CREATE INDEX disbursement_milestones_by_application ON disbursement_milestones (application_id, due_on);

CREATE TABLE payments (
    id TEXT PRIMARY KEY NOT NULL,
    revision BIGINT NOT NULL CHECK (revision >= 1),
    application_id TEXT NOT NULL REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    milestone_id TEXT REFERENCES disbursement_milestones (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT CHECK (kind IN ('initial', 'final', 'other', 'recovery')),
    amount_cents BIGINT NOT NULL,
    status TEXT CHECK (status IN ('proposed', 'released', 'recovered')),
    proposed_by TEXT,
    proposed_at TEXT,
    released_by TEXT,
    released_at TEXT
);
CREATE INDEX payments_by_application ON payments (application_id);
CREATE INDEX payments_by_status ON payments (status);

-- The audit trail: append-only and hash-chained (docs/storage.md gives the
-- exact definition). seq is the order of the chain; hash covers the previous
-- entry's hash and this entry's columns exactly as stored. The JSON of the
-- record before and after is kept as its UTF-8 bytes in a BYTEA, written and
-- hashed without conversion (CAST(after_json AS TEXT) reads it as text).
CREATE TABLE audit_entries (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json BYTEA,
    after_json BYTEA,
    previous_hash BYTEA NOT NULL CHECK (length(previous_hash) = 32),
    hash BYTEA NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX audit_entries_by_entity ON audit_entries (entity_id, seq);
CREATE FUNCTION audit_entries_are_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;
CREATE TRIGGER audit_entries_are_not_updated BEFORE UPDATE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_are_append_only();
CREATE TRIGGER audit_entries_are_not_deleted BEFORE DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_are_append_only();

-- Changes made here, queued for the back office (DESIGN.md §5). The
-- operation number, this device's per-device operation number, is the seq of
-- the change's audit entry: increasing, never reused, with gaps where a
-- change was not queued. The payload is the record's JSON that the audit
-- entry already holds (after_json, or before_json for a delete), so it is
-- not stored twice. An operation the back office applied (or had already) is
-- removed; one in conflict or rejected stays, with the reason, for a person.
CREATE TABLE outbox (
    operation_number BIGINT PRIMARY KEY REFERENCES audit_entries (seq),
    operation_id TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    operation TEXT NOT NULL CHECK (operation IN ('upsert', 'delete')),
    base_revision BIGINT NOT NULL CHECK (base_revision >= 0),
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'conflict', 'rejected')),
    attempts BIGINT NOT NULL DEFAULT 0,
    result_reason TEXT,
    acknowledged_at TEXT
);

-- This device and where its sync stands: one row.
CREATE TABLE device (
    singleton BIGINT PRIMARY KEY CHECK (singleton = 1),
    device_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    server_url TEXT,
    user_id TEXT,
    pull_cursor BIGINT NOT NULL DEFAULT 0,
    last_push_at TEXT,
    last_pull_at TEXT,
    tree_head_size BIGINT,
    tree_head_hash TEXT,
    tree_head_signature TEXT
);

-- Application search: the same lower-cased text per application as on
-- SQLite, kept by the application repository, without the FTS5 indexes
-- (PostgreSQL has none, and pg_trgm is not always installed): searched by a
-- scan with instr(). application_search_pending and _state are kept so that
-- the two schemas stay the same; on PostgreSQL nothing is pending.
CREATE TABLE application_search (
    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    application_id TEXT NOT NULL UNIQUE REFERENCES applications (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    characters TEXT NOT NULL
);
CREATE TABLE application_search_pending (
    rowid BIGINT PRIMARY KEY,
    indexed_text TEXT NOT NULL,
    indexed_characters TEXT NOT NULL
);
CREATE TABLE application_search_state (
    singleton BIGINT PRIMARY KEY CHECK (singleton = 1),
    indexed_up_to BIGINT NOT NULL
);
INSERT INTO application_search_state (singleton, indexed_up_to) VALUES (1, 0);
