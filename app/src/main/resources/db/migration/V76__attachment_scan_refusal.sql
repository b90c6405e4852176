-- Issue 15: files the virus scanner (clamd, when configured) did not pass: found infected, not scanned by it, or
-- refused because it could not be reached (fail closed). Nothing of the file is kept but its hash and name.
CREATE TABLE attachment_scan_refusal (
    refusal_id  uuid PRIMARY KEY,
    refused_at  timestamptz   NOT NULL,
    refused_by  varchar(100)  NOT NULL,   -- the uploading user, or 'mail' for the intake
    file_name   varchar(255)  NOT NULL,
    size_bytes  bigint        NOT NULL,
    sha256      char(64)      NOT NULL,
    outcome     varchar(20)   NOT NULL,   -- INFECTED, NOT_SCANNED, UNAVAILABLE
    detail      varchar(1000) NOT NULL    -- the signature found, or clamd's answer, or why it was not reached
);
CREATE INDEX attachment_scan_refusal_at ON attachment_scan_refusal (refused_at DESC);
