package org.letterdesk.command.calendar;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Configuration for deadline arithmetic.
 *
 * @param zone                      the zone in which calendar days begin and end
 * @param holidayGraceWorkingHours  the extra working hours granted when a statutory holiday
 *                                  falls inside a working-hours deadline (节假日顺延)
 */
public record DeadlinePolicy(ZoneId zone, int holidayGraceWorkingHours) {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int DEFAULT_HOLIDAY_GRACE_WORKING_HOURS = 72;

    public DeadlinePolicy {
        Objects.requireNonNull(zone, "zone");
        if (holidayGraceWorkingHours < 0) {
            throw new IllegalArgumentException(
                    "holidayGraceWorkingHours must not be negative: " + holidayGraceWorkingHours);
        }
    }

    public static DeadlinePolicy defaults() {
        return new DeadlinePolicy(DEFAULT_ZONE, DEFAULT_HOLIDAY_GRACE_WORKING_HOURS);
    }
}
