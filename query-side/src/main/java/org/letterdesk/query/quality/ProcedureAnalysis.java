package org.letterdesk.query.quality;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The petitions-and-referrals section of the monthly analysis: a row per department, as the other sections. */
@Component
class ProcedureAnalysis {

    private final ProcedureFacts facts;

    ProcedureAnalysis(ProcedureFacts facts) {
        this.facts = facts;
    }

    /**
     * @param rows      the departments to show, in order
     * @param totalName the total row's name
     */
    MonthlyQuality.PetitionsAndReferrals analyse(AnalysisMonth month, List<String> rows, String totalName,
                                                 Instant now) {
        Map<String, ProcedureCounts> counts = facts.countsByDepartment(month, now);
        List<ProcedureFigures> figures = new ArrayList<>(rows.size());
        ProcedureCounts total = ProcedureCounts.NONE;
        for (String row : rows) {
            ProcedureCounts c = counts.getOrDefault(row, ProcedureCounts.NONE);
            figures.add(ProcedureFigures.of(row, c));
            total = total.plus(c);
        }
        return new MonthlyQuality.PetitionsAndReferrals(figures, ProcedureFigures.of(totalName, total));
    }
}
