package org.letterdesk.bench.floor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The floor's request bodies (the JSON the benchmark sends to the app, bound without validation), commands and
 * events: one event per command, carrying what the request said.
 */
final class FloorMessages {

    private FloorMessages() {
    }

    // ---------------------------------------------------------------- request bodies

    record Sender(String name, String organization, String phone, String email, String address, String idNumber) {
    }

    record Attachment(String fileName, String contentType, Long sizeBytes, String sha256) {
    }

    record Registration(String channel, OffsetDateTime receivedAt, Sender sender, String subject, String coreRequest,
                        String category, List<Attachment> attachments, String remarks, String urgentReason) {
    }

    record Assignment(String department, String assignee) {
    }

    /** The small bodies of the procedure's steps (first contact, flags, approvals, follow-up). */
    record Step(String channel, String method, String note, Boolean personalData, Boolean financialInfo,
                Boolean major, Boolean complex, Boolean satisfied) {
    }

    record GlossaryEntry(String term, String explanation) {
    }

    record Draft(String summary, List<String> points, List<GlossaryEntry> glossary, List<String> alternatives) {
    }

    record Review(String level, String decision, String comment) {
    }

    record Reply(String channel) {
    }

    // ---------------------------------------------------------------- commands

    record RegisterLetter(@TargetAggregateIdentifier String letterId, Registration registration) {
    }

    record AssignLetter(@TargetAggregateIdentifier String letterId, Assignment assignment) {
    }

    record RecordStep(@TargetAggregateIdentifier String letterId, String step, Step body) {
    }

    record DraftReply(@TargetAggregateIdentifier String letterId, Draft draft) {
    }

    record ReviewDraft(@TargetAggregateIdentifier String letterId, Review review) {
    }

    record SendReply(@TargetAggregateIdentifier String letterId, Reply reply) {
    }

    record ArchiveLetter(@TargetAggregateIdentifier String letterId) {
    }

    // ---------------------------------------------------------------- events

    record LetterRegistered(String letterId, String channel, Instant receivedAt, Sender sender, String subject,
                            String coreRequest, String category, List<Attachment> attachments, String remarks) {
    }

    record LetterAssigned(String letterId, String department, String assignee) {
    }

    record StepRecorded(String letterId, String step, Step body) {
    }

    record ReplyDrafted(String letterId, int draftNo, Draft draft) {
    }

    record DraftReviewed(String letterId, int draftNo, String level, String decision, String comment) {
    }

    record ReplySent(String letterId, int draftNo, String channel) {
    }

    record LetterArchived(String letterId, Instant archivedAt) {
    }
}
