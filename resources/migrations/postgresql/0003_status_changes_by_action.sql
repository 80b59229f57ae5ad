-- (PostgreSQL) VoucherDesk workspace schema, version 3: indexes for the case queue's
-- overdue filter, each holding every column its questions read, so that
-- neither the cases nor their status changes are visited row by row.
-- The cases that can be late, by status, with the id their status changes
-- are found by and the submission date the vetting clock may start from.
CREATE INDEX applications_by_status_and_id ON applications (status, id, submitted);
-- Whether a case has had a vetting outcome, when its documents were last
-- complete and when the committee's outcome was recorded: one look-up each.
CREATE INDEX status_changes_by_action ON status_changes (application_id, action, at);
