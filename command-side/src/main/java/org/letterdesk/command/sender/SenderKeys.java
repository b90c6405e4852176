package org.letterdesk.command.sender;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-sender data keys (AES-256), in their own table {@code sender_key}. Destroying a key is the erasure of
 * everything encrypted with it (crypto-shredding), so the table is backed up with the event store and never
 * restored over a later erasure (docs/operations.md, "Personal data").
 */
@Component
public class SenderKeys {

    private static final Logger log = LoggerFactory.getLogger(SenderKeys.class);

    private final JdbcTemplate jdbc;
    /** Only committed keys are cached: a key made in a transaction that rolls back must not outlive it. */
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();

    public SenderKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key, made now if the id has none yet (inside the caller's transaction). */
    public SecretKey keyFor(String keyId) {
        return find(keyId).orElseGet(() -> {
            byte[] secret = newKey().getEncoded();
            jdbc.update("INSERT INTO sender_key (key_id, secret) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    keyId, secret);
            return find(keyId).orElseThrow();
        });
    }

    /** The key if it exists; empty once destroyed. */
    public Optional<SecretKey> find(String keyId) {
        SecretKey cached = cache.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        // A registration encrypts several fields of two events with one new sender's key: read it once per
        // transaction (it joins the shared cache only when that transaction commits).
        Map<String, SecretKey> ofTransaction = transactionKeys();
        if (ofTransaction != null && ofTransaction.containsKey(keyId)) {
            return Optional.of(ofTransaction.get(keyId));
        }
        List<byte[]> rows = jdbc.queryForList("SELECT secret FROM sender_key WHERE key_id = ?", byte[].class, keyId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        SecretKey key = new SecretKeySpec(rows.get(0), "AES");
        if (ofTransaction != null) {
            ofTransaction.put(keyId, key);
        }
        afterCommit(() -> cache.put(keyId, key));
        return Optional.of(key);
    }

    /** The keys read in the current transaction, or null outside one. */
    @SuppressWarnings("unchecked")
    private Map<String, SecretKey> transactionKeys() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, SecretKey> keys = (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
        if (keys == null) {
            keys = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, keys);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SenderKeys.this);
                }
            });
        }
        return keys;
    }

    /** Destroys the keys (in the caller's transaction); they leave the cache at once and again after commit. */
    public void destroy(Collection<String> keyIds) {
        for (String keyId : keyIds) {
            jdbc.update("DELETE FROM sender_key WHERE key_id = ?", keyId);
            cache.remove(keyId);
            Map<String, SecretKey> ofTransaction = transactionKeys();
            if (ofTransaction != null) {
                ofTransaction.remove(keyId);
            }
        }
        afterCommit(() -> {
            keyIds.forEach(cache::remove);
            // A deleted row stays on disk until vacuumed; the key must really be gone. VACUUM cannot run in a
            // transaction, so on a connection of its own, after the commit.
            CompletableFuture.runAsync(this::vacuum);
        });
    }

    private void vacuum() {
        try (Connection connection = jdbc.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM sender_key");
        } catch (SQLException | RuntimeException e) {
            log.warn("VACUUM of sender_key after an erasure failed; the maintenance window's vacuum will do it: {}",
                    e.getMessage());
        }
    }

    /**
     * Deletes again the keys named in stored erasures: a restored backup of the key table must not bring back a
     * key destroyed since. Returns how many were deleted.
     */
    public int destroyErasedAgain() {
        return jdbc.update("""
                DELETE FROM sender_key WHERE key_id IN (
                    SELECT jsonb_array_elements_text(payload->'destroyedKeys') FROM domain_event_entry
                    WHERE payload_type = 'org.letterdesk.events.SenderErased')""");
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is always available", e);
        }
    }
}
