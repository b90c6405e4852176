package org.letterdesk.command.letter;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.letterdesk.command.archive.RetentionPolicy;
import org.letterdesk.command.deadline.DeadlineDue;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.DeadlineScheduling;
import org.letterdesk.command.drafting.WordingChecker;
import org.letterdesk.command.intake.ReceiptTime;
import org.letterdesk.command.intake.SerialNumbers;
import org.letterdesk.command.letter.LetterCommands.*;
import org.letterdesk.events.*;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One incoming letter and the procedure it goes through (信函答复规程). Command handlers check the procedure's rules
 * and apply events; event sourcing handlers only record state. The acting user comes from the message metadata.
 */
@Aggregate(cache = "letterCache")
public class Letter {

    static final String USER = "user";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @AggregateIdentifier
    private String letterId;
    private long version = -1;
    private String serialNo;
    private Channel channel;
    private Instant receivedAt;
    private Sender sender;
    private boolean urgent;
    private Department department;
    private String assignee;
    private boolean firstContactMade;

    private boolean personalData;
    private boolean financialInfo;
    private boolean major;
    private boolean complex;
    private boolean legalApproved;
    private boolean identityVerified;

    private int latestDraftNo;
    private String latestDrafter;
    private List<WordingFinding> latestFindings = List.of();
    private boolean latestRejected;
    private final Map<ReviewLevel, String> approvals = new EnumMap<>(ReviewLevel.class);

    private boolean sent;
    private boolean followUpRecorded;
    private boolean archived;

    private final Map<Integer, String> openCorrections = new HashMap<>();
    private int correctionCount;
    private final Map<Integer, DisputeStage> disputes = new HashMap<>();

    /** Open deadlines by schedule name, with their due time. */
    private final Map<String, Instant> openDeadlines = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private final Set<String> missedDeadlines = new HashSet<>();

    private enum DisputeStage { RECORDED, INVESTIGATED, RESOLVED }

    protected Letter() {
        // for Axon
    }

    // ---------------------------------------------------------------- intake

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CommandResult handle(RegisterLetter cmd, SerialNumbers serialNumbers, DeadlinePlanner planner,
                                DeadlineManager deadlineManager, Clock clock, ZoneId zone) {
        Instant now = clock.instant();
        ReceiptTime.futureError(cmd.receivedAt(), now).ifPresent(error -> {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "receivedAt lies in the future",
                    Map.of("errors", List.of(error)));
        });
        boolean markUrgent = cmd.urgentReason() != null && !cmd.urgentReason().isBlank();
        DeadlineSet first = planner.firstResponse(cmd.letterId(), cmd.receivedAt(), markUrgent);
        DeadlineSet reply = planner.reply(cmd.letterId(), cmd.receivedAt(), cmd.channel(), markUrgent);
        // Everything that writes to the database goes before the register number: the number's row lock
        // serialises the year's registrations from here to the commit, so it must cover as little as possible.
        ScopeDescriptor scope = new AggregateScopeDescriptor(Letter.class.getSimpleName(), cmd.letterId());
        DeadlineScheduling.schedule(deadlineManager, first, now, scope);
        DeadlineScheduling.schedule(deadlineManager, reply, now, scope);
        String serial = serialNumbers.next(cmd.receivedAt().atZone(zone).getYear());
        apply(new LetterReceived(cmd.letterId(), serial, cmd.channel(), cmd.receivedAt(), cmd.sender(),
                cmd.subject(), cmd.coreRequest(), cmd.category(), cmd.attachments(), cmd.remarks()));
        if (markUrgent) {
            apply(new MarkedUrgent(cmd.letterId(), cmd.urgentReason().strip()));
        }
        apply(first);
        apply(reply);
        Map<String, Object> deadlines = new LinkedHashMap<>();
        deadlines.put("firstResponseDue", first.due());
        deadlines.put("replyDue", reply.due());
        return withWarnings(result().with("deadlines", deadlines), first, reply);
    }

    @CommandHandler
    public CommandResult handle(MarkUrgent cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                                Clock clock) {
        requireNotArchived();
        if (urgent) {
            throw invalid("Letter " + serialNo + " is already urgent");
        }
        if (sent) {
            throw invalid("Letter " + serialNo + " was already replied to");
        }
        apply(new MarkedUrgent(letterId, cmd.reason().strip()));
        return setIntakeDeadlines(planner, deadlineManager, clock.instant());
    }

    /**
     * On urgency, re-sets the first-response and reply deadlines still open (a met or missed deadline stays as it
     * was), counted from the time of receipt.
     */
    private CommandResult setIntakeDeadlines(DeadlinePlanner planner, DeadlineManager deadlineManager,
                                             Instant now) {
        Map<String, Object> deadlines = new LinkedHashMap<>();
        List<DeadlineSet> sets = new ArrayList<>();
        if (isOpen(DeadlineKind.FIRST_RESPONSE, 0)) {
            DeadlineSet first = planner.firstResponse(letterId, receivedAt, urgent);
            setDeadline(first, deadlineManager, now);
            deadlines.put("firstResponseDue", first.due());
            sets.add(first);
        }
        if (isOpen(DeadlineKind.REPLY, 0)) {
            DeadlineSet reply = planner.reply(letterId, receivedAt, channel, urgent);
            setDeadline(reply, deadlineManager, now);
            deadlines.put("replyDue", reply.due());
            sets.add(reply);
        }
        return withWarnings(result().with("deadlines", deadlines), sets.toArray(DeadlineSet[]::new));
    }

    /** The calendar's warnings (a year without a loaded calendar) are answered to the client too. */
    private static CommandResult withWarnings(CommandResult result, DeadlineSet... sets) {
        List<String> warnings = Arrays.stream(sets).flatMap(set -> set.warnings().stream())
                .distinct().toList();
        return warnings.isEmpty() ? result : result.with("warnings", warnings);
    }

    private boolean isOpen(DeadlineKind kind, int ref) {
        return openDeadlines.containsKey(DeadlineDue.scheduleName(kind, ref));
    }

    private void setDeadline(DeadlineSet set, DeadlineManager deadlineManager, Instant now) {
        if (isOpen(set.kind(), set.ref())) {
            DeadlineScheduling.cancel(deadlineManager, set.kind(), set.ref()); // re-set: urgency
        }
        apply(set);
        DeadlineScheduling.schedule(deadlineManager, set, now);
    }

    private void meet(DeadlineKind kind, int ref, DeadlineManager deadlineManager) {
        if (isOpen(kind, ref)) {
            DeadlineScheduling.cancel(deadlineManager, kind, ref);
        }
    }

    @CommandHandler
    public CommandResult handle(AssignLetter cmd) {
        requireNotArchived();
        if (sent) {
            throw invalid("Letter " + serialNo + " was already replied to; it can no longer be forwarded");
        }
        if (cmd.department() == department && Objects.equals(blankToNull(cmd.assignee()), assignee)) {
            throw invalid("Letter " + serialNo + " is already assigned to " + department);
        }
        apply(new LetterAssigned(letterId, cmd.department(), blankToNull(cmd.assignee()), department));
        return result();
    }

    @CommandHandler
    public CommandResult handle(RecordFirstContact cmd, DeadlineManager deadlineManager, Clock clock) {
        requireNotArchived();
        if (firstContactMade) {
            throw invalid("The first contact with the sender of " + serialNo + " was already recorded");
        }
        meet(DeadlineKind.FIRST_RESPONSE, 0, deadlineManager);
        apply(new FirstContactMade(letterId, cmd.channel(), cmd.note(), clock.instant()));
        return result();
    }

    // ---------------------------------------------------------------- content review

    @CommandHandler
    public CommandResult handle(FlagContent cmd) {
        requireNotArchived();
        if (sent) {
            throw invalid("Letter " + serialNo + " was already replied to; its content flags are final");
        }
        apply(new ContentFlagged(letterId, orElse(cmd.personalData(), personalData),
                orElse(cmd.financialInfo(), financialInfo), orElse(cmd.major(), major),
                orElse(cmd.complex(), complex), cmd.note()));
        return result();
    }

    @CommandHandler
    public CommandResult handle(GrantLegalApproval cmd, @MetaDataValue(USER) String user) {
        requireNotArchived();
        if (!personalData) {
            throw invalid("Letter " + serialNo + " is not flagged as involving personal data");
        }
        if (legalApproved) {
            throw invalid("Legal approval of " + serialNo + " was already granted");
        }
        apply(new LegalApprovalGranted(letterId, user, cmd.note()));
        return result();
    }

    @CommandHandler
    public CommandResult handle(VerifyIdentity cmd, @MetaDataValue(USER) String user) {
        requireNotArchived();
        if (!financialInfo) {
            throw invalid("Letter " + serialNo + " is not flagged as involving financial information");
        }
        if (!"PHONE".equals(cmd.method())) {
            throw validation("method", "identity must be re-verified by PHONE");
        }
        if (identityVerified) {
            throw invalid("The sender's identity of " + serialNo + " was already verified");
        }
        apply(new IdentityVerified(letterId, cmd.method(), user, cmd.note()));
        return result();
    }

    // ---------------------------------------------------------------- drafting and review

    @CommandHandler
    public CommandResult handle(DraftReply cmd, WordingChecker wordingChecker, @MetaDataValue(USER) String user) {
        requireNotArchived();
        if (department == null) {
            throw invalid("Letter " + serialNo + " must be assigned to a department before drafting");
        }
        if (sent) {
            throw invalid("Letter " + serialNo + " was already replied to; issue a correction instead");
        }
        List<WordingFinding> findings = wordingChecker.check(cmd.content());
        apply(new ReplyDrafted(letterId, latestDraftNo + 1, user, cmd.content(), findings));
        return result().with("draftNo", latestDraftNo).with("findings", findings);
    }

    @CommandHandler
    public CommandResult handle(ReviewDraft cmd, @MetaDataValue(USER) String user) {
        requireNotArchived();
        if (latestDraftNo == 0 || latestRejected || sent) {
            throw invalid("Letter " + serialNo + " has no draft awaiting review");
        }
        ReviewLevel next = nextReviewLevel();
        if (cmd.level() == ReviewLevel.DIRECTOR && !major) {
            throw new LetterdeskProblem(ProblemCode.REVIEW_ORDER, "Letter " + serialNo
                    + " is not flagged as a major issue and takes no DIRECTOR review", Map.of("letterId", letterId));
        }
        if (next == null) {
            throw invalid("Draft " + latestDraftNo + " of " + serialNo + " is already fully approved");
        }
        if (cmd.level() != next) {
            throw new LetterdeskProblem(ProblemCode.REVIEW_ORDER, "Draft " + latestDraftNo + " of " + serialNo
                    + " needs the " + next + " review next, not " + cmd.level(),
                    Map.of("letterId", letterId, "expectedLevel", next.name()));
        }
        if (user.equals(latestDrafter)) {
            throw new LetterdeskProblem(ProblemCode.FOUR_EYES,
                    user + " drafted draft " + latestDraftNo + " and may not review it", Map.of("letterId", letterId));
        }
        if (approvals.containsValue(user)) {
            throw new LetterdeskProblem(ProblemCode.FOUR_EYES,
                    user + " already approved another level of draft " + latestDraftNo, Map.of("letterId", letterId));
        }
        if (cmd.decision() == ReviewDecision.APPROVED) {
            if (cmd.level() == ReviewLevel.FORMAT && !latestFindings.isEmpty()) {
                throw new LetterdeskProblem(ProblemCode.WORDING_FINDINGS, "Draft " + latestDraftNo + " of "
                        + serialNo + " has " + latestFindings.size() + " wording findings",
                        Map.of("letterId", letterId, "findings", latestFindings));
            }
            apply(new ReviewApproved(letterId, latestDraftNo, cmd.level(), user, cmd.comment()));
        } else {
            apply(new ReviewRejected(letterId, latestDraftNo, cmd.level(), user, cmd.comment()));
        }
        return result();
    }

    private ReviewLevel nextReviewLevel() {
        for (ReviewLevel level : requiredLevels()) {
            if (!approvals.containsKey(level)) {
                return level;
            }
        }
        return null;
    }

    private List<ReviewLevel> requiredLevels() {
        return major ? List.of(ReviewLevel.FORMAT, ReviewLevel.SUPERVISOR, ReviewLevel.DIRECTOR)
                : List.of(ReviewLevel.FORMAT, ReviewLevel.SUPERVISOR);
    }

    // ---------------------------------------------------------------- reply

    @CommandHandler
    public CommandResult handle(SendReply cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                                Clock clock) {
        requireNotArchived();
        if (sent) {
            throw invalid("Letter " + serialNo + " was already replied to");
        }
        if (latestDraftNo == 0 || latestRejected || nextReviewLevel() != null) {
            throw invalid("Letter " + serialNo + " has no fully approved draft");
        }
        if (personalData && !legalApproved) {
            throw invalid("Letter " + serialNo + " involves personal data and needs LEGAL approval first");
        }
        if (financialInfo && !identityVerified) {
            throw invalid("Letter " + serialNo + " involves financial information; the sender's identity must be"
                    + " re-verified by phone first");
        }
        String recipient = blankToNull(cmd.recipient());
        if (cmd.channel() == ReplyChannel.REGISTERED_MAIL && blankToNull(cmd.trackingNo()) == null) {
            throw validation("trackingNo", "a REGISTERED_MAIL reply needs the tracking number (投递凭证)");
        }
        if (cmd.channel() == ReplyChannel.EMAIL) {
            recipient = recipient != null ? recipient : sender.email();
            if (recipient == null || !EMAIL.matcher(recipient).matches()) {
                throw validation("recipient", "an EMAIL reply needs a valid e-mail address");
            }
        }
        Instant now = clock.instant();
        meet(DeadlineKind.FIRST_RESPONSE, 0, deadlineManager);
        meet(DeadlineKind.REPLY, 0, deadlineManager);
        apply(new ReplySent(letterId, latestDraftNo, cmd.channel(), recipient, blankToNull(cmd.trackingNo()), now));
        CommandResult result = result();
        if (complex) {
            DeadlineSet followUp = planner.followUp(letterId, now);
            setDeadline(followUp, deadlineManager, now);
            result = result().with("deadlines", Map.of("followUpDue", followUp.due()));
        }
        return result;
    }

    @CommandHandler
    public CommandResult handle(RecordFollowUp cmd, DeadlineManager deadlineManager) {
        requireNotArchived();
        if (!sent || !complex) {
            throw invalid("Letter " + serialNo + " has no phone follow-up pending");
        }
        if (followUpRecorded) {
            throw invalid("The follow-up of " + serialNo + " was already recorded");
        }
        meet(DeadlineKind.FOLLOW_UP, 0, deadlineManager);
        apply(new FollowUpRecorded(letterId, cmd.note(), cmd.satisfied()));
        return result();
    }

    @CommandHandler
    public CommandResult handle(ReportDelay cmd, DeadlinePlanner planner, Clock clock,
                                @MetaDataValue(USER) String user) {
        requireNotArchived();
        if (sent) {
            throw invalid("Letter " + serialNo + " was already replied to");
        }
        Instant now = clock.instant();
        if (!cmd.expectedCompletion().isAfter(now)) {
            throw validation("expectedCompletion", "must lie in the future");
        }
        apply(new DelayReported(letterId, cmd.reason(), cmd.expectedCompletion(), user));
        apply(new DelayNoticeSent(letterId, cmd.reason(), cmd.expectedCompletion()));
        return result().with("reportRequired", planner.delayMustBeReported(now, cmd.expectedCompletion()));
    }

    // ---------------------------------------------------------------- corrections

    @CommandHandler
    public CommandResult handle(IssueCorrection cmd, @MetaDataValue(USER) String user) {
        requireNotArchived();
        if (!sent) {
            throw invalid("Letter " + serialNo + " has no reply to correct yet");
        }
        apply(new CorrectionIssued(letterId, correctionCount + 1, cmd.whatWasWrong(), cmd.correctedContent(),
                cmd.cause(), cmd.foundBy(), user));
        return result().with("correctionNo", correctionCount);
    }

    @CommandHandler
    public CommandResult handle(SignOffCorrection cmd, @MetaDataValue(USER) String user) {
        requireNotArchived();
        String issuer = openCorrections.get(cmd.correctionNo());
        if (issuer == null) {
            throw invalid("Letter " + serialNo + " has no correction " + cmd.correctionNo() + " awaiting sign-off");
        }
        if (issuer.equals(user)) {
            throw new LetterdeskProblem(ProblemCode.FOUR_EYES,
                    user + " issued correction " + cmd.correctionNo() + " and may not sign it off",
                    Map.of("letterId", letterId));
        }
        apply(new CorrectionSignedOff(letterId, cmd.correctionNo(), user, cmd.note()));
        return result().with("correctionNo", cmd.correctionNo());
    }

    // ---------------------------------------------------------------- disputes

    @CommandHandler
    public CommandResult handle(RecordDispute cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                                Clock clock) {
        requireNotArchived();
        Instant now = clock.instant();
        int disputeNo = disputes.size() + 1;
        apply(new DisputeRecorded(letterId, disputeNo, cmd.points(), cmd.senderView(), cmd.organizationView()));
        DeadlineSet investigation = planner.disputeInvestigation(letterId, disputeNo, now);
        setDeadline(investigation, deadlineManager, now);
        return result().with("disputeNo", disputeNo)
                .with("deadlines", Map.of("investigationDue", investigation.due()));
    }

    @CommandHandler
    public CommandResult handle(InvestigateDispute cmd, DeadlineManager deadlineManager, Clock clock) {
        requireNotArchived();
        if (disputes.get(cmd.disputeNo()) != DisputeStage.RECORDED) {
            throw invalid("Dispute " + cmd.disputeNo() + " of " + serialNo + " is not awaiting investigation");
        }
        String name = DeadlineDue.scheduleName(DeadlineKind.DISPUTE_INVESTIGATION, cmd.disputeNo());
        Instant due = openDeadlines.get(name);
        boolean within = due == null ? !missedDeadlines.contains(name) : !clock.instant().isAfter(due);
        meet(DeadlineKind.DISPUTE_INVESTIGATION, cmd.disputeNo(), deadlineManager);
        apply(new DisputeInvestigated(letterId, cmd.disputeNo(), cmd.findings(), within));
        return result().with("disputeNo", cmd.disputeNo());
    }

    @CommandHandler
    public CommandResult handle(ResolveDispute cmd) {
        requireNotArchived();
        DisputeStage stage = disputes.get(cmd.disputeNo());
        if (stage == null) {
            throw invalid("Letter " + serialNo + " has no dispute " + cmd.disputeNo());
        }
        if (stage != DisputeStage.INVESTIGATED) {
            throw invalid("Dispute " + cmd.disputeNo() + " of " + serialNo + " is "
                    + (stage == DisputeStage.RECORDED ? "not investigated yet" : "already resolved"));
        }
        apply(new DisputeResolved(letterId, cmd.disputeNo(), cmd.outcome(), cmd.escalated()));
        return result().with("disputeNo", cmd.disputeNo());
    }

    // ---------------------------------------------------------------- archive

    @CommandHandler
    public CommandResult handle(ArchiveLetter cmd, RetentionPolicy retention, DeadlineManager deadlineManager,
                                Clock clock, ZoneId zone) {
        requireNotArchived();
        if (status() != LetterStatus.CLOSED) {
            throw invalid("Letter " + serialNo + " cannot be archived while " + pendingWork());
        }
        // Every deadline the letter ever had, not only the open ones, so no schedule outlives the letter.
        DeadlineScheduling.cancel(deadlineManager, DeadlineKind.FIRST_RESPONSE, 0);
        DeadlineScheduling.cancel(deadlineManager, DeadlineKind.REPLY, 0);
        DeadlineScheduling.cancel(deadlineManager, DeadlineKind.FOLLOW_UP, 0);
        disputes.keySet().forEach(n -> DeadlineScheduling.cancel(deadlineManager, DeadlineKind.DISPUTE_INVESTIGATION, n));
        Instant now = clock.instant();
        String archiveNo = blankToNull(cmd.archiveNo()) != null ? cmd.archiveNo().strip() : "ARC-" + serialNo;
        apply(new LetterArchived(letterId, archiveNo, now, retention.retainUntil(now, zone)));
        return result().with("retainUntil", retention.retainUntil(now, zone)).with("archiveNo", archiveNo);
    }

    private String pendingWork() {
        if (!sent) {
            return "it has not been replied to";
        }
        if (complex && !followUpRecorded) {
            return "its phone follow-up is pending";
        }
        if (!openCorrections.isEmpty()) {
            return openCorrections.size() + " correction(s) await sign-off";
        }
        return openDisputeCount() + " dispute(s) are unresolved";
    }

    // ---------------------------------------------------------------- deadlines raised by the system

    /**
     * A scheduled deadline fired. The system acts here, not a user: the deadline manager's unit of work carries no
     * correlation data, so the events name their actor and correlation (the deadline message) themselves.
     */
    @DeadlineHandler
    public void on(DeadlineDue due, @MessageIdentifier String deadlineMessageId, DeadlineManager deadlineManager,
                   Clock clock) {
        String name = DeadlineDue.scheduleName(due.kind(), due.ref());
        if (archived || !due.due().equals(openDeadlines.get(name))) {
            return; // met, re-set or archived meanwhile
        }
        MetaData system = MetaData.with(USER, "system").and("role", "SYSTEM")
                .and("correlationId", deadlineMessageId);
        if (due.missed()) {
            apply(new DeadlineMissed(letterId, due.kind(), due.ref(), due.due()), system);
        } else if (!warned.contains(name)) {
            apply(new DeadlineApproaching(letterId, due.kind(), due.ref(), due.due()), system);
            DeadlineScheduling.scheduleMiss(deadlineManager, due.kind(), due.ref(), due.due(), clock.instant());
        }
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(LetterReceived e, @SequenceNumber long seq) {
        version = seq;
        letterId = e.letterId();
        serialNo = e.serialNo();
        channel = e.channel();
        receivedAt = e.receivedAt();
        sender = e.sender();
    }

    @EventSourcingHandler
    void on(MarkedUrgent e, @SequenceNumber long seq) {
        version = seq;
        urgent = true;
    }

    @EventSourcingHandler
    void on(DeadlineSet e, @SequenceNumber long seq) {
        version = seq;
        String name = DeadlineDue.scheduleName(e.kind(), e.ref());
        openDeadlines.put(name, e.due());
        warned.remove(name);
        missedDeadlines.remove(name);
    }

    @EventSourcingHandler
    void on(DeadlineApproaching e, @SequenceNumber long seq) {
        version = seq;
        warned.add(DeadlineDue.scheduleName(e.kind(), e.ref()));
    }

    @EventSourcingHandler
    void on(DeadlineMissed e, @SequenceNumber long seq) {
        version = seq;
        String name = DeadlineDue.scheduleName(e.kind(), e.ref());
        openDeadlines.remove(name);
        missedDeadlines.add(name);
    }

    @EventSourcingHandler
    void on(LetterAssigned e, @SequenceNumber long seq) {
        version = seq;
        department = e.department();
        assignee = e.assignee();
    }

    @EventSourcingHandler
    void on(FirstContactMade e, @SequenceNumber long seq) {
        version = seq;
        firstContactMade = true;
        openDeadlines.remove(DeadlineDue.scheduleName(DeadlineKind.FIRST_RESPONSE, 0));
    }

    @EventSourcingHandler
    void on(ContentFlagged e, @SequenceNumber long seq) {
        version = seq;
        personalData = e.personalData();
        financialInfo = e.financialInfo();
        major = e.major();
        complex = e.complex();
    }

    @EventSourcingHandler
    void on(LegalApprovalGranted e, @SequenceNumber long seq) {
        version = seq;
        legalApproved = true;
    }

    @EventSourcingHandler
    void on(IdentityVerified e, @SequenceNumber long seq) {
        version = seq;
        identityVerified = true;
    }

    @EventSourcingHandler
    void on(ReplyDrafted e, @SequenceNumber long seq) {
        version = seq;
        latestDraftNo = e.draftNo();
        latestDrafter = e.drafter();
        latestFindings = e.findings();
        latestRejected = false;
        approvals.clear();
    }

    @EventSourcingHandler
    void on(ReviewApproved e, @SequenceNumber long seq) {
        version = seq;
        approvals.put(e.level(), e.reviewer());
    }

    @EventSourcingHandler
    void on(ReviewRejected e, @SequenceNumber long seq) {
        version = seq;
        latestRejected = true;
    }

    @EventSourcingHandler
    void on(ReplySent e, @SequenceNumber long seq) {
        version = seq;
        sent = true;
        openDeadlines.remove(DeadlineDue.scheduleName(DeadlineKind.FIRST_RESPONSE, 0));
        openDeadlines.remove(DeadlineDue.scheduleName(DeadlineKind.REPLY, 0));
    }

    @EventSourcingHandler
    void on(FollowUpRecorded e, @SequenceNumber long seq) {
        version = seq;
        followUpRecorded = true;
        openDeadlines.remove(DeadlineDue.scheduleName(DeadlineKind.FOLLOW_UP, 0));
    }

    @EventSourcingHandler
    void on(DelayReported e, @SequenceNumber long seq) {
        version = seq;
    }

    @EventSourcingHandler
    void on(DelayNoticeSent e, @SequenceNumber long seq) {
        version = seq;
    }

    @EventSourcingHandler
    void on(CorrectionIssued e, @SequenceNumber long seq) {
        version = seq;
        correctionCount = e.correctionNo();
        openCorrections.put(e.correctionNo(), e.issuedBy());
    }

    @EventSourcingHandler
    void on(CorrectionSignedOff e, @SequenceNumber long seq) {
        version = seq;
        openCorrections.remove(e.correctionNo());
    }

    @EventSourcingHandler
    void on(DisputeRecorded e, @SequenceNumber long seq) {
        version = seq;
        disputes.put(e.disputeNo(), DisputeStage.RECORDED);
    }

    @EventSourcingHandler
    void on(DisputeInvestigated e, @SequenceNumber long seq) {
        version = seq;
        disputes.put(e.disputeNo(), DisputeStage.INVESTIGATED);
        openDeadlines.remove(DeadlineDue.scheduleName(DeadlineKind.DISPUTE_INVESTIGATION, e.disputeNo()));
    }

    @EventSourcingHandler
    void on(DisputeResolved e, @SequenceNumber long seq) {
        version = seq;
        disputes.put(e.disputeNo(), DisputeStage.RESOLVED);
    }

    @EventSourcingHandler
    void on(LetterArchived e, @SequenceNumber long seq) {
        version = seq;
        archived = true;
        openDeadlines.clear();
    }

    // ---------------------------------------------------------------- helpers

    LetterStatus status() {
        if (archived) {
            return LetterStatus.ARCHIVED;
        }
        if (sent) {
            boolean pending = complex && !followUpRecorded || !openCorrections.isEmpty() || openDisputeCount() > 0;
            return pending ? LetterStatus.SENT : LetterStatus.CLOSED;
        }
        if (latestDraftNo > 0) {
            if (latestRejected) {
                return LetterStatus.DRAFTING;
            }
            return nextReviewLevel() == null ? LetterStatus.APPROVED : LetterStatus.IN_REVIEW;
        }
        return department != null ? LetterStatus.ASSIGNED : LetterStatus.RECEIVED;
    }

    private long openDisputeCount() {
        return disputes.values().stream().filter(stage -> stage != DisputeStage.RESOLVED).count();
    }

    private CommandResult result() {
        return new CommandResult(letterId, serialNo, version, status(),
                Map.of("openCorrections", openCorrections.size(), "openDisputes", openDisputeCount()));
    }

    private void requireNotArchived() {
        if (archived) {
            throw invalid("Letter " + serialNo + " is archived");
        }
    }

    private LetterdeskProblem invalid(String detail) {
        return new LetterdeskProblem(ProblemCode.INVALID_TRANSITION, detail, Map.of("letterId", letterId));
    }

    private LetterdeskProblem validation(String field, String message) {
        return new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, field + " " + message,
                Map.of("letterId", letterId, "errors", List.of(Map.of("field", field, "message", message))));
    }

    private static boolean orElse(Boolean value, boolean current) {
        return value != null ? value : current;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
