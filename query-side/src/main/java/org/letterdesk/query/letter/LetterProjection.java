package org.letterdesk.query.letter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.events.LetterEvent;
import org.letterdesk.query.register.RegisterEntries;
import org.letterdesk.query.register.RegisterEntry;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the letter view and the register row of each letter. Idempotent: an event at or below the stored version
 * was already applied and is skipped, so redelivery and replays leave the same tables.
 */
@Component
@ProcessingGroup(LetterProjection.GROUP)
@AllowReplay
class LetterProjection {

    static final String GROUP = "letters";

    private final StoredLetterViews views;
    private final RegisterEntries register;
    private final LetterViewJson json;

    LetterProjection(StoredLetterViews views, RegisterEntries register, LetterViewJson json) {
        this.views = views;
        this.register = register;
        this.json = json;
    }

    @EventHandler
    void on(LetterEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(value = "user", required = false) String user) {
        StoredLetterView stored = views.findById(event.letterId()).orElseGet(() -> new StoredLetterView(
                event.letterId()));
        if (sequence <= stored.version()) {
            return;
        }
        LetterView view = stored.document() == null ? new LetterView() : json.read(stored.document());
        view.apply(event, new LetterView.EventContext(sequence, at, user));
        stored.update(sequence, json.write(view), at);
        views.save(stored);
        register.save(RegisterEntry.of(view));
    }

    @ResetHandler
    void reset() {
        register.deleteAllInBatch();
        views.deleteAllInBatch();
    }
}
