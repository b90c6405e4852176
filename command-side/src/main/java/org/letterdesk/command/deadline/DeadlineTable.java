package org.letterdesk.command.deadline;

import org.letterdesk.events.Channel;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadline table (答复时限) in one place: how long each clock runs, whether it runs on working or clock hours,
 * whether the holiday grace (节假日顺延) applies, and when a warning is due. Its numbers come from configuration
 * ({@code letterdesk.deadlines.*}); unset ones take the published table ({@link #DEFAULTS}). Urgent deadlines run on
 * clock hours because urgency does not wait for holidays.
 *
 * @param holidayGraceWorkingHours the extra working hours when a statutory holiday falls inside a working-hours
 *                                 deadline that takes the grace
 * @param approachingFraction      the share of a deadline's window before its due time at which it is warned
 */
public record DeadlineTable(int holidayGraceWorkingHours,
                            double approachingFraction,
                            int urgentFirstResponseClockHours,
                            int firstResponseWorkingHours,
                            int urgentReplyClockHours,
                            int emailReplyWorkingHours,
                            int otherReplyWorkingHours,
                            int followUpClockHours,
                            int disputeInvestigationWorkingHours,
                            int delayReportThresholdClockHours) {

    /** The published table of PRODUCT.md. */
    public static final DeadlineTable DEFAULTS = new DeadlineTable(72, 0.2, 1, 24, 24, 48, 72, 24, 72, 48);

    public DeadlineTable {
        requireNonNegative("holidayGraceWorkingHours", holidayGraceWorkingHours);
        requireNonNegative("urgentFirstResponseClockHours", urgentFirstResponseClockHours);
        requireNonNegative("firstResponseWorkingHours", firstResponseWorkingHours);
        requireNonNegative("urgentReplyClockHours", urgentReplyClockHours);
        requireNonNegative("emailReplyWorkingHours", emailReplyWorkingHours);
        requireNonNegative("otherReplyWorkingHours", otherReplyWorkingHours);
        requireNonNegative("followUpClockHours", followUpClockHours);
        requireNonNegative("disputeInvestigationWorkingHours", disputeInvestigationWorkingHours);
        requireNonNegative("delayReportThresholdClockHours", delayReportThresholdClockHours);
        if (approachingFraction <= 0 || approachingFraction >= 1) {
            throw new IllegalArgumentException("approachingFraction must lie strictly between 0 and 1");
        }
    }

    /**
     * How one clock runs.
     *
     * @param workingHours whether it counts working hours (else clock hours)
     * @param holidayGrace whether a statutory holiday inside it moves it by the grace
     */
    public record Span(int hours, boolean workingHours, boolean holidayGrace) {

        /** How the due time was computed, as recorded in the deadline's event. */
        public String basis() {
            return hours + (workingHours ? " working hours" : " clock hours");
        }
    }

    public Span firstResponse(boolean urgent) {
        return urgent ? clock(urgentFirstResponseClockHours) : working(firstResponseWorkingHours, true);
    }

    /** An e-mail is answered sooner than the other channels, unless the letter is urgent. */
    public Span reply(Channel channel, boolean urgent) {
        if (urgent) {
            return clock(urgentReplyClockHours);
        }
        return working(channel == Channel.EMAIL ? emailReplyWorkingHours : otherReplyWorkingHours, true);
    }

    public Span followUp() {
        return clock(followUpClockHours);
    }

    /** A separate procedure clock (3 working days), so no holiday grace. */
    public Span disputeInvestigation() {
        return working(disputeInvestigationWorkingHours, false);
    }

    /** A reply expected later than the threshold must be reported to the supervisor (报备). */
    public boolean delayMustBeReported(Instant now, Instant expectedCompletion) {
        return expectedCompletion.isAfter(now.plus(Duration.ofHours(delayReportThresholdClockHours)));
    }

    private static Span clock(int hours) {
        return new Span(hours, false, false);
    }

    private static Span working(int hours, boolean holidayGrace) {
        return new Span(hours, true, holidayGrace);
    }

    private static void requireNonNegative(String name, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + hours);
        }
    }
}
