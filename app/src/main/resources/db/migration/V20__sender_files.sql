-- Sender files (客户档案), personal-data keys and recorded access (issue 14).

-- Command side: the match index holds hashes of normalised phone, e-mail and ID number, never the values.
CREATE TABLE sender_match_key (
    match_key VARCHAR(80) PRIMARY KEY,
    sender_id VARCHAR(64) NOT NULL
);
CREATE INDEX sender_match_key_sender_idx ON sender_match_key (sender_id);

-- Command side: the file each letter was registered to (sender_id) and belongs to now, after merges (file_id).
CREATE TABLE sender_letter (
    letter_id VARCHAR(64) PRIMARY KEY,
    sender_id VARCHAR(64) NOT NULL,
    file_id   VARCHAR(64) NOT NULL
);
CREATE INDEX sender_letter_file_idx ON sender_letter (file_id);

-- The per-sender data keys: destroying a row erases every personal field encrypted with it. Back it up with the
-- event store; losing it loses the personal data (docs/operations.md).
CREATE TABLE sender_key (
    key_id     VARCHAR(100) PRIMARY KEY,
    secret     BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- One row per one-time rewrite of stored events (the audit record of docs/decisions/0005).
CREATE TABLE personal_data_migration (
    name             VARCHAR(100) PRIMARY KEY,
    ran_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    events_rewritten BIGINT                   NOT NULL,
    note             TEXT                     NOT NULL
);

-- Query side: sender files, masked.
CREATE TABLE sender_file_view (
    sender_id    VARCHAR(64) PRIMARY KEY,
    name         VARCHAR(200)             NOT NULL,
    organization VARCHAR(200),
    phone        VARCHAR(40),
    email        VARCHAR(260),
    address      VARCHAR(40),
    id_number    VARCHAR(40),
    merged_into  VARCHAR(64),
    erased       BOOLEAN                  NOT NULL DEFAULT FALSE,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sender_file_view_name_idx ON sender_file_view (name);

-- Query side: which file each letter is counted in (merges move letters), as of its registration's match.
CREATE TABLE sender_file_letter (
    letter_id   VARCHAR(64) PRIMARY KEY,
    sender_id   VARCHAR(64)              NOT NULL,
    file_id     VARCHAR(64)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sender_file_letter_file_idx ON sender_file_letter (file_id, received_at);

-- Query side: every clear read of personal data (PersonalDataViewed), for auditors.
CREATE TABLE personal_data_access (
    event_id   VARCHAR(64) PRIMARY KEY,
    viewed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name  VARCHAR(100)             NOT NULL,
    role       VARCHAR(32)              NOT NULL,
    letter_id  VARCHAR(64)              NOT NULL,
    sender_id  VARCHAR(64),
    reason     VARCHAR(500)             NOT NULL
);
CREATE INDEX personal_data_access_user_idx ON personal_data_access (user_name, viewed_at);
CREATE INDEX personal_data_access_sender_idx ON personal_data_access (sender_id, viewed_at);
CREATE INDEX personal_data_access_letter_idx ON personal_data_access (letter_id, viewed_at);
CREATE INDEX personal_data_access_time_idx ON personal_data_access (viewed_at);

-- The register shows the sender file and its repeat count.
ALTER TABLE register_entry ADD COLUMN sender_id VARCHAR(64);
ALTER TABLE register_entry ADD COLUMN repeat_count INTEGER;
