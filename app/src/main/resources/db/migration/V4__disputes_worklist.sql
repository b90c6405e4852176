-- Dispute record book (争议处理记录簿): one row per dispute of a letter.
CREATE TABLE dispute_entry (
    letter_id                    VARCHAR(64)              NOT NULL,
    dispute_no                   INTEGER                  NOT NULL,
    dispute_number               VARCHAR(32)              NOT NULL UNIQUE,
    serial_no                    VARCHAR(16)              NOT NULL,
    subject                      VARCHAR(500)             NOT NULL,
    department                   VARCHAR(32),
    points                       TEXT                     NOT NULL,
    sender_view                  TEXT                     NOT NULL,
    organization_view            TEXT                     NOT NULL,
    recorded_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    investigation_due            TIMESTAMP WITH TIME ZONE,
    findings                     TEXT,
    investigated_at              TIMESTAMP WITH TIME ZONE,
    investigated_within_deadline BOOLEAN,
    outcome                      TEXT,
    escalated                    BOOLEAN,
    resolved_at                  TIMESTAMP WITH TIME ZONE,
    status                       VARCHAR(16)              NOT NULL,
    PRIMARY KEY (letter_id, dispute_no)
);
CREATE INDEX dispute_entry_recorded_at_idx ON dispute_entry (recorded_at, serial_no, dispute_no);
CREATE INDEX dispute_entry_status_idx ON dispute_entry (status, recorded_at);

-- Work list: open letters only (no row once CLOSED or ARCHIVED), read by department or assignee in due order.
CREATE TABLE worklist_entry (
    letter_id        VARCHAR(64) PRIMARY KEY,
    serial_no        VARCHAR(16)              NOT NULL,
    subject          VARCHAR(500)             NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    department       VARCHAR(32),
    assignee         VARCHAR(100),
    status           VARCHAR(16)              NOT NULL,
    urgent           BOOLEAN                  NOT NULL,
    next_due         TIMESTAMP WITH TIME ZONE,
    next_due_kind    VARCHAR(32),
    at_risk          BOOLEAN                  NOT NULL,
    deadline_missed  BOOLEAN                  NOT NULL,
    open_corrections INTEGER                  NOT NULL,
    open_disputes    INTEGER                  NOT NULL,
    version          BIGINT                   NOT NULL
);
CREATE INDEX worklist_entry_department_idx ON worklist_entry (department, next_due);
CREATE INDEX worklist_entry_assignee_idx ON worklist_entry (assignee, next_due);
CREATE INDEX worklist_entry_next_due_idx ON worklist_entry (next_due);

-- Existing letters: fill both tables from the stored letter views, which reflect exactly the events the letter
-- projection has processed (it resumes from its token after this migration). Mirrors DisputeEntry.refresh and
-- WorklistEntry.refresh; the next event of a letter rewrites its rows from the view anyway.
INSERT INTO dispute_entry (letter_id, dispute_no, dispute_number, serial_no, subject, department, points,
                           sender_view, organization_view, recorded_at, investigation_due, findings, investigated_at,
                           investigated_within_deadline, outcome, escalated, resolved_at, status)
SELECT v.letter_id,
       (d ->> 'disputeNo')::INTEGER,
       (v.document ->> 'serialNo') || '-D' || (d ->> 'disputeNo'),
       v.document ->> 'serialNo',
       v.document ->> 'subject',
       v.document ->> 'department',
       d ->> 'points',
       d ->> 'senderView',
       d ->> 'organizationView',
       (d ->> 'recordedAt')::TIMESTAMPTZ,
       (d ->> 'investigationDue')::TIMESTAMPTZ,
       d ->> 'findings',
       (d ->> 'investigatedAt')::TIMESTAMPTZ,
       (d ->> 'investigatedWithinDeadline')::BOOLEAN,
       d ->> 'outcome',
       (d ->> 'escalated')::BOOLEAN,
       (d ->> 'resolvedAt')::TIMESTAMPTZ,
       CASE WHEN d ->> 'resolvedAt' IS NOT NULL THEN 'RESOLVED'
            WHEN d ->> 'investigatedAt' IS NOT NULL THEN 'INVESTIGATED'
            ELSE 'OPEN' END
FROM letter_view v
         CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'disputes') d
WHERE d ->> 'recordedAt' IS NOT NULL;

INSERT INTO worklist_entry (letter_id, serial_no, subject, received_at, department, assignee, status, urgent,
                            next_due, next_due_kind, at_risk, deadline_missed, open_corrections, open_disputes,
                            version)
SELECT v.letter_id,
       v.document ->> 'serialNo',
       v.document ->> 'subject',
       (v.document ->> 'receivedAt')::TIMESTAMPTZ,
       v.document ->> 'department',
       v.document ->> 'assignee',
       v.document ->> 'status',
       (v.document ->> 'urgent')::BOOLEAN,
       next.due,
       next.kind,
       (v.document ->> 'atRisk')::BOOLEAN,
       (v.document ->> 'overdue')::BOOLEAN
           OR EXISTS (SELECT 1 FROM jsonb_each(v.document -> 'deadlines') dl WHERE dl.value ->> 'state' = 'MISSED'),
       (v.document ->> 'openCorrections')::INTEGER,
       (v.document ->> 'openDisputes')::INTEGER,
       v.version
FROM letter_view v
         LEFT JOIN LATERAL (
    SELECT open.due, open.kind
    FROM (SELECT (dl.value ->> 'due')::TIMESTAMPTZ AS due, dl.key AS kind
          FROM jsonb_each(v.document -> 'deadlines') dl
          WHERE dl.value ->> 'metAt' IS NULL AND dl.value ->> 'due' IS NOT NULL
          UNION ALL
          SELECT (d ->> 'investigationDue')::TIMESTAMPTZ, 'DISPUTE_INVESTIGATION'
          FROM jsonb_array_elements(v.document -> 'disputes') d
          WHERE d ->> 'investigatedAt' IS NULL AND d ->> 'investigationDue' IS NOT NULL) open
    ORDER BY open.due,
             array_position(ARRAY ['FIRST_RESPONSE', 'REPLY', 'FOLLOW_UP', 'DISPUTE_INVESTIGATION'], open.kind)
    LIMIT 1) next ON TRUE
WHERE v.document ->> 'status' NOT IN ('CLOSED', 'ARCHIVED');
