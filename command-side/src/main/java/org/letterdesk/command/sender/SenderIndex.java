package org.letterdesk.command.sender;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The command side's lookup tables of sender files, written in the same transaction as the events: the match index
 * (hashes of normalised phone, e-mail and ID number → file) and which file each letter belongs to now (merges move
 * letters to the surviving file; the letter's own event keeps the file it was registered to).
 */
@Component
public class SenderIndex implements ContactIndex {

    private final JdbcTemplate jdbc;

    SenderIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises registrations that share a match key until the transaction ends, so two letters of one new sender
     * arriving together open one file, not two.
     */
    void lock(List<String> keys) {
        keys.stream().sorted().forEach(key ->
                jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))", rs -> null, key));
    }

    /** The file the first of {@code keys} (in the given order: phone, e-mail, ID number) points to. */
    Optional<String> find(List<String> keys) {
        for (String key : keys) {
            List<String> found = jdbc.queryForList("SELECT sender_id FROM sender_match_key WHERE match_key = ?",
                    String.class, key);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** Points keys not yet known to the file; a key already pointing to another file stays (no silent merge). */
    @Override
    public void add(String senderId, List<String> keys) {
        for (String key : keys) {
            jdbc.update("INSERT INTO sender_match_key (match_key, sender_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    key, senderId);
        }
    }

    void link(String letterId, String senderId) {
        jdbc.update("INSERT INTO sender_letter (letter_id, sender_id, file_id) VALUES (?, ?, ?)",
                letterId, senderId, senderId);
    }

    /** The file the letter belongs to now (after merges). */
    Optional<String> fileOf(String letterId) {
        return jdbc.queryForList("SELECT file_id FROM sender_letter WHERE letter_id = ?", String.class, letterId)
                .stream().findFirst();
    }

    int letterCount(String fileId) {
        return jdbc.queryForObject("SELECT count(*) FROM sender_letter WHERE file_id = ?", Integer.class, fileId);
    }

    /** The letters of the file, its merged files' included. */
    List<String> letters(String fileId) {
        return jdbc.queryForList("SELECT letter_id FROM sender_letter WHERE file_id = ? ORDER BY letter_id",
                String.class, fileId);
    }

    /** The files whose keys encrypt data of this file: itself and every file merged into it. */
    List<String> keyIds(String fileId) {
        return jdbc.queryForList("""
                SELECT ? UNION SELECT DISTINCT sender_id FROM sender_letter WHERE file_id = ?""",
                String.class, fileId, fileId);
    }

    void merge(String otherId, String intoId) {
        jdbc.update("UPDATE sender_letter SET file_id = ? WHERE file_id = ?", intoId, otherId);
        jdbc.update("UPDATE sender_match_key SET sender_id = ? WHERE sender_id = ?", intoId, otherId);
    }

    /** After erasure nothing may find the person again: their match keys go. */
    void forget(String fileId) {
        jdbc.update("DELETE FROM sender_match_key WHERE sender_id = ?", fileId);
    }
}
