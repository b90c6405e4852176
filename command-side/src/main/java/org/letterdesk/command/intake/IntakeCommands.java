package org.letterdesk.command.intake;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.Collective;
import org.letterdesk.events.Department;
import org.letterdesk.events.Sender;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Registration (收件登记), urgency, assignment (分配部门) and the first contact with the sender. */
public final class IntakeCommands {

    private IntakeCommands() {
    }

    /**
     * @param related the earlier letter this one is linked to, as it stood at registration, or null
     * @param routing the department the registration names, or the one a routing rule chose, or null
     * @param serialClaim the register number reserved for this registration, or null to take one in its transaction
     */
    public record RegisterLetter(@TargetAggregateIdentifier String letterId, Channel channel, Instant receivedAt,
                                 Sender sender, String subject, String coreRequest, Category category,
                                 List<Attachment> attachments, String remarks, String urgentReason,
                                 Collective collective, RelatedMatter related, Routing routing,
                                 Referral referral, SerialClaim serialClaim) {

        /** A registration with every part, taking its register number in its transaction. */
        public RegisterLetter(String letterId, Channel channel, Instant receivedAt, Sender sender, String subject,
                              String coreRequest, Category category, List<Attachment> attachments, String remarks,
                              String urgentReason, Collective collective, RelatedMatter related, Routing routing,
                              Referral referral) {
            this(letterId, channel, receivedAt, sender, subject, coreRequest, category, attachments, remarks,
                    urgentReason, collective, related, routing, referral, null);
        }

        /** The same registration with the register number reserved for it. */
        public RegisterLetter withSerialClaim(SerialClaim claim) {
            return new RegisterLetter(letterId, channel, receivedAt, sender, subject, coreRequest, category,
                    attachments, remarks, urgentReason, collective, related, routing, referral, claim);
        }

        /** A registration of one person's letter. */
        public RegisterLetter(String letterId, Channel channel, Instant receivedAt, Sender sender, String subject,
                              String coreRequest, Category category, List<Attachment> attachments, String remarks,
                              String urgentReason) {
            this(letterId, channel, receivedAt, sender, subject, coreRequest, category, attachments, remarks,
                    urgentReason, null, null, null, null, null);
        }

        /** A registration of a collective letter or one person's, without the special procedures. */
        public RegisterLetter(String letterId, Channel channel, Instant receivedAt, Sender sender, String subject,
                              String coreRequest, Category category, List<Attachment> attachments, String remarks,
                              String urgentReason, Collective collective) {
            this(letterId, channel, receivedAt, sender, subject, coreRequest, category, attachments, remarks,
                    urgentReason, collective, null, null, null, null);
        }

        /** A registration of one person's letter with the special procedures' parts. */
        public RegisterLetter(String letterId, Channel channel, Instant receivedAt, Sender sender, String subject,
                              String coreRequest, Category category, List<Attachment> attachments, String remarks,
                              String urgentReason, RelatedMatter related, Routing routing, Referral referral) {
            this(letterId, channel, receivedAt, sender, subject, coreRequest, category, attachments, remarks,
                    urgentReason, null, related, routing, referral, null);
        }
    }

    /** The superior office that referred the letter (批办件), its reference number and its due date (optional). */
    public record Referral(String office, String referenceNo, LocalDate dueDate) {
    }

    /** The earlier letter a registration links to, and whether its matter was final (终结) at that moment. */
    public record RelatedMatter(String letterId, String serialNo, boolean matterFinal) {
    }

    /**
     * Where a new letter goes at registration: the department the clerk named (ruleId null), or the one the first
     * matching routing rule chose (assigned by {@code system}, naming the rule).
     */
    public record Routing(Department department, String ruleId) {
    }

    public record MarkUrgent(@TargetAggregateIdentifier String letterId,
                             @TargetAggregateVersion Long expectedVersion, String reason) implements LetterCommand {
    }

    public record AssignLetter(@TargetAggregateIdentifier String letterId,
                               @TargetAggregateVersion Long expectedVersion, Department department,
                               String assignee) implements LetterCommand {
    }

    public record RecordFirstContact(@TargetAggregateIdentifier String letterId,
                                     @TargetAggregateVersion Long expectedVersion, String channel, String note)
            implements LetterCommand {
    }
}
