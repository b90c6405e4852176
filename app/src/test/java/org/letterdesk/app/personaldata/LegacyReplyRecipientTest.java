package org.letterdesk.app.personaldata;

import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.letterdesk.command.sender.PersonalDataCipher;
import org.letterdesk.command.sender.SenderKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-time step for replies stored before their recipient was encrypted (docs/decisions/0005): a reply the hash
 * chain does not cover yet gets its recipient encrypted under the letter's key; one the chain covers is left as
 * stored. The rows are written and checked in one transaction that is rolled back, so no processor or chain
 * verification of the shared test application ever sees them.
 */
class LegacyReplyRecipientTest extends ApiTestSupport {

    @Autowired
    LegacyPersonalDataEncryption migration;
    @Autowired
    SenderKeys keys;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void clearRecipientsOutsideTheChainAreEncryptedUnderTheLettersKeyAndChainedOnesAreLeft() {
        String fileLetter = UUID.randomUUID().toString();
        String senderId = UUID.randomUUID().toString();
        String oldLetter = UUID.randomUUID().toString();
        String chainedLetter = UUID.randomUUID().toString();
        String recipient = "legacy." + Long.toString(System.nanoTime(), 36) + "@old-store.example";
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            insert(fileLetter, 0, "LetterReceived", "{\"letterId\":\"" + fileLetter + "\",\"senderId\":\"" + senderId
                    + "\"}", "{}");
            insert(fileLetter, 1, "ReplySent", reply(fileLetter, recipient), "{}");
            insert(oldLetter, 0, "LetterReceived", "{\"letterId\":\"" + oldLetter + "\"}", "{}");
            insert(oldLetter, 1, "ReplySent", reply(oldLetter, "北京市朝阳区建国路1号"), "{}");
            insert(chainedLetter, 0, "ReplySent", reply(chainedLetter, recipient), "{\"hash\":\"" + "0".repeat(64)
                    + "\"}");

            long[] counts = migration.encryptReplyRecipients();

            assertThat(counts[0]).isGreaterThanOrEqualTo(2);
            assertThat(counts[1]).isGreaterThanOrEqualTo(1);
            PersonalDataCipher cipher = new PersonalDataCipher(keys);
            JsonNode sealed = reply(fileLetter);
            assertThat(sealed.get("recipient").asString()).startsWith("ENC1:" + senderId + ":");
            assertThat(sealed.get("personalDataKey").asString()).isEqualTo(senderId);
            assertThat(cipher.decrypt(sealed.get("recipient").asString())).isEqualTo(recipient);
            JsonNode old = reply(oldLetter);
            assertThat(old.get("recipient").asString()).startsWith("ENC1:letter-" + oldLetter + ":");
            assertThat(cipher.decrypt(old.get("recipient").asString())).isEqualTo("北京市朝阳区建国路1号");
            assertThat(reply(chainedLetter).get("recipient").asString()).isEqualTo(recipient);
            assertThat(reply(chainedLetter).has("personalDataKey")).isFalse();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?, ?)",
                Integer.class, fileLetter, oldLetter, chainedLetter)).isZero();
    }

    private static String reply(String letterId, String recipient) {
        return "{\"letterId\":\"" + letterId + "\",\"draftNo\":1,\"channel\":\"EMAIL\",\"recipient\":\"" + recipient
                + "\",\"trackingNo\":null,\"sentAt\":\"2024-03-01T02:00:00Z\"}";
    }

    private JsonNode reply(String letterId) {
        return json.readTree(jdbc.queryForObject("SELECT payload::text FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? AND payload_type = 'org.letterdesk.events.ReplySent'", String.class,
                letterId));
    }

    private void insert(String aggregate, long sequence, String type, String payload, String meta) {
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Letter', ?, ?, NULL, ?::jsonb, ?::jsonb)""", UUID.randomUUID().toString(),
                aggregate, sequence, Instant.now().toString(), "org.letterdesk.events." + type, payload, meta);
    }
}
