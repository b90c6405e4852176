package org.letterdesk.command.letter;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.CorrectionCause;
import org.letterdesk.events.Department;
import org.letterdesk.events.FoundBy;
import org.letterdesk.events.ReplyChannel;
import org.letterdesk.events.ReplyContent;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;
import org.letterdesk.events.Sender;

import java.time.Instant;
import java.util.List;

/**
 * The commands a letter accepts. Who issues a command travels in the message metadata (user, role), not here.
 * {@code expectedVersion} comes from a client's If-Match; null means "whatever the current version is".
 */
public final class LetterCommands {

    private LetterCommands() {
    }

    public record RegisterLetter(@TargetAggregateIdentifier String letterId, Channel channel, Instant receivedAt,
                                 Sender sender, String subject, String coreRequest, Category category,
                                 List<Attachment> attachments, String remarks, String urgentReason) {
    }

    public record MarkUrgent(@TargetAggregateIdentifier String letterId,
                             @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    public record AssignLetter(@TargetAggregateIdentifier String letterId,
                               @TargetAggregateVersion Long expectedVersion, Department department,
                               String assignee) {
    }

    public record RecordFirstContact(@TargetAggregateIdentifier String letterId,
                                     @TargetAggregateVersion Long expectedVersion, String channel, String note) {
    }

    public record FlagContent(@TargetAggregateIdentifier String letterId,
                              @TargetAggregateVersion Long expectedVersion, Boolean personalData,
                              Boolean financialInfo, Boolean major, Boolean complex, String note) {
    }

    public record GrantLegalApproval(@TargetAggregateIdentifier String letterId,
                                     @TargetAggregateVersion Long expectedVersion, String note) {
    }

    public record VerifyIdentity(@TargetAggregateIdentifier String letterId,
                                 @TargetAggregateVersion Long expectedVersion, String method, String note) {
    }

    public record DraftReply(@TargetAggregateIdentifier String letterId,
                             @TargetAggregateVersion Long expectedVersion, ReplyContent content) {
    }

    public record ReviewDraft(@TargetAggregateIdentifier String letterId,
                              @TargetAggregateVersion Long expectedVersion, ReviewLevel level,
                              ReviewDecision decision, String comment) {
    }

    public record SendReply(@TargetAggregateIdentifier String letterId,
                            @TargetAggregateVersion Long expectedVersion, ReplyChannel channel, String recipient,
                            String trackingNo) {
    }

    public record RecordFollowUp(@TargetAggregateIdentifier String letterId,
                                 @TargetAggregateVersion Long expectedVersion, String note, Boolean satisfied) {
    }

    public record ReportDelay(@TargetAggregateIdentifier String letterId,
                              @TargetAggregateVersion Long expectedVersion, String reason,
                              Instant expectedCompletion) {
    }

    public record IssueCorrection(@TargetAggregateIdentifier String letterId,
                                  @TargetAggregateVersion Long expectedVersion, String whatWasWrong,
                                  String correctedContent, CorrectionCause cause, FoundBy foundBy) {
    }

    public record SignOffCorrection(@TargetAggregateIdentifier String letterId,
                                    @TargetAggregateVersion Long expectedVersion, int correctionNo, String note) {
    }

    public record RecordDispute(@TargetAggregateIdentifier String letterId,
                                @TargetAggregateVersion Long expectedVersion, String points, String senderView,
                                String organizationView) {
    }

    public record InvestigateDispute(@TargetAggregateIdentifier String letterId,
                                     @TargetAggregateVersion Long expectedVersion, int disputeNo,
                                     String findings) {
    }

    public record ResolveDispute(@TargetAggregateIdentifier String letterId,
                                 @TargetAggregateVersion Long expectedVersion, int disputeNo, String outcome,
                                 boolean escalated) {
    }

    public record ArchiveLetter(@TargetAggregateIdentifier String letterId,
                                @TargetAggregateVersion Long expectedVersion, String archiveNo) {
    }
}
