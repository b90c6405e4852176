package org.letterdesk.command.sender;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.letterdesk.command.sender.SenderFileCommands.UpdateSenderContact;
import org.letterdesk.events.ContactVerification;
import org.letterdesk.events.Sender;
import org.letterdesk.events.SenderContactUpdated;
import org.letterdesk.events.SenderErased;
import org.letterdesk.events.SenderFileMergedInto;
import org.letterdesk.events.SenderFileOpened;
import org.letterdesk.events.SenderFilesMerged;
import org.letterdesk.personaldata.PersonalDataMask;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A sender's file (客户档案): who they are and how to reach them now. A small aggregate of its own, since it lives
 * across many letters: opened by the registration that first met the sender, its contact details updated with how
 * they were verified, merged with another file of the same person (never silently), erased after retention. The
 * letters it holds are found through the letters' own registration events.
 */
@Aggregate(cache = "senderFileCache")
public class SenderFile {

    @AggregateIdentifier
    private String senderId;
    private Sender sender;
    private String mergedInto;
    private final List<String> absorbed = new ArrayList<>();
    private boolean erased;

    protected SenderFile() {
        // for Axon
    }

    /** Opens the file for the registration of letter {@code letterId}. */
    public SenderFile(String senderId, Sender sender, String letterId) {
        apply(new SenderFileOpened(senderId, sender, letterId));
    }

    @CommandHandler
    public void handle(UpdateSenderContact cmd, ContactIndex index) {
        guardOpen();
        if (blank(cmd.phone()) && blank(cmd.email()) && blank(cmd.address())) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "No contact detail given",
                    Map.of("errors", List.of(Map.of("field", "phone", "message",
                            "at least one of phone, email, address is required"))));
        }
        apply(new SenderContactUpdated(senderId, trim(cmd.phone()), trim(cmd.email()), trim(cmd.address()),
                cmd.verifiedBy()));
        index.add(senderId, MatchKeys.ofContact(cmd.phone(), cmd.email()));
    }

    /** Takes {@code otherSenderId}'s file into this one. */
    public void absorb(String otherSenderId) {
        if (otherSenderId.equals(senderId)) {
            throw new LetterdeskProblem(ProblemCode.INVALID_TRANSITION, "A sender file cannot be merged with itself",
                    Map.of("senderId", senderId));
        }
        guardOpen();
        apply(new SenderFilesMerged(senderId, otherSenderId));
    }

    /** Hands this file over to {@code intoSenderId}; its history stays here. */
    public void mergeInto(String intoSenderId) {
        guardOpen();
        apply(new SenderFileMergedInto(senderId, intoSenderId));
    }

    public void erase(String reason, List<String> destroyedKeys) {
        if (erased) {
            throw new LetterdeskProblem(ProblemCode.INVALID_TRANSITION,
                    "The personal data of sender " + senderId + " was already erased", Map.of("senderId", senderId));
        }
        if (mergedInto != null) {
            throw mergedAway();
        }
        apply(new SenderErased(senderId, reason, destroyedKeys));
    }

    private void guardOpen() {
        if (erased) {
            throw new LetterdeskProblem(ProblemCode.INVALID_TRANSITION,
                    "The personal data of sender " + senderId + " was erased", Map.of("senderId", senderId));
        }
        if (mergedInto != null) {
            throw mergedAway();
        }
    }

    private LetterdeskProblem mergedAway() {
        return new LetterdeskProblem(ProblemCode.INVALID_TRANSITION,
                "Sender file " + senderId + " was merged into " + mergedInto,
                Map.of("senderId", senderId, "mergedInto", mergedInto));
    }

    public String senderId() {
        return senderId;
    }

    /** The sender as now known, in clear (command side only: never answered by an ordinary read). */
    public Sender sender() {
        return sender;
    }

    /** The files merged into this one (their letters count here). */
    public List<String> absorbed() {
        return List.copyOf(absorbed);
    }

    public boolean erased() {
        return erased;
    }

    @EventSourcingHandler
    void on(SenderFileOpened e) {
        senderId = e.senderId();
        sender = e.sender();
    }

    @EventSourcingHandler
    void on(SenderContactUpdated e) {
        sender = new Sender(sender.name(), sender.organization(), e.phone() != null ? e.phone() : sender.phone(),
                e.email() != null ? e.email() : sender.email(), e.address() != null ? e.address() : sender.address(),
                sender.idNumber());
    }

    @EventSourcingHandler
    void on(SenderFilesMerged e) {
        absorbed.add(e.otherSenderId());
    }

    @EventSourcingHandler
    void on(SenderFileMergedInto e) {
        mergedInto = e.intoSenderId();
    }

    @EventSourcingHandler
    void on(SenderErased e) {
        erased = true;
        sender = PersonalDataMask.erased(sender);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
