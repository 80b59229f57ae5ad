-- VoucherDesk workspace schema, version 3: status changes by application and
-- action, for the case queue's overdue filter. Whether a case has had a
-- vetting outcome, when its documents were last complete and when the
-- committee's outcome was recorded are each one look-up in this index alone
-- (it holds every column those questions read), rather than a visit to each
-- of the case's status changes.
CREATE INDEX status_changes_by_action ON status_changes (application_id, action, at);
