-- Closing the quality loop: reply commitments (答复承诺事项), satisfaction of follow-ups (回访满意度) and
-- supervision (督办) in the read models. All of it is derived from the letter view like the other read models;
-- letters older than these columns have no commitments, satisfaction or supervision, so nothing is back-filled.

-- One row per commitment of a sent reply. department is the commitment's own (who must keep it).
CREATE TABLE commitment_entry (
    letter_id    VARCHAR(64)              NOT NULL,
    n            INTEGER                  NOT NULL,
    serial_no    VARCHAR(32)              NOT NULL,
    what         TEXT                     NOT NULL,
    department   VARCHAR(32)              NOT NULL,
    due_date     DATE                     NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    due          TIMESTAMP WITH TIME ZONE,
    status       VARCHAR(16)              NOT NULL,
    fulfilled_at TIMESTAMP WITH TIME ZONE,
    fulfilled_by VARCHAR(255),
    evidence     TEXT,
    PRIMARY KEY (letter_id, n)
);
CREATE INDEX commitment_entry_status_due_idx ON commitment_entry (status, due_date, serial_no, n);
CREATE INDEX commitment_entry_due_date_idx ON commitment_entry (due_date, serial_no, n);
CREATE INDEX commitment_entry_opened_at_idx ON commitment_entry (opened_at);
CREATE INDEX commitment_entry_due_idx ON commitment_entry (due);

ALTER TABLE worklist_entry
    ADD COLUMN open_commitments  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN supervision_level INTEGER NOT NULL DEFAULT 0;

ALTER TABLE register_entry
    ADD COLUMN open_commitments INTEGER NOT NULL DEFAULT 0;

-- The follow-up's satisfaction, counted in the month the follow-up was recorded.
ALTER TABLE quality_letter_fact
    ADD COLUMN followed_up_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN satisfaction   VARCHAR(32);
CREATE INDEX quality_letter_fact_followed_up_at_idx ON quality_letter_fact (followed_up_at);
