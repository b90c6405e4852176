package org.letterdesk.query.quality;

import java.util.List;

/**
 * The month's error analysis (质量分析): a row per department and the total over them; the quality loop
 * (commitments, satisfaction, spot check) and supervision in rows of the same departments beside them, and so
 * petitions and referral reports.
 */
public record MonthlyQuality(String month, String zone, List<QualityFigures> departments, QualityFigures total,
                             QualityLoop qualityLoop, PetitionsAndReferrals petitionsAndReferrals,
                             Supervision supervision) {

    public record QualityLoop(List<LoopFigures> departments, LoopFigures total) {
    }

    public record PetitionsAndReferrals(List<ProcedureFigures> departments, ProcedureFigures total) {
    }

    /** Supervision (督办) in the month, in rows of the same departments. */
    public record Supervision(List<SupervisionFigures> departments, SupervisionFigures total) {
    }
}
