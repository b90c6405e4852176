package org.letterdesk.app.personaldata;

import org.letterdesk.app.eventstore.BeforeHashChain;
import org.letterdesk.command.sender.PersonalDataCipher;
import org.letterdesk.command.sender.SenderKeys;
import org.letterdesk.events.PersonalDataEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-time re-encryption of events stored before personal data was encrypted (docs/decisions/0005): every
 * stored event whose payload type carries personal data gets its clear phone, e-mail, address and ID number
 * encrypted in place — under its sender file's key, or under a key of its own letter ({@code letter-<letterId>})
 * for letters registered before sender files — and, as a second step of its own, the clear recipient of stored
 * replies not yet under the hash chain. Each step runs once, in one transaction, and leaves an audit row in
 * {@code personal_data_migration}; later starts find the rows and do nothing. It must run before the event store's
 * hash chain takes its checkpoint of old events, hence {@link BeforeHashChain}; it also runs at start-up itself
 * (harmless when the chain already ran it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LegacyPersonalDataEncryption implements BeforeHashChain, ApplicationRunner {

    static final String NAME = "encrypt-legacy-personal-data";
    static final String REPLY_RECIPIENTS = "encrypt-legacy-reply-recipients";
    private static final Logger log = LoggerFactory.getLogger(LegacyPersonalDataEncryption.class);
    private static final List<String> TYPES = List.of("org.letterdesk.events.LetterReceived",
            "org.letterdesk.events.SenderFileOpened", "org.letterdesk.events.SenderContactUpdated");
    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PersonalDataCipher cipher;
    private final SenderKeys keys;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    LegacyPersonalDataEncryption(JdbcTemplate jdbc, PlatformTransactionManager transactions, SenderKeys keys,
                                 Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.cipher = new PersonalDataCipher(keys);
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        run();
        int destroyed = keys.destroyErasedAgain();
        if (destroyed > 0) {
            log.warn("{} keys of erased senders were in the key table (a restored backup?) and were destroyed again",
                    destroyed);
        }
    }

    @Override
    public void run() {
        transaction.executeWithoutResult(status -> {
            // Two nodes starting together: the second waits here, then finds the audit row.
            jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))", rs -> null, NAME);
            if (!done(NAME)) {
                encryptSenderFields();
            }
            if (!done(REPLY_RECIPIENTS)) {
                long[] counts = encryptReplyRecipients();
                jdbc.update("""
                        INSERT INTO personal_data_migration (name, ran_at, events_rewritten, note) VALUES (?, ?, ?, ?)""",
                        REPLY_RECIPIENTS, Timestamp.from(clock.instant()), counts[0],
                        "clear recipient of ReplySent events not yet under the hash chain encrypted with the letter's "
                                + "sender key; " + counts[1] + " ReplySent events already under the chain keep a "
                                + "clear recipient (masked in reads; docs/decisions/0005)");
                log.info("Recipients of {} stored replies encrypted (one-time migration {}); {} under the hash chain "
                        + "left as stored", counts[0], REPLY_RECIPIENTS, counts[1]);
            }
        });
    }

    private boolean done(String name) {
        Integer done = jdbc.queryForObject("SELECT count(*) FROM personal_data_migration WHERE name = ?",
                Integer.class, name);
        return done != null && done > 0;
    }

    private void encryptSenderFields() {
        AtomicLong rewritten = new AtomicLong();
        long after = -1;
        while (true) {
            List<Object[]> rows = jdbc.query("""
                    SELECT global_index, payload::text FROM domain_event_entry
                    WHERE payload_type IN (?, ?, ?) AND global_index > ? ORDER BY global_index LIMIT ?""",
                    (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)},
                    TYPES.get(0), TYPES.get(1), TYPES.get(2), after, PAGE);
            for (Object[] row : rows) {
                long index = (Long) row[0];
                String sealed = encrypt((String) row[1]);
                if (sealed != null) {
                    jdbc.update("UPDATE domain_event_entry SET payload = ?::jsonb WHERE global_index = ?",
                            sealed, index);
                    rewritten.incrementAndGet();
                }
                after = index;
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        jdbc.update("""
                INSERT INTO personal_data_migration (name, ran_at, events_rewritten, note) VALUES (?, ?, ?, ?)""",
                NAME, Timestamp.from(clock.instant()), rewritten.get(),
                "clear phone, email, address, idNumber of stored events encrypted with the sender file's key, "
                        + "or letter-<letterId> for letters registered before sender files");
        log.info("Personal data of {} stored events encrypted (one-time migration {})", rewritten.get(), NAME);
    }

    /**
     * Encrypts the clear recipient of every stored {@code ReplySent} that the hash chain does not cover yet (no chain
     * hash and after the chain's checkpoint), under the letter's sender key, and names the key in the event.
     * Events the chain covers are left as stored: rewriting them would break the tamper evidence. Answers the number
     * rewritten and the number of clear recipients left.
     */
    long[] encryptReplyRecipients() {
        long rewritten = 0;
        long after = -1;
        while (true) {
            List<Object[]> rows = jdbc.query("""
                    SELECT e.global_index, e.payload::text,
                           (SELECT r.payload ->> 'senderId' FROM domain_event_entry r
                            WHERE r.aggregate_identifier = e.aggregate_identifier
                              AND r.payload_type = 'org.letterdesk.events.LetterReceived' LIMIT 1)
                    FROM domain_event_entry e
                    WHERE e.payload_type = 'org.letterdesk.events.ReplySent' AND e.global_index > ?
                      AND e.payload ->> 'recipient' IS NOT NULL AND e.payload ->> 'recipient' NOT LIKE 'ENC1:%'
                      AND e.meta_data ->> 'hash' IS NULL
                      AND e.global_index > (SELECT checked_up_to FROM event_chain_state WHERE id = 1)
                    ORDER BY e.global_index LIMIT ?""",
                    (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}, after, PAGE);
            for (Object[] row : rows) {
                ObjectNode payload = (ObjectNode) json.readTree((String) row[1]);
                String key = PersonalDataEvent.letterKey((String) row[2], payload.path("letterId").asString());
                payload.put("recipient", cipher.encrypt(key, payload.get("recipient").asString()));
                payload.put("personalDataKey", key);
                jdbc.update("UPDATE domain_event_entry SET payload = ?::jsonb WHERE global_index = ?",
                        json.writeValueAsString(payload), row[0]);
                rewritten++;
                after = (Long) row[0];
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        Long left = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type = 'org.letterdesk.events.ReplySent'
                  AND payload ->> 'recipient' IS NOT NULL AND payload ->> 'recipient' NOT LIKE 'ENC1:%'""", Long.class);
        return new long[]{rewritten, left == null ? 0 : left};
    }

    /** The payload with its clear personal fields encrypted; null if it holds none. */
    private String encrypt(String payload) {
        JsonNode tree = json.readTree(payload);
        String senderId = tree.path("senderId").isString() ? tree.path("senderId").asString() : null;
        String keyId = PersonalDataEvent.letterKey(senderId, tree.path("letterId").asString());
        boolean[] changed = {false};
        PersonalDataSerializer.rewrite(tree, value -> {
            if (PersonalDataCipher.isEncrypted(value)) {
                return value;
            }
            changed[0] = true;
            return cipher.encrypt(keyId, value);
        });
        return changed[0] ? json.writeValueAsString(tree) : null;
    }
}
