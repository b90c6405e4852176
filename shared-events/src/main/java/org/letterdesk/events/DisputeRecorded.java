package org.letterdesk.events;

/** An entry in the dispute record book (《争议处理记录簿》). */
public record DisputeRecorded(String letterId, int disputeNo, String points, String senderView,
                              String organizationView) implements LetterEvent {
}
