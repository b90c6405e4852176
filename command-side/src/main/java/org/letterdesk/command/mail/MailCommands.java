package org.letterdesk.command.mail;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.OutgoingMailKind;

import java.time.Instant;
import java.util.List;

/**
 * What the mail intake and the outbox record on a letter. Not version-checked and accepted on archived letters too:
 * they record what happened on the mail servers, which no state of the procedure can undo.
 */
public final class MailCommands {

    private MailCommands() {
    }

    public record RecordIncomingMail(@TargetAggregateIdentifier String letterId, String messageId, String subject,
                                     Instant receivedAt, List<Attachment> attachments, boolean opensLetter) {
    }

    public record RecordMailSent(@TargetAggregateIdentifier String letterId, String messageId,
                                 OutgoingMailKind kind, int attempts, Instant sentAt) {
    }

    public record RecordMailFailed(@TargetAggregateIdentifier String letterId, String messageId,
                                   OutgoingMailKind kind, int attempt, String reason, Instant nextAttemptAt) {
    }

    public record RecordMailBounced(@TargetAggregateIdentifier String letterId, String messageId, String reason,
                                    Instant bouncedAt) {
    }
}
