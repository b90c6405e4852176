package org.letterdesk.command.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.calendar.BuiltInCalendars;
import org.letterdesk.events.Channel;
import java.time.ZoneId;

class DeadlineRulesTest {

    private final DeadlineCalculator calculator =
            new DeadlineCalculator(BuiltInCalendars.source(), ZoneId.of("Asia/Shanghai"));
    private final DeadlineRules rules = new DeadlineRules(calculator, DeadlineTable.DEFAULTS);

    @Test
    void workedExampleFromTheProductDescription() {
        // Wed 2026-09-30 15:00: 9 h Sep 30; 国庆 Oct 1–7 off; 24 h Oct 8, 24 h Oct 9 (57); 15 h make-up
        // Sat Oct 10 → provisional Oct 10 15:00. Holiday inside → +72: 9 h Oct 10; Sun Oct 11 off;
        // 24 h Oct 12, 24 h Oct 13 (57); 15 h Oct 14 → 2026-10-14 15:00.
        ComputedDue due = rules.reply(at("2026-09-30T15:00+08:00"), Channel.LETTER, false);

        assertEquals(at8("2026-10-14T15:00"), due.due());
        assertTrue(due.holidayGraceApplied());
        assertEquals(List.of(), due.warnings());
    }

    @Test
    void emailReceivedTheFridayBeforeSpringFestival() {
        // Fri 2026-02-13 10:00, 48 h: 14 h Feb 13; 24 h make-up Sat Feb 14 (38); 春节 Feb 15–23 off;
        // 10 h Tue Feb 24 → provisional Feb 24 10:00. Holiday inside → +72: 14 h Feb 24,
        // 24 h Feb 25, 24 h Feb 26 (62); 10 h Fri Feb 27 → 2026-02-27 10:00.
        ComputedDue due = rules.reply(at("2026-02-13T10:00+08:00"), Channel.EMAIL, false);

        assertEquals(at8("2026-02-27T10:00"), due.due());
        assertTrue(due.holidayGraceApplied());
    }

    @Test
    void letterReceivedOnTheMakeUpSaturdayBeforeSpringFestival() {
        // Sat 2026-02-14 09:00 (make-up workday), 72 h: 15 h Feb 14; 春节 Feb 15–23 off; 24 h Feb 24,
        // 24 h Feb 25 (63); 9 h Feb 26 → provisional Feb 26 09:00. Holiday inside → +72:
        // 15 h Feb 26, 24 h Feb 27, 24 h make-up Sat Feb 28 (63); Sun Mar 1 off; 9 h Mon Mar 2
        // → 2026-03-02 09:00.
        ComputedDue due = rules.reply(at("2026-02-14T09:00+08:00"), Channel.LETTER, false);

        assertEquals(at8("2026-03-02T09:00"), due.due());
        assertTrue(due.holidayGraceApplied());
    }

    @Test
    void letterReceivedAfterSpringFestivalCountsTheMakeUpSaturday() {
        // Thu 2026-02-26 11:00, 72 h: 13 h Feb 26, 24 h Feb 27, 24 h make-up Sat Feb 28 (61);
        // Sun Mar 1 off; 11 h Mon Mar 2 → 2026-03-02 11:00. No holiday inside, no grace.
        ComputedDue due = rules.reply(at("2026-02-26T11:00+08:00"), Channel.LETTER, false);

        assertEquals(at8("2026-03-02T11:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void firstResponseOfALetterReceivedTheFridayBeforeQingming() {
        // Fri 2026-04-03 16:00, 24 h: 8 h Apr 3; 清明 Sat Apr 4 – Mon Apr 6 off; 16 h Tue Apr 7
        // → provisional Apr 7 16:00. Holiday inside → +72: 8 h Apr 7, 24 h Apr 8, 24 h Apr 9 (56);
        // 16 h Fri Apr 10 → 2026-04-10 16:00.
        ComputedDue due = rules.firstResponse(at("2026-04-03T16:00+08:00"), false);

        assertEquals(at8("2026-04-10T16:00"), due.due());
        assertTrue(due.holidayGraceApplied());
    }

    @Test
    void firstResponseRunsOnTheMakeUpSundayBeforeNationalDay() {
        // Fri 2026-09-18 12:00, 24 h: 12 h Sep 18; Sat Sep 19 off; 12 h make-up Sun Sep 20
        // → 2026-09-20 12:00. No holiday inside.
        ComputedDue due = rules.firstResponse(at("2026-09-18T12:00+08:00"), false);

        assertEquals(at8("2026-09-20T12:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void regularFirstResponseWaitsOutAnOrdinaryWeekend() {
        // Fri 2026-03-13 18:00, 24 h: 6 h Fri; weekend off; 18 h Mon → 2026-03-16 18:00.
        ComputedDue due = rules.firstResponse(at("2026-03-13T18:00+08:00"), false);

        assertEquals(at8("2026-03-16T18:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void emailDueJustBeforeSpringFestival2025GetsNoGrace() {
        // Fri 2025-01-24 09:00, 48 h: 15 h Jan 24; Sat Jan 25 off; 24 h make-up Sun Jan 26 (39);
        // 9 h Mon Jan 27 → 2025-01-27 09:00. 春节 starts Jan 28, after the due time.
        ComputedDue due = rules.reply(at("2025-01-24T09:00+08:00"), Channel.EMAIL, false);

        assertEquals(at8("2025-01-27T09:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void letterReceivedTheDayBeforeNationalDay2025() {
        // Tue 2025-09-30 14:00, 72 h: 10 h Sep 30; 国庆·中秋 Oct 1–8 off; 24 h Oct 9, 24 h Oct 10 (58);
        // 14 h make-up Sat Oct 11 → provisional Oct 11 14:00. Holiday inside → +72: 10 h Oct 11;
        // Sun Oct 12 off; 24 h Oct 13, 24 h Oct 14 (58); 14 h Wed Oct 15 → 2025-10-15 14:00.
        ComputedDue due = rules.reply(at("2025-09-30T14:00+08:00"), Channel.LETTER, false);

        assertEquals(at8("2025-10-15T14:00"), due.due());
        assertTrue(due.holidayGraceApplied());
    }

    @Test
    void emailRepliesAreDueSoonerThanOtherChannels() {
        // Mon 2026-03-09 09:00: 15 + 24 + 9 = 48 h → Wed 09:00; 15 + 24 + 24 + 9 = 72 h → Thu 09:00.
        Instant monday = at("2026-03-09T09:00+08:00");

        assertEquals(at8("2026-03-11T09:00"), rules.reply(monday, Channel.EMAIL, false).due());
        for (Channel channel : List.of(Channel.LETTER, Channel.VISIT, Channel.PHONE, Channel.FAX, Channel.ONLINE)) {
            assertEquals(at8("2026-03-12T09:00"), rules.reply(monday, channel, false).due(), channel.name());
        }
    }

    @Test
    void urgentLetterDuringSpringFestivalRunsOnClockHours() {
        // Tue 2026-02-17 20:30, inside 春节: contact within 1 clock hour, reply within 24.
        Instant received = at("2026-02-17T20:30+08:00");

        ComputedDue first = rules.firstResponse(received, true);
        ComputedDue reply = rules.reply(received, Channel.LETTER, true);

        assertEquals(at8("2026-02-17T21:30"), first.due());
        assertEquals(at8("2026-02-18T20:30"), reply.due());
        assertFalse(first.holidayGraceApplied());
        assertFalse(reply.holidayGraceApplied());
        assertEquals(List.of(), reply.warnings());
    }

    @Test
    void urgentEmailIsAlsoTwentyFourClockHours() {
        ComputedDue reply = rules.reply(at("2026-02-13T10:00+08:00"), Channel.EMAIL, true);

        assertEquals(at8("2026-02-14T10:00"), reply.due());
    }

    @Test
    void followUpIsTwentyFourClockHoursEvenIntoAHoliday() {
        ComputedDue due = rules.followUp(at("2026-09-30T15:00+08:00"));

        assertEquals(at8("2026-10-01T15:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void disputeInvestigationIsThreeWorkingDaysWithoutGrace() {
        // Wed 2026-09-30 15:00: 9 h Sep 30; Oct 1–7 off; 24 h Oct 8, 24 h Oct 9 (57); 15 h make-up
        // Sat Oct 10 → 2026-10-10 15:00. The holiday stops the clock but grants no grace.
        ComputedDue due = rules.disputeInvestigation(at("2026-09-30T15:00+08:00"));

        assertEquals(at8("2026-10-10T15:00"), due.due());
        assertFalse(due.holidayGraceApplied());
    }

    @Test
    void delayIsReportedOnlyBeyondFortyEightClockHours() {
        Instant now = at("2026-03-09T09:00+08:00");

        assertFalse(rules.delayMustBeReported(now, at("2026-03-11T09:00+08:00")));
        assertTrue(rules.delayMustBeReported(now, at("2026-03-11T09:01+08:00")));
        assertFalse(rules.delayMustBeReported(now, at("2026-03-10T09:00+08:00")));
    }

    @Test
    void hourNumbersComeFromTheConstructor() {
        DeadlineRules custom = new DeadlineRules(calculator, new DeadlineTable(72, 0.2, 2, 8, 12, 16, 40, 6, 24, 24));
        Instant monday = at("2026-03-09T09:00+08:00");

        // 16 working hours for e-mail: 15 h Mon + 1 h Tue → Tue 01:00.
        assertEquals(at8("2026-03-10T01:00"), custom.reply(monday, Channel.EMAIL, false).due());
        // 40 working hours otherwise: 15 h Mon + 24 h Tue + 1 h Wed → Wed 01:00.
        assertEquals(at8("2026-03-11T01:00"), custom.reply(monday, Channel.LETTER, false).due());
        assertEquals(at8("2026-03-09T11:00"), custom.firstResponse(monday, true).due());
        assertEquals(at8("2026-03-09T17:00"), custom.firstResponse(monday, false).due());
        assertEquals(at8("2026-03-09T21:00"), custom.reply(monday, Channel.LETTER, true).due());
        assertEquals(at8("2026-03-09T15:00"), custom.followUp(monday).due());
        assertEquals(at8("2026-03-10T09:00"), custom.disputeInvestigation(monday).due());
        assertTrue(custom.delayMustBeReported(monday, at("2026-03-10T09:01+08:00")));
    }

    @Test
    void defaultHoursAreThoseOfThePublishedTable() {
        assertEquals(new DeadlineTable(72, 0.2, 1, 24, 24, 48, 72, 24, 72, 48), DeadlineTable.DEFAULTS);
        assertThrows(IllegalArgumentException.class,
                () -> new DeadlineTable(72, 0.2, 1, 24, 24, 48, -72, 24, 72, 48));
        assertThrows(IllegalArgumentException.class, () -> new DeadlineTable(-1, 0.2, 1, 24, 24, 48, 72, 24, 72, 48));
        assertThrows(IllegalArgumentException.class, () -> new DeadlineTable(72, 1.0, 1, 24, 24, 48, 72, 24, 72, 48));
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static OffsetDateTime at8(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00");
    }
}
