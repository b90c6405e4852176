package org.letterdesk.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.letter.Letter;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.procedure.EventMetaData;
import org.letterdesk.query.letter.LetterView;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The letter aggregate and the read side derive a letter's status from the same rule: after every event of every
 * letter of the replay fixture (15 letters through every stage of the procedure), the status the aggregate answers
 * commands with equals the status of the view.
 */
class StatusParityTest extends ApiTestSupport {

    @Autowired
    EventStore eventStore;
    @Autowired
    Configuration axon;

    @Test
    void theAggregateAndTheViewAgreeOnTheStatusAfterEveryEvent() {
        ReplayFixture fixture = ReplayFixture.load(jdbc, json);
        // The application's own handler resolution: its aggregate handlers take resources such as the clock.
        AggregateModel<Letter> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Letter.class,
                axon.parameterResolverFactory(), axon.handlerDefinition(Letter.class));
        Set<LetterStatus> seen = EnumSet.noneOf(LetterStatus.class);
        int compared = 0;
        for (String letterId : fixture.lastSequence().keySet()) {
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(letterId, 0).asStream().toList();
            assertThat(events).hasSize((int) (fixture.lastSequence().get(letterId) + 1));
            LetterView view = new LetterView();
            for (int n = 1; n <= events.size(); n++) {
                DomainEventMessage<?> event = events.get(n - 1);
                view.apply(event.getPayload(), new LetterView.EventContext(event.getSequenceNumber(),
                        event.getTimestamp(), (String) event.getMetaData().get(EventMetaData.USER)));
                LetterStatus aggregate = folded(model, events.subList(0, n)).status();
                assertThat(aggregate).as("%s after %s (#%d)", letterId, event.getPayloadType().getSimpleName(),
                        event.getSequenceNumber()).isEqualTo(view.status);
                seen.add(aggregate);
                compared++;
            }
        }
        assertThat(seen).as("stages covered").containsExactlyInAnyOrder(LetterStatus.values());
        assertThat(compared).isGreaterThan(100);
    }

    /** The aggregate sourced from the events, as the repository would load it. */
    private static Letter folded(AggregateModel<Letter> model, List<? extends DomainEventMessage<?>> events) {
        DomainEventMessage<?> first = events.get(0);
        Letter root = new GenericAggregateFactory<>(model).createAggregateRoot(first.getAggregateIdentifier(),
                first);
        EventSourcedAggregate<Letter> aggregate = EventSourcedAggregate.initialize(root, model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events.stream().map(e -> (DomainEventMessage<?>) e)));
        return aggregate.getAggregateRoot();
    }

}
