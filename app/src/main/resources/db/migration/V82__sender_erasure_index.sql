-- Every start deletes again the keys named in stored erasures (SenderKeys.destroyErasedAgain), so that a restored
-- backup of the key table cannot bring a destroyed key back. Without an index that read scanned the whole event
-- table: at 30 M events it ran past the statement timeout and the server did not start. The erasures are few; a
-- partial index holds only them.
CREATE INDEX domain_event_entry_sender_erased_idx ON domain_event_entry (payload_type)
    WHERE payload_type = 'org.letterdesk.events.SenderErased';
