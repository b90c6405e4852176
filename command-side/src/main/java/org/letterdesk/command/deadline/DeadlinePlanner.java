package org.letterdesk.command.deadline;

import org.letterdesk.events.Channel;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Turns the deadline table into {@link DeadlineSet} events: the due time, when to warn, and how it was computed.
 * Everything configuration-dependent is decided here once and then only read from the events.
 */
public class DeadlinePlanner {

    private static final Logger log = LoggerFactory.getLogger(DeadlinePlanner.class);

    private final DeadlineRules rules;

    public DeadlinePlanner(DeadlineRules rules) {
        this.rules = rules;
    }

    public DeadlineSet firstResponse(String letterId, Instant receivedAt, boolean urgent) {
        return plan(letterId, DeadlineKind.FIRST_RESPONSE, 0, receivedAt, table().firstResponse(urgent));
    }

    public DeadlineSet reply(String letterId, Instant receivedAt, Channel channel, boolean urgent) {
        return plan(letterId, DeadlineKind.REPLY, 0, receivedAt, table().reply(channel, urgent));
    }

    public DeadlineSet followUp(String letterId, Instant sentAt) {
        return plan(letterId, DeadlineKind.FOLLOW_UP, 0, sentAt, table().followUp());
    }

    public DeadlineSet disputeInvestigation(String letterId, int disputeNo, Instant recordedAt) {
        return plan(letterId, DeadlineKind.DISPUTE_INVESTIGATION, disputeNo, recordedAt,
                table().disputeInvestigation());
    }

    /**
     * A clock of calendar days (petitions, referrals) from {@code start}; {@code extraDays} (an extension) are added
     * to the due time and named in the basis.
     */
    public DeadlineSet calendarDays(String letterId, DeadlineKind kind, int ref, Instant start, int days,
                                    int extraDays) {
        ComputedDue computed = rules.calendarDays(start, days + extraDays);
        String basis = days + " calendar days" + (extraDays > 0 ? " + " + extraDays + " days extension" : "");
        return planned(letterId, kind, ref, start, computed.due().toInstant(), basis, false, List.of());
    }

    /** A clock that ends at a date someone else set (a referral's due date), at the end of that day. */
    public DeadlineSet until(String letterId, DeadlineKind kind, int ref, Instant start, Instant due, String basis) {
        return planned(letterId, kind, ref, start, due, basis, false, List.of());
    }

    /**
     * A reply commitment (答复承诺事项) is kept when it is fulfilled by the end of its due date in the organisation's
     * zone: due at 00:00 of the next day. Warned like the other deadlines, at the same share of its window.
     */
    public DeadlineSet commitment(String letterId, int n, Instant sentAt, LocalDate dueDate, ZoneId zone) {
        Instant due = dueDate.plusDays(1).atStartOfDay(zone).toInstant();
        Duration window = Duration.between(sentAt, due);
        Instant approachingAt = window.isNegative() ? due
                : due.minusMillis(Math.round(window.toMillis() * table().approachingFraction()));
        return new DeadlineSet(letterId, DeadlineKind.COMMITMENT, n, sentAt, due, approachingAt,
                "end of due date " + dueDate, false, List.of());
    }

    /** The instant {@code hours} working hours after {@code start} (no holiday grace), by the calendar in force. */
    public Instant workingHoursAfter(Instant start, int hours) {
        return rules.due(start, new DeadlineTable.Span(hours, true, false)).due().toInstant();
    }

    public boolean delayMustBeReported(Instant now, Instant expectedCompletion) {
        return rules.delayMustBeReported(now, expectedCompletion);
    }

    private DeadlineTable table() {
        return rules.table();
    }

    private DeadlineSet plan(String letterId, DeadlineKind kind, int ref, Instant start, DeadlineTable.Span span) {
        ComputedDue computed = rules.due(start, span);
        String basis = computed.holidayGraceApplied() ? span.basis() + " + holiday grace" : span.basis();
        computed.warnings().forEach(warning -> log.warn("Letter {}: {} deadline: {}", letterId, kind, warning));
        return planned(letterId, kind, ref, start, computed.due().toInstant(), basis, computed.holidayGraceApplied(),
                computed.warnings());
    }

    private DeadlineSet planned(String letterId, DeadlineKind kind, int ref, Instant start, Instant due,
                                String basis, boolean holidayGraceApplied, List<String> warnings) {
        Duration window = Duration.between(start, due);
        Instant approachingAt = window.isNegative() ? due
                : due.minusMillis(Math.round(window.toMillis() * table().approachingFraction()));
        return new DeadlineSet(letterId, kind, ref, start, due, approachingAt, basis, holidayGraceApplied, warnings);
    }
}
