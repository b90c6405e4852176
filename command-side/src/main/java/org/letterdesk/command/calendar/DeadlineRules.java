package org.letterdesk.command.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The deadline table (答复时限): which clock each deadline runs on and for how long. Urgent
 * deadlines run on clock hours because urgency does not wait for holidays.
 */
public final class DeadlineRules {

    /** The reply channel whose regular reply deadline is shorter than the others'. */
    private static final String EMAIL_CHANNEL = "EMAIL";

    private final DeadlineCalculator calculator;
    private final DeadlineHours hours;

    public DeadlineRules(DeadlineCalculator calculator, DeadlineHours hours) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.hours = Objects.requireNonNull(hours, "hours");
    }

    public static DeadlineRules defaults(DeadlineCalculator calculator) {
        return new DeadlineRules(calculator, DeadlineHours.defaults());
    }

    public ComputedDue firstResponse(Instant receivedAt, boolean urgent) {
        if (urgent) {
            return calculator.addClockHours(receivedAt, hours.urgentFirstResponseClockHours());
        }
        return calculator.addWorkingHours(receivedAt, hours.firstResponseWorkingHours(), true);
    }

    public ComputedDue reply(Instant receivedAt, String channel, boolean urgent) {
        Objects.requireNonNull(channel, "channel");
        if (urgent) {
            return calculator.addClockHours(receivedAt, hours.urgentReplyClockHours());
        }
        int workingHours = EMAIL_CHANNEL.equals(channel)
                ? hours.emailReplyWorkingHours()
                : hours.otherReplyWorkingHours();
        return calculator.addWorkingHours(receivedAt, workingHours, true);
    }

    public ComputedDue followUp(Instant repliedAt) {
        return calculator.addClockHours(repliedAt, hours.followUpClockHours());
    }

    /** A separate procedure clock (3 working days), so no holiday grace. */
    public ComputedDue disputeInvestigation(Instant recordedAt) {
        return calculator.addWorkingHours(recordedAt, hours.disputeInvestigationWorkingHours(), false);
    }

    public boolean delayMustBeReported(Instant now, Instant expectedCompletion) {
        return expectedCompletion.isAfter(now.plus(Duration.ofHours(hours.delayReportThresholdClockHours())));
    }
}
