package org.letterdesk.command.sender;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
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
        List<byte[]> rows = jdbc.queryForList("SELECT secret FROM sender_key WHERE key_id = ?", byte[].class, keyId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        SecretKey key = new SecretKeySpec(rows.get(0), "AES");
        afterCommit(() -> cache.put(keyId, key));
        return Optional.of(key);
    }

    /** Destroys the keys (in the caller's transaction); they leave the cache at once and again after commit. */
    public void destroy(Collection<String> keyIds) {
        for (String keyId : keyIds) {
            jdbc.update("DELETE FROM sender_key WHERE key_id = ?", keyId);
            cache.remove(keyId);
        }
        afterCommit(() -> keyIds.forEach(cache::remove));
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
