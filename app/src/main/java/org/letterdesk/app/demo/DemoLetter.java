package org.letterdesk.app.demo;

import java.util.Set;

/**
 * One letter of the demo month: what arrived, and how far through the procedure it has come.
 *
 * @param daysAgo  received this many days before the demo is filled, at {@code hour} (organisation time)
 * @param stage    the last step of the procedure it has reached
 * @param twists   what else happened on its way (a wording finding, a rejection, a delay, a correction, a dispute)
 */
record DemoLetter(int daysAgo, int hour, String channel, String category, Sender sender, String subject,
                  String coreRequest, String remarks, String urgentReason, String department, String assignee,
                  boolean complex, boolean major, Stage stage, Set<Twist> twists) {

    record Sender(String name, String organization, String phone, String email, String address) {
    }

    /** The procedure's steps, in order. */
    enum Stage { RECEIVED, ASSIGNED, DRAFTED, FORMAT_APPROVED, APPROVED, SENT, CLOSED, ARCHIVED }

    enum Twist { WORDING_FINDING, REJECTED, DELAYED, CORRECTED, DISPUTE_OPEN, DISPUTE_INVESTIGATED, DISPUTE_RESOLVED }

    boolean reached(Stage step) {
        return stage.compareTo(step) >= 0;
    }

    boolean has(Twist twist) {
        return twists.contains(twist);
    }
}
