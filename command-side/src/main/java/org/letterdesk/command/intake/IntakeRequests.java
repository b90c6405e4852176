package org.letterdesk.command.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.letterdesk.command.attachment.AttachmentRequest;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.Department;
import org.letterdesk.events.Sender;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of registration, urgency, assignment and first contact. */
final class IntakeRequests {

    private IntakeRequests() {
    }

    record RegisterLetterRequest(@NotNull Channel channel,
                                 @NotNull OffsetDateTime receivedAt,
                                 @NotNull @Valid SenderRequest sender,
                                 @NotBlank @Size(max = 500) String subject,
                                 @NotBlank @Size(max = 4000) String coreRequest,
                                 @NotNull Category category,
                                 @Size(max = 50) List<@NotNull @Valid AttachmentRequest> attachments,
                                 @Size(max = 2000) String remarks,
                                 @Size(max = 500) String urgentReason,
                                 UUID relatedLetterId,
                                 Department department,
                                 @Valid ReferralRequest referral,
                                 @Valid CollectiveRequest collective) {
    }

    /** A referral by a superior office (批办件/交办件); dueDate optional (the reply's due time then applies). */
    record ReferralRequest(@NotBlank @Size(max = 200) String office,
                           @NotBlank @Size(max = 200) String referenceNo,
                           LocalDate dueDate) {

        IntakeCommands.Referral toReferral() {
            return new IntakeCommands.Referral(office.strip(), referenceNo.strip(), dueDate);
        }
    }

    /** A collective letter (集体来信): how many people it speaks for and their representative. */
    record CollectiveRequest(@NotNull @jakarta.validation.constraints.Min(2) Integer people,
                             @NotBlank @Size(max = 200) String representative) {

        org.letterdesk.events.Collective toCollective() {
            return new org.letterdesk.events.Collective(people, representative.strip());
        }
    }

    record SenderRequest(@NotBlank @Size(max = 200) String name,
                         @Size(max = 200) String organization,
                         @Pattern(regexp = "[0-9+()\\- ]{3,30}", message = "must be a phone number") String phone,
                         @Email @Size(max = 254) String email,
                         @Size(max = 500) String address,
                         @Size(max = 40) String idNumber) {

        Sender toSender() {
            String id = idNumber == null || idNumber.isBlank() ? null
                    : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
            return new Sender(name.strip(), organization, phone, email, address, id);
        }
    }

    record MarkUrgentRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record AssignmentRequest(@NotNull Department department, @Size(max = 100) String assignee) {
    }

    record FirstContactRequest(@NotBlank @Size(max = 50) String channel, @NotBlank @Size(max = 2000) String note) {
    }
}
