-- The register's search decides per text whether to use the n-gram index (SearchTermFrequency) from the statistics
-- of the index's expression. With the default target (100) they name the 1 000 most common n-grams, none under 4 % on
-- a register of 2.3 M generated letters, so every rarer text looked equally rare; a word in 3.6 % of the letters then
-- went through the index and sorted 82 000 matches for one page (0.6 s). The target 1 000 keeps up to 10 000 n-grams
-- (on that register: 1 354, down to 0.12 %) and samples 300 000 rows per ANALYZE (25 s there). V85 analyses.
ALTER INDEX register_entry_search_grams_idx ALTER COLUMN 1 SET STATISTICS 1000;
