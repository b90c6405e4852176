package org.letterdesk.command.procedure;

import org.letterdesk.events.Channel;
import org.letterdesk.events.Department;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.events.Sender;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * What the capabilities of a letter (its aggregate members) may read of the letter as a whole. The letter root
 * answers from its members, so each fact is kept once, by the capability that owns it.
 */
public interface LetterFacts {

    String letterId();

    String serialNo();

    Channel channel();

    Instant receivedAt();

    Sender sender();

    /** The sender file linked at registration; null for letters registered before sender files. */
    String senderId();

    boolean urgent();

    boolean assigned();

    /** The department the letter is assigned to, null before assignment. */
    Department department();

    ContentFlags flags();

    /** The draft that passed every required review level, if the latest draft did. */
    OptionalInt approvedDraft();

    boolean replied();

    /** Why the letter's own procedure forbids a reply now (a petition not accepted), for a refusal; else null. */
    String replyBlockedByProcedure();

    LetterStatus status();

    /** What keeps a replied letter from being closed, for a refusal's text. */
    String pendingWork();

    /** The letter's outcome after the events applied so far: what a command answers. */
    LetterOutcome outcome();
}
