package org.letterdesk.query.register;

import java.util.Comparator;

/**
 * A row of {@code register_count}: one combination of the register's equality filters, as stored (enum names; an
 * unassigned letter's department is ''). Ordered, so every transaction writes counter rows in the same order.
 */
record RegisterCountKey(String department, String status, String channel, String category, boolean urgent)
        implements Comparable<RegisterCountKey> {

    static final String UNASSIGNED = "";

    private static final Comparator<RegisterCountKey> ORDER = Comparator.comparing(RegisterCountKey::department)
            .thenComparing(RegisterCountKey::status).thenComparing(RegisterCountKey::channel)
            .thenComparing(RegisterCountKey::category).thenComparing(RegisterCountKey::urgent);

    static RegisterCountKey of(RegisterEntry entry) {
        return new RegisterCountKey(entry.getDepartment() == null ? UNASSIGNED : entry.getDepartment().name(),
                entry.getStatus().name(), entry.getChannel().name(), entry.getCategory().name(), entry.isUrgent());
    }

    @Override
    public int compareTo(RegisterCountKey other) {
        return ORDER.compare(this, other);
    }
}
