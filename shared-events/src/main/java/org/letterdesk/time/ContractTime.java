package org.letterdesk.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the HTTP contract writes and accepts them: RFC 3339 date-times with a whole-minute offset and a
 * four-digit year. A zone's rules can give offsets in seconds (Asia/Shanghai's local mean time before 1901 was
 * +08:05:43), which RFC 3339 cannot express and JavaScript's Date cannot parse.
 */
public final class ContractTime {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    private ContractTime() {
    }

    /**
     * The instant in the zone's offset at that instant, cut to whole minutes (toward zero) where the zone's offset
     * has seconds: the text still names exactly this instant. An instant whose local year has more than four
     * digits is written in UTC, as {@link Instant#toString()} does, rather than not at all.
     */
    public static String format(Instant instant, ZoneId zone) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset(instant, zone)));
        } catch (DateTimeException e) {
            return instant.toString();
        }
    }

    /** The zone's offset at the instant, in whole minutes. */
    public static ZoneOffset offset(Instant instant, ZoneId zone) {
        int seconds = zone.getRules().getOffset(instant).getTotalSeconds();
        return ZoneOffset.ofTotalSeconds(seconds / 60 * 60);
    }

    /**
     * Whether the instant can be written as an RFC 3339 date-time in the zone: its local year there is
     * {@value #FIRST_YEAR}–{@value #LAST_YEAR}. Inputs outside are refused, so every stored time can be written
     * back (and PostgreSQL's timestamps hold it).
     */
    public static boolean writable(Instant instant, ZoneId zone) {
        try {
            int year = instant.atOffset(offset(instant, zone)).getYear();
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** As {@link #writable(Instant, ZoneId)}, for a time as the client gave it. */
    public static boolean writable(OffsetDateTime time, ZoneId zone) {
        return time.getYear() >= FIRST_YEAR && time.getYear() <= LAST_YEAR && writable(time.toInstant(), zone);
    }

    /** The message of a field error for a time outside that range. */
    public static String rangeMessage() {
        return "must lie between the years " + String.format("%04d", FIRST_YEAR) + " and " + LAST_YEAR;
    }
}
