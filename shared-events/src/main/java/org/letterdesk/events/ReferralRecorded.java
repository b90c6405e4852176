package org.letterdesk.events;

import java.time.LocalDate;

/**
 * At registration, the letter was referred by a superior office (批办件/交办件): the office, its reference number
 * (e.g. 县委第12号批办件) and the date by which it expects the report back (办理情况汇报), if it set one.
 */
public record ReferralRecorded(String letterId, String office, String referenceNo, LocalDate dueDate)
        implements LetterEvent {
}
