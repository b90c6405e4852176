package org.letterdesk.command.intake;

import org.letterdesk.events.Sender;

/**
 * Matches a registration's sender to a sender file (客户档案) by normalised phone, e-mail or ID number, opening a
 * new file when none matches. Called inside the registration's transaction, so a rolled-back registration leaves
 * no file and no link.
 */
public interface SenderMatching {

    SenderMatch match(String letterId, Sender sender);

    /**
     * @param senderId    the file the letter is linked to
     * @param repeatCount how many letters the file held before this one
     */
    record SenderMatch(String senderId, int repeatCount) {
    }
}
