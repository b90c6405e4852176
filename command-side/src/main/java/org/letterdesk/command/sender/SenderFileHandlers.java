package org.letterdesk.command.sender;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.letterdesk.command.letter.Letter;
import org.letterdesk.command.sender.SenderFileCommands.EraseSenderPersonalData;
import org.letterdesk.command.sender.SenderFileCommands.MergeSenderFiles;
import org.letterdesk.command.sender.SenderFileCommands.ViewSenderPersonalData;
import org.letterdesk.events.PersonalDataViewed;
import org.letterdesk.events.Sender;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.EventMetaData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The sender-file commands that span several aggregates, each in one transaction: a merge (both files), the
 * recorded clear read (the letter, its file) and the erasure (the file, every letter of it, the keys).
 */
@Component
class SenderFileHandlers {

    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final SenderIndex index;
    private final SenderKeys keys;
    private final Clock clock;

    SenderFileHandlers(ObjectProvider<org.axonframework.config.Configuration> axon, SenderIndex index,
                       SenderKeys keys, Clock clock) {
        this.axon = axon;
        this.index = index;
        this.keys = keys;
        this.clock = clock;
    }

    @CommandHandler
    void handle(MergeSenderFiles cmd) {
        if (cmd.senderId().equals(cmd.otherSenderId())) {
            throw new LetterdeskProblem(ProblemCode.INVALID_TRANSITION, "A sender file cannot be merged with itself",
                    Map.of("senderId", cmd.senderId()));
        }
        Aggregate<SenderFile> survivor = file(cmd.senderId());
        Aggregate<SenderFile> other = file(cmd.otherSenderId());
        survivor.execute(file -> file.absorb(cmd.otherSenderId()));
        other.execute(file -> file.mergeInto(cmd.senderId()));
        index.merge(cmd.otherSenderId(), cmd.senderId());
    }

    /** The letter's sender in clear, recorded on the letter as {@link PersonalDataViewed}. */
    @CommandHandler
    ClearSender handle(ViewSenderPersonalData cmd, @MetaDataValue(EventMetaData.USER) String user,
                       @MetaDataValue(EventMetaData.ROLE) String role) {
        Aggregate<Letter> letter = letters().load(cmd.letterId());
        String senderId = letter.invoke(Letter::senderId);
        Sender registered = letter.invoke(Letter::sender);
        Sender current = null;
        if (senderId != null) {
            String fileId = index.fileOf(cmd.letterId()).orElse(senderId);
            current = file(fileId).invoke(SenderFile::sender);
        }
        Instant now = clock.instant();
        letter.execute(l -> apply(new PersonalDataViewed(cmd.letterId(), senderId, user, role,
                cmd.reason().strip(), now)));
        return new ClearSender(cmd.letterId(), senderId, registered, current);
    }

    @CommandHandler
    ErasureResult handle(EraseSenderPersonalData cmd) {
        Aggregate<SenderFile> file = file(cmd.senderId());
        Instant now = clock.instant();
        List<String> letterIds = index.letters(cmd.senderId());
        List<Aggregate<Letter>> letters = new ArrayList<>();
        List<String> retained = new ArrayList<>();
        for (String letterId : letterIds) {
            Aggregate<Letter> letter = letters().load(letterId);
            Instant retainUntil = letter.invoke(Letter::retainUntil);
            if (retainUntil == null || retainUntil.isAfter(now)) {
                retained.add(letterId);
            }
            letters.add(letter);
        }
        if (!retained.isEmpty()) {
            throw new LetterdeskProblem(ProblemCode.RETENTION_NOT_EXPIRED, retained.size() + " of the "
                    + letterIds.size() + " letters of sender " + cmd.senderId() + " are within retention",
                    Map.of("senderId", cmd.senderId(), "retainedLetters", retained));
        }
        List<String> keyIds = index.keyIds(cmd.senderId());
        file.execute(f -> f.erase(cmd.reason().strip(), keyIds));
        letters.forEach(letter -> letter.execute(Letter::recordPersonalDataErased));
        keys.destroy(keyIds);
        index.forget(cmd.senderId());
        return new ErasureResult(cmd.senderId(), letterIds.size(), keyIds.size());
    }

    private Aggregate<SenderFile> file(String senderId) {
        try {
            return axon.getObject().repository(SenderFile.class).load(senderId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LetterdeskProblem(ProblemCode.SENDER_NOT_FOUND, "No sender file " + senderId,
                    Map.of("senderId", senderId));
        }
    }

    private Repository<Letter> letters() {
        return axon.getObject().repository(Letter.class);
    }

    /**
     * @param sender  the sender as registered with the letter
     * @param current the sender's file as it is now (contact updates applied); null for letters registered before
     *                sender files
     */
    record ClearSender(String letterId, String senderId, Sender sender, Sender current) {
    }

    record ErasureResult(String senderId, int letters, int keysDestroyed) {
    }
}
