package org.letterdesk.command.intake;

import java.util.UUID;

/**
 * A register number reserved for one registration before its transaction starts (decision 0008): the registration
 * takes it by deleting the reservation in its own transaction, which only works with the reservation's token.
 */
public record SerialClaim(int year, long number, UUID token) {
}
