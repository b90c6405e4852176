package org.letterdesk.command.letter;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.letterdesk.command.archive.ArchiveCommands.ArchiveLetter;
import org.letterdesk.command.archive.RetentionPolicy;
import org.letterdesk.command.calendar.BuiltInCalendars;
import org.letterdesk.command.contentreview.ContentReviewCommands.FlagContent;
import org.letterdesk.command.correction.CorrectionCommands.IssueCorrection;
import org.letterdesk.command.correction.CorrectionCommands.SignOffCorrection;
import org.letterdesk.command.deadline.DeadlineCalculator;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.DeadlineRules;
import org.letterdesk.command.deadline.DeadlineTable;
import org.letterdesk.command.dispute.DisputeCommands.InvestigateDispute;
import org.letterdesk.command.dispute.DisputeCommands.RecordDispute;
import org.letterdesk.command.dispute.DisputeCommands.ResolveDispute;
import org.letterdesk.command.drafting.DraftingCommands.DraftReply;
import org.letterdesk.command.drafting.WordingChecker;
import org.letterdesk.command.drafting.WordingRules;
import org.letterdesk.command.intake.IntakeCommands.AssignLetter;
import org.letterdesk.command.intake.IntakeCommands.MarkUrgent;
import org.letterdesk.command.intake.IntakeCommands.RecordFirstContact;
import org.letterdesk.command.intake.IntakeCommands.RegisterLetter;
import org.letterdesk.command.intake.SenderMatching;
import org.letterdesk.command.intake.SerialClaim;
import org.letterdesk.command.intake.SerialNumbers;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.reply.ReplyCommands.RecordFollowUp;
import org.letterdesk.command.reply.ReplyCommands.SendReply;
import org.letterdesk.command.review.ReviewCommands.ReviewDraft;
import org.letterdesk.command.supervision.SupervisionPolicy;
import org.letterdesk.events.*;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import static org.hamcrest.CoreMatchers.containsString;

/**
 * Shared set-up of the {@link Letter} aggregate tests: the fixture with its injected resources, the acting users,
 * commands with sensible defaults, the given-events of a letter at each stage of the procedure, and matchers for
 * {@link CommandResult} and {@link LetterdeskProblem}.
 */
final class LetterFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The worked example of the product description: a regular LETTER received Wed 2026-09-30 15:00 (+08:00). */
    static final Instant RECEIVED_AT = at("2026-09-30T15:00+08:00");
    /** The fixed clock of every test: half an hour after the letter was received. */
    static final Instant NOW = at("2026-09-30T15:30+08:00");

    static final String LETTER_ID = "6f1c1c9e-2b1e-4c1a-9d7e-000000000001";
    static final String SERIAL_NO = "2026-000001";

    static final String CLERK = "clara";
    static final String HANDLER = "harry";
    static final String HANDLER_2 = "hugo";
    static final String REVIEWER = "rita";
    static final String SUPERVISOR = "sam";
    static final String DIRECTOR = "diana";
    static final String LEGAL = "lena";
    static final String ARCHIVIST = "arne";

    static final Sender SENDER = new Sender("张三", null, "13800000000", "zhangsan@example.com",
            "北京市朝阳区建国路1号", null);
    static final Sender SENDER_WITHOUT_EMAIL = new Sender("李四", null, "13900000000", null,
            "北京市海淀区中关村大街2号", null);
    static final List<Attachment> ATTACHMENTS = List.of(new Attachment("账单.pdf", "application/pdf", 2048L,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

    /** A draft the wording check finds nothing in. */
    static final ReplyContent CLEAN_CONTENT = new ReplyContent("尊敬的张三先生：",
            "您来信反映的账单多收费用问题",
            List.of("　　一、经核实，您的账单多收了十二元。", "　　二、多收费用已于今日退还至原支付账户。"),
            List.of(new GlossaryEntry("原支付账户", "您付款时使用的银行卡或账户")), List.of());
    /** A clean draft offering the two alternatives (A/B 方案) a complex letter's draft needs. */
    static final ReplyContent COMPLEX_CONTENT = new ReplyContent("尊敬的张三先生：", "您来信反映的账单多收费用问题",
            List.of("　　一、经核实，您的账单多收了十二元。"), List.of(),
            List.of("退还至原支付账户", "抵扣下月账单"));
    /** A draft with an absolute promise (保证) in its first point, after two full-width spaces and 我们. */
    static final ReplyContent PROMISING_CONTENT = new ReplyContent("尊敬的张三先生：",
            "您来信反映的账单多收费用问题", List.of("　　我们保证三日内处理完毕。"), List.of(), List.of());
    static final WordingFinding PROMISE_FINDING =
            new WordingFinding("ABSOLUTE_PROMISE", "保证", "points[0]", 4, null);

    static final WordingChecker WORDING_CHECKER = new WordingChecker(WordingRules.defaults());
    static final DeadlinePlanner PLANNER = new DeadlinePlanner(
            new DeadlineRules(new DeadlineCalculator(BuiltInCalendars.source(), ZONE), DeadlineTable.DEFAULTS));

    /** The sender file every fixture registration is matched to. */
    static final String SENDER_ID = "5e4d3c2b-0000-4000-8000-000000000001";

    private LetterFixtures() {
    }

    // ---------------------------------------------------------------- fixture

    static AggregateTestFixture<Letter> newFixture() {
        return newFixture(new RetentionPolicy(3));
    }

    static AggregateTestFixture<Letter> newFixture(RetentionPolicy retention) {
        return newFixture(retention, SupervisionPolicy.DEFAULTS, Clock.fixed(NOW, ZONE));
    }

    static AggregateTestFixture<Letter> newFixture(RetentionPolicy retention, SupervisionPolicy supervision) {
        return newFixture(retention, supervision, Clock.fixed(NOW, ZONE));
    }

    /** A fixture whose aggregate reads the given clock (a test that moves time between commands). */
    static AggregateTestFixture<Letter> newFixture(RetentionPolicy retention, Clock clock) {
        return newFixture(retention, SupervisionPolicy.DEFAULTS, clock);
    }

    static AggregateTestFixture<Letter> newFixture(RetentionPolicy retention, SupervisionPolicy supervision,
                                                   Clock clock) {
        AggregateTestFixture<Letter> fixture = new AggregateTestFixture<>(Letter.class);
        // The fixture's own StubDeadlineManager is already an injectable resource, so handler parameters of type
        // DeadlineManager resolve to it without registering anything.
        fixture.registerInjectableResource(new SerialNumbers() {
            @Override
            public String next(int year) {
                return year + "-000001";
            }

            // As the database's: a reservation of the letter's year is its number.
            @Override
            public String take(int year, SerialClaim claim) {
                return claim != null && claim.year() == year ? SerialNumbers.format(year, claim.number())
                        : next(year);
            }
        });
        fixture.registerInjectableResource((SenderMatching) (letterId, sender) -> new SenderMatching.SenderMatch(
                SENDER_ID, 0));
        fixture.registerInjectableResource(PLANNER);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(ZONE);
        fixture.registerInjectableResource(WORDING_CHECKER);
        fixture.registerInjectableResource(retention);
        fixture.registerInjectableResource(supervision);
        // The deadline manager's simulated time starts where the aggregate's clock stands.
        fixture.givenCurrentTime(NOW);
        return fixture;
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    // ---------------------------------------------------------------- acting users (message metadata)

    static Map<String, String> as(String user, String role) {
        return Map.of("user", user, "role", role);
    }

    static Map<String, String> asClerk() {
        return as(CLERK, "CLERK");
    }

    static Map<String, String> asHandler() {
        return as(HANDLER, "HANDLER");
    }

    static Map<String, String> asReviewer() {
        return as(REVIEWER, "REVIEWER");
    }

    static Map<String, String> asSupervisor() {
        return as(SUPERVISOR, "SUPERVISOR");
    }

    static Map<String, String> asDirector() {
        return as(DIRECTOR, "DIRECTOR");
    }

    static Map<String, String> asLegal() {
        return as(LEGAL, "LEGAL");
    }

    static Map<String, String> asArchivist() {
        return as(ARCHIVIST, "ARCHIVIST");
    }

    /** A command together with who issues it, for the given-commands of deadline tests. */
    static GenericCommandMessage<Object> issued(Object command, Map<String, String> actor) {
        return new GenericCommandMessage<>(command, MetaData.from(actor));
    }

    // ---------------------------------------------------------------- commands

    static RegisterLetter register() {
        return register(Channel.LETTER, RECEIVED_AT, null);
    }

    static RegisterLetter register(Channel channel, Instant receivedAt, String urgentReason) {
        return new RegisterLetter(LETTER_ID, channel, receivedAt, SENDER, "账单疑问", "退还多收的费用",
                Category.COMPLAINT, ATTACHMENTS, "来信附账单复印件", urgentReason);
    }

    static MarkUrgent markUrgent(String reason) {
        return new MarkUrgent(LETTER_ID, null, reason);
    }

    static AssignLetter assign(Department department, String assignee) {
        return new AssignLetter(LETTER_ID, null, department, assignee);
    }

    static RecordFirstContact firstContact() {
        return new RecordFirstContact(LETTER_ID, null, "PHONE", "已电话告知正在核实");
    }

    static FlagContent flag(Boolean personalData, Boolean financialInfo, Boolean major, Boolean complex) {
        return new FlagContent(LETTER_ID, null, personalData, financialInfo, major, complex, "内容审核");
    }

    static DraftReply draft(ReplyContent content) {
        return new DraftReply(LETTER_ID, null, content);
    }

    static DraftReply draft(ReplyContent content, List<Commitment> commitments) {
        return new DraftReply(LETTER_ID, null, content, commitments);
    }

    static ReviewDraft approve(ReviewLevel level) {
        return new ReviewDraft(LETTER_ID, null, level, ReviewDecision.APPROVED, "同意");
    }

    static ReviewDraft reject(ReviewLevel level) {
        return new ReviewDraft(LETTER_ID, null, level, ReviewDecision.REJECTED, "请补充退款时间");
    }

    static SendReply send(ReplyChannel channel, String recipient, String trackingNo) {
        return new SendReply(LETTER_ID, null, channel, recipient, trackingNo);
    }

    static SendReply sendByPhone() {
        return send(ReplyChannel.PHONE, null, null);
    }

    static RecordFollowUp followUp() {
        return new RecordFollowUp(LETTER_ID, null, "电话回访，客户表示满意", true);
    }

    static IssueCorrection issueCorrection() {
        return new IssueCorrection(LETTER_ID, null, "退款金额写成了十元", "退款金额为十二元", CorrectionCause.TYPO,
                FoundBy.CUSTOMER_CALLBACK);
    }

    static SignOffCorrection signOff(int correctionNo) {
        return new SignOffCorrection(LETTER_ID, null, correctionNo, "已核对");
    }

    static RecordDispute recordDispute() {
        return new RecordDispute(LETTER_ID, null, "退款金额", "应退二十元", "应退十二元");
    }

    static InvestigateDispute investigate(int disputeNo) {
        return new InvestigateDispute(LETTER_ID, null, disputeNo, "账单核实为多收十二元");
    }

    static ResolveDispute resolve(int disputeNo) {
        return new ResolveDispute(LETTER_ID, null, disputeNo, "协商一致，退还十二元", false);
    }

    static ArchiveLetter archive(String archiveNo) {
        return new ArchiveLetter(LETTER_ID, null, archiveNo);
    }

    // ---------------------------------------------------------------- given-events of each stage

    /** A regular LETTER received at {@link #RECEIVED_AT}, with its first-response and reply deadlines. */
    static History received() {
        return new History().received(Channel.LETTER, SENDER);
    }

    /** Received and assigned to customer service (harry). */
    static History assigned() {
        return received().assigned();
    }

    /** Assigned and draft 1 (clean wording) written by {@link #HANDLER}. */
    static History drafted() {
        return assigned().drafted(HANDLER, CLEAN_CONTENT);
    }

    /** Draft 1 approved at FORMAT by {@link #REVIEWER}. */
    static History formatApproved() {
        return drafted().approved(ReviewLevel.FORMAT, REVIEWER);
    }

    /** Draft 1 of a regular (not major) letter approved at FORMAT and SUPERVISOR: fully approved. */
    static History approved() {
        return formatApproved().approved(ReviewLevel.SUPERVISOR, SUPERVISOR);
    }

    /** Approved and replied to by phone. */
    static History sent() {
        return approved().sent(ReplyChannel.PHONE, null, null);
    }

    /**
     * The events of one letter, stage after stage, as the aggregate itself would have applied them (draft, correction
     * and dispute numbers counted along, deadlines computed by the same planner the fixture injects).
     */
    static final class History {

        private final List<Object> events = new ArrayList<>();
        private Instant receivedAt;
        private Channel channel;
        private boolean urgent;
        private boolean complex;
        private int draftNo;
        private int correctionNo;
        private int disputeNo;
        private Department department;

        History received(Channel channel, Sender sender) {
            return received(channel, sender, RECEIVED_AT);
        }

        History received(Channel channel, Sender sender, Instant receivedAt) {
            this.channel = channel;
            this.receivedAt = receivedAt;
            events.add(new LetterReceived(LETTER_ID, SERIAL_NO, channel, receivedAt, sender, "账单疑问",
                    "退还多收的费用", Category.COMPLAINT, ATTACHMENTS, "来信附账单复印件"));
            events.add(PLANNER.firstResponse(LETTER_ID, receivedAt, false));
            events.add(PLANNER.reply(LETTER_ID, receivedAt, channel, false));
            return this;
        }

        /** Marked urgent after registration; the open intake deadlines are re-set on clock hours. */
        History urgent(boolean firstResponseOpen) {
            urgent = true;
            events.add(new MarkedUrgent(LETTER_ID, "涉及燃气泄漏安全隐患"));
            if (firstResponseOpen) {
                events.add(PLANNER.firstResponse(LETTER_ID, receivedAt, true));
            }
            events.add(PLANNER.reply(LETTER_ID, receivedAt, channel, true));
            return this;
        }

        History assigned() {
            return assigned(Department.CUSTOMER_SERVICE, HANDLER);
        }

        History assigned(Department to, String assignee) {
            events.add(new LetterAssigned(LETTER_ID, to, assignee, department));
            department = to;
            return this;
        }

        History firstContact() {
            events.add(new FirstContactMade(LETTER_ID, "PHONE", "已电话告知正在核实", NOW));
            return this;
        }

        History flagged(boolean personalData, boolean financialInfo, boolean major, boolean complex) {
            this.complex = complex;
            events.add(new ContentFlagged(LETTER_ID, personalData, financialInfo, major, complex, "内容审核"));
            return this;
        }

        History legalApproved() {
            events.add(new LegalApprovalGranted(LETTER_ID, LEGAL, "可以答复"));
            return this;
        }

        History identityVerified() {
            events.add(new IdentityVerified(LETTER_ID, "PHONE", CLERK, "已电话核实身份"));
            return this;
        }

        History drafted(String drafter, ReplyContent content) {
            return drafted(drafter, content, List.of());
        }

        History drafted(String drafter, ReplyContent content, List<Commitment> commitments) {
            draftNo++;
            events.add(new ReplyDrafted(LETTER_ID, draftNo, drafter, content, WORDING_CHECKER.check(content),
                    commitments));
            return this;
        }

        History approved(ReviewLevel level, String reviewer) {
            events.add(new ReviewApproved(LETTER_ID, draftNo, level, reviewer, "同意"));
            return this;
        }

        History rejected(ReviewLevel level, String reviewer) {
            events.add(new ReviewRejected(LETTER_ID, draftNo, level, reviewer, "请补充退款时间"));
            return this;
        }

        /** Sent at {@link #NOW}; a complex letter gets its follow-up deadline. */
        History sent(ReplyChannel replyChannel, String recipient, String trackingNo) {
            events.add(new ReplySent(LETTER_ID, draftNo, replyChannel, recipient, trackingNo, NOW));
            if (complex) {
                events.add(PLANNER.followUp(LETTER_ID, NOW));
            }
            return this;
        }

        History followedUp() {
            events.add(new FollowUpRecorded(LETTER_ID, "电话回访，客户表示满意", true));
            return this;
        }

        History correctionIssued(String issuer) {
            correctionNo++;
            events.add(new CorrectionIssued(LETTER_ID, correctionNo, "退款金额写成了十元", "退款金额为十二元",
                    CorrectionCause.TYPO, FoundBy.CUSTOMER_CALLBACK, issuer));
            return this;
        }

        History correctionSignedOff(int no, String signer) {
            events.add(new CorrectionSignedOff(LETTER_ID, no, signer, "已核对"));
            return this;
        }

        /** Recorded at {@link #NOW}, with its investigation deadline. */
        History disputeRecorded() {
            disputeNo++;
            events.add(new DisputeRecorded(LETTER_ID, disputeNo, "退款金额", "应退二十元", "应退十二元"));
            events.add(PLANNER.disputeInvestigation(LETTER_ID, disputeNo, NOW));
            return this;
        }

        History disputeInvestigated(int no, boolean withinDeadline) {
            events.add(new DisputeInvestigated(LETTER_ID, no, "账单核实为多收十二元", withinDeadline));
            return this;
        }

        History disputeResolved(int no) {
            events.add(new DisputeResolved(LETTER_ID, no, "协商一致，退还十二元", false));
            return this;
        }

        History event(Object event) {
            events.add(event);
            return this;
        }

        List<Object> events() {
            return List.copyOf(events);
        }
    }

    // ---------------------------------------------------------------- matchers

    /** Expects the command to be refused with the code, a message containing the text, and no event at all. */
    static ResultValidator<Letter> expectRefused(ResultValidator<Letter> validator, ProblemCode code,
                                                 String messagePart) {
        return validator.expectNoEvents()
                .expectException(LetterdeskProblem.class)
                .expectException(problem(code))
                .expectExceptionMessage(containsString(messagePart));
    }

    static Matcher<Object> problem(ProblemCode code) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof LetterdeskProblem p && p.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a LetterdeskProblem with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description description) {
                if (item instanceof LetterdeskProblem p) {
                    description.appendText("code was ").appendValue(p.code()).appendText(": ")
                            .appendText(p.getMessage());
                } else {
                    description.appendText("was ").appendValue(item);
                }
            }
        };
    }

    /**
     * A {@link CommandResult} of {@link #LETTER_ID} with the status and at least the given values, named as in the
     * HTTP response (the letter's outcome unwrapped into the command's own values).
     */
    static Matcher<Object> result(LetterStatus status, Object... extrasKeyValue) {
        Map<String, Object> extras = new LinkedHashMap<>();
        for (int i = 0; i < extrasKeyValue.length; i += 2) {
            extras.put((String) extrasKeyValue[i], extrasKeyValue[i + 1]);
        }
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                if (!(item instanceof CommandResult r)) {
                    return false;
                }
                Map<String, Object> values = ResultValues.of(r);
                return LETTER_ID.equals(r.letter().letterId()) && SERIAL_NO.equals(r.letter().serialNo())
                        && r.letter().status() == status
                        && extras.entrySet().stream().allMatch(e -> values.containsKey(e.getKey())
                        && Objects.equals(e.getValue(), values.get(e.getKey())));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a CommandResult of " + SERIAL_NO + " with status ").appendValue(status)
                        .appendText(" and extras including ").appendValue(extras);
            }
        };
    }

    /** The published events include one whose payload satisfies the predicate. */
    static Matcher<List<EventMessage<?>>> eventsIncluding(String what, Predicate<Object> predicate) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream().map(EventMessage::getPayload).anyMatch(predicate);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events including " + what);
            }
        };
    }

    /** The published events are exactly of these types, in this order. */
    static Matcher<List<EventMessage<?>>> eventTypes(Class<?>... types) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream().map(EventMessage::getPayloadType).toList().equals(List.of(types));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events of types ").appendValue(List.of(types));
            }
        };
    }

    /** A {@link CommandResult} with the version (the sequence number of the letter's last event). */
    static Matcher<Object> resultAtVersion(long version) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CommandResult r && r.letter().version() == version;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a CommandResult at version ").appendValue(version);
            }
        };
    }
}
