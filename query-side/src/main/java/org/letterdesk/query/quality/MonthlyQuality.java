package org.letterdesk.query.quality;

import java.util.List;

/** The month's error analysis (质量分析): a row per department and the total over them. */
public record MonthlyQuality(String month, String zone, List<QualityFigures> departments, QualityFigures total) {
}
