package org.letterdesk.command.spotcheck;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.letterdesk.events.SpotCheckResult;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The commands of a month's spot check (内部抽查); one aggregate per month. */
public final class SpotCheckCommands {

    private SpotCheckCommands() {
    }

    /** The aggregate id of a month's spot check. */
    public static String spotCheckId(YearMonth month) {
        return "spot-check-" + month;
    }

    /**
     * Draws the month's sample from {@code candidates} (the letters replied in the month) with {@code seed}.
     * The seed is chosen by the caller, so the draw itself is a pure function of what the event records.
     */
    public record DrawSpotCheck(@TargetAggregateIdentifier String spotCheckId, YearMonth month, int sampleSize,
                                long seed, List<String> candidates, boolean automatic, Instant now) {
    }

    public record RecordSpotCheckResult(@TargetAggregateIdentifier String spotCheckId, String letterId,
                                        SpotCheckResult result, String note, String recordedBy, Instant now) {
    }

    /** A correction found by INTERNAL_SPOT_CHECK was issued for the letter at {@code issuedAt}. */
    public record LinkSpotCheckCorrection(@TargetAggregateIdentifier String spotCheckId, String letterId,
                                          int correctionNo, Instant issuedAt, Instant now) {
    }
}
