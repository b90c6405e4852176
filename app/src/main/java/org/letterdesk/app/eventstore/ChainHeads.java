package org.letterdesk.app.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the chains' heads out of the database every {@code interval} (a day): one line appended to
 * {@code heads.jsonl} in {@code dir}, signed with Ed25519 (the JDK's), and the same line in the log. The line holds
 * a digest over every aggregate's last event (sequence and chain hash) up to a global index, so a later check can
 * recompute it from the store and see events removed or added at the end of a stream, which no chain link shows.
 * Events younger than {@code settle} are left to the next line: a transaction still appending an event with a lower
 * global index would otherwise change the digest after it was written.
 */
@Component
public class ChainHeads {

    private static final Logger log = LoggerFactory.getLogger(ChainHeads.class);
    private static final String FILE = "heads.jsonl";
    private static final String PRIVATE_KEY = "heads-signing-key";
    private static final String PUBLIC_KEY = "heads-signing-key.pub";

    /** A written line; {@code signature} is over {@link #signed()}. */
    public record Heads(Instant at, long globalIndex, long aggregates, long events, String digest, String signature) {
        String signed() {
            return at + "|" + globalIndex + "|" + aggregates + "|" + events + "|" + digest;
        }
    }

    /** The last written line against the store now. */
    public record Comparison(Instant at, long globalIndex, boolean signatureValid, boolean matches,
                             long aggregatesThen, long aggregatesNow, long eventsThen, long eventsNow) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Path dir;
    private final boolean enabled;
    private final Duration interval;
    private final Duration settle;
    private ScheduledExecutorService executor;

    ChainHeads(JdbcTemplate jdbc, JsonMapper json, Clock clock,
               @Value("${letterdesk.event-store.hash-chain.heads.dir:data/audit-heads}") Path dir,
               @Value("${letterdesk.event-store.hash-chain.heads.enabled:true}") boolean enabled,
               @Value("${letterdesk.event-store.hash-chain.heads.interval:P1D}") Duration interval,
               @Value("${letterdesk.event-store.hash-chain.heads.settle:PT5M}") Duration settle) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.dir = dir;
        this.enabled = enabled;
        this.interval = interval;
        this.settle = settle;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-chain-heads");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                write();
            } catch (RuntimeException e) {
                log.warn("Event chain heads not written, to be tried again in {}: {}", interval, e.getMessage());
            }
        }, settle.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Appends a signed line for the store as it stands (less the last {@code settle}), and logs it. */
    public synchronized Heads write() {
        Instant cutoff = clock.instant().minus(settle);
        Long globalIndex = jdbc.queryForObject("""
                SELECT max(global_index) FROM (SELECT global_index, time_stamp FROM domain_event_entry
                                               ORDER BY global_index DESC LIMIT 100000) recent
                WHERE time_stamp::timestamptz <= ?::timestamptz""", Long.class, cutoff.toString());
        if (globalIndex == null) {
            globalIndex = jdbc.queryForObject("""
                    SELECT coalesce(min(global_index) - 1, 0) FROM (SELECT global_index FROM domain_event_entry
                                                                    ORDER BY global_index DESC LIMIT 100000) recent""",
                    Long.class);
        }
        Summary summary = summarize(globalIndex);
        KeyPair keys = keys();
        Heads unsigned = new Heads(clock.instant(), globalIndex, summary.aggregates(), summary.events(),
                summary.digest(), null);
        Heads heads = new Heads(unsigned.at(), globalIndex, summary.aggregates(), summary.events(),
                summary.digest(), sign(keys.getPrivate(), unsigned.signed()));
        String line = json.writeValueAsString(heads);
        try {
            Files.writeString(dir.resolve(FILE), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Event chain heads: {}", line);
        return heads;
    }

    /** The last line written against the store now; null if none was written. */
    public Comparison compareWithLast() {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String last = null;
        for (int i = lines.size() - 1; i >= 0 && last == null; i--) {
            last = lines.get(i).isBlank() ? null : lines.get(i);
        }
        if (last == null) {
            return null;
        }
        JsonNode node = json.readTree(last);
        Heads then = new Heads(Instant.parse(node.path("at").asString()), node.path("globalIndex").asLong(),
                node.path("aggregates").asLong(), node.path("events").asLong(), node.path("digest").asString(),
                node.path("signature").asString());
        boolean signatureValid = verifySignature(then);
        Summary now = summarize(then.globalIndex());
        return new Comparison(then.at(), then.globalIndex(), signatureValid,
                signatureValid && then.digest().equals(now.digest()) && then.aggregates() == now.aggregates()
                        && then.events() == now.events(), then.aggregates(), now.aggregates(), then.events(),
                now.events());
    }

    private record Summary(long aggregates, long events, String digest) {
    }

    /** The digest over every aggregate's last event up to {@code globalIndex}, in aggregate order. */
    private Summary summarize(long globalIndex) {
        MessageDigest sha = sha256();
        long[] counts = new long[2];
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT DISTINCT ON (e.aggregate_identifier) e.aggregate_identifier, e.sequence_number,
                           coalesce(e.meta_data ->> 'hash',
                                    letterdesk_event_digest(e.event_identifier, e.aggregate_identifier,
                                                            e.sequence_number, e.type, e.time_stamp, e.payload_type,
                                                            e.payload_revision, e.payload, e.meta_data))
                    FROM domain_event_entry e WHERE e.global_index <= ?
                    ORDER BY e.aggregate_identifier, e.sequence_number DESC""");
            statement.setLong(1, globalIndex);
            statement.setFetchSize(2_000);
            return statement;
        }, rs -> {
            counts[0]++;
            sha.update((rs.getString(1) + "\t" + rs.getLong(2) + "\t" + rs.getString(3) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        });
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?",
                Long.class, globalIndex);
        return new Summary(counts[0], events == null ? 0 : events, HexFormat.of().formatHex(sha.digest()));
    }

    private KeyPair keys() {
        try {
            Path privateKey = dir.resolve(PRIVATE_KEY);
            Path publicKey = dir.resolve(PUBLIC_KEY);
            if (!Files.exists(privateKey)) {
                Files.createDirectories(dir);
                KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Path partial = dir.resolve(PRIVATE_KEY + ".new");
                Files.deleteIfExists(partial);
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.write(partial, generated.getPrivate().getEncoded());
                Files.writeString(publicKey, Base64.getEncoder().encodeToString(generated.getPublic().getEncoded())
                        + "\n");
                Files.move(partial, privateKey);
                log.info("Event chain heads: new Ed25519 signing key in {}; public key (record it elsewhere): {}",
                        dir, Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()));
                return generated;
            }
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey secret = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateKey)));
            return new KeyPair(publicKey(), secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing key unusable", e);
        }
    }

    private PublicKey publicKey() throws IOException, GeneralSecurityException {
        byte[] encoded = Base64.getDecoder().decode(Files.readString(dir.resolve(PUBLIC_KEY)).strip());
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static String sign(PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signature failed", e);
        }
    }

    private boolean verifySignature(Heads heads) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey());
            signature.update(heads.signed().getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(heads.signature()));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
