-- The statistics of V84's target at once (in a migration of its own: ANALYZE in V84's transaction kept the old
-- target), rather than at autovacuum's next analysis of the register.
ANALYZE register_entry;
