-- The register's usual page (one department and status, newest first, ties by register number) read from the
-- index alone: the index holds the order exactly as the page sorts (received_at descending, serial_no
-- ascending) and the letter id, so the page's ids come from index pages and only the rows shown are read from
-- the table (RegisterPages). It replaces V7's index, whose columns it starts with.
CREATE INDEX register_entry_department_status_page_idx
    ON register_entry (department, status, received_at DESC, serial_no) INCLUDE (letter_id);
DROP INDEX register_entry_department_status_idx;
