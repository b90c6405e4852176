package org.letterdesk.command.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.calendar.BuiltInCalendars;

class DeadlineCalculatorTest {

    /** The published table's holiday grace: 3 working days. */
    private static final int GRACE = 72;

    private final DeadlineCalculator calculator =
            new DeadlineCalculator(BuiltInCalendars.source(), ZoneId.of("Asia/Shanghai"));

    @Test
    void weekWithoutHolidayNeedsNoGrace() {
        // Mon 2026-03-09 09:00: 15 h Mon + 24 h Tue + 24 h Wed = 63, + 9 h Thu = 72 → Thu 09:00.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2026-03-09T09:00+08:00"), 72, GRACE);

        assertEquals(at8("2026-03-12T09:00"), due.due());
        assertFalse(due.holidayGraceApplied());
        assertEquals(List.of(), due.warnings());
    }

    @Test
    void ordinaryWeekendStandsStill() {
        // Fri 2026-03-13 18:00: 6 h Fri, Sat and Sun off, 18 h Mon → Mon 2026-03-16 18:00.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2026-03-13T18:00+08:00"), 24, GRACE);

        assertEquals(at8("2026-03-16T18:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void resultIsExpressedInThePolicyZone() {
        // 2026-03-09T01:00Z is Mon 09:00 in Shanghai; 15 + 9 = 24 h → Tue 09:00 +08:00.
        ComputedDue due = calculator.addWorkingHours(Instant.parse("2026-03-09T01:00:00Z"), 24);

        assertEquals(ZoneOffset.ofHours(8), due.due().getOffset());
        assertEquals(at8("2026-03-10T09:00"), due.due());
    }

    @Test
    void zeroHoursIsDueAtOnceEvenOnAHoliday() {
        // The open interval (start, start) is empty, so no holiday lies inside it.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2026-02-16T10:00+08:00"), 0, GRACE);

        assertEquals(at8("2026-02-16T10:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void startingDuringAHolidayWaitsForItAndGetsGrace() {
        // Mon 2026-02-16 10:00 is inside 春节 (Feb 15–23): the clock stands still until Tue Feb 24;
        // 24 h Feb 24 → provisional Wed Feb 25 00:00. The rest of Feb 16 lies inside → +72:
        // 24 h Feb 25 + 24 h Feb 26 + 24 h Feb 27 → Sat Feb 28 00:00.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2026-02-16T10:00+08:00"), 24, GRACE);

        assertEquals(at8("2026-02-28T00:00"), due.due());
        assertTrue(due.holidayGraceApplied());
    }

    @Test
    void holidayStartingExactlyAtTheDueTimeIsNotInside() {
        // Tue 2026-09-29 00:00: 24 h Sep 29 + 24 h Sep 30 → Oct 1 00:00, the very start of 国庆,
        // which is not inside the open interval (start, due).
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2026-09-29T00:00+08:00"), 48, GRACE);

        assertEquals(at8("2026-10-01T00:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void holidayEndingExactlyAtTheStartIsNotInside() {
        // Thu 2026-10-08 00:00, right after 国庆: 24 h Oct 8 + 24 h Oct 9 + 24 h make-up Sat Oct 10
        // → Sun Oct 11 00:00.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2026-10-08T00:00+08:00"), 72, GRACE);

        assertEquals(at8("2026-10-11T00:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void graceIsAddedOnlyOnceEvenIfItCrossesAnotherHoliday() {
        // Thu 2026-09-24 10:00: 14 h Sep 24; 中秋 Sep 25–27 off; 24 h Sep 28, 24 h Sep 29 (62);
        // 10 h Sep 30 → provisional Sep 30 10:00. 中秋 lay inside → +72: 14 h Sep 30; 国庆 Oct 1–7
        // off; 24 h Oct 8, 24 h Oct 9 (62); 10 h make-up Sat Oct 10 → Oct 10 10:00.
        // 国庆 inside the grace period does not add a second grace.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2026-09-24T10:00+08:00"), 72, GRACE);

        assertEquals(at8("2026-10-10T10:00"), due.due());
        assertTrue(due.holidayGraceApplied());
    }

    @Test
    void withoutGraceAHolidayOnlyStopsTheClock() {
        // Same start as the worked example: 9 h Sep 30; Oct 1–7 off; 24 h Oct 8, 24 h Oct 9;
        // 15 h make-up Sat Oct 10 → Oct 10 15:00, and no grace was asked for.
        ComputedDue due = calculator.addWorkingHours(at("2026-09-30T15:00+08:00"), 72);

        assertEquals(at8("2026-10-10T15:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void crossesFrom2025Into2026WithBothCalendarsLoaded() {
        // Wed 2025-12-31 10:00: 14 h Dec 31; 元旦 Jan 1–3 off; 24 h make-up Sun Jan 4, 24 h Mon Jan 5
        // (62); 10 h Tue Jan 6 → provisional Jan 6 10:00. 元旦 inside → +72: 14 h Jan 6, 24 h Jan 7,
        // 24 h Jan 8 (62), 10 h Fri Jan 9 → 2026-01-09 10:00.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2025-12-31T10:00+08:00"), 72, GRACE);

        assertEquals(at8("2026-01-09T10:00"), due.due());
        assertTrue(due.holidayGraceApplied());
        assertEquals(List.of(), due.warnings());
    }

    @Test
    void crossingInto2027CountsMondayToFridayAndWarnsOnce() {
        // Thu 2026-12-31 10:00: 14 h Dec 31; Fri 2027-01-01 counts 24 h as nothing is loaded for
        // 2027 (38); Sat, Sun off; 24 h Mon Jan 4 (62); 10 h Tue Jan 5 → 2027-01-05 10:00.
        // No known holiday inside, so no grace.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2026-12-31T10:00+08:00"), 72, GRACE);

        assertEquals(at8("2027-01-05T10:00"), due.due());
        assertFalse(due.holidayGraceApplied());
        assertEquals(List.of("no working-day calendar loaded for 2027; counted Monday–Friday"), due.warnings());
    }

    @Test
    void warnsForEachMissingYearTouchedInOrder() {
        // Fri 2027-12-31 12:00: 12 h Fri; Sat 2028-01-01, Sun off; 12 h Mon Jan 3 → Jan 3 12:00.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2027-12-31T12:00+08:00"), 24, GRACE);

        assertEquals(at8("2028-01-03T12:00"), due.due());
        assertEquals(List.of(
                "no working-day calendar loaded for 2027; counted Monday–Friday",
                "no working-day calendar loaded for 2028; counted Monday–Friday"), due.warnings());
    }

    @Test
    void farFutureYearStillWorks() {
        // Fri 2099-06-05 12:00: 12 h Fri; weekend off; 24 h Mon, 24 h Tue (60); 12 h Wed → Jun 10 12:00.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2099-06-05T12:00+08:00"), 72, GRACE);

        assertEquals(at8("2099-06-10T12:00"), due.due());
        assertEquals(List.of("no working-day calendar loaded for 2099; counted Monday–Friday"), due.warnings());
    }

    @Test
    void longSpansAreCountedDayByDay() {
        // Tue 2030-01-01 00:00 + 520 weeks × 5 days × 24 h: without holidays every 120 working
        // hours is exactly one calendar week, so due Tue 2030-01-01 + 3640 days = Tue 2039-12-20 00:00.
        ComputedDue due = calculator.addWorkingHoursWithHolidayGrace(at("2030-01-01T00:00+08:00"), 520 * 5 * 24, GRACE);

        assertEquals(at8("2039-12-20T00:00"), due.due());
        List<String> expected = IntStream.rangeClosed(2030, 2039)
                .mapToObj(year -> "no working-day calendar loaded for " + year + "; counted Monday–Friday")
                .toList();
        assertEquals(expected, due.warnings());
    }

    @Test
    void policyZoneAndGraceHoursAreHonoured() {
        // In UTC, 2026-09-30T07:00Z is Wed 07:00: 17 h Sep 30; Oct 1–7 off; 24 h Oct 8, 24 h Oct 9
        // (65); 7 h make-up Sat Oct 10 → provisional Oct 10 07:00Z. Grace of 24 h: 17 h Oct 10,
        // Sun Oct 11 off, 7 h Mon Oct 12 → 2026-10-12T07:00Z.
        DeadlineCalculator utc = new DeadlineCalculator(BuiltInCalendars.source(), ZoneId.of("UTC"));

        ComputedDue due = utc.addWorkingHoursWithHolidayGrace(at("2026-09-30T07:00Z"), 72, 24);

        assertEquals(OffsetDateTime.parse("2026-10-12T07:00Z"), due.due());
        assertTrue(due.holidayGraceApplied());
    }

    @Test
    void clockHoursIgnoreHolidaysAndMissingYears() {
        ComputedDue duringSpringFestival = calculator.addClockHours(at("2026-02-17T20:30+08:00"), 24);
        assertEquals(at8("2026-02-18T20:30"), duringSpringFestival.due());
        assertFalse(duringSpringFestival.holidayGraceApplied());

        ComputedDue into2027 = calculator.addClockHours(at("2026-12-31T20:00+08:00"), 24);
        assertEquals(at8("2027-01-01T20:00"), into2027.due());
        assertEquals(List.of(), into2027.warnings());
    }

    @Test
    void negativeHoursAreRejected() {
        Instant start = at("2026-03-09T09:00+08:00");
        assertThrows(IllegalArgumentException.class, () -> calculator.addWorkingHoursWithHolidayGrace(start, -1, GRACE));
        assertThrows(IllegalArgumentException.class, () -> calculator.addClockHours(start, -1));
    }

    @Test
    void delegatesWorkingDayQuestions() {
        assertTrue(calculator.isWorkingDay(LocalDate.of(2026, 2, 28)));
        assertFalse(calculator.isWorkingDay(LocalDate.of(2026, 2, 23)));
    }

    @Test
    void negativeGraceIsRejected() {
        Instant start = at("2026-03-09T09:00+08:00");
        assertThrows(IllegalArgumentException.class, () -> calculator.addWorkingHoursWithHolidayGrace(start, 8, -1));
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static OffsetDateTime at8(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00");
    }
}
