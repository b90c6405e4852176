package org.letterdesk.command.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;

/**
 * @param reportNo     the report written or reviewed
 * @param reportDone   every required level approved it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralReportResult(@JsonUnwrapped LetterOutcome letter, int reportNo, boolean reportDone)
        implements CommandResult {
}
