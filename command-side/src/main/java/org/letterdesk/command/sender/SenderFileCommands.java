package org.letterdesk.command.sender;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.letterdesk.events.ContactVerification;

/** Commands of sender files (客户档案): contact updates, merging, the recorded clear read and erasure. */
public final class SenderFileCommands {

    private SenderFileCommands() {
    }

    public record UpdateSenderContact(@TargetAggregateIdentifier String senderId, String phone, String email,
                                      String address, ContactVerification verifiedBy) {
    }

    public record MergeSenderFiles(String senderId, String otherSenderId) {
    }

    public record ViewSenderPersonalData(String letterId, String reason) {
    }

    public record EraseSenderPersonalData(String senderId, String reason) {
    }
}
