package org.letterdesk.command.intake;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.ScopeDescriptor;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.DeadlineScheduling;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.intake.IntakeCommands.AssignLetter;
import org.letterdesk.command.intake.IntakeCommands.MarkUrgent;
import org.letterdesk.command.intake.IntakeCommands.RecordFirstContact;
import org.letterdesk.command.intake.IntakeCommands.RegisterLetter;
import org.letterdesk.command.intake.IntakeResults.IntakeDeadlines;
import org.letterdesk.command.intake.IntakeResults.RegistrationResult;
import org.letterdesk.command.intake.IntakeResults.UrgencyResult;
import org.letterdesk.command.intake.SenderMatching.SenderMatch;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.LetterResult;
import org.letterdesk.command.procedure.Refusals;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.letterdesk.command.intake.IntakeCommands.Routing;
import org.letterdesk.command.petition.PetitionClocks;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.LetterLinked;
import org.letterdesk.events.LetterRouted;
import org.letterdesk.events.ReferralRecorded;
import org.letterdesk.events.SenderRepeatCounted;
import org.letterdesk.procedure.EventMetaData;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineSet;
import org.letterdesk.events.Department;
import org.letterdesk.events.FirstContactMade;
import org.letterdesk.events.LetterAssigned;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.MarkedUrgent;
import org.letterdesk.events.PersonalDataErased;
import org.letterdesk.personaldata.PersonalDataMask;
import org.letterdesk.events.Sender;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The letter's intake: how it came in, from whom, how urgent it is, which department has it and whether the sender
 * was contacted. Registration itself is the letter root's creation handler, which hands over to {@link #register}.
 */
public class Intake {

    /** How a petition's repeat count was matched, as recorded in SenderRepeatCounted: the sender file's count. */
    static final String SENDER_FILE_MATCH = "SENDER_FILE";

    private final LetterFacts letter;
    private final Deadlines deadlines;

    private Channel channel;
    private Instant receivedAt;
    private Sender sender;
    private Category category;
    private String senderId;
    private boolean urgent;
    private Department department;
    private String assignee;
    private boolean firstContactMade;

    public Intake(LetterFacts letter, Deadlines deadlines) {
        this.letter = letter;
        this.deadlines = deadlines;
    }

    public Channel channel() {
        return channel;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Sender sender() {
        return sender;
    }

    /** The sender file the letter was linked to at registration; null for letters registered before files. */
    public String senderId() {
        return senderId;
    }

    public boolean urgent() {
        return urgent;
    }

    public boolean assigned() {
        return department != null;
    }

    public Department department() {
        return department;
    }

    /**
     * Registers the letter: its deadlines computed and scheduled, then its register number taken, then its events.
     * A registration without a reserved number locks the year's counter from there to the commit (decision 0008),
     * so the number comes last.
     */
    public RegistrationResult register(RegisterLetter cmd, SerialNumbers serialNumbers, SenderMatching senders,
                                       DeadlinePlanner planner, DeadlineManager deadlineManager, Instant now,
                                       ZoneId zone, ScopeDescriptor scope) {
        ReceiptTime.futureError(cmd.receivedAt(), now).ifPresent(error -> {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "receivedAt lies in the future",
                    Map.of("errors", List.of(error)));
        });
        boolean markUrgent = cmd.urgentReason() != null && !cmd.urgentReason().isBlank();
        // A petition runs on the 信访工作条例's calendar days: its acceptance is due first, its reply clock starts
        // only with the acceptance.
        boolean petition = cmd.category() == Category.PETITION;
        List<DeadlineSet> set = petition
                ? List.of(planner.calendarDays(cmd.letterId(), DeadlineKind.ACCEPTANCE, 0, cmd.receivedAt(),
                PetitionClocks.ACCEPTANCE_DAYS, 0))
                : List.of(planner.firstResponse(cmd.letterId(), cmd.receivedAt(), markUrgent),
                planner.reply(cmd.letterId(), cmd.receivedAt(), cmd.channel(), markUrgent));
        DeadlineSet referralReport = cmd.referral() == null ? null
                : referralReportDeadline(cmd, planner, zone, due(set, DeadlineKind.REPLY));
        if (referralReport != null) {
            set = new java.util.ArrayList<>(set);
            set.add(referralReport);
        }
        set.forEach(deadline -> DeadlineScheduling.schedule(deadlineManager, deadline, now, scope));
        // The match is made once, here, and recorded in the event: a replay never matches again. Its count is the
        // one 信访次数 of every letter (a petition records it again for the petition form).
        SenderMatch match = senders.match(cmd.letterId(), cmd.sender());
        String serial = serialNumbers.take(SerialNumbers.yearOf(cmd.receivedAt(), zone), cmd.serialClaim());
        apply(new LetterReceived(cmd.letterId(), serial, cmd.channel(), cmd.receivedAt(), cmd.sender(),
                cmd.subject(), cmd.coreRequest(), cmd.category(), cmd.attachments(), cmd.remarks(),
                match.senderId(), match.repeatCount(), cmd.collective()));
        if (markUrgent) {
            apply(new MarkedUrgent(cmd.letterId(), cmd.urgentReason().strip()));
        }
        if (petition) {
            // The petition form's 信访次数, as the sender file counted it in LetterReceived.
            apply(new SenderRepeatCounted(cmd.letterId(), match.repeatCount(), SENDER_FILE_MATCH));
        }
        if (cmd.referral() != null) {
            apply(new ReferralRecorded(cmd.letterId(), cmd.referral().office().strip(),
                    cmd.referral().referenceNo().strip(), cmd.referral().dueDate()));
        }
        if (cmd.related() != null) {
            apply(new LetterLinked(cmd.letterId(), cmd.related().letterId(), cmd.related().serialNo(),
                    cmd.related().matterFinal()));
        }
        set.forEach(AggregateLifecycle::apply);
        if (cmd.routing() != null) {
            route(cmd.letterId(), cmd.routing());
        }
        DeadlineSet first = due(set, DeadlineKind.FIRST_RESPONSE);
        DeadlineSet reply = due(set, DeadlineKind.REPLY);
        DeadlineSet acceptance = due(set, DeadlineKind.ACCEPTANCE);
        return new RegistrationResult(letter.outcome(), new IntakeDeadlines(first == null ? null : first.due(),
                reply == null ? null : reply.due(), acceptance == null ? null : acceptance.due()),
                warnings(set.toArray(DeadlineSet[]::new)), department, match.senderId(), match.repeatCount());
    }

    /**
     * The department named at registration is assigned by the clerk; one chosen by a routing rule is assigned by
     * {@code system}, after the event that records which rule decided.
     */
    private void route(String letterId, Routing routing) {
        if (routing.ruleId() == null) {
            apply(new LetterAssigned(letterId, routing.department(), null, null));
            return;
        }
        apply(new LetterRouted(letterId, routing.ruleId(), routing.department()));
        apply(new LetterAssigned(letterId, routing.department(), null, null),
                MetaData.with(EventMetaData.USER, EventMetaData.SYSTEM_USER)
                        .and(EventMetaData.ROLE, EventMetaData.SYSTEM_ROLE));
    }

    /**
     * The report back is due at the end of the office's due date; without one, when the reply is due. A petition
     * has no reply clock before its acceptance, so its report without a due date takes the acceptance's.
     */
    private static DeadlineSet referralReportDeadline(RegisterLetter cmd, DeadlinePlanner planner, ZoneId zone,
                                                      DeadlineSet reply) {
        if (cmd.referral().dueDate() != null) {
            Instant due = cmd.referral().dueDate().atTime(23, 59).atZone(zone).toInstant();
            return planner.until(cmd.letterId(), DeadlineKind.REFERRAL_REPORT, 0, cmd.receivedAt(), due,
                    "the referring office's due date " + cmd.referral().dueDate());
        }
        if (reply != null) {
            return planner.until(cmd.letterId(), DeadlineKind.REFERRAL_REPORT, 0, cmd.receivedAt(), reply.due(),
                    "the reply's due time (" + reply.basis() + ")");
        }
        return planner.calendarDays(cmd.letterId(), DeadlineKind.REFERRAL_REPORT, 0, cmd.receivedAt(),
                PetitionClocks.ACCEPTANCE_DAYS, 0);
    }

    private static DeadlineSet due(List<DeadlineSet> set, DeadlineKind kind) {
        return set.stream().filter(d -> d.kind() == kind).findFirst().orElse(null);
    }

    /**
     * On urgency, re-sets the first-response and reply deadlines still open (a met or missed deadline stays as it
     * was), counted from the time of receipt.
     */
    @CommandHandler
    public UrgencyResult handle(MarkUrgent cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                                Clock clock) {
        if (urgent) {
            throw invalid("Letter " + letter.serialNo() + " is already urgent");
        }
        if (letter.replied()) {
            throw invalid("Letter " + letter.serialNo() + " was already replied to");
        }
        apply(new MarkedUrgent(letter.letterId(), cmd.reason().strip()));
        Instant now = clock.instant();
        DeadlineSet first = null;
        DeadlineSet reply = null;
        if (deadlines.isOpen(DeadlineKind.FIRST_RESPONSE, 0)) {
            first = planner.firstResponse(letter.letterId(), receivedAt, true);
            deadlines.set(first, deadlineManager, now);
        }
        // A petition's reply runs on the 信访工作条例's calendar days, which urgency does not shorten.
        if (category != Category.PETITION && deadlines.isOpen(DeadlineKind.REPLY, 0)) {
            reply = planner.reply(letter.letterId(), receivedAt, channel, true);
            deadlines.set(reply, deadlineManager, now);
        }
        return new UrgencyResult(letter.outcome(),
                new IntakeDeadlines(first == null ? null : first.due(), reply == null ? null : reply.due(), null),
                warnings(first, reply));
    }

    @CommandHandler
    public LetterResult handle(AssignLetter cmd) {
        if (letter.replied()) {
            throw invalid("Letter " + letter.serialNo() + " was already replied to; it can no longer be forwarded");
        }
        String newAssignee = blankToNull(cmd.assignee());
        if (cmd.department() == department && Objects.equals(newAssignee, assignee)) {
            throw invalid("Letter " + letter.serialNo() + " is already assigned to " + department);
        }
        apply(new LetterAssigned(letter.letterId(), cmd.department(), newAssignee, department));
        return new LetterResult(letter.outcome());
    }

    @CommandHandler
    public LetterResult handle(RecordFirstContact cmd, DeadlineManager deadlineManager, Clock clock) {
        if (firstContactMade) {
            throw invalid("The first contact with the sender of " + letter.serialNo() + " was already recorded");
        }
        deadlines.apply(new FirstContactMade(letter.letterId(), cmd.channel(), cmd.note(), clock.instant()),
                deadlineManager);
        return new LetterResult(letter.outcome());
    }

    @EventSourcingHandler
    void on(LetterReceived e) {
        channel = e.channel();
        receivedAt = e.receivedAt();
        sender = e.sender();
        category = e.category();
        senderId = e.senderId();
    }

    @EventSourcingHandler
    void on(PersonalDataErased e) {
        sender = PersonalDataMask.erased(sender);
    }

    @EventSourcingHandler
    void on(MarkedUrgent e) {
        urgent = true;
    }

    @EventSourcingHandler
    void on(LetterAssigned e) {
        department = e.department();
        assignee = e.assignee();
    }

    @EventSourcingHandler
    void on(FirstContactMade e) {
        firstContactMade = true;
    }

    /** The calendar's warnings (a year without a loaded calendar) of the deadlines set, once each. */
    private static List<String> warnings(DeadlineSet... sets) {
        return Stream.of(sets).filter(Objects::nonNull).flatMap(set -> set.warnings().stream()).distinct().toList();
    }

    private LetterdeskProblem invalid(String detail) {
        return Refusals.invalid(letter.letterId(), detail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
