-- Register and work list: the referring office (批办件). The repeat count (信访次数) comes from the sender files
-- (register_entry.repeat_count, V20).
ALTER TABLE register_entry ADD COLUMN referral_office VARCHAR(200);
ALTER TABLE worklist_entry ADD COLUMN referral_office VARCHAR(200);
