-- As V83 did for the drafts: the month's corrections and disputes were each joined to the letter facts for their
-- department (at 30 M events one index probe into 2.3 M letter facts per row, 20-90 ms of the monthly analysis).
-- Each row now carries its letter's current department, rewritten with the letter's other rows whenever the letter
-- changes (a forwarded letter's corrections and disputes move with it).
ALTER TABLE quality_correction ADD COLUMN department VARCHAR(32);
ALTER TABLE quality_dispute ADD COLUMN department VARCHAR(32);

UPDATE quality_correction c
SET department = f.department
FROM quality_letter_fact f
WHERE f.letter_id = c.letter_id AND f.department IS NOT NULL;

UPDATE quality_dispute d
SET department = f.department
FROM quality_letter_fact f
WHERE f.letter_id = d.letter_id AND f.department IS NOT NULL;
