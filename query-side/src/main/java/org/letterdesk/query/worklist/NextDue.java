package org.letterdesk.query.worklist;

import org.letterdesk.events.DeadlineKind;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The earliest deadline of a letter still waiting to be met: first response, reply, follow-up, a dispute
 * investigation or a commitment of the reply. A missed deadline that is still unmet counts: the work is still owed, and most urgently.
 */
record NextDue(Instant due, DeadlineKind kind) {

    static Optional<NextDue> of(LetterView view) {
        Stream<NextDue> letterDeadlines = view.deadlines.entrySet().stream()
                .filter(e -> e.getValue().metAt == null && e.getValue().due != null)
                .map(e -> new NextDue(e.getValue().due, e.getKey()));
        Stream<NextDue> investigations = view.disputes.stream()
                .filter(d -> d.investigatedAt == null && d.investigationDue != null)
                .map(d -> new NextDue(d.investigationDue, DeadlineKind.DISPUTE_INVESTIGATION));
        Stream<NextDue> commitments = view.commitments.stream()
                .filter(c -> c.fulfilledAt == null && c.due != null)
                .map(c -> new NextDue(c.due, DeadlineKind.COMMITMENT));
        return Stream.concat(Stream.concat(letterDeadlines, investigations), commitments)
                .min(Comparator.comparing(NextDue::due).thenComparing(NextDue::kind));
    }
}
