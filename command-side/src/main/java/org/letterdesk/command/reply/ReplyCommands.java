package org.letterdesk.command.reply;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.ReplyChannel;
import org.letterdesk.events.Satisfaction;

import java.time.Instant;

/** Sending the reply (发送), the phone follow-up (电话跟进) and delays (延迟答复). */
public final class ReplyCommands {

    private ReplyCommands() {
    }

    public record SendReply(@TargetAggregateIdentifier String letterId,
                            @TargetAggregateVersion Long expectedVersion, ReplyChannel channel, String recipient,
                            String trackingNo) implements LetterCommand {
    }

    public record RecordFollowUp(@TargetAggregateIdentifier String letterId,
                                 @TargetAggregateVersion Long expectedVersion, String note, Boolean satisfied,
                                 Satisfaction satisfaction)
            implements LetterCommand {

        public RecordFollowUp(String letterId, Long expectedVersion, String note, Boolean satisfied) {
            this(letterId, expectedVersion, note, satisfied, null);
        }
    }

    public record ReportDelay(@TargetAggregateIdentifier String letterId,
                              @TargetAggregateVersion Long expectedVersion, String reason,
                              Instant expectedCompletion) implements LetterCommand {
    }
}
