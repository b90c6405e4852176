-- Monthly analysis of the special procedures: what it counts of petitions (信访) and referred letters (批办件), kept
-- by their own read model from the letter view (one row per petition or referred letter, rebuilt with the others).
-- Each figure falls into a month by its own timestamp; the department is the letter's current one.

CREATE TABLE quality_procedure_fact (
    letter_id                  VARCHAR(64) PRIMARY KEY,
    department                 VARCHAR(32),
    acceptance_decision        VARCHAR(32),
    acceptance_decided_at      TIMESTAMP WITH TIME ZONE,
    extended_at                TIMESTAMP WITH TIME ZONE,
    review_requested_at        TIMESTAMP WITH TIME ZONE,
    second_review_requested_at TIMESTAMP WITH TIME ZONE,
    final_at                   TIMESTAMP WITH TIME ZONE,
    referral_report_due        TIMESTAMP WITH TIME ZONE,
    referral_report_done_at    TIMESTAMP WITH TIME ZONE,
    version                    BIGINT NOT NULL
);

-- Letters already stored are counted too, from their views. Views written before the extension's own time was
-- kept give the time its notice was sent instead (the same command records both).
INSERT INTO quality_procedure_fact (letter_id, department, acceptance_decision, acceptance_decided_at, extended_at,
                                    review_requested_at, second_review_requested_at, final_at, referral_report_due,
                                    referral_report_done_at, version)
SELECT v.letter_id,
       v.document ->> 'department',
       v.document #>> '{petition,acceptance,decision}',
       (v.document #>> '{petition,acceptance,decidedAt}')::TIMESTAMPTZ,
       coalesce(v.document #>> '{petition,extension,extendedAt}',
                v.document #>> '{petition,extension,noticeSentAt}')::TIMESTAMPTZ,
       (SELECT min((r ->> 'requestedAt')::TIMESTAMPTZ)
        FROM jsonb_array_elements(coalesce(v.document #> '{petition,reviewRequests}', '[]'::JSONB)) r
        WHERE r ->> 'kind' = 'REVIEW'),
       (SELECT min((r ->> 'requestedAt')::TIMESTAMPTZ)
        FROM jsonb_array_elements(coalesce(v.document #> '{petition,reviewRequests}', '[]'::JSONB)) r
        WHERE r ->> 'kind' = 'SECOND_REVIEW'),
       CASE WHEN (v.document #>> '{petition,matterFinal}')::BOOLEAN THEN
           (SELECT max((r ->> 'answeredAt')::TIMESTAMPTZ)
            FROM jsonb_array_elements(v.document #> '{petition,reviewRequests}') r) END,
       CASE WHEN jsonb_typeof(v.document -> 'referral') = 'object' THEN
           (v.document #>> '{deadlines,REFERRAL_REPORT,due}')::TIMESTAMPTZ END,
       (v.document #>> '{referral,doneAt}')::TIMESTAMPTZ,
       v.version
FROM letter_view v
WHERE jsonb_typeof(v.document -> 'petition') = 'object' OR jsonb_typeof(v.document -> 'referral') = 'object';
