package org.letterdesk.command.spotcheck;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.letterdesk.command.spotcheck.SpotCheckCommands.DrawSpotCheck;
import org.letterdesk.command.spotcheck.SpotCheckCommands.RecordSpotCheckResult;
import org.letterdesk.events.SpotCheckResult;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Draws a month's spot check and records its results through its aggregate. The seed is chosen here, at random,
 * and recorded in the draw: 53 bits, so it survives a JSON client's number type unchanged.
 */
@Component
public class SpotChecks {

    private static final int SEED_BITS = 53;

    private final CommandGateway gateway;
    private final SpotCheckLetters letters;
    private final Clock clock;
    private final ZoneId zone;
    private final int defaultSampleSize;
    private final SecureRandom random = new SecureRandom();

    SpotChecks(CommandGateway gateway, SpotCheckLetters letters, Clock clock, ZoneId zone,
               @Value("${letterdesk.spot-check.sample-size:10}") int defaultSampleSize) {
        this.gateway = gateway;
        this.letters = letters;
        this.clock = clock;
        this.zone = zone;
        this.defaultSampleSize = defaultSampleSize;
    }

    public int defaultSampleSize() {
        return defaultSampleSize;
    }

    /** When the month ends in the organisation's zone: it can be drawn from then on. */
    public Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Draws the month (409 SPOT_CHECK_DRAWN if it is drawn); answers the drawn command's seed and letters. */
    public Drawn draw(YearMonth month, int sampleSize, boolean automatic, MetaData metaData) {
        long seed = random.nextLong() >>> (Long.SIZE - SEED_BITS);
        List<String> candidates = letters.repliedIn(month);
        try {
            List<String> drawn = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new DrawSpotCheck(
                    SpotCheckCommands.spotCheckId(month), month, sampleSize, seed, candidates, automatic,
                    clock.instant())).andMetaData(metaData));
            return new Drawn(month.toString(), seed, drawn);
        } catch (ConcurrencyException e) {
            // Another draw of the month (a supervisor's, the system's) created its stream first.
            throw new LetterdeskProblem(ProblemCode.SPOT_CHECK_DRAWN, "The spot check of " + month
                    + " was drawn meanwhile", Map.of("month", month.toString()));
        }
    }

    public record Drawn(String month, long seed, List<String> letters) {
    }

    /** Records a result; answers whether the spot check is complete now. 404 if the month is not drawn. */
    public boolean record(YearMonth month, String letterId, SpotCheckResult result, String note, String user,
                          MetaData metaData) {
        try {
            for (int tries = 1; ; tries++) {
                try {
                    return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordSpotCheckResult(
                            SpotCheckCommands.spotCheckId(month), letterId, result, note, user, clock.instant()))
                            .andMetaData(metaData));
                } catch (ConcurrencyException e) {
                    // Another node recorded a result of the same month meanwhile: try again on the new state.
                    if (tries == 3) {
                        throw e;
                    }
                }
            }
        } catch (AggregateNotFoundException e) {
            throw new LetterdeskProblem(ProblemCode.SPOT_CHECK_NOT_FOUND, "No spot check was drawn for " + month,
                    Map.of("month", month.toString()));
        }
    }
}
