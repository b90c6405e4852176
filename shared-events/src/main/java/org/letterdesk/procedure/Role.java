package org.letterdesk.procedure;

/**
 * The staff roles of the procedure (PRODUCT.md, People and permissions). Recorded on every event a user causes;
 * Spring Security authorities are {@code ROLE_<name>}.
 */
public enum Role {
    CLERK, HANDLER, REVIEWER, SUPERVISOR, DIRECTOR, LEGAL, ARCHIVIST, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The names of all roles, e.g. for a check that any staff role may pass. */
    public static String[] names() {
        return java.util.Arrays.stream(values()).map(Role::name).toArray(String[]::new);
    }
}
