package org.letterdesk.query.letter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.events.LetterEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the letter view of each letter and, through it, every {@link LetterReadModel}. Idempotent: an event at or below the stored version
 * was already applied and is skipped, so redelivery and replays leave the same tables.
 */
@Component
@ProcessingGroup(LetterProjection.GROUP)
@AllowReplay
class LetterProjection {

    static final String GROUP = "letters";

    private final StoredLetterViews views;
    private final List<LetterReadModel> readModels;
    private final LetterViewJson json;

    LetterProjection(StoredLetterViews views, List<LetterReadModel> readModels, LetterViewJson json) {
        this.views = views;
        this.readModels = readModels;
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
        readModels.forEach(model -> model.update(view));
    }

    @ResetHandler
    void reset() {
        readModels.forEach(LetterReadModel::reset);
        views.deleteAllInBatch();
    }
}
