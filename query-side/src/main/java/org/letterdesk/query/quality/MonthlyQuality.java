package org.letterdesk.query.quality;

import java.util.List;

/**
 * The month's error analysis (质量分析): a row per department and the total over them; the quality loop
 * (commitments, satisfaction, spot check) and supervision in rows of the same departments beside them.
 */
public record MonthlyQuality(String month, String zone, List<QualityFigures> departments, QualityFigures total,
                             QualityLoop qualityLoop, Supervision supervision) {

    public record QualityLoop(List<LoopFigures> departments, LoopFigures total) {
    }

    /** Supervision (督办) in the month, in rows of the same departments. */
    public record Supervision(List<SupervisionFigures> departments, SupervisionFigures total) {
    }
}
