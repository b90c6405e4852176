package org.letterdesk.command.drafting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.command.attachment.AttachmentRequest;
import org.letterdesk.command.commitment.CommitmentRequests.CommitmentRequest;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.Commitment;
import org.letterdesk.events.GlossaryEntry;
import org.letterdesk.events.ReplyContent;

import java.util.List;

/** Request body of a reply draft. */
final class DraftingRequests {

    private DraftingRequests() {
    }

    // At most 26 alternatives: the template names them 方案A to 方案Z.
    record DraftRequest(@Size(max = 200) String salutation,
                        @NotBlank @Size(max = 4000) String summary,
                        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> points,
                        @Size(max = 50) List<@NotNull @Valid GlossaryEntryRequest> glossary,
                        @Size(max = 26) List<@NotBlank @Size(max = 2000) String> alternatives,
                        @Size(max = 20) List<@NotNull @Valid CommitmentRequest> commitments,
                        @Size(max = 20) List<@NotNull @Valid AttachmentRequest> attachments) {

        /** Numbered 1, 2, … in the order listed. */
        List<Commitment> toCommitments() {
            if (commitments == null) {
                return List.of();
            }
            return java.util.stream.IntStream.range(0, commitments.size())
                    .mapToObj(i -> commitments.get(i).toCommitment(i + 1)).toList();
        }

        /** @param files the attachment list as resolved from the store */
        ReplyContent toContent(List<Attachment> files) {
            List<GlossaryEntry> entries = glossary == null ? List.of()
                    : glossary.stream().map(GlossaryEntryRequest::toEntry).toList();
            return new ReplyContent(salutation, summary, points, entries, alternatives, files);
        }
    }

    record GlossaryEntryRequest(@NotBlank @Size(max = 200) String term,
                                @NotBlank @Size(max = 2000) String explanation) {

        GlossaryEntry toEntry() {
            return new GlossaryEntry(term, explanation);
        }
    }
}
