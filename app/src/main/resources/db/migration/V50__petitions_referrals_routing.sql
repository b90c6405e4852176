-- Sender keys (SHA-256 of normalised phone, e-mail, ID number) of every registered letter: the repeat count
-- (信访次数) at registration is the number of earlier letters sharing a key.
CREATE TABLE sender_letter_key (
    sender_key CHAR(64)    NOT NULL,
    letter_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (sender_key, letter_id)
);

-- Register and work list: the repeat count and the referring office (批办件).
ALTER TABLE register_entry ADD COLUMN repeat_count INTEGER;
ALTER TABLE register_entry ADD COLUMN referral_office VARCHAR(200);
ALTER TABLE worklist_entry ADD COLUMN referral_office VARCHAR(200);
