package org.letterdesk.events;

import java.time.Instant;

/**
 * Someone read this letter's sender unmasked (the one clear read), for the reason given. Recorded on the letter so
 * the record is kept, and chained, with the letter's own history.
 */
public record PersonalDataViewed(String letterId, String senderId, String user, String role, String reason,
                                 Instant viewedAt) implements LetterEvent {
}
