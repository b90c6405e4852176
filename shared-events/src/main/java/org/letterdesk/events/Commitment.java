package org.letterdesk.events;

import java.time.LocalDate;

/**
 * A promise a reply makes (答复承诺事项): what will be done, by which department, by when (a calendar date in the
 * organisation's zone). Numbered within its draft from 1; the number stays the commitment's number once the reply
 * is sent.
 */
public record Commitment(int n, String what, Department department, LocalDate dueDate) {
}
