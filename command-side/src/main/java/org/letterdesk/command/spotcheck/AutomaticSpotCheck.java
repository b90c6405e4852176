package org.letterdesk.command.spotcheck;

import org.letterdesk.command.calendar.CalendarSource;
import org.letterdesk.command.calendar.WorkingCalendar;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The system's draw (内部抽查每月1次): a month nobody drew is drawn by {@code system} on the next month's first
 * working day (the calendar in force), or at the first check after it if the application was down then. Months that
 * ended before the spot check was installed are never drawn automatically. Run by a recurring task of the
 * persistent scheduler ({@link SpotCheckConfiguration}), which runs it on one node at a time.
 */
public class AutomaticSpotCheck {

    private static final Logger log = LoggerFactory.getLogger(AutomaticSpotCheck.class);

    private final SpotChecks spotChecks;
    private final SpotCheckLetters letters;
    private final WorkingCalendar calendar;
    private final ZoneId zone;

    public AutomaticSpotCheck(SpotChecks spotChecks, SpotCheckLetters letters, CalendarSource calendars,
                              ZoneId zone) {
        this.spotChecks = spotChecks;
        this.letters = letters;
        this.calendar = new WorkingCalendar(calendars);
        this.zone = zone;
    }

    /** Draws the previous month if it is due and undrawn; answers the month drawn, if any. */
    public Optional<YearMonth> drawIfDue(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        if (today.isBefore(firstWorkingDay(YearMonth.from(today)))
                || !spotChecks.end(previous).isAfter(letters.automaticFrom()) || letters.drawn(previous)) {
            return Optional.empty();
        }
        try {
            spotChecks.draw(previous, spotChecks.defaultSampleSize(), true,
                    Deadlines.systemMetaData("spot-check-" + previous + "-automatic"));
            log.info("Spot check of {} drawn automatically", previous);
            return Optional.of(previous);
        } catch (LetterdeskProblem e) {
            if (e.code() != ProblemCode.SPOT_CHECK_DRAWN) {
                throw e;
            }
            return Optional.empty(); // a supervisor drew it meanwhile
        }
    }

    LocalDate firstWorkingDay(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
