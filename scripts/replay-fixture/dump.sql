-- The store a version of Letterdesk left behind, and the read models it built from it, as one JSON document:
-- {"events": [...in global order...], "serials": [...], "tables": {"<table>": [...rows of the fixture's letters...]}}.
SET TIME ZONE 'UTC';
WITH letters AS (SELECT DISTINCT aggregate_identifier AS letter_id FROM domain_event_entry WHERE type = 'Letter')
SELECT jsonb_pretty(jsonb_build_object(
  'events', (SELECT jsonb_agg(jsonb_build_object(
                 'eventIdentifier', event_identifier, 'aggregateIdentifier', aggregate_identifier,
                 'sequenceNumber', sequence_number, 'type', type, 'timeStamp', time_stamp,
                 'payloadType', payload_type, 'payloadRevision', payload_revision,
                 'payload', payload, 'metaData', meta_data) ORDER BY global_index)
             FROM domain_event_entry WHERE type = 'Letter'),
  'serials', (SELECT jsonb_agg(to_jsonb(s) ORDER BY serial_year) FROM register_serial s),
  'tables', jsonb_build_object(
    'letter_view', (SELECT jsonb_agg(to_jsonb(t) ORDER BY letter_id)
                    FROM (SELECT letter_id, version, document, updated_at FROM letter_view) t
                    WHERE letter_id IN (SELECT letter_id FROM letters)),
    'register_entry', (SELECT jsonb_agg(to_jsonb(t) ORDER BY letter_id) FROM register_entry t
                       WHERE letter_id IN (SELECT letter_id FROM letters)),
    'worklist_entry', (SELECT jsonb_agg(to_jsonb(t) ORDER BY letter_id) FROM worklist_entry t
                       WHERE letter_id IN (SELECT letter_id FROM letters)),
    'dispute_entry', (SELECT jsonb_agg(to_jsonb(t) ORDER BY letter_id, dispute_no) FROM dispute_entry t
                      WHERE letter_id IN (SELECT letter_id FROM letters)),
    'quality_letter_fact', (SELECT jsonb_agg(to_jsonb(t) ORDER BY letter_id) FROM quality_letter_fact t
                            WHERE letter_id IN (SELECT letter_id FROM letters)),
    'quality_draft', (SELECT jsonb_agg(to_jsonb(t) ORDER BY letter_id, draft_no) FROM quality_draft t
                      WHERE letter_id IN (SELECT letter_id FROM letters)),
    'quality_correction', (SELECT jsonb_agg(to_jsonb(t) ORDER BY letter_id, correction_no) FROM quality_correction t
                           WHERE letter_id IN (SELECT letter_id FROM letters)),
    'quality_dispute', (SELECT jsonb_agg(to_jsonb(t) ORDER BY letter_id, dispute_no) FROM quality_dispute t
                        WHERE letter_id IN (SELECT letter_id FROM letters)))));
