package org.letterdesk.command.spotcheck;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.spotcheck.SpotCheckCommands.LinkSpotCheckCorrection;
import org.letterdesk.events.CorrectionIssued;
import org.letterdesk.events.FoundBy;

import java.time.Clock;
import java.time.YearMonth;

/**
 * Links each correction found by INTERNAL_SPOT_CHECK to the spot check whose sample holds its letter. A tracking
 * processor of its own, started at the head of the store on first run (no spot check existed before it), so the
 * link is tried again after a failure and never holds up the correction.
 */
@ProcessingGroup(SpotCheckCorrections.PROCESSOR)
public class SpotCheckCorrections {

    public static final String PROCESSOR = "spot-check-corrections";

    private final SpotCheckLetters letters;
    private final CommandGateway gateway;
    private final Clock clock;

    public SpotCheckCorrections(SpotCheckLetters letters, CommandGateway gateway, Clock clock) {
        this.letters = letters;
        this.gateway = gateway;
        this.clock = clock;
    }

    @EventHandler
    void on(CorrectionIssued e, EventMessage<CorrectionIssued> message) {
        if (e.foundBy() != FoundBy.INTERNAL_SPOT_CHECK) {
            return;
        }
        letters.sampledIn(e.letterId()).ifPresent(month -> gateway.sendAndWait(GenericCommandMessage
                .asCommandMessage(new LinkSpotCheckCorrection(SpotCheckCommands.spotCheckId(YearMonth.parse(month)),
                        e.letterId(), e.correctionNo(), message.getTimestamp(), clock.instant()))
                .andMetaData(Deadlines.systemMetaData(message.getIdentifier()))));
    }
}
