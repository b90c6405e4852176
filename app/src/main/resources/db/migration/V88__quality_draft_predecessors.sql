-- The monthly analysis counted a month's drafted letters by grouping the month's drafts by letter: hashing the
-- month's ~60 000 letter ids took 55-80 ms of every analysis (docs/benchmarks.md). Each draft row now also carries
-- when its letter's draft before it was written, and, for a draft with findings, when its letter's draft with
-- findings before it was written; a letter then counts at its first draft of the month, and with findings at its
-- first draft with findings of the month, read from the month's drafts alone (whatever the month's zone). The
-- projection writes both from the letter's drafts (QualityDraft); here they are derived the same way for the rows
-- already written: drafts in the order written, the number breaking a tie of equal times.
ALTER TABLE quality_draft ADD COLUMN previous_drafted_at TIMESTAMP WITH TIME ZONE,
                          ADD COLUMN previous_findings_at TIMESTAMP WITH TIME ZONE;

UPDATE quality_draft d
SET previous_drafted_at = p.previous_drafted_at, previous_findings_at = p.previous_findings_at
FROM (SELECT letter_id, draft_no,
             lag(drafted_at) OVER (PARTITION BY letter_id ORDER BY drafted_at, draft_no) AS previous_drafted_at,
             CASE WHEN findings > 0 THEN lag(drafted_at) OVER (PARTITION BY letter_id, findings > 0
                                                              ORDER BY drafted_at, draft_no) END
                 AS previous_findings_at
      FROM quality_draft
      -- Only letters with more than one draft have a predecessor to write.
      WHERE letter_id IN (SELECT letter_id FROM quality_draft GROUP BY letter_id HAVING count(*) > 1)) p
WHERE d.letter_id = p.letter_id AND d.draft_no = p.draft_no
  AND (p.previous_drafted_at IS NOT NULL OR p.previous_findings_at IS NOT NULL);

-- The month's drafts counted from the index alone (visibility permitting); the letter id is no longer needed there.
DROP INDEX quality_draft_drafted_at_idx;
CREATE INDEX quality_draft_drafted_at_idx ON quality_draft (drafted_at)
    INCLUDE (department, findings, previous_drafted_at, previous_findings_at);
