package org.letterdesk.command.deadline;

import org.letterdesk.command.calendar.CalendarSource;
import org.letterdesk.command.calendar.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Computes due times in working hours or clock hours.
 *
 * <p>Working hours elapse only on working days: the clock runs through the whole of a working
 * day (midnight to midnight in the letter zone) and stands still on a non-working day. The
 * days are walked one at a time, so the cost grows with the span of the deadline, not with
 * how far its start lies from any other date.
 */
public final class DeadlineCalculator {

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    /** @param zone the zone in which calendar days begin and end */
    public DeadlineCalculator(CalendarSource source, ZoneId zone) {
        this.calendar = new WorkingCalendar(source);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Working hours without the holiday grace. */
    public ComputedDue addWorkingHours(Instant start, int workingHours) {
        return addWorkingHours(start, workingHours, false, 0);
    }

    /**
     * Working hours; a statutory holiday inside (start, provisional due) extends the due time once by
     * {@code graceHours} working hours, counted from the provisional due time (节假日顺延).
     */
    public ComputedDue addWorkingHoursWithHolidayGrace(Instant start, int workingHours, int graceHours) {
        return addWorkingHours(start, workingHours, true, graceHours);
    }

    private ComputedDue addWorkingHours(Instant start, int workingHours, boolean holidayGrace, int graceHours) {
        requireNonNegative(workingHours);
        requireNonNegative(graceHours);
        SortedSet<Integer> missingYears = new TreeSet<>();
        Instant due = countWorkingHours(start, workingHours, missingYears);
        boolean graceApplied = holidayGrace && statutoryHolidayWithin(start, due);
        if (graceApplied) {
            due = countWorkingHours(due, graceHours, missingYears);
        }
        return new ComputedDue(inZone(due), graceApplied, warningsFor(missingYears));
    }

    /**
     * Calendar days at the same local clock time (the 信访工作条例's clocks): holidays and working days do not
     * matter, and a daylight-saving change does not move the clock time.
     */
    public ComputedDue addCalendarDays(Instant start, int days) {
        requireNonNegative(days);
        return new ComputedDue(ZonedDateTime.ofInstant(start, zone).plusDays(days).toOffsetDateTime(), false,
                List.of());
    }

    public ComputedDue addClockHours(Instant start, int hours) {
        requireNonNegative(hours);
        return new ComputedDue(inZone(start.plus(Duration.ofHours(hours))), false, List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(date);
    }

    /** Records in {@code missingYears} every year consulted that has no calendar. */
    private Instant countWorkingHours(Instant start, int workingHours, SortedSet<Integer> missingYears) {
        Duration remaining = Duration.ofHours(workingHours);
        Instant cursor = start;
        LocalDate day = localDate(start);
        while (!remaining.isZero()) {
            noteMissingYear(day, missingYears);
            Instant dayEnd = startOf(day.plusDays(1));
            if (calendar.isWorkingDay(day)) {
                // Measured between instants, so a day shortened or lengthened by a
                // daylight-saving change counts as it really is.
                Duration available = Duration.between(cursor, dayEnd);
                if (remaining.compareTo(available) <= 0) {
                    return cursor.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            cursor = dayEnd;
            day = day.plusDays(1);
        }
        return cursor;
    }

    /** Whether any statutory-holiday day overlaps the open interval (start, end). */
    private boolean statutoryHolidayWithin(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            return false;
        }
        LocalDate last = localDate(end);
        for (LocalDate day = localDate(start); !day.isAfter(last); day = day.plusDays(1)) {
            if (calendar.isStatutoryHoliday(day)
                    && startOf(day).isBefore(end)
                    && startOf(day.plusDays(1)).isAfter(start)) {
                return true;
            }
        }
        return false;
    }

    private void noteMissingYear(LocalDate day, SortedSet<Integer> missingYears) {
        if (!missingYears.contains(day.getYear()) && !calendar.hasYear(day.getYear())) {
            missingYears.add(day.getYear());
        }
    }

    private static List<String> warningsFor(SortedSet<Integer> missingYears) {
        return missingYears.stream()
                .map(year -> "no working-day calendar loaded for " + year + "; counted Monday–Friday")
                .toList();
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private OffsetDateTime inZone(Instant instant) {
        return ZonedDateTime.ofInstant(instant, zone).toOffsetDateTime();
    }

    private static void requireNonNegative(int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative: " + hours);
        }
    }
}
