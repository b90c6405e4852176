package org.letterdesk.command.intake;

/** Hands out register numbers (序号) that are unique and gap-free per year. */
public interface SerialNumbers {

    /**
     * The next number of the year, as {@code YYYY-NNNNNN}. Must be called inside the transaction that stores the
     * letter's first event, so that a rolled-back registration gives its number back.
     */
    String next(int year);
}
