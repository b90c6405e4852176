package org.letterdesk.command.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.command.attachment.AttachmentRequest;

import java.util.List;

/** Request body of the report back to the referring office (办理情况汇报). */
final class ReferralRequests {

    private ReferralRequests() {
    }

    record ReferralReportRequest(@NotBlank @Size(max = 4000) String problem,
                                 @NotBlank @Size(max = 8000) String background,
                                 @NotBlank @Size(max = 8000) String investigation,
                                 @NotBlank @Size(max = 8000) String outcome,
                                 @Size(max = 20) List<@NotNull @Valid AttachmentRequest> attachments) {
    }
}
