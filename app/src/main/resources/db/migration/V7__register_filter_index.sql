-- The register is most often read by department and status, newest first: serve both the page and its count from
-- one index instead of filtering the department index's rows by status.
CREATE INDEX register_entry_department_status_idx ON register_entry (department, status, received_at);
