-- Tamper-evident history (docs/decisions/0006-event-hash-chain.md). Every aggregate's events form a hash chain:
--   digest(e) = sha256 of the canonical text of e's stored columns (the payload as stored: ciphertext where personal
--               fields are encrypted, so destroying a key later leaves the chain intact);
--   hash(e)   = sha256(hash(previous event of the aggregate) || ':' || digest(e)), '' before sequence 0;
-- kept in e's metadata under "hash", computed by the append statement itself (letterdesk_chained_meta) in the
-- appending transaction. Events stored before the chain existed are never edited: a checkpoint row records, per
-- aggregate, the chain's head over them.

-- The canonical text is PostgreSQL's own rendering of a jsonb array of the columns, so the hash does not depend on
-- how a client spelled the JSON (jsonb keeps neither key order nor white space) and can be recomputed from the rows.
-- The metadata's own "hash" is left out.
CREATE FUNCTION letterdesk_event_digest(event_identifier TEXT, aggregate_identifier TEXT, sequence_number BIGINT,
                                        type TEXT, time_stamp TEXT, payload_type TEXT, payload_revision TEXT,
                                        payload JSONB, meta_data JSONB) RETURNS TEXT
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT encode(sha256(convert_to(jsonb_build_array(event_identifier, aggregate_identifier, sequence_number, type,
                                                  time_stamp, payload_type, payload_revision, payload,
                                                  coalesce(meta_data, '{}'::jsonb) - 'hash')::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION letterdesk_event_link(previous TEXT, digest TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT encode(sha256(convert_to(previous || ':' || digest, 'UTF8')), 'hex')
$$;

-- The chain's head over an aggregate's events up to sequence_number that were stored without a hash.
CREATE TABLE event_chain_checkpoint (
    aggregate_identifier VARCHAR(255) COLLATE "C" NOT NULL,
    sequence_number      BIGINT                   NOT NULL,
    head_hash            CHAR(64)                 NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- How far (global_index) the start-up checkpoint has looked for events without a hash.
CREATE TABLE event_chain_state (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    checked_up_to BIGINT NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE
);
INSERT INTO event_chain_state (id, checked_up_to) VALUES (1, 0);

-- The metadata to store for a new event: the given metadata plus its chain hash. The previous hash is the stored
-- one of the aggregate's event at sequence - 1, or the checkpoint's head there. Without either (an event stored
-- without the chain and not checkpointed) the link starts from '' and verification names that event.
CREATE FUNCTION letterdesk_chained_meta(meta_data JSONB, event_identifier TEXT, agg TEXT, seq BIGINT, type TEXT,
                                        time_stamp TEXT, payload_type TEXT, payload_revision TEXT,
                                        payload JSONB) RETURNS JSONB
    LANGUAGE plpgsql AS
$$
DECLARE
    previous TEXT;
BEGIN
    IF seq > 0 THEN
        SELECT e.meta_data ->> 'hash' INTO previous
        FROM domain_event_entry e WHERE e.aggregate_identifier = agg AND e.sequence_number = seq - 1;
        IF previous IS NULL THEN
            SELECT c.head_hash INTO previous
            FROM event_chain_checkpoint c WHERE c.aggregate_identifier = agg AND c.sequence_number = seq - 1;
        END IF;
    END IF;
    RETURN coalesce(meta_data, '{}'::jsonb) || jsonb_build_object('hash', letterdesk_event_link(coalesce(previous, ''),
            letterdesk_event_digest(event_identifier, agg, seq, type, time_stamp, payload_type, payload_revision,
                                    payload, meta_data)));
END
$$;
