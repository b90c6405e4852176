package org.letterdesk.query.letter;

import org.junit.jupiter.api.Test;
import org.letterdesk.procedure.LetterheadSettings;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The report back to a referring office in seed 002's layout (夏津县教育局's 答复 to the 督查科). */
class ReferralReportTemplateTest {

    @Test
    void datesAreWrittenInChineseNumeralsAsOfficialDocumentsDo() {
        assertThat(ReferralReportTemplate.chineseDate(LocalDate.parse("2011-04-02"))).isEqualTo("二〇一一年四月二日");
        assertThat(ReferralReportTemplate.chineseDate(LocalDate.parse("2026-12-31"))).isEqualTo("二〇二六年十二月三十一日");
        assertThat(ReferralReportTemplate.chineseDate(LocalDate.parse("2026-10-10"))).isEqualTo("二〇二六年十月十日");
    }

    @Test
    void theReportHasTheSeedsSectionsInOrder() {
        LetterView view = new LetterView();
        view.subject = "反映侯东风问题";
        view.referral = new LetterView.Referral();
        view.referral.office = "县政府办公室督查科";
        view.referral.referenceNo = "县委第12号批办件";
        LetterView.ReferralReport report = new LetterView.ReferralReport();
        report.problem = "关于郑保屯镇学管会总校长侯东风贪污受贿的一些问题。";
        report.background = "侯东风，男，汉族，1963年9月生。";
        report.investigation = "经查实，截留学生经费263525.28元。";
        report.outcome = "免去侯东风郑保屯镇学管会总校长职务。";
        String text = ReferralReportTemplate.render(view, report, new LetterheadSettings("夏津县教育局", null),
                LocalDate.parse("2011-04-02"));
        assertThat(text).isEqualTo("""
                夏津县教育局
                关于反映侯东风问题的答复

                县政府办公室督查科：
                　　接到县委第12号批办件，我单位高度重视所反映的问题，立即展开调查。现将调查办理情况汇报如下：
                　　一、反映的问题
                　　关于郑保屯镇学管会总校长侯东风贪污受贿的一些问题。
                　　二、基本情况
                　　侯东风，男，汉族，1963年9月生。
                　　三、调查办理情况
                　　经查实，截留学生经费263525.28元。
                　　免去侯东风郑保屯镇学管会总校长职务。

                夏津县教育局
                二〇一一年四月二日
                """);
    }
}
