-- The monthly internal spot check (内部抽查) and the supervision figures of the monthly analysis.

-- Command side: the population of each month's draw (a letter counts in the month of its first reply), the
-- months drawn, and which month's sample holds a letter (to link its spot-check correction).
CREATE TABLE spot_check_candidate (
    letter_id  VARCHAR(64) PRIMARY KEY,
    replied_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX spot_check_candidate_replied_at_idx ON spot_check_candidate (replied_at);
-- Letters replied before this table existed, as the quality read model knows them.
INSERT INTO spot_check_candidate (letter_id, replied_at)
SELECT letter_id, replied_at FROM quality_letter_fact WHERE replied_at IS NOT NULL;

CREATE TABLE spot_check_month (
    month    VARCHAR(7) PRIMARY KEY,
    drawn_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE spot_check_sample (
    letter_id VARCHAR(64) PRIMARY KEY,
    month     VARCHAR(7) NOT NULL
);

-- Automatic draws only for months that end after the spot check was installed.
CREATE TABLE spot_check_schedule (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    automatic_from TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO spot_check_schedule (id, automatic_from) VALUES (1, now());

-- Query side: the draws and each sampled letter's result (rebuilt by replay).
CREATE TABLE spot_check_view (
    month             VARCHAR(7) PRIMARY KEY,
    seed              BIGINT                   NOT NULL,
    sample_size       INTEGER                  NOT NULL,
    candidates        INTEGER                  NOT NULL,
    population_digest VARCHAR(64)              NOT NULL,
    automatic         BOOLEAN                  NOT NULL,
    drawn_by          VARCHAR(255),
    drawn_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE spot_check_letter (
    month         VARCHAR(7)  NOT NULL,
    letter_id     VARCHAR(64) NOT NULL,
    position      INTEGER     NOT NULL,
    result        VARCHAR(16),
    note          TEXT,
    checked_by    VARCHAR(255),
    checked_at    TIMESTAMP WITH TIME ZONE,
    correction_no INTEGER,
    PRIMARY KEY (month, letter_id)
);

-- One row per supervision item (督办), rewritten from the letter view like the other quality tables.
CREATE TABLE quality_supervision (
    letter_id      VARCHAR(64) NOT NULL,
    supervision_no INTEGER     NOT NULL,
    reason         VARCHAR(32) NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_at      TIMESTAMP WITH TIME ZONE,
    resolved_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (letter_id, supervision_no)
);
CREATE INDEX quality_supervision_opened_at_idx ON quality_supervision (opened_at);
CREATE INDEX quality_supervision_raised_at_idx ON quality_supervision (raised_at);
CREATE INDEX quality_supervision_resolved_at_idx ON quality_supervision (resolved_at);
-- Existing supervision items from the stored letter views (mirrors QualitySupervision.of; the next event of a letter
-- rewrites its rows anyway).
INSERT INTO quality_supervision (letter_id, supervision_no, reason, opened_at, raised_at, resolved_at)
SELECT v.letter_id, (s ->> 'supervisionNo')::INTEGER, s ->> 'reason', (s ->> 'openedAt')::TIMESTAMPTZ,
       CASE WHEN (s ->> 'level')::INTEGER < 2 THEN NULL
            ELSE coalesce((s -> 'reminders' ->> 0)::TIMESTAMPTZ, (s ->> 'openedAt')::TIMESTAMPTZ) END,
       (s ->> 'resolvedAt')::TIMESTAMPTZ
FROM letter_view v
         CROSS JOIN LATERAL jsonb_array_elements(coalesce(v.document -> 'supervisions', '[]'::JSONB)) s;
