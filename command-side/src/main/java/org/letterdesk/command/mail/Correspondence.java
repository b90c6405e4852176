package org.letterdesk.command.mail;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.letterdesk.command.mail.MailCommands.RecordIncomingMail;
import org.letterdesk.command.mail.MailCommands.RecordMailBounced;
import org.letterdesk.command.mail.MailCommands.RecordMailFailed;
import org.letterdesk.command.mail.MailCommands.RecordMailSent;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.LetterResult;
import org.letterdesk.events.MailBounced;
import org.letterdesk.events.MailFailed;
import org.letterdesk.events.MailReceived;
import org.letterdesk.events.MailSent;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The letter's mails in and out. Each outcome is recorded once per Message-ID: the intake and the outbox deliver at
 * least once, so a repeat (a mail read again after a crash, a send confirmed twice) changes nothing.
 */
public class Correspondence {

    private final LetterFacts letter;
    private final Set<String> received = new HashSet<>();
    private final Set<String> sent = new HashSet<>();
    private final Set<String> bounced = new HashSet<>();

    public Correspondence(LetterFacts letter) {
        this.letter = letter;
    }

    @CommandHandler
    public LetterResult handle(RecordIncomingMail cmd) {
        if (!received.contains(cmd.messageId())) {
            apply(new MailReceived(letter.letterId(), cmd.messageId(), cmd.subject(), cmd.receivedAt(),
                    cmd.attachments(), cmd.opensLetter()));
        }
        return new LetterResult(letter.outcome());
    }

    @CommandHandler
    public LetterResult handle(RecordMailSent cmd) {
        if (!sent.contains(cmd.messageId())) {
            apply(new MailSent(letter.letterId(), cmd.messageId(), cmd.kind(), cmd.attempts(), cmd.sentAt()));
        }
        return new LetterResult(letter.outcome());
    }

    @CommandHandler
    public LetterResult handle(RecordMailFailed cmd) {
        if (!sent.contains(cmd.messageId())) {
            apply(new MailFailed(letter.letterId(), cmd.messageId(), cmd.kind(), cmd.attempt(), cmd.reason(),
                    cmd.nextAttemptAt()));
        }
        return new LetterResult(letter.outcome());
    }

    @CommandHandler
    public LetterResult handle(RecordMailBounced cmd) {
        if (!bounced.contains(cmd.messageId())) {
            apply(new MailBounced(letter.letterId(), cmd.messageId(), cmd.reason(), cmd.bouncedAt()));
        }
        return new LetterResult(letter.outcome());
    }

    @EventSourcingHandler
    void on(MailReceived e) {
        received.add(e.messageId());
    }

    @EventSourcingHandler
    void on(MailSent e) {
        sent.add(e.messageId());
    }

    @EventSourcingHandler
    void on(MailBounced e) {
        bounced.add(e.messageId());
    }
}
