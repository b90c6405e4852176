package org.letterdesk.command.deadline;

import org.letterdesk.events.Channel;

import java.time.Instant;
import java.util.Objects;

/** Computes each clock of the {@link DeadlineTable} with the working-day calendar. */
public final class DeadlineRules {

    private final DeadlineCalculator calculator;
    private final DeadlineTable table;

    public DeadlineRules(DeadlineCalculator calculator, DeadlineTable table) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.table = Objects.requireNonNull(table, "table");
    }

    public DeadlineTable table() {
        return table;
    }

    public ComputedDue firstResponse(Instant receivedAt, boolean urgent) {
        return due(receivedAt, table.firstResponse(urgent));
    }

    public ComputedDue reply(Instant receivedAt, Channel channel, boolean urgent) {
        return due(receivedAt, table.reply(Objects.requireNonNull(channel, "channel"), urgent));
    }

    public ComputedDue followUp(Instant repliedAt) {
        return due(repliedAt, table.followUp());
    }

    public ComputedDue disputeInvestigation(Instant recordedAt) {
        return due(recordedAt, table.disputeInvestigation());
    }

    public boolean delayMustBeReported(Instant now, Instant expectedCompletion) {
        return table.delayMustBeReported(now, expectedCompletion);
    }

    public ComputedDue calendarDays(Instant start, int days) {
        return calculator.addCalendarDays(start, days);
    }

    ComputedDue due(Instant start, DeadlineTable.Span span) {
        return span.workingHours()
                ? span.holidayGrace()
                ? calculator.addWorkingHoursWithHolidayGrace(start, span.hours(), table.holidayGraceWorkingHours())
                : calculator.addWorkingHours(start, span.hours())
                : calculator.addClockHours(start, span.hours());
    }
}
