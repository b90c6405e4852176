package org.letterdesk.command.deadline;

import org.letterdesk.command.calendar.ComputedDue;
import org.letterdesk.command.calendar.DeadlineHours;
import org.letterdesk.command.calendar.DeadlineRules;
import org.letterdesk.events.Channel;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns the deadline table into {@link DeadlineSet} events: the due time, when to warn, and how it was computed.
 * Everything configuration-dependent is decided here once and then only read from the events.
 */
public class DeadlinePlanner {

    private static final Logger log = LoggerFactory.getLogger(DeadlinePlanner.class);

    private final DeadlineRules rules;
    private final DeadlineHours hours;
    private final double approachingFraction;

    public DeadlinePlanner(DeadlineRules rules, DeadlineHours hours, double approachingFraction) {
        if (approachingFraction <= 0 || approachingFraction >= 1) {
            throw new IllegalArgumentException("approaching fraction must lie strictly between 0 and 1");
        }
        this.rules = rules;
        this.hours = hours;
        this.approachingFraction = approachingFraction;
    }

    public DeadlineSet firstResponse(String letterId, Instant receivedAt, boolean urgent) {
        String basis = urgent ? clock(hours.urgentFirstResponseClockHours())
                : working(hours.firstResponseWorkingHours());
        return set(letterId, DeadlineKind.FIRST_RESPONSE, 0, receivedAt, rules.firstResponse(receivedAt, urgent),
                basis);
    }

    public DeadlineSet reply(String letterId, Instant receivedAt, Channel channel, boolean urgent) {
        String basis = urgent ? clock(hours.urgentReplyClockHours())
                : working(channel == Channel.EMAIL ? hours.emailReplyWorkingHours() : hours.otherReplyWorkingHours());
        return set(letterId, DeadlineKind.REPLY, 0, receivedAt, rules.reply(receivedAt, channel.name(), urgent),
                basis);
    }

    public DeadlineSet followUp(String letterId, Instant sentAt) {
        return set(letterId, DeadlineKind.FOLLOW_UP, 0, sentAt, rules.followUp(sentAt),
                clock(hours.followUpClockHours()));
    }

    public DeadlineSet disputeInvestigation(String letterId, int disputeNo, Instant recordedAt) {
        return set(letterId, DeadlineKind.DISPUTE_INVESTIGATION, disputeNo, recordedAt,
                rules.disputeInvestigation(recordedAt), working(hours.disputeInvestigationWorkingHours()));
    }

    public boolean delayMustBeReported(Instant now, Instant expectedCompletion) {
        return rules.delayMustBeReported(now, expectedCompletion);
    }

    private DeadlineSet set(String letterId, DeadlineKind kind, int ref, Instant start, ComputedDue computed,
                            String basis) {
        Instant due = computed.due().toInstant();
        Duration window = Duration.between(start, due);
        Instant approachingAt = window.isNegative() ? due
                : due.minusMillis(Math.round(window.toMillis() * approachingFraction));
        String fullBasis = computed.holidayGraceApplied() ? basis + " + holiday grace" : basis;
        computed.warnings().forEach(warning -> log.warn("Letter {}: {} deadline: {}", letterId, kind, warning));
        return new DeadlineSet(letterId, kind, ref, start, due, approachingAt, fullBasis,
                computed.holidayGraceApplied(), computed.warnings());
    }

    private static String clock(int n) {
        return n + " clock hours";
    }

    private static String working(int n) {
        return n + " working hours";
    }
}
