package org.letterdesk.command.mail;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.CorrectionIssued;
import org.letterdesk.events.CorrectionSignedOff;
import org.letterdesk.events.DelayNoticeSent;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.OutgoingMailKind;
import org.letterdesk.events.ReplyContent;
import org.letterdesk.events.ReplyDrafted;
import org.letterdesk.events.ReplySent;
import org.letterdesk.procedure.LetterheadSettings;
import org.letterdesk.procedure.OutgoingMails;
import org.letterdesk.procedure.ReplyTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills the outbox: for each committed event that sends a mail ({@link OutgoingMails}), the mail rendered as the
 * sender will read it (the reply by seed 000's template, as its preview shows it), under a Message-ID derived from
 * the event. A tracking processor of its own, started at the head of the store on first run (no mail for replies
 * made before the outbox existed), whose token moves in the transaction of the row: every such event gives exactly
 * one row, also after a crash.
 */
@ProcessingGroup(OutboxQueue.PROCESSOR)
public class OutboxQueue {

    public static final String PROCESSOR = "mail-outbox";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu'年'M'月'd'日'");
    private static final String INDENT = "\u3000\u3000";

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final ReplyTemplate template;
    private final LetterheadSettings letterhead;
    private final ZoneId zone;

    public OutboxQueue(EventStore events, JdbcTemplate jdbc, ReplyTemplate template, LetterheadSettings letterhead,
                       ZoneId zone) {
        this.events = events;
        this.jdbc = jdbc;
        this.template = template;
        this.letterhead = letterhead;
        this.zone = zone;
    }

    @EventHandler
    void on(ReplySent event, DomainEventMessage<ReplySent> message) {
        queue(message);
    }

    @EventHandler
    void on(DelayNoticeSent event, DomainEventMessage<DelayNoticeSent> message) {
        queue(message);
    }

    @EventHandler
    void on(CorrectionSignedOff event, DomainEventMessage<CorrectionSignedOff> message) {
        queue(message);
    }

    /** Renders and queues the mail the event sends, if it sends one; a repeat changes nothing. */
    public void queue(DomainEventMessage<?> trigger) {
        Letter letter = new Letter();
        DomainEventStream stream = events.readEvents(trigger.getAggregateIdentifier(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Optional<OutgoingMailKind> kind = letter.fold(event);
            if (event.getIdentifier().equals(trigger.getIdentifier())) {
                kind.ifPresent(k -> insert(trigger, letter, k));
                return;
            }
        }
    }

    private void insert(DomainEventMessage<?> trigger, Letter letter, OutgoingMailKind kind) {
        String body = switch (kind) {
            case REPLY -> letter.reply((ReplySent) trigger.getPayload());
            case DELAY_NOTICE -> letter.delayNotice((DelayNoticeSent) trigger.getPayload(), trigger.getTimestamp());
            case CORRECTION -> letter.correction((CorrectionSignedOff) trigger.getPayload(), trigger.getTimestamp());
        };
        String files = kind == OutgoingMailKind.REPLY
                ? OutboxAttachments.format(letter.replyAttachments((ReplySent) trigger.getPayload())) : "";
        Timestamp at = Timestamp.from(trigger.getTimestamp());
        jdbc.update("INSERT INTO mail_outbox (message_id, letter_id, serial_no, kind, subject, body, attachments, "
                        + "status, attempts, next_attempt_at, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?) "
                        + "ON CONFLICT DO NOTHING", OutgoingMails.messageId(trigger.getIdentifier()),
                trigger.getAggregateIdentifier(), letter.rules.serialNo(), kind.name(), letter.rules.subject(kind), body,
                files, at, at);
    }

    /** What rendering needs of the letter, folded up to the triggering event. */
    private final class Letter {
        final OutgoingMails rules = new OutgoingMails();
        final Map<Integer, ReplyContent> drafts = new HashMap<>();
        final Map<Integer, Instant> draftedAt = new HashMap<>();
        final Map<Integer, CorrectionIssued> corrections = new HashMap<>();
        String senderName;
        Instant receivedAt;
        Instant repliedAt;

        Optional<OutgoingMailKind> fold(DomainEventMessage<?> message) {
            Object event = message.getPayload();
            if (event instanceof LetterReceived e) {
                senderName = e.sender() == null ? null : e.sender().name();
                receivedAt = e.receivedAt();
            } else if (event instanceof ReplyDrafted e) {
                drafts.put(e.draftNo(), e.content());
                draftedAt.put(e.draftNo(), message.getTimestamp());
            } else if (event instanceof ReplySent e) {
                repliedAt = e.sentAt();
            } else if (event instanceof CorrectionIssued e) {
                corrections.put(e.correctionNo(), e);
            }
            return rules.on(event);
        }

        /** The approved draft as its preview renders it (GET …/drafts/{n}/rendered). */
        String reply(ReplySent sent) {
            return template.render(drafts.get(sent.draftNo()), senderName, letterhead,
                    LocalDate.ofInstant(draftedAt.get(sent.draftNo()), zone));
        }

        /** The files the reply carries: the approved draft's, as its reviewers saw them listed. */
        List<Attachment> replyAttachments(ReplySent sent) {
            ReplyContent draft = drafts.get(sent.draftNo());
            return draft == null ? List.of() : draft.attachments();
        }

        String delayNotice(DelayNoticeSent notice, Instant at) {
            return salutation()
                    + INDENT + "您于" + date(receivedAt) + "的来信（登记号 " + rules.serialNo() + "）我们正在办理。因"
                    + notice.reason().strip() + "，答复需要延迟，预计于" + date(notice.expectedCompletion())
                    + "前答复您。\n"
                    + INDENT + "特此说明，敬请谅解。\n" + signature(at);
        }

        String correction(CorrectionSignedOff signedOff, Instant at) {
            CorrectionIssued issued = corrections.get(signedOff.correctionNo());
            return salutation()
                    + INDENT + "我们于" + date(repliedAt) + "对您来信（登记号 " + rules.serialNo()
                    + "）的答复有误，特此更正。\n"
                    + INDENT + "原答复有误之处：" + issued.whatWasWrong().strip() + "\n"
                    + INDENT + "更正后的内容：" + issued.correctedContent().strip() + "\n"
                    + INDENT + "由此给您带来的不便，我们深表歉意。\n" + signature(at);
        }

        private String salutation() {
            return "尊敬的" + (senderName == null || senderName.isBlank() ? "客户" : senderName.strip()) + "：\n";
        }

        private String signature(Instant at) {
            String department = letterhead.department() == null || letterhead.department().isBlank() ? ""
                    : letterhead.department().strip() + "\n";
            return letterhead.organization().strip() + "\n" + department + date(at) + "\n";
        }

        private String date(Instant at) {
            return at == null ? "" : DATE.format(LocalDate.ofInstant(at, zone));
        }
    }
}
