package org.letterdesk.app.quality;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One letter of a scripted month and what happens to it, with times written "MM-dd HH:mm" in the script's year
 * at +08:00. A null time means the step does not happen.
 */
public final class ScriptedLetter {

    public static final int YEAR = 2025;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public final String name;
    public final String department;
    public final Instant receivedAt;
    public String channel = "LETTER";
    public boolean urgent;
    public String firstDepartment;
    public Instant forwardedAt;
    public Instant firstContactAt;
    public Instant findingsDraftAt;
    public Instant draftAt;
    public Instant replyAt;
    public Instant firstResponseDue;
    public Instant replyDue;

    private ScriptedLetter(String name, String department, String receivedAt) {
        this.name = name;
        this.department = department;
        this.receivedAt = time(receivedAt);
    }

    /** @param department where the letter ends up, or null if it is never assigned */
    public static ScriptedLetter scripted(String name, String department, String receivedAt) {
        return new ScriptedLetter(name, department, receivedAt);
    }

    public static Instant time(String monthDayTime) {
        return monthDayTime == null ? null
                : LocalDateTime.parse(YEAR + "-" + monthDayTime, TIME).toInstant(ZoneOffset.ofHours(8));
    }

    /** The deadlines the registration must report, computed by hand. */
    public ScriptedLetter due(String firstResponse, String reply) {
        firstResponseDue = time(firstResponse);
        replyDue = time(reply);
        return this;
    }

    public ScriptedLetter email() {
        channel = "EMAIL";
        return this;
    }

    public ScriptedLetter urgent() {
        urgent = true;
        return this;
    }

    /** First assigned to {@code department}, then forwarded (转交) to the final department at the given time. */
    public ScriptedLetter firstAssignedTo(String department, String forwardedAt) {
        firstDepartment = department;
        this.forwardedAt = time(forwardedAt);
        return this;
    }

    public ScriptedLetter firstContact(String at) {
        firstContactAt = time(at);
        return this;
    }

    /** A first draft whose wording check has findings; the FORMAT reviewer rejects it 15 minutes later. */
    public ScriptedLetter draftWithFindings(String at) {
        findingsDraftAt = time(at);
        return this;
    }

    /** A clean draft, approved at FORMAT 30 and at SUPERVISOR 60 minutes later. */
    public ScriptedLetter draft(String at) {
        draftAt = time(at);
        return this;
    }

    public ScriptedLetter reply(String at) {
        replyAt = time(at);
        return this;
    }
}
