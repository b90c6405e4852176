package org.letterdesk.bench;

import org.letterdesk.procedure.EventMetaData;
import org.letterdesk.events.*;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Plans realistic, valid letter streams: the procedure's events in the order the aggregate would apply them, with
 * the deadlines it would record and the DeadlineApproaching / DeadlineMissed events the system raises when a step
 * comes late. Every letter ends CLOSED (replied, follow-up done) or ARCHIVED, so no schedules are left open.
 */
final class LetterStreams {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] CLERKS = {"clerk", "zhao.min", "qian.li"};
    private static final String[] HANDLERS = {"handler", "handler2", "sun.wei", "li.na", "zhou.tao"};
    private static final String[] REVIEWERS = {"reviewer", "wu.jie"};
    private static final String[] SUPERVISORS = {"supervisor", "lead"};
    private static final String[] DIRECTORS = {"director", "chief"};

    /** One event of a planned stream with who caused it. */
    record Planned(Instant at, Object payload, String user, String role, String correlationId) {
    }

    /** A letter's whole planned stream, emitted one event at a time. */
    static final class Letter {
        final String id;
        final String serialNo;
        final List<Planned> events = new ArrayList<>();
        int next;

        Letter(String id, String serialNo) {
            this.id = id;
            this.serialNo = serialNo;
        }

        Instant nextAt() {
            return events.get(next).at();
        }
    }

    private final Random r;
    private final Instant horizon;

    LetterStreams(Random random, Instant horizon) {
        this.r = random;
        this.horizon = horizon;
    }

    UUID uuid() {
        long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    private Duration between(Duration min, Duration max) {
        long span = max.toSeconds() - min.toSeconds();
        return min.plusSeconds((long) (r.nextDouble() * span));
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    private static Duration days(long d) {
        return Duration.ofDays(d);
    }

    /** Working hours as the application counts them: hours of Monday–Friday (holidays ignored here). */
    static Instant plusWorkingHours(Instant start, long hours) {
        ZonedDateTime t = start.atZone(ZONE);
        long remaining = hours * 3_600_000L;
        while (remaining > 0) {
            ZonedDateTime midnight = t.toLocalDate().plusDays(1).atStartOfDay(ZONE);
            if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
                t = midnight;
                continue;
            }
            long untilMidnight = Math.max(1, Duration.between(t, midnight).toMillis());
            long step = Math.min(untilMidnight, remaining);
            t = t.plus(Duration.ofMillis(step));
            remaining -= step;
        }
        return t.toInstant();
    }

    /** Builder of one letter's stream; keeps time moving forward and raises the system's deadline events. */
    private final class Stream {
        final Letter letter;
        Instant cursor;
        final Map<DeadlineKind, DeadlineSet> open = new EnumMap<>(DeadlineKind.class);
        final Map<DeadlineKind, Boolean> warned = new EnumMap<>(DeadlineKind.class);

        Stream(Letter letter, Instant start) {
            this.letter = letter;
            this.cursor = start;
        }

        /** Raises the warnings and misses of open deadlines that fall before t, in time order. */
        void advanceTo(Instant t) {
            while (true) {
                DeadlineKind kind = null;
                Instant when = null;
                boolean missed = false;
                for (var e : open.entrySet()) {
                    DeadlineSet d = e.getValue();
                    if (!warned.getOrDefault(e.getKey(), false) && d.approachingAt().isBefore(d.due())
                            && d.approachingAt().isBefore(t) && (when == null || d.approachingAt().isBefore(when))) {
                        kind = e.getKey();
                        when = d.approachingAt();
                        missed = false;
                    }
                    if (d.due().isBefore(t) && (when == null || d.due().isBefore(when))) {
                        kind = e.getKey();
                        when = d.due();
                        missed = true;
                    }
                }
                if (kind == null) {
                    return;
                }
                DeadlineSet d = open.get(kind);
                String correlation = uuid().toString();
                Instant at = when.isBefore(cursor) ? cursor : when;
                if (missed) {
                    letter.events.add(new Planned(at, new DeadlineMissed(letter.id, kind, d.ref(), d.due()),
                            EventMetaData.SYSTEM_USER, EventMetaData.SYSTEM_ROLE, correlation));
                    open.remove(kind);
                } else {
                    letter.events.add(new Planned(at, new DeadlineApproaching(letter.id, kind, d.ref(), d.due()),
                            EventMetaData.SYSTEM_USER, EventMetaData.SYSTEM_ROLE, correlation));
                    warned.put(kind, true);
                }
                cursor = at;
            }
        }

        /** Adds a command's events at t (after raising the system events before it). */
        void command(Duration after, String user, String role, Object... payloads) {
            Instant t = cursor.plus(after);
            advanceTo(t);
            String correlation = uuid().toString();
            Instant at = t;
            for (Object payload : payloads) {
                letter.events.add(new Planned(at, payload, user, role, correlation));
                if (payload instanceof DeadlineSet d) {
                    open.put(d.kind(), d);
                    warned.remove(d.kind());
                }
                at = at.plusMillis(3 + r.nextInt(15));
            }
            cursor = at;
        }

        void meet(DeadlineKind kind) {
            open.remove(kind);
        }
    }

    private DeadlineSet deadline(String id, DeadlineKind kind, int ref, Instant start, Instant due, String basis) {
        Duration window = Duration.between(start, due);
        Instant approaching = window.isNegative() ? due : due.minusMillis(Math.round(window.toMillis() * 0.2));
        return new DeadlineSet(id, kind, ref, start, due, approaching, basis, false, List.of());
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static final Channel[] CHANNELS = {Channel.LETTER, Channel.LETTER, Channel.EMAIL, Channel.EMAIL,
            Channel.EMAIL, Channel.PHONE, Channel.PHONE, Channel.VISIT, Channel.FAX, Channel.ONLINE, Channel.ONLINE};
    private static final Category[] CATEGORIES = {Category.CONSULTATION, Category.CONSULTATION, Category.ASSISTANCE,
            Category.PAID_SERVICE, Category.SUGGESTION, Category.COMPLAINT, Category.COMPLAINT, Category.COMPLAINT,
            Category.PRAISE, Category.WORK_CONTACT, Category.PETITION};

    /** A whole letter received at {@code receivedAt}, numbered {@code serialNo}. */
    Letter plan(Instant receivedAt, String serialNo) {
        String id = LetterIds.next(receivedAt, r).toString();
        Letter letter = new Letter(id, serialNo);
        Stream s = new Stream(letter, receivedAt);
        Channel channel = pick(r, CHANNELS);
        boolean hasEmail = channel == Channel.EMAIL || channel == Channel.ONLINE || r.nextDouble() < 0.6;
        Sender sender = new Sender(Texts.name(r), Texts.organization(r), Texts.phone(r),
                hasEmail ? Texts.email(r) : null, r.nextDouble() < 0.7 ? Texts.address(r) : null, null);
        List<Attachment> attachments = new ArrayList<>();
        int attachmentCount = r.nextDouble() < 0.4 ? 1 + r.nextInt(3) : 0;
        for (int i = 0; i < attachmentCount; i++) {
            attachments.add(new Attachment("附件" + (i + 1) + (r.nextBoolean() ? ".jpg" : ".pdf"),
                    r.nextBoolean() ? "image/jpeg" : "application/pdf", 10_000L + r.nextInt(2_000_000),
                    Texts.hex64(r)));
        }
        boolean urgent = r.nextDouble() < 0.08;
        String clerk = pick(r, CLERKS);

        // Registration: LetterReceived, MarkedUrgent, the two intake deadlines (one transaction).
        Instant registeredAt = receivedAt.plus(between(minutes(10), hours(3)));
        List<Object> intake = new ArrayList<>();
        intake.add(new LetterReceived(id, serialNo, channel, receivedAt, sender, Texts.subject(r),
                Texts.coreRequest(r), pick(r, CATEGORIES), attachments,
                r.nextDouble() < 0.3 ? "来信附收据复印件" : null));
        if (urgent) {
            intake.add(new MarkedUrgent(id, "涉及人身安全或重大投诉"));
        }
        Instant firstDue = urgent ? receivedAt.plus(hours(1)) : plusWorkingHours(receivedAt, 24);
        int replyHours = channel == Channel.EMAIL ? 48 : 72;
        Instant replyDue = urgent ? receivedAt.plus(hours(24)) : plusWorkingHours(receivedAt, replyHours);
        intake.add(deadline(id, DeadlineKind.FIRST_RESPONSE, 0, receivedAt, firstDue,
                urgent ? "1 clock hours" : "24 working hours"));
        intake.add(deadline(id, DeadlineKind.REPLY, 0, receivedAt, replyDue,
                urgent ? "24 clock hours" : replyHours + " working hours"));
        s.cursor = registeredAt;
        s.command(Duration.ZERO, clerk, "CLERK", intake.toArray());

        Department department = pick(r, Department.values());
        String handler = pick(r, HANDLERS);
        s.command(between(minutes(10), hours(urgent ? 1 : 6)), clerk, "CLERK",
                new LetterAssigned(id, department, handler, null));
        if (r.nextDouble() < 0.08) {
            Department to = department == Department.BUSINESS ? Department.CUSTOMER_SERVICE : Department.BUSINESS;
            s.command(between(hours(1), hours(8)), pick(r, SUPERVISORS), "SUPERVISOR",
                    new LetterAssigned(id, to, handler, department));
        }
        Duration contactDelay = r.nextDouble() < 0.05 ? between(hours(20), hours(60))
                : between(minutes(30), hours(urgent ? 1 : 16));
        Instant contactAt = s.cursor.plus(contactDelay);
        s.advanceTo(contactAt);
        s.meet(DeadlineKind.FIRST_RESPONSE);
        s.command(Duration.between(s.cursor, contactAt), handler, "HANDLER",
                new FirstContactMade(id, r.nextBoolean() ? "PHONE" : "EMAIL", Texts.note(r), contactAt));

        boolean personalData = r.nextDouble() < 0.15;
        boolean financialInfo = r.nextDouble() < 0.20;
        boolean major = r.nextDouble() < 0.05;
        boolean complex = r.nextDouble() < 0.25;
        s.command(between(minutes(10), hours(2)), handler, "HANDLER",
                new ContentFlagged(id, personalData, financialInfo, major, complex, complex ? "需电话跟进" : null));
        if (personalData) {
            s.command(between(hours(1), hours(20)), "legal", "LEGAL", new LegalApprovalGranted(id, "legal", "同意答复"));
        }
        if (financialInfo) {
            s.command(between(minutes(30), hours(6)), handler, "HANDLER",
                    new IdentityVerified(id, "PHONE", handler, "已电话核实身份"));
        }

        String reviewer = pick(r, REVIEWERS);
        String supervisor = pick(r, SUPERVISORS);
        int draftNo = 1;
        s.command(between(hours(1), hours(30)), handler, "HANDLER",
                new ReplyDrafted(id, draftNo, handler, content(), List.of()));
        if (r.nextDouble() < 0.10) {
            s.command(between(minutes(30), hours(8)), reviewer, "REVIEWER",
                    new ReviewRejected(id, draftNo, ReviewLevel.FORMAT, reviewer, "格式不规范，请修改"));
            draftNo++;
            s.command(between(hours(1), hours(20)), handler, "HANDLER",
                    new ReplyDrafted(id, draftNo, handler, content(), List.of()));
        }
        s.command(between(minutes(20), hours(8)), reviewer, "REVIEWER",
                new ReviewApproved(id, draftNo, ReviewLevel.FORMAT, reviewer, null));
        s.command(between(minutes(30), hours(10)), supervisor, "SUPERVISOR",
                new ReviewApproved(id, draftNo, ReviewLevel.SUPERVISOR, supervisor, r.nextBoolean() ? "同意" : null));
        if (major) {
            String director = pick(r, DIRECTORS);
            s.command(between(hours(1), hours(20)), director, "DIRECTOR",
                    new ReviewApproved(id, draftNo, ReviewLevel.DIRECTOR, director, "同意发出"));
        }

        ReplyChannel replyChannel = sender.email() != null && r.nextDouble() < 0.6 ? ReplyChannel.EMAIL
                : r.nextDouble() < 0.6 ? ReplyChannel.REGISTERED_MAIL : ReplyChannel.PHONE;
        Instant sentAt = s.cursor.plus(between(minutes(20), hours(6)));
        s.advanceTo(sentAt);
        s.meet(DeadlineKind.FIRST_RESPONSE);
        s.meet(DeadlineKind.REPLY);
        List<Object> reply = new ArrayList<>();
        reply.add(new ReplySent(id, draftNo, replyChannel,
                replyChannel == ReplyChannel.EMAIL ? sender.email() : null,
                replyChannel == ReplyChannel.REGISTERED_MAIL ? "XA" + (100_000_000 + r.nextInt(899_999_999)) + "CN"
                        : null, sentAt));
        if (complex) {
            reply.add(deadline(id, DeadlineKind.FOLLOW_UP, 0, sentAt, sentAt.plus(hours(24)), "24 clock hours"));
        }
        s.command(Duration.between(s.cursor, sentAt), handler, "HANDLER", reply.toArray());
        if (complex) {
            Instant at = s.cursor.plus(r.nextDouble() < 0.1 ? between(hours(24), hours(40))
                    : between(hours(2), hours(22)));
            s.advanceTo(at);
            s.meet(DeadlineKind.FOLLOW_UP);
            s.command(Duration.between(s.cursor, at), handler, "HANDLER",
                    new FollowUpRecorded(id, "客户表示满意", r.nextDouble() < 0.85));
        }
        if (r.nextDouble() < 0.03) {
            s.command(between(days(2), days(20)), handler, "HANDLER", new CorrectionIssued(id, 1,
                    "积分数额有误", "应补发积分为" + (100 + r.nextInt(900)) + "分", CorrectionCause.DATA_ERROR,
                    FoundBy.CUSTOMER_CALLBACK, handler));
            s.command(between(hours(1), hours(40)), supervisor, "SUPERVISOR",
                    new CorrectionSignedOff(id, 1, supervisor, "已核"));
        }
        if (r.nextDouble() < 0.02) {
            Instant recordedAt = s.cursor.plus(between(days(1), days(15)));
            s.command(Duration.between(s.cursor, recordedAt), clerk, "CLERK",
                    new DisputeRecorded(id, 1, "补发时间", "应立即补发", "按流程三个工作日内补发"),
                    deadline(id, DeadlineKind.DISPUTE_INVESTIGATION, 1, recordedAt,
                            plusWorkingHours(recordedAt, 72), "72 working hours"));
            Instant investigated = s.cursor.plus(between(hours(2), hours(80)));
            DeadlineSet due = s.open.get(DeadlineKind.DISPUTE_INVESTIGATION);
            boolean within = due != null && !investigated.isAfter(due.due());
            s.advanceTo(investigated);
            s.meet(DeadlineKind.DISPUTE_INVESTIGATION);
            s.command(Duration.between(s.cursor, investigated), handler, "HANDLER",
                    new DisputeInvestigated(id, 1, Texts.findings(r), within));
            s.command(between(hours(1), hours(60)), supervisor, "SUPERVISOR",
                    new DisputeResolved(id, 1, "协商一致", r.nextDouble() < 0.1));
        }
        Instant archivedAt = s.cursor.plus(between(days(20), days(60)));
        if (archivedAt.isBefore(horizon)) {
            s.open.clear();
            s.command(Duration.between(s.cursor, archivedAt), "archivist", "ARCHIVIST",
                    new LetterArchived(id, "ARC-" + serialNo, archivedAt,
                            archivedAt.atZone(ZONE).plusYears(3).toInstant()));
        }
        return letter;
    }

    private ReplyContent content() {
        return new ReplyContent("尊敬的客户：", Texts.summary(r), Texts.points(r),
                r.nextDouble() < 0.4 ? List.of(new GlossaryEntry("会员积分", "消费1元获得1积分")) : List.of(),
                r.nextDouble() < 0.3 ? List.of("将补发积分直接计入账户", "兑换为等值电子优惠券") : List.of());
    }
}
