package org.letterdesk.command.deadline;

/**
 * The deadline table as configured ({@code letterdesk.deadlines.*}); every value left unset keeps the published
 * table's ({@link DeadlineTable#DEFAULTS}).
 */
public class DeadlineSettings {

    private int holidayGraceWorkingHours = DeadlineTable.DEFAULTS.holidayGraceWorkingHours();
    private double approachingFraction = DeadlineTable.DEFAULTS.approachingFraction();
    private int urgentFirstResponseClockHours = DeadlineTable.DEFAULTS.urgentFirstResponseClockHours();
    private int firstResponseWorkingHours = DeadlineTable.DEFAULTS.firstResponseWorkingHours();
    private int urgentReplyClockHours = DeadlineTable.DEFAULTS.urgentReplyClockHours();
    private int emailReplyWorkingHours = DeadlineTable.DEFAULTS.emailReplyWorkingHours();
    private int otherReplyWorkingHours = DeadlineTable.DEFAULTS.otherReplyWorkingHours();
    private int followUpClockHours = DeadlineTable.DEFAULTS.followUpClockHours();
    private int disputeInvestigationWorkingHours = DeadlineTable.DEFAULTS.disputeInvestigationWorkingHours();
    private int delayReportThresholdClockHours = DeadlineTable.DEFAULTS.delayReportThresholdClockHours();

    public DeadlineTable table() {
        return new DeadlineTable(holidayGraceWorkingHours, approachingFraction, urgentFirstResponseClockHours,
                firstResponseWorkingHours, urgentReplyClockHours, emailReplyWorkingHours, otherReplyWorkingHours,
                followUpClockHours, disputeInvestigationWorkingHours, delayReportThresholdClockHours);
    }

    public void setHolidayGraceWorkingHours(int holidayGraceWorkingHours) {
        this.holidayGraceWorkingHours = holidayGraceWorkingHours;
    }

    public void setApproachingFraction(double approachingFraction) {
        this.approachingFraction = approachingFraction;
    }

    public void setUrgentFirstResponseClockHours(int urgentFirstResponseClockHours) {
        this.urgentFirstResponseClockHours = urgentFirstResponseClockHours;
    }

    public void setFirstResponseWorkingHours(int firstResponseWorkingHours) {
        this.firstResponseWorkingHours = firstResponseWorkingHours;
    }

    public void setUrgentReplyClockHours(int urgentReplyClockHours) {
        this.urgentReplyClockHours = urgentReplyClockHours;
    }

    public void setEmailReplyWorkingHours(int emailReplyWorkingHours) {
        this.emailReplyWorkingHours = emailReplyWorkingHours;
    }

    public void setOtherReplyWorkingHours(int otherReplyWorkingHours) {
        this.otherReplyWorkingHours = otherReplyWorkingHours;
    }

    public void setFollowUpClockHours(int followUpClockHours) {
        this.followUpClockHours = followUpClockHours;
    }

    public void setDisputeInvestigationWorkingHours(int disputeInvestigationWorkingHours) {
        this.disputeInvestigationWorkingHours = disputeInvestigationWorkingHours;
    }

    public void setDelayReportThresholdClockHours(int delayReportThresholdClockHours) {
        this.delayReportThresholdClockHours = delayReportThresholdClockHours;
    }
}
