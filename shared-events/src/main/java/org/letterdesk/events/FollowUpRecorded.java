package org.letterdesk.events;

/**
 * The phone follow-up (电话跟进, 回访) after the reply of a complex letter.
 *
 * @param satisfaction the sender's satisfaction, five levels; null when not asked (and in follow-ups recorded
 *                     before it existed)
 */
public record FollowUpRecorded(String letterId, String note, Boolean satisfied, Satisfaction satisfaction)
        implements LetterEvent {

    public FollowUpRecorded(String letterId, String note, Boolean satisfied) {
        this(letterId, note, satisfied, null);
    }
}
