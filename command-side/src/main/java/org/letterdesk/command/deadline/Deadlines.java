package org.letterdesk.command.deadline;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.letterdesk.events.DeadlineApproaching;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineMissed;
import org.letterdesk.events.DeadlineSet;
import org.letterdesk.events.LetterArchived;
import org.letterdesk.procedure.DeadlineMeeting;
import org.letterdesk.procedure.EventMetaData;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.Map;
import java.util.Set;


/**
 * A letter's deadlines (答复时限): which are open and when they fall due, which were warned, which were missed, and
 * every one ever set. The letter's other capabilities set deadlines through it and apply the events that meet
 * deadlines through it, so that what is scheduled with the persistent deadline manager follows what the events say.
 */
public class Deadlines {

    /** Open deadlines by schedule name, with their due time. */
    private final Map<String, Instant> open = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private final Set<String> missed = new HashSet<>();
    /** Every schedule name the letter ever had, so that archiving leaves no schedule behind. */
    private final Set<String> everSet = new LinkedHashSet<>();
    /** Told of the deadlines each event applied through {@link #apply} met (supervision ends when answered). */
    private BiConsumer<List<DeadlineMeeting.Met>, DeadlineManager> metListener = (met, deadlineManager) -> {
    };

    /** Registers the one listener told which deadlines an event met, right after the event is applied. */
    public void onMet(BiConsumer<List<DeadlineMeeting.Met>, DeadlineManager> listener) {
        this.metListener = listener;
    }

    /** Metadata of what the system does by itself when a schedule fires: no user, the schedule as correlation. */
    public static MetaData systemMetaData(String deadlineMessageId) {
        return MetaData.with(EventMetaData.USER, EventMetaData.SYSTEM_USER)
                .and(EventMetaData.ROLE, EventMetaData.SYSTEM_ROLE)
                .and(EventMetaData.CORRELATION_ID, deadlineMessageId);
    }

    public boolean isOpen(DeadlineKind kind, int ref) {
        return open.containsKey(DeadlineDue.scheduleName(kind, ref));
    }

    /**
     * Whether a deadline met now is met on time: before its due time while it is open; if it is no longer open,
     * unless it was missed.
     */
    public boolean metOnTime(DeadlineKind kind, int ref, Instant now) {
        String name = DeadlineDue.scheduleName(kind, ref);
        Instant due = open.get(name);
        return due == null ? !missed.contains(name) : !now.isAfter(due);
    }

    /** Records the deadline and schedules its warning, replacing the schedule of one still open (urgency). */
    public void set(DeadlineSet deadline, DeadlineManager deadlineManager, Instant now) {
        if (isOpen(deadline.kind(), deadline.ref())) {
            DeadlineScheduling.cancel(deadlineManager, deadline.kind(), deadline.ref());
        }
        AggregateLifecycle.apply(deadline);
        DeadlineScheduling.schedule(deadlineManager, deadline, now);
    }

    /**
     * Applies an event, first unscheduling the open deadlines it meets ({@link DeadlineMeeting}). Any event that may
     * meet a deadline is applied through here.
     */
    public void apply(Object event, DeadlineManager deadlineManager) {
        List<DeadlineMeeting.Met> met = DeadlineMeeting.metBy(event);
        met.stream()
                .filter(m -> isOpen(m.kind(), m.ref()))
                .forEach(m -> DeadlineScheduling.cancel(deadlineManager, m.kind(), m.ref()));
        AggregateLifecycle.apply(event);
        if (!met.isEmpty()) {
            metListener.accept(met, deadlineManager);
        }
    }

    /** Unschedules every deadline the letter ever had, open or not. */
    public void cancelAll(DeadlineManager deadlineManager) {
        everSet.forEach(name -> DeadlineScheduling.cancel(deadlineManager, name));
    }

    /**
     * A scheduled deadline fired; answers the DeadlineMissed it applied, if it did. The system acts here, not a
     * user: the deadline manager's unit of work carries no correlation data, so the events name their actor and
     * correlation (the deadline message) themselves.
     */
    public DeadlineMissed fired(String letterId, DeadlineDue due, String deadlineMessageId,
                                DeadlineManager deadlineManager, Instant now) {
        String name = DeadlineDue.scheduleName(due.kind(), due.ref());
        if (!due.due().equals(open.get(name))) {
            return null; // met or re-set meanwhile
        }
        MetaData system = systemMetaData(deadlineMessageId);
        if (due.missed()) {
            DeadlineMissed missed = new DeadlineMissed(letterId, due.kind(), due.ref(), due.due());
            AggregateLifecycle.apply(missed, system);
            return missed;
        } else if (!warned.contains(name)) {
            AggregateLifecycle.apply(new DeadlineApproaching(letterId, due.kind(), due.ref(), due.due()), system);
            DeadlineScheduling.scheduleMiss(deadlineManager, due.kind(), due.ref(), due.due(), now);
        }
        return null;
    }

    @EventSourcingHandler
    void on(DeadlineSet e) {
        String name = DeadlineDue.scheduleName(e.kind(), e.ref());
        open.put(name, e.due());
        warned.remove(name);
        missed.remove(name);
        everSet.add(name);
    }

    @EventSourcingHandler
    void on(DeadlineApproaching e) {
        warned.add(DeadlineDue.scheduleName(e.kind(), e.ref()));
    }

    @EventSourcingHandler
    void on(DeadlineMissed e) {
        String name = DeadlineDue.scheduleName(e.kind(), e.ref());
        open.remove(name);
        missed.add(name);
    }

    @EventSourcingHandler
    void on(LetterArchived e) {
        open.clear();
    }

    /** Any other event closes the deadlines it meets. */
    @EventSourcingHandler
    void on(Object event) {
        DeadlineMeeting.metBy(event).forEach(met -> open.remove(DeadlineDue.scheduleName(met.kind(), met.ref())));
    }
}
