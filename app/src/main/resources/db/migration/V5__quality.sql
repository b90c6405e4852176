-- Monthly error analysis (质量分析): the facts it counts, kept by the quality read model from the letter view.
-- The analysis aggregates them per month at query time; each fact falls into a month by its own timestamp.
-- Drafts, corrections and disputes take the department of their letter's row, so a forwarded letter moves with
-- all its facts.

CREATE TABLE quality_letter_fact (
    letter_id             VARCHAR(64) PRIMARY KEY,
    department            VARCHAR(32),
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_due    TIMESTAMP WITH TIME ZONE,
    first_response_met_at TIMESTAMP WITH TIME ZONE,
    reply_due             TIMESTAMP WITH TIME ZONE,
    replied_at            TIMESTAMP WITH TIME ZONE,
    version               BIGINT                   NOT NULL
);
CREATE INDEX quality_letter_fact_received_at_idx ON quality_letter_fact (received_at);
CREATE INDEX quality_letter_fact_replied_at_idx ON quality_letter_fact (replied_at);
CREATE INDEX quality_letter_fact_first_response_due_idx ON quality_letter_fact (first_response_due);
CREATE INDEX quality_letter_fact_reply_due_idx ON quality_letter_fact (reply_due);

CREATE TABLE quality_draft (
    letter_id  VARCHAR(64)              NOT NULL,
    draft_no   INTEGER                  NOT NULL,
    drafted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    findings   INTEGER                  NOT NULL,
    PRIMARY KEY (letter_id, draft_no)
);
CREATE INDEX quality_draft_drafted_at_idx ON quality_draft (drafted_at);

CREATE TABLE quality_correction (
    letter_id     VARCHAR(64)              NOT NULL,
    correction_no INTEGER                  NOT NULL,
    cause         VARCHAR(32)              NOT NULL,
    found_by      VARCHAR(32)              NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (letter_id, correction_no)
);
CREATE INDEX quality_correction_issued_at_idx ON quality_correction (issued_at);

CREATE TABLE quality_dispute (
    letter_id   VARCHAR(64)              NOT NULL,
    dispute_no  INTEGER                  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (letter_id, dispute_no)
);
CREATE INDEX quality_dispute_recorded_at_idx ON quality_dispute (recorded_at);
CREATE INDEX quality_dispute_resolved_at_idx ON quality_dispute (resolved_at);

-- Existing letters: fill the tables from the stored letter views, which reflect exactly the events the letter
-- projection has processed (it resumes from its token after this migration). Mirrors QualityLetterFact.of,
-- QualityDraft.of, QualityCorrection.of and QualityDispute.of; the next event of a letter rewrites its rows anyway.
INSERT INTO quality_letter_fact (letter_id, department, received_at, first_response_due, first_response_met_at,
                                 reply_due, replied_at, version)
SELECT v.letter_id,
       v.document ->> 'department',
       (v.document ->> 'receivedAt')::TIMESTAMPTZ,
       (v.document #>> '{deadlines,FIRST_RESPONSE,due}')::TIMESTAMPTZ,
       (v.document #>> '{deadlines,FIRST_RESPONSE,metAt}')::TIMESTAMPTZ,
       (v.document #>> '{deadlines,REPLY,due}')::TIMESTAMPTZ,
       (v.document #>> '{reply,sentAt}')::TIMESTAMPTZ,
       v.version
FROM letter_view v;

INSERT INTO quality_draft (letter_id, draft_no, drafted_at, findings)
SELECT v.letter_id, (d ->> 'draftNo')::INTEGER, (d ->> 'draftedAt')::TIMESTAMPTZ,
       jsonb_array_length(coalesce(d -> 'findings', '[]'::JSONB))
FROM letter_view v
         CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'drafts') d;

INSERT INTO quality_correction (letter_id, correction_no, cause, found_by, issued_at)
SELECT v.letter_id, (c ->> 'correctionNo')::INTEGER, c ->> 'cause', c ->> 'foundBy', (c ->> 'issuedAt')::TIMESTAMPTZ
FROM letter_view v
         CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'corrections') c;

INSERT INTO quality_dispute (letter_id, dispute_no, recorded_at, resolved_at)
SELECT v.letter_id, (d ->> 'disputeNo')::INTEGER, (d ->> 'recordedAt')::TIMESTAMPTZ, (d ->> 'resolvedAt')::TIMESTAMPTZ
FROM letter_view v
         CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'disputes') d
WHERE d ->> 'recordedAt' IS NOT NULL;
