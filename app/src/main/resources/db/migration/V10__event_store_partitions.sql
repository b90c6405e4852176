-- The event table, partitioned by letter (docs/decisions/0003-event-store-partitions.md). Letter ids are
-- time-ordered UUIDs (RFC 9562 version 7: the first 12 hex digits are the millisecond of registration), so a range
-- of aggregate identifiers is a month of registrations: every event of a letter lies in the partition of the month it
-- was registered in, and a read of one letter's stream touches that partition only. Identifiers of other forms (the
-- working calendar's years, letters registered before ids were time-ordered) lie in the default partition.
--
-- Once a month's letters are closed, its partition is rewritten in (letter, sequence) order
-- (letterdesk_compact_event_partition): a letter's ~13 events, written over its weeks of life between other letters'
-- events, then lie on one or two pages instead of a dozen, however large the store grows.
--
-- The constraints keep their meaning: (aggregate_identifier, sequence_number) is unique over the whole table, as
-- the partition key is its first column. The event identifier is unique together with the letter's id (PostgreSQL
-- requires the partition key in every unique constraint); event identifiers are random UUIDs. global_index comes
-- from a sequence (1, 2, 3 …), never a 50-step allocation; PostgreSQL 15 has no identity columns on partitioned
-- tables.

ALTER TABLE domain_event_entry RENAME TO domain_event_entry_v1;
ALTER TABLE domain_event_entry_v1 RENAME CONSTRAINT uq_domain_event_stream TO uq_domain_event_stream_v1;

CREATE SEQUENCE event_global_index_seq AS BIGINT;
SELECT setval('event_global_index_seq', coalesce((SELECT max(global_index) FROM domain_event_entry_v1), 0) + 1, false);

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL DEFAULT nextval('event_global_index_seq'),
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) COLLATE "C" NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              JSONB        NOT NULL,
    meta_data            JSONB,
    CONSTRAINT uq_domain_event_stream UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT uq_domain_event_identifier UNIQUE (event_identifier, aggregate_identifier)
) PARTITION BY RANGE (aggregate_identifier);
ALTER SEQUENCE event_global_index_seq OWNED BY domain_event_entry.global_index;
CREATE INDEX domain_event_entry_global_index_idx ON domain_event_entry (global_index);

CREATE TABLE domain_event_entry_other PARTITION OF domain_event_entry DEFAULT;

INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
       payload_revision, payload, meta_data
FROM domain_event_entry_v1 ORDER BY global_index;
DROP TABLE domain_event_entry_v1; -- every row is in the new table, unchanged

-- One row per month partition: its bounds and whether it has been rewritten in letter order.
CREATE TABLE event_store_partition (
    partition_name   VARCHAR(63)              PRIMARY KEY,
    month            DATE                     NOT NULL UNIQUE,
    lower_bound      VARCHAR(13) COLLATE "C"  NOT NULL,
    upper_bound      VARCHAR(13) COLLATE "C"  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    compacted_at     TIMESTAMP WITH TIME ZONE,
    compacted_events BIGINT
);

-- The smallest version-7 UUID text of a month's first millisecond (UTC), cut after its time stamp: 'xxxxxxxx-xxxx'.
CREATE FUNCTION letterdesk_event_partition_bound(month_start DATE) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS
$$
SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4)
FROM (SELECT lpad(to_hex((extract(EPOCH FROM month_start::timestamp) * 1000)::bigint), 12, '0') AS h) hex
$$;

-- Creates the partition of a month (if it is not there yet) and returns its name, or NULL if it existed. Rows of
-- that range already in the default partition (a month that had no partition when its letters came) move into it
-- in the same transaction, unchanged.
CREATE FUNCTION letterdesk_create_event_partition(for_month DATE) RETURNS TEXT
    LANGUAGE plpgsql AS
$$
DECLARE
    first_day DATE := date_trunc('month', for_month)::date;
    name      TEXT := 'domain_event_entry_' || to_char(first_day, '"y"YYYY"m"MM');
    lo        TEXT := letterdesk_event_partition_bound(first_day);
    hi        TEXT := letterdesk_event_partition_bound((first_day + INTERVAL '1 month')::date);
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('letterdesk.event-store-partitions'));
    IF EXISTS (SELECT 1 FROM event_store_partition p WHERE p.month = first_day) THEN
        RETURN NULL;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE domain_event_entry INCLUDING DEFAULTS)', name);
    EXECUTE format('WITH moved AS (DELETE FROM domain_event_entry_other WHERE aggregate_identifier >= %L '
                       || 'AND aggregate_identifier < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                   lo, hi, name);
    EXECUTE format('ALTER TABLE domain_event_entry ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
    INSERT INTO event_store_partition (partition_name, month, lower_bound, upper_bound)
    VALUES (name, first_day, lo, hi);
    RETURN name;
END
$$;

-- Rewrites a month's partition in (letter, sequence) order and returns the number of events it holds. Appends to
-- that month's letters wait while it runs (the partition is locked in SHARE mode); reads go on. The new table is
-- written in order, checked and indexed beside the old one, then swapped in: the event table is locked exclusively only for
-- the swap (at most 2 s of waiting for it, else the whole rewrite is rolled back and can be tried again). Every row
-- keeps every column, its global_index included.
CREATE FUNCTION letterdesk_compact_event_partition(for_month DATE) RETURNS BIGINT
    LANGUAGE plpgsql AS
$$
DECLARE
    part     event_store_partition%ROWTYPE;
    sorted   TEXT;
    copied   BIGINT;
    original BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('letterdesk.event-store-partitions'));
    SELECT * INTO part FROM event_store_partition p WHERE p.month = date_trunc('month', for_month)::date;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no event store partition for the month of %', for_month;
    END IF;
    sorted := part.partition_name || '_sorted';
    PERFORM set_config('work_mem', '256MB', true);
    PERFORM set_config('maintenance_work_mem', '256MB', true);
    EXECUTE format('LOCK TABLE %I IN SHARE MODE', part.partition_name);
    -- CREATE TABLE AS writes its pages strictly in order; an INSERT … SELECT would put smaller rows into the gaps
    -- left at the end of earlier pages (the free space map), scattering a letter's events again.
    EXECUTE format('CREATE TABLE %I AS SELECT * FROM %I ORDER BY aggregate_identifier, sequence_number',
                   sorted, part.partition_name);
    GET DIAGNOSTICS copied = ROW_COUNT;
    EXECUTE format('SELECT count(*) FROM %I', part.partition_name) INTO original;
    IF copied <> original THEN
        RAISE EXCEPTION 'compacting %: % rows copied of %', part.partition_name, copied, original;
    END IF;
    -- The columns' defaults and constraints, the indexes and the range check attaching needs, made now: the swap
    -- then only links them.
    EXECUTE format('ALTER TABLE %I ALTER COLUMN global_index SET DEFAULT nextval(''event_global_index_seq''), '
                       || 'ALTER COLUMN global_index SET NOT NULL, ALTER COLUMN event_identifier SET NOT NULL, '
                       || 'ALTER COLUMN aggregate_identifier SET NOT NULL, ALTER COLUMN sequence_number SET NOT NULL, '
                       || 'ALTER COLUMN time_stamp SET NOT NULL, ALTER COLUMN payload_type SET NOT NULL, '
                       || 'ALTER COLUMN payload SET NOT NULL', sorted);
    EXECUTE format('ALTER TABLE %I ADD UNIQUE (aggregate_identifier, sequence_number)', sorted);
    EXECUTE format('ALTER TABLE %I ADD UNIQUE (event_identifier, aggregate_identifier)', sorted);
    EXECUTE format('CREATE INDEX ON %I (global_index)', sorted);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (aggregate_identifier >= %L AND aggregate_identifier < %L)',
                   sorted, sorted || '_range', part.lower_bound, part.upper_bound);
    EXECUTE format('ANALYZE %I', sorted);
    PERFORM set_config('lock_timeout', '2s', true);
    EXECUTE format('ALTER TABLE domain_event_entry DETACH PARTITION %I', part.partition_name);
    EXECUTE format('ALTER TABLE domain_event_entry ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                   sorted, part.lower_bound, part.upper_bound);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', sorted, sorted || '_range');
    EXECUTE format('DROP TABLE %I', part.partition_name);
    EXECUTE format('ALTER TABLE %I RENAME TO %I', sorted, part.partition_name);
    UPDATE event_store_partition p SET compacted_at = now(), compacted_events = copied WHERE p.month = part.month;
    RETURN copied;
END
$$;
