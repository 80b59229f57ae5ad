-- (PostgreSQL) VoucherDesk workspace schema, version 5: the case queue's filters together
-- with several statuses (the open cases, which the secretariat's queue opens
-- on). Several statuses are several ranges of any index, sorted after
-- reading, so each filter needs the statuses beside it to leave the cases
-- unread: a solution category, and the applicant (the sector filter goes
-- from each case to its enterprise).
CREATE INDEX applications_by_solution_and_status ON applications (solution_category, status, submitted);
CREATE INDEX applications_by_status_and_enterprise ON applications (status, enterprise_id, submitted);
