package org.letterdesk.command.api;

/** Roles of PRODUCT.md; Spring Security authorities are {@code ROLE_<name>}. */
public enum Role {
    CLERK, HANDLER, REVIEWER, SUPERVISOR, DIRECTOR, LEGAL, ARCHIVIST, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
