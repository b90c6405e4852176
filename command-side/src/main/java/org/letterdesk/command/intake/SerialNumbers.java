package org.letterdesk.command.intake;

import java.time.Instant;
import java.time.ZoneId;

/** Hands out register numbers (序号) that are unique and gap-free per year of receipt. */
public interface SerialNumbers {

    /** The year a letter's number counts in: the year of its receipt in the organisation's zone. */
    static int yearOf(Instant receivedAt, ZoneId zone) {
        return receivedAt.atZone(zone).getYear();
    }

    /**
     * The next number of the year, as {@code YYYY-NNNNNN}. Must be called inside the transaction that stores the
     * letter's first event, so that a rolled-back registration gives its number back.
     */
    String next(int year);

    /**
     * The number {@code claim} reserved for this registration (see {@link SerialClaims}), or, without a claim or
     * when it no longer holds, the {@link #next} one. Same transaction rule as {@link #next}.
     */
    default String take(int year, SerialClaim claim) {
        return next(year);
    }

    static String format(int year, long number) {
        return "%04d-%06d".formatted(year, number);
    }
}
