package org.letterdesk.command.sender;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.sender.SenderFileCommands.UpdateSenderContact;
import org.letterdesk.events.ContactVerification;
import org.letterdesk.events.Sender;
import org.letterdesk.events.SenderContactUpdated;
import org.letterdesk.events.SenderErased;
import org.letterdesk.events.SenderFileMergedInto;
import org.letterdesk.events.SenderFileOpened;
import org.letterdesk.problem.LetterdeskProblem;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SenderFileAggregateTest {

    private static final String ID = "5e4d3c2b-0000-4000-8000-000000000002";
    private static final SenderFileOpened OPENED = new SenderFileOpened(ID,
            new Sender("张三", null, "13800138000", "z@example.com", "上海市浦东新区世纪大道100号", null), "letter-1");

    private final List<String> indexed = new ArrayList<>();
    private AggregateTestFixture<SenderFile> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(SenderFile.class);
        fixture.registerInjectableResource((ContactIndex) (senderId, keys) -> indexed.addAll(keys));
    }

    @Test
    void aContactUpdateSaysHowItWasVerifiedAndMakesTheNewPhoneFindable() {
        fixture.given(OPENED)
                .when(new UpdateSenderContact(ID, " 139-0000-0001 ", null, " ", ContactVerification.IN_PERSON))
                .expectEvents(new SenderContactUpdated(ID, "139-0000-0001", null, null, ContactVerification.IN_PERSON));
        assertThat(indexed).containsExactlyElementsOf(MatchKeys.ofContact("13900000001", null));
    }

    @Test
    void anUpdateWithoutAnyDetailIsRefused() {
        fixture.given(OPENED)
                .when(new UpdateSenderContact(ID, null, " ", null, ContactVerification.PHONE))
                .expectException(LetterdeskProblem.class)
                .expectExceptionMessage("No contact detail given")
                .expectNoEvents();
    }

    @Test
    void aFileMergedAwayOrErasedTakesNoUpdate() {
        fixture.given(OPENED, new SenderFileMergedInto(ID, "other"))
                .when(new UpdateSenderContact(ID, "13900000001", null, null, ContactVerification.PHONE))
                .expectException(LetterdeskProblem.class)
                .expectNoEvents();
        fixture.given(OPENED, new SenderErased(ID, "保存期满", List.of(ID)))
                .when(new UpdateSenderContact(ID, "13900000001", null, null, ContactVerification.PHONE))
                .expectException(LetterdeskProblem.class)
                .expectNoEvents();
        assertThat(indexed).isEmpty();
    }
}
