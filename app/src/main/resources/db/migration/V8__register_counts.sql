-- Register counts: how many register rows each combination of the register's equality filters has, so the
-- register's exact total for those filters is a sum over a few rows instead of a count over the whole register.
-- Kept by the register read model in the projection's transaction. Unassigned letters (no department) count under
-- '' (a key column cannot be NULL). A combination that reaches 0 is deleted, so live processing and a replay leave
-- the same rows. Each processor segment counts in its own shard (its segment id), so that the segments' concurrent
-- transactions never wait for each other's counter rows; a total is the sum over all shards.
CREATE TABLE register_count (
    department VARCHAR(32) NOT NULL,
    status     VARCHAR(16) NOT NULL,
    channel    VARCHAR(16) NOT NULL,
    category   VARCHAR(32) NOT NULL,
    urgent     BOOLEAN     NOT NULL,
    shard      INTEGER     NOT NULL,
    n          BIGINT      NOT NULL,
    PRIMARY KEY (department, status, channel, category, urgent, shard)
);

-- The register rows written so far (the projection resumes from its token after this migration).
INSERT INTO register_count (department, status, channel, category, urgent, shard, n)
SELECT coalesce(department, ''), status, channel, category, urgent, 0, count(*)
FROM register_entry
GROUP BY coalesce(department, ''), status, channel, category, urgent;
