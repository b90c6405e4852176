-- Letter view: the fold of a letter's events as one JSON document.
CREATE TABLE letter_view (
    letter_id  VARCHAR(64) PRIMARY KEY,
    version    BIGINT                   NOT NULL,
    document   JSONB                    NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Register (信函登记表): the form's columns plus filter and sort columns.
CREATE TABLE register_entry (
    letter_id          VARCHAR(64) PRIMARY KEY,
    serial_no          VARCHAR(16)              NOT NULL UNIQUE,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sender_name        VARCHAR(200)             NOT NULL,
    sender_info        TEXT                     NOT NULL,
    subject            VARCHAR(500)             NOT NULL,
    core_request       TEXT                     NOT NULL,
    attachment_list    TEXT                     NOT NULL,
    department         VARCHAR(32),
    assignee           VARCHAR(100),
    status             VARCHAR(16)              NOT NULL,
    first_response_due TIMESTAMP WITH TIME ZONE,
    reply_due          TIMESTAMP WITH TIME ZONE,
    completed_at       TIMESTAMP WITH TIME ZONE,
    remarks            TEXT,
    channel            VARCHAR(16)              NOT NULL,
    category           VARCHAR(32)              NOT NULL,
    urgent             BOOLEAN                  NOT NULL,
    overdue            BOOLEAN                  NOT NULL,
    at_risk            BOOLEAN                  NOT NULL,
    open_corrections   INTEGER                  NOT NULL,
    open_disputes      INTEGER                  NOT NULL,
    version            BIGINT                   NOT NULL
);
CREATE INDEX register_entry_received_at_idx ON register_entry (received_at);
CREATE INDEX register_entry_status_idx ON register_entry (status, received_at);
CREATE INDEX register_entry_department_idx ON register_entry (department, received_at);
CREATE INDEX register_entry_reply_due_idx ON register_entry (reply_due) WHERE completed_at IS NULL;
