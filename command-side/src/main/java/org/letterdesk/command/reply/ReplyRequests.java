package org.letterdesk.command.reply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.events.ReplyChannel;
import org.letterdesk.events.Satisfaction;

import java.time.OffsetDateTime;

/** Request bodies of sending the reply, the phone follow-up and a delay report. */
final class ReplyRequests {

    private ReplyRequests() {
    }

    record SendReplyRequest(@NotNull ReplyChannel channel, @Size(max = 254) String recipient,
                            @Size(max = 100) String trackingNo) {
    }

    /** @param satisfaction the sender's satisfaction (回访满意度), five levels; optional */
    record FollowUpRequest(@NotBlank @Size(max = 2000) String note, Boolean satisfied, Satisfaction satisfaction) {
    }

    record DelayRequest(@NotBlank @Size(max = 2000) String reason, @NotNull OffsetDateTime expectedCompletion) {
    }
}
