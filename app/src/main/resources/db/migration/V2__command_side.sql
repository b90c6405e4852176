-- Register numbers (序号): one counter per year, incremented in the registering transaction (gap-free).
CREATE TABLE register_serial (
    serial_year INTEGER PRIMARY KEY,
    last_no     BIGINT  NOT NULL
);

-- Responses of commands sent with an Idempotency-Key, written in the command's own transaction.
CREATE TABLE idempotent_request (
    user_name       VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    response_status INTEGER,
    response_body   JSONB,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_name, idempotency_key)
);

-- Working-day calendar years loaded by an administrator (CalendarYearLoaded); 2025 and 2026 are built in.
CREATE TABLE calendar_year (
    year      INTEGER PRIMARY KEY,
    holidays  DATE[]                   NOT NULL,
    workdays  DATE[]                   NOT NULL,
    loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
