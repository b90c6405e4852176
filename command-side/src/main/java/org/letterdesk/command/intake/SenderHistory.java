package org.letterdesk.command.intake;

import org.letterdesk.events.Sender;

/**
 * The sender's earlier letters, counted at registration (信访次数). The one place the repeat count is computed: a
 * sender file, where one exists, answers the same question.
 */
public interface SenderHistory {

    /** How the letters are matched, as recorded in the event. */
    String SENDER_MATCH = "SENDER_MATCH";

    /**
     * Counts the earlier letters of the sender (same normalised phone, e-mail or ID number, any one) and records
     * this letter among them, in the registering transaction.
     */
    int countEarlierAndRecord(String letterId, Sender sender);
}
