package org.letterdesk.command.mail;

import java.util.Optional;

/**
 * Where a letter's mails go: the one place the outbox (and the intake, to check that an answer naming a register
 * number comes from that letter's sender) learns a sender's e-mail address, so that the address need not be
 * written anywhere else (not in the outbox, not in the correspondence events).
 */
public interface ReplyRecipients {

    /** The address the letter's outgoing mails go to, if it has one. */
    Optional<String> addressOf(String letterId);
}
