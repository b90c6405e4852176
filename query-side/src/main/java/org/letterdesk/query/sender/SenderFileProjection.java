package org.letterdesk.query.sender;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.PersonalDataViewed;
import org.letterdesk.events.Sender;
import org.letterdesk.events.SenderContactUpdated;
import org.letterdesk.events.SenderErased;
import org.letterdesk.events.SenderFileMergedInto;
import org.letterdesk.events.SenderFileOpened;
import org.letterdesk.personaldata.PersonalDataMask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Sender files (masked), which file each letter counts in, and the access records of clear reads. Idempotent
 * (a redelivered event changes nothing), so replays leave the same tables. Personal fields are masked before they
 * are written: no row of these tables ever holds a clear value.
 */
@Component
@ProcessingGroup(SenderFileProjection.GROUP)
@AllowReplay
public class SenderFileProjection {

    public static final String GROUP = "senders";
    private static final String ERASED = PersonalDataMask.ERASED;

    private final JdbcTemplate jdbc;

    SenderFileProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SenderFileOpened e, @Timestamp Instant at) {
        Sender s = PersonalDataMask.mask(e.sender());
        jdbc.update("""
                INSERT INTO sender_file_view (sender_id, name, organization, phone, email, address, id_number,
                                              opened_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.senderId(), s.name(), s.organization(), s.phone(), s.email(), s.address(), s.idNumber(),
                java.sql.Timestamp.from(at), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(LetterReceived e) {
        if (e.senderId() == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO sender_file_letter (letter_id, sender_id, file_id, received_at)
                VALUES (?, ?, COALESCE((SELECT merged_into FROM sender_file_view WHERE sender_id = ?), ?), ?)
                ON CONFLICT DO NOTHING""",
                e.letterId(), e.senderId(), e.senderId(), e.senderId(), java.sql.Timestamp.from(e.receivedAt()));
    }

    @EventHandler
    void on(SenderContactUpdated e, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE sender_file_view SET phone = COALESCE(?, phone), email = COALESCE(?, email),
                       address = COALESCE(?, address), updated_at = ? WHERE sender_id = ?""",
                PersonalDataMask.phone(e.phone()), PersonalDataMask.email(e.email()),
                PersonalDataMask.address(e.address()), java.sql.Timestamp.from(at), e.senderId());
    }

    @EventHandler
    void on(SenderFileMergedInto e, @Timestamp Instant at) {
        jdbc.update("UPDATE sender_file_view SET merged_into = ?, updated_at = ? WHERE sender_id = ?",
                e.intoSenderId(), java.sql.Timestamp.from(at), e.senderId());
        jdbc.update("UPDATE sender_file_letter SET file_id = ? WHERE file_id = ?", e.intoSenderId(), e.senderId());
    }

    @EventHandler
    void on(SenderErased e, @Timestamp Instant at) {
        for (String fileId : e.destroyedKeys()) {
            jdbc.update("""
                    UPDATE sender_file_view SET phone = CASE WHEN phone IS NULL THEN NULL ELSE ? END,
                           email = CASE WHEN email IS NULL THEN NULL ELSE ? END,
                           address = CASE WHEN address IS NULL THEN NULL ELSE ? END,
                           id_number = CASE WHEN id_number IS NULL THEN NULL ELSE ? END,
                           erased = TRUE, updated_at = ? WHERE sender_id = ?""",
                    ERASED, ERASED, ERASED, ERASED, java.sql.Timestamp.from(at), fileId);
        }
    }

    @EventHandler
    void on(PersonalDataViewed e, EventMessage<?> message) {
        jdbc.update("""
                INSERT INTO personal_data_access (event_id, viewed_at, user_name, role, letter_id, sender_id, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                message.getIdentifier(), java.sql.Timestamp.from(e.viewedAt()), e.user(), e.role(), e.letterId(),
                e.senderId(), e.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM sender_file_view");
        jdbc.update("DELETE FROM sender_file_letter");
        jdbc.update("DELETE FROM personal_data_access");
    }
}
