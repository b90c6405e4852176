package org.letterdesk.query.letter;

import org.letterdesk.procedure.LetterheadSettings;
import org.letterdesk.procedure.ReplyTemplate;

import java.time.LocalDate;

/**
 * The report back to a referring office in the layout of seed 002's 答复 to the 县政府办公室督查科: the organisation,
 * the title 关于…的答复, the office addressed, the opening naming the referral's reference number, the three
 * numbered sections (反映的问题, 基本情况, 调查办理情况 with its outcome) each paragraph indented by two full-width
 * spaces, the enclosed files (附件) if any, then the organisation and the date in Chinese numerals (二〇一一年四月二日).
 */
final class ReferralReportTemplate {

    private static final String INDENT = "\u3000\u3000";
    private static final char[] DIGITS = "〇一二三四五六七八九".toCharArray();

    private ReferralReportTemplate() {
    }

    static String render(LetterView view, LetterView.ReferralReport report, LetterheadSettings letterhead,
                         LocalDate date) {
        String organization = letterhead.organization();
        StringBuilder text = new StringBuilder();
        text.append(organization).append('\n');
        text.append("关于").append(view.subject).append("的答复").append("\n\n");
        text.append(view.referral.office).append("：\n");
        text.append(INDENT).append("接到").append(view.referral.referenceNo)
                .append("，我单位高度重视所反映的问题，立即展开调查。现将调查办理情况汇报如下：\n");
        section(text, "一、反映的问题", report.problem);
        section(text, "二、基本情况", report.background);
        section(text, "三、调查办理情况", report.investigation);
        paragraphs(text, report.outcome);
        if (!report.attachments.isEmpty()) {
            text.append(INDENT).append("附件：\n");
            for (int i = 0; i < report.attachments.size(); i++) {
                text.append(INDENT).append(i + 1).append(". ")
                        .append(ReplyTemplate.describe(report.attachments.get(i))).append('\n');
            }
        }
        text.append('\n').append(organization).append('\n');
        text.append(chineseDate(date)).append('\n');
        return text.toString();
    }

    private static void section(StringBuilder text, String heading, String body) {
        text.append(INDENT).append(heading).append('\n');
        paragraphs(text, body);
    }

    private static void paragraphs(StringBuilder text, String body) {
        for (String paragraph : body.split("\\R+")) {
            if (!paragraph.isBlank()) {
                text.append(INDENT).append(paragraph.strip()).append('\n');
            }
        }
    }

    /** 2011-04-02 → 二〇一一年四月二日, as official documents date themselves. */
    static String chineseDate(LocalDate date) {
        StringBuilder year = new StringBuilder();
        for (char c : String.valueOf(date.getYear()).toCharArray()) {
            year.append(DIGITS[c - '0']);
        }
        return year + "年" + number(date.getMonthValue()) + "月" + number(date.getDayOfMonth()) + "日";
    }

    private static String number(int n) {
        if (n < 10) {
            return String.valueOf(DIGITS[n]);
        }
        String tens = n / 10 == 1 ? "十" : DIGITS[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + DIGITS[n % 10];
    }
}
