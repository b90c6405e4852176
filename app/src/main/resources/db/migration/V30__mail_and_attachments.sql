-- Issue 15: stored attachments, e-mail intake (deduplication and quarantine) and the outbox of mails to send.

-- Each upload (or attachment of a mail) names its file; the bytes are kept once per SHA-256 on disk.
CREATE TABLE attachment (
    attachment_id uuid PRIMARY KEY,
    sha256        char(64)     NOT NULL,
    file_name     varchar(255) NOT NULL,
    content_type  varchar(255) NOT NULL,
    size_bytes    bigint       NOT NULL,
    stored_at     timestamptz  NOT NULL,
    stored_by     varchar(100) NOT NULL
);
CREATE INDEX attachment_sha256 ON attachment (sha256);

-- Every mail read from the intake mailbox, by its Message-ID: what became of it. Claimed in the transaction
-- of the letter's events, so a mail is registered once even when the mailbox is read again after a crash.
CREATE TABLE mail_intake (
    message_id  varchar(1000) PRIMARY KEY,
    letter_id   varchar(36),
    outcome     varchar(20)  NOT NULL,   -- REGISTERED, THREADED, BOUNCE, QUARANTINED
    handled_at  timestamptz  NOT NULL
);

-- Mails that could not be registered, with the reason. No raw content is kept (it holds personal data).
CREATE TABLE mail_quarantine (
    quarantine_id  uuid PRIMARY KEY,
    message_id     varchar(1000),
    subject        varchar(1000),
    size_bytes     bigint,
    received_at    timestamptz,
    quarantined_at timestamptz   NOT NULL,
    reason         varchar(2000) NOT NULL
);
CREATE INDEX mail_quarantine_at ON mail_quarantine (quarantined_at DESC);

-- Mails to send: filled from the MailQueued events, emptied of their text once sent; the row stays for
-- threading answers (In-Reply-To) and bounces back to their letter.
CREATE TABLE mail_outbox (
    message_id      varchar(1000) PRIMARY KEY,
    letter_id       varchar(36)   NOT NULL,
    serial_no       varchar(20)   NOT NULL,
    kind            varchar(20)   NOT NULL,
    subject         varchar(1000) NOT NULL,
    body            text,
    attachments     text,
    status          varchar(20)   NOT NULL, -- QUEUED, SENT, FAILED, BOUNCED
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    queued_at       timestamptz   NOT NULL,
    sent_at         timestamptz,
    last_error      varchar(2000)
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX mail_outbox_serial ON mail_outbox (serial_no);
CREATE INDEX mail_outbox_letter ON mail_outbox (letter_id);

-- Register numbers of letters that came in by e-mail, so an answer naming one in its subject finds its letter.
CREATE TABLE mail_letter (
    serial_no  varchar(20) PRIMARY KEY,
    letter_id  varchar(36) NOT NULL
);
