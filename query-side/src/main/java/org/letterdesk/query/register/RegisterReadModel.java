package org.letterdesk.query.register;

import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

/** Keeps the register row (信函登记表) of each letter. */
@Component
class RegisterReadModel implements LetterReadModel {

    private final RegisterEntries register;

    RegisterReadModel(RegisterEntries register) {
        this.register = register;
    }

    @Override
    public void update(LetterView view) {
        register.save(RegisterEntry.of(view));
    }

    @Override
    public void reset() {
        register.deleteAllInBatch();
    }
}
