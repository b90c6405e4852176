package org.letterdesk.command.api;

import org.letterdesk.procedure.Role;

/** The authenticated user and the role under which they issue a command (recorded on every event). */
public record Actor(String user, Role role) {
}
