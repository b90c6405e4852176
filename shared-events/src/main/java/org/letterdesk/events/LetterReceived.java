package org.letterdesk.events;

import java.time.Instant;
import java.util.List;

/**
 * A letter was registered (收件登记) and given its register number (序号), e.g. 2026-000123.
 *
 * @param senderId    the sender file the registration matched or opened (null in events stored before sender files)
 * @param repeatCount how many earlier letters that file held at registration (信访次数 − 1), as matched then
 * @param collective  for a collective letter (集体来信), how many people it speaks for and its representative
 */
public record LetterReceived(String letterId, String serialNo, Channel channel, Instant receivedAt, Sender sender,
                             String subject, String coreRequest, Category category, List<Attachment> attachments,
                             String remarks, String senderId, Integer repeatCount, Collective collective)
        implements LetterEvent, PersonalDataEvent {
    public LetterReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A registration without a sender file, as stored before sender files existed. */
    public LetterReceived(String letterId, String serialNo, Channel channel, Instant receivedAt, Sender sender,
                          String subject, String coreRequest, Category category, List<Attachment> attachments,
                          String remarks) {
        this(letterId, serialNo, channel, receivedAt, sender, subject, coreRequest, category, attachments, remarks,
                null, null, null);
    }

    @Override
    public String personalDataKey() {
        return senderId;
    }

    /** The same registration with another rendering of the sender (masked for a read). */
    public LetterReceived withSender(Sender other) {
        return new LetterReceived(letterId, serialNo, channel, receivedAt, other, subject, coreRequest, category,
                attachments, remarks, senderId, repeatCount, collective);
    }
}
