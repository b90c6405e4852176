package org.letterdesk.command.procedure;

/**
 * A command to an existing letter. {@code expectedVersion} comes from a client's If-Match; null means "whatever the
 * current version is". The letter checks it before any rule of the procedure, so a stale client learns that first.
 */
public interface LetterCommand {

    String letterId();

    Long expectedVersion();
}
