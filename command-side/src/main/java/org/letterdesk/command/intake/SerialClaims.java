package org.letterdesk.command.intake;

import java.util.Optional;

/**
 * Reserves register numbers ahead of the registrations that will use them (decision 0008), so that the year's
 * counter is locked only for the reservation's own short transaction, not until a registration commits.
 */
public interface SerialClaims {

    /**
     * Reserves a number of the year in a transaction of its own: the lowest number left by a registration that
     * failed, or else the counter's next. Empty when the caller is already inside a transaction (it then takes its
     * number with {@link SerialNumbers#next}).
     */
    Optional<SerialClaim> claim(int year);

    /** Gives a claim back at once after its registration failed, so that the next registration takes its number. */
    void release(SerialClaim claim);
}
