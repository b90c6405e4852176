package org.letterdesk.command.archive;

import java.time.Instant;
import java.time.ZoneId;

/** How long an archived letter is retained; the rules require at least 3 years (存档不少于3年). */
public record RetentionPolicy(int years) {

    public static final int MINIMUM_YEARS = 3;

    public RetentionPolicy {
        if (years < MINIMUM_YEARS) {
            throw new IllegalArgumentException("retention must be at least " + MINIMUM_YEARS + " years, was " + years);
        }
    }

    public Instant retainUntil(Instant archivedAt, ZoneId zone) {
        return archivedAt.atZone(zone).plusYears(years).toInstant();
    }
}
