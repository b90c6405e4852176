package org.letterdesk.command.sender;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.letterdesk.command.letter.Letter;
import org.letterdesk.events.Sender;
import org.letterdesk.personaldata.PersonalDataMask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The clear contact of a letter's sender for sending them something (a reply by e-mail): the file's current
 * e-mail if it has one, else the one registered with the letter. For the system's own sending only, never for a
 * person's read (that is the recorded {@code GET /api/letters/{id}/sender}). Empty once erased or when none is known.
 */
@Component
public class SenderContacts {

    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final SenderIndex index;

    SenderContacts(ObjectProvider<org.axonframework.config.Configuration> axon, SenderIndex index) {
        this.axon = axon;
        this.index = index;
    }

    public Optional<String> email(String letterId) {
        if (CurrentUnitOfWork.isStarted()) {
            return read(letterId);
        }
        try {
            return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> read(letterId)).getPayload();
        } catch (Exception e) {
            throw new IllegalStateException("The sender of letter " + letterId + " could not be read", e);
        }
    }

    private Optional<String> read(String letterId) {
        try {
            var letter = axon.getObject().repository(Letter.class).load(letterId);
            String senderId = letter.invoke(Letter::senderId);
            Sender registered = letter.invoke(Letter::sender);
            String email = null;
            if (senderId != null) {
                String fileId = index.fileOf(letterId).orElse(senderId);
                Sender current = axon.getObject().repository(SenderFile.class).load(fileId).invoke(SenderFile::sender);
                email = current == null ? null : current.email();
            }
            if (email == null && registered != null) {
                email = registered.email();
            }
            return Optional.ofNullable(email).filter(e -> !e.isBlank() && !PersonalDataMask.ERASED.equals(e));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
