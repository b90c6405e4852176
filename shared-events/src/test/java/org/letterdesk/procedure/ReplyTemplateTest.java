package org.letterdesk.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.GlossaryEntry;
import org.letterdesk.events.ReplyContent;

class ReplyTemplateTest {

    private static final String INDENT = "\u3000\u3000";
    private static final LetterheadSettings LETTERHEAD = new LetterheadSettings("XX服务有限公司", "客户服务部");
    private static final LocalDate DATE = LocalDate.of(2026, 3, 8);

    private final ReplyTemplate template = new ReplyTemplate();

    private final ReplyContent pointsDraft = new ReplyContent(
            "张先生",
            "关于您反映的XX会员积分未按时到账的问题，经核查，现答复如下：",
            List.of("您3月2日消费所得积分因系统升级延迟入账，已于3月6日补发至您的账户。",
                    "今后积分将在消费后24小时内到账，您可在“会员中心—积分明细”中查询。"),
            List.of(new GlossaryEntry("会员积分", "即消费1元获得1积分。")),
            List.of("将补发积分直接计入您的账户，可立即使用。", "将等值积分兑换为50元电子优惠券，有效期6个月。"));

    @Test
    void rendersTheWholeLetter() {
        String expected = String.join("\n",
                "尊敬的张先生：",
                INDENT + "感谢您致信XX服务有限公司，我们已收到您的信函。",
                INDENT + "关于您反映的XX会员积分未按时到账的问题，经核查，现答复如下：",
                INDENT + "1. 您3月2日消费所得积分因系统升级延迟入账，已于3月6日补发至您的账户。",
                INDENT + "2. 今后积分将在消费后24小时内到账，您可在“会员中心—积分明细”中查询。",
                INDENT + "可供选择的方案：",
                INDENT + "方案A：将补发积分直接计入您的账户，可立即使用。",
                INDENT + "方案B：将等值积分兑换为50元电子优惠券，有效期6个月。",
                INDENT + "术语说明：",
                INDENT + "会员积分：即消费1元获得1积分。",
                INDENT + "如有其他疑问，欢迎随时联系我们。",
                INDENT + "祝好！",
                "XX服务有限公司",
                "客户服务部",
                "2026年3月8日") + "\n";

        assertThat(template.render(pointsDraft, "张三", LETTERHEAD, DATE)).isEqualTo(expected);
    }

    @Test
    void listsTheAttachmentsWithNameTypeAndSizeBeforeTheClosing() {
        ReplyContent draft = new ReplyContent(null, "现答复如下：", List.of("详见附件。"), List.of(), List.of(),
                List.of(new Attachment("办理流程图.png", "image/png", 1536L, "a".repeat(64)),
                        new Attachment("截图.jpg", "image/jpeg", 512L, "b".repeat(64)),
                        new Attachment("说明.pdf", "application/pdf", 3L * 1024 * 1024 + 104858, "c".repeat(64)),
                        new Attachment("收据", null, null, null)));

        assertThat(template.render(draft, null, LETTERHEAD, DATE)).contains(String.join("\n",
                INDENT + "1. 详见附件。",
                INDENT + "附件：",
                INDENT + "1. 办理流程图.png（image/png，1.5 KB）",
                INDENT + "2. 截图.jpg（image/jpeg，512 B）",
                INDENT + "3. 说明.pdf（application/pdf，3.1 MB）",
                INDENT + "4. 收据",
                INDENT + "如有其他疑问，欢迎随时联系我们。"));
    }

    @Test
    void aDraftWithoutAttachmentsHasNoAttachmentList() {
        assertThat(template.render(pointsDraft, "张三", LETTERHEAD, DATE)).doesNotContain("附件");
    }

    @Test
    void everyPointStartsWithTwoFullWidthSpacesAndItsNumber() {
        List<String> lines = template.render(pointsDraft, "张三", LETTERHEAD, DATE).lines().toList();

        for (int i = 0; i < pointsDraft.points().size(); i++) {
            String point = pointsDraft.points().get(i);
            assertThat(lines).filteredOn(line -> line.endsWith(point))
                    .singleElement().asString().startsWith(INDENT + (i + 1) + ". ");
        }
    }

    @Test
    void continuationLinesOfAPointAreIndentedToo() {
        ReplyContent draft = new ReplyContent("李女士", null,
                List.of("　　请携带身份证件办理。\n如无法到场，\r\n\n  可委托他人代办。"), null, null);

        assertThat(template.render(draft, null, LETTERHEAD, DATE)).contains(
                "\n" + INDENT + "1. 请携带身份证件办理。\n" + INDENT + "如无法到场，\n" + INDENT + "可委托他人代办。\n");
    }

    @Test
    void addressesTheSenderWhenTheDraftHasNoSalutation() {
        ReplyContent draft = new ReplyContent(" ", null, List.of("已办理。"), null, null);

        assertThat(template.render(draft, "王五", LETTERHEAD, DATE)).startsWith("尊敬的王五：\n");
    }

    @Test
    void addressesTheCustomerWhenNoNameIsKnown() {
        ReplyContent draft = new ReplyContent(null, null, List.of("已办理。"), null, null);

        assertThat(template.render(draft, null, LETTERHEAD, DATE)).startsWith("尊敬的客户：\n");
    }

    @Test
    void leavesOutEmptySectionsAndABlankDepartment() {
        ReplyContent draft = new ReplyContent("赵先生", "", List.of("已办理。"), null, null);

        String letter = template.render(draft, null, new LetterheadSettings("XX服务有限公司", " "),
                LocalDate.of(2026, 12, 31));

        assertThat(letter).isEqualTo(String.join("\n",
                "尊敬的赵先生：",
                INDENT + "感谢您致信XX服务有限公司，我们已收到您的信函。",
                INDENT + "1. 已办理。",
                INDENT + "如有其他疑问，欢迎随时联系我们。",
                INDENT + "祝好！",
                "XX服务有限公司",
                "2026年12月31日") + "\n");
    }

    @Test
    void letterheadNeedsAnOrganization() {
        assertThatThrownBy(() -> new LetterheadSettings(" ", "客户服务部"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
