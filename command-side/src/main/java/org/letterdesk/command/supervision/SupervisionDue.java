package org.letterdesk.command.supervision;

import java.time.Instant;

/** The payload of a scheduled reminder (催办) of a supervision item, for the reminder time it was scheduled for. */
public record SupervisionDue(int supervisionNo, Instant remindAt) {

    public static String scheduleName(int supervisionNo) {
        return "letter-supervision-" + supervisionNo;
    }
}
