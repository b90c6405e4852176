package org.letterdesk.app.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Walks one aggregate's events in sequence order and checks each link of its hash chain (migration V60): a stored
 * hash must equal sha256(previous hash ':' digest); events stored without a hash must be covered by a checkpoint
 * whose head equals the chain computed over them. Records the first break and, whatever it found, the head that the
 * append statement would continue from.
 */
final class ChainWalk {

    /** What kind of break the first broken event shows. */
    enum Break {
        /** Its content or its hash differs from what was chained (or, before a checkpoint, one of the events it covers). */
        ALTERED,
        /** An event is missing: this sequence number is absent although a later one, or a checkpoint, exists. */
        REMOVED,
        /** An event without a hash that no checkpoint covers: added outside the chained append. */
        INSERTED
    }

    private long expected;
    private String previous = "";
    private long uncoveredFrom = -1;
    private long events;
    private Long brokenAt;
    private Break reason;

    void accept(long sequence, String storedHash, String digest, String checkpointHead) {
        events++;
        if (sequence != expected) {
            fail(expected, Break.REMOVED);
        }
        expected = sequence + 1;
        String computed = link(previous, digest);
        if (storedHash != null) {
            if (uncoveredFrom >= 0) {
                fail(uncoveredFrom, Break.INSERTED);
                uncoveredFrom = -1;
            }
            if (!storedHash.equals(computed)) {
                fail(sequence, Break.ALTERED);
            }
            previous = storedHash;
        } else {
            if (uncoveredFrom < 0) {
                uncoveredFrom = sequence;
            }
            previous = computed;
            if (checkpointHead != null) {
                if (!checkpointHead.strip().equals(computed)) {
                    // The checkpoint holds only the head: the first event it covers is all that can be named.
                    fail(uncoveredFrom, Break.ALTERED);
                }
                uncoveredFrom = -1;
            }
        }
    }

    /** After the last event; {@code lastCheckpoint} is the aggregate's highest checkpointed sequence, if any. */
    ChainWalk finish(Long lastCheckpoint) {
        // A checkpoint beyond the last event: the events up to it were removed, which also leaves the events before
        // them uncovered.
        if (lastCheckpoint != null && lastCheckpoint >= expected) {
            fail(expected, Break.REMOVED);
        }
        if (uncoveredFrom >= 0) {
            fail(uncoveredFrom, Break.INSERTED);
        }
        return this;
    }

    private void fail(long sequence, Break kind) {
        if (brokenAt == null) {
            brokenAt = sequence;
            reason = kind;
        }
    }

    boolean valid() {
        return brokenAt == null;
    }

    long events() {
        return events;
    }

    Long brokenAt() {
        return brokenAt;
    }

    Break reason() {
        return reason;
    }

    /** The hash the next event's link starts from. */
    String head() {
        return previous;
    }

    /** sha256(previous ':' digest) in hex, exactly as {@code letterdesk_event_link} computes it. */
    static String link(String previous, String digest) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((previous + ":" + digest).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
