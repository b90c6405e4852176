package org.letterdesk.command.calendar;

/**
 * The hour numbers of the deadline table (答复时限), kept apart from the rules so that they can
 * come from configuration.
 */
public record DeadlineHours(
        int urgentFirstResponseClockHours,
        int firstResponseWorkingHours,
        int urgentReplyClockHours,
        int emailReplyWorkingHours,
        int otherReplyWorkingHours,
        int followUpClockHours,
        int disputeInvestigationWorkingHours,
        int delayReportThresholdClockHours) {

    public DeadlineHours {
        requireNonNegative("urgentFirstResponseClockHours", urgentFirstResponseClockHours);
        requireNonNegative("firstResponseWorkingHours", firstResponseWorkingHours);
        requireNonNegative("urgentReplyClockHours", urgentReplyClockHours);
        requireNonNegative("emailReplyWorkingHours", emailReplyWorkingHours);
        requireNonNegative("otherReplyWorkingHours", otherReplyWorkingHours);
        requireNonNegative("followUpClockHours", followUpClockHours);
        requireNonNegative("disputeInvestigationWorkingHours", disputeInvestigationWorkingHours);
        requireNonNegative("delayReportThresholdClockHours", delayReportThresholdClockHours);
    }

    /** The numbers of the published table. */
    public static DeadlineHours defaults() {
        return new DeadlineHours(1, 24, 24, 48, 72, 24, 72, 48);
    }

    private static void requireNonNegative(String name, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + hours);
        }
    }
}
