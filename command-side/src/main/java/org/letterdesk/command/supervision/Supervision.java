package org.letterdesk.command.supervision;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.command.supervision.SupervisionCommands.ResolveSupervision;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineMissed;
import org.letterdesk.events.SupervisionOpened;
import org.letterdesk.events.SupervisionReason;
import org.letterdesk.events.SupervisionReminded;
import org.letterdesk.events.SupervisionResolved;
import org.letterdesk.procedure.DeadlineMeeting;
import org.letterdesk.procedure.EventMetaData;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Supervision of a letter (督办): a deadline the sender waits on passed unanswered, or the sender said they were
 * dissatisfied, and the department's supervisor must see to it (level 1). Each further period without an answer
 * a reminder (催办) raises it to the director (level 2), and reminders go on at that level. An item opened by a
 * missed deadline ends when the missing answer is given; any item ends when a supervisor or director resolves it.
 */
public class Supervision {

    private record Item(SupervisionReason reason, DeadlineKind kind, int ref, int level, Instant remindAt) {
    }

    private final LetterFacts letter;
    private final Map<Integer, Item> open = new TreeMap<>();
    private int count;

    public Supervision(LetterFacts letter) {
        this.letter = letter;
    }

    /** The highest level of an open item, 0 when none. */
    public int level() {
        return open.values().stream().mapToInt(Item::level).max().orElse(0);
    }

    /** A deadline passed unanswered (applied by the system): opens an item if the policy says so. */
    public void deadlineMissed(DeadlineMissed missed, String deadlineMessageId, SupervisionPolicy policy,
                               DeadlinePlanner planner, DeadlineManager deadlineManager, Instant now) {
        if (!policy.opensOnMiss(missed.kind())) {
            return;
        }
        boolean alreadyOpen = open.values().stream()
                .anyMatch(i -> i.kind() == missed.kind() && i.ref() == missed.ref());
        if (!alreadyOpen) {
            openItem(SupervisionReason.DEADLINE_MISSED, missed.kind(), missed.ref(), policy, planner,
                    deadlineManager, now, Deadlines.systemMetaData(deadlineMessageId));
        }
    }

    /** A follow-up found the sender dissatisfied: opens an item, in the follow-up's command. */
    public void dissatisfied(SupervisionPolicy policy, DeadlinePlanner planner, DeadlineManager deadlineManager,
                             Instant now) {
        openItem(SupervisionReason.DISSATISFIED, null, 0, policy, planner, deadlineManager, now, null);
    }

    private void openItem(SupervisionReason reason, DeadlineKind kind, int ref, SupervisionPolicy policy,
                          DeadlinePlanner planner, DeadlineManager deadlineManager, Instant now, MetaData metaData) {
        int no = count + 1;
        Instant remindAt = planner.workingHoursAfter(now, policy.reminderWorkingHours());
        SupervisionOpened opened = new SupervisionOpened(letter.letterId(), no, reason, kind, ref,
                letter.department(), 1, now, remindAt);
        if (metaData == null) {
            apply(opened);
        } else {
            apply(opened, metaData);
        }
        schedule(deadlineManager, no, remindAt);
    }

    /**
     * A reminder's schedule fired (at the reminder time recorded when it was scheduled): the item goes up a level.
     * Reminders stop at the top level (the director), where the item stays until resolved or answered.
     */
    public void remind(SupervisionDue due, String deadlineMessageId, SupervisionPolicy policy,
                       DeadlinePlanner planner, DeadlineManager deadlineManager) {
        Item item = open.get(due.supervisionNo());
        if (item == null || !due.remindAt().equals(item.remindAt())) {
            return; // resolved, or a stale schedule
        }
        int level = Math.min(item.level() + 1, SupervisionPolicy.TOP_LEVEL);
        // The next period counts from when this reminder was due, so a late-firing schedule does not stretch it.
        Instant next = level < SupervisionPolicy.TOP_LEVEL
                ? planner.workingHoursAfter(due.remindAt(), policy.reminderWorkingHours()) : null;
        apply(new SupervisionReminded(letter.letterId(), due.supervisionNo(), level, due.remindAt(), next),
                Deadlines.systemMetaData(deadlineMessageId));
        if (next != null) {
            schedule(deadlineManager, due.supervisionNo(), next);
        }
    }

    /** The deadlines an event met: an item opened by one of them ends, answered. */
    public void answered(List<DeadlineMeeting.Met> met, DeadlineManager deadlineManager) {
        // The answer's own time where its event states one, else the event's timestamp.
        Instant now = met.stream().map(DeadlineMeeting.Met::at).filter(java.util.Objects::nonNull).findFirst()
                .orElseGet(GenericEventMessage.clock::instant);
        for (Map.Entry<Integer, Item> e : new ArrayList<>(open.entrySet())) {
            Item item = e.getValue();
            boolean answers = item.reason() == SupervisionReason.DEADLINE_MISSED && met.stream()
                    .anyMatch(m -> m.kind() == item.kind() && m.ref() == item.ref());
            if (answers) {
                deadlineManager.cancelAllWithinScope(SupervisionDue.scheduleName(e.getKey()));
                apply(new SupervisionResolved(letter.letterId(), e.getKey(), true, EventMetaData.SYSTEM_USER,
                        "answered: " + item.kind(), now));
            }
        }
    }

    @CommandHandler
    public SupervisionResult handle(ResolveSupervision cmd, DeadlineManager deadlineManager, Clock clock,
                                    @MetaDataValue(EventMetaData.USER) String user) {
        if (open.isEmpty()) {
            throw Refusals.invalid(letter.letterId(), "Letter " + letter.serialNo() + " is not under supervision");
        }
        Instant now = clock.instant();
        List<Integer> resolved = new ArrayList<>(open.keySet());
        for (int no : resolved) {
            deadlineManager.cancelAllWithinScope(SupervisionDue.scheduleName(no));
            apply(new SupervisionResolved(letter.letterId(), no, false, user, cmd.note(), now));
        }
        return new SupervisionResult(letter.outcome(), resolved);
    }

    private static void schedule(DeadlineManager deadlineManager, int no, Instant remindAt) {
        deadlineManager.schedule(remindAt, SupervisionDue.scheduleName(no), new SupervisionDue(no, remindAt));
    }

    @EventSourcingHandler
    void on(SupervisionOpened e) {
        count = Math.max(count, e.supervisionNo());
        open.put(e.supervisionNo(), new Item(e.reason(), e.kind(), e.ref(), e.level(), e.remindAt()));
    }

    @EventSourcingHandler
    void on(SupervisionReminded e) {
        Item item = open.get(e.supervisionNo());
        if (item != null) {
            open.put(e.supervisionNo(), new Item(item.reason(), item.kind(), item.ref(), e.level(),
                    e.nextRemindAt()));
        }
    }

    @EventSourcingHandler
    void on(SupervisionResolved e) {
        open.remove(e.supervisionNo());
    }
}
