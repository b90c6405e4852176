package org.letterdesk.query.history;

import io.swagger.v3.oas.annotations.media.Schema;
import org.letterdesk.events.*;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A letter's events as its page shows them to staff: who, when and what, in one sentence each. The sentences are
 * made from the events' structured fields only — never from the sender's contact details, a reply's recipient or
 * staff's free-text notes, which may hold personal data; the full data stays in the auditors' history.
 */
@Component
public class LetterTimeline {

    private static final Map<Enum<?>, String> NAMES = Map.ofEntries(
            Map.entry(Channel.LETTER, "来函"), Map.entry(Channel.EMAIL, "电子邮件"), Map.entry(Channel.PHONE, "来电"),
            Map.entry(Channel.VISIT, "来访"), Map.entry(Channel.FAX, "传真"), Map.entry(Channel.ONLINE, "网上"),
            Map.entry(Department.CUSTOMER_SERVICE, "客服部门"), Map.entry(Department.BUSINESS, "业务部门"),
            Map.entry(Department.ADMINISTRATION, "行政部门"),
            Map.entry(DeadlineKind.FIRST_RESPONSE, "初步响应"), Map.entry(DeadlineKind.REPLY, "答复"),
            Map.entry(DeadlineKind.FOLLOW_UP, "电话跟进"), Map.entry(DeadlineKind.DISPUTE_INVESTIGATION, "争议调查"),
            Map.entry(ReviewLevel.FORMAT, "内容专员审核"), Map.entry(ReviewLevel.SUPERVISOR, "部门主管审核"),
            Map.entry(ReviewLevel.DIRECTOR, "客户关系总监审核"),
            Map.entry(ReplyChannel.EMAIL, "电子邮件"), Map.entry(ReplyChannel.REGISTERED_MAIL, "挂号信"),
            Map.entry(ReplyChannel.PHONE, "电话"), Map.entry(ReplyChannel.IN_PERSON, "当面"),
            Map.entry(CorrectionCause.DATA_ERROR, "数据错误"), Map.entry(CorrectionCause.POLICY_MISREAD, "政策理解错误"),
            Map.entry(CorrectionCause.OMISSION, "遗漏"), Map.entry(CorrectionCause.TYPO, "笔误"),
            Map.entry(CorrectionCause.WRONG_RECIPIENT, "收件人错误"), Map.entry(CorrectionCause.OTHER, "其他"),
            Map.entry(FoundBy.CUSTOMER_CALLBACK, "客户回访"), Map.entry(FoundBy.INTERNAL_SPOT_CHECK, "内部抽查"),
            Map.entry(FoundBy.OTHER, "其他途径"),
            Map.entry(Category.CONSULTATION, "事务咨询"), Map.entry(Category.ASSISTANCE, "事务求助"),
            Map.entry(Category.PAID_SERVICE, "有偿服务需求"), Map.entry(Category.SUGGESTION, "建议与意见"),
            Map.entry(Category.COMPLAINT, "投诉"), Map.entry(Category.PRAISE, "表扬信"),
            Map.entry(Category.WORK_CONTACT, "工作联系"), Map.entry(Category.PETITION, "信访"));

    private final LetterHistory history;
    private final DateTimeFormatter minutes;

    LetterTimeline(LetterHistory history, ZoneId zone) {
        this.history = history;
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** Named apart from the other Entry in the OpenAPI document (one would silently replace the other). */
    @Schema(name = "TimelineEntry", description = "One event of a letter for its page, summarised, personal data masked")
    public record Entry(long sequence, String type, Instant occurredAt, Map<String, Object> actor, String summary) {
    }

    /** The letter's timeline in event order; empty if there is no such letter. */
    public List<Entry> entries(String letterId) {
        return history.entries(letterId).stream()
                .map(e -> new Entry(e.sequence(), e.type(), e.occurredAt(), e.actor(), summary(e.data())))
                .toList();
    }

    String summary(Object event) {
        if (event instanceof LetterReceived e) {
            return "登记收件（" + name(e.channel()) + "，" + name(e.category()) + "），序号 " + e.serialNo()
                    + "，收件时间 " + minutes.format(e.receivedAt());
        } else if (event instanceof MarkedUrgent) {
            return "标记为紧急";
        } else if (event instanceof DeadlineSet e) {
            return name(e.kind()) + "时限定为 " + minutes.format(e.due())
                    + (e.holidayGraceApplied() ? "（含节假日顺延）" : "");
        } else if (event instanceof DeadlineApproaching e) {
            return name(e.kind()) + "时限临近（" + minutes.format(e.due()) + "）";
        } else if (event instanceof DeadlineMissed e) {
            return name(e.kind()) + "时限已超（" + minutes.format(e.due()) + "）";
        } else if (event instanceof LetterAssigned e) {
            String to = name(e.department()) + (e.assignee() == null ? "" : "，经办人 " + e.assignee());
            return e.previousDepartment() == null ? "分配至" + to
                    : "由" + name(e.previousDepartment()) + "转交至" + to;
        } else if (event instanceof FirstContactMade e) {
            return "已初步联系发件人（" + minutes.format(e.contactedAt()) + "）";
        } else if (event instanceof ContentFlagged e) {
            return "内容审核标记：" + flags(e);
        } else if (event instanceof LegalApprovalGranted) {
            return "法务已批准答复";
        } else if (event instanceof IdentityVerified) {
            return "已电话核实发件人身份";
        } else if (event instanceof ReplyDrafted e) {
            return "撰写答复草稿第 " + e.draftNo() + " 稿"
                    + (e.findings().isEmpty() ? "，措辞检查通过" : "，措辞检查发现 " + e.findings().size() + " 处问题");
        } else if (event instanceof ReviewApproved e) {
            return name(e.level()) + "通过（第 " + e.draftNo() + " 稿）";
        } else if (event instanceof ReviewRejected e) {
            return name(e.level()) + "退回（第 " + e.draftNo() + " 稿）";
        } else if (event instanceof ReplySent e) {
            return "以" + name(e.channel()) + "发送答复（第 " + e.draftNo() + " 稿）";
        } else if (event instanceof FollowUpRecorded e) {
            return "电话跟进已记录" + (e.satisfied() == null ? "" : e.satisfied() ? "，发件人满意" : "，发件人不满意");
        } else if (event instanceof DelayReported e) {
            return "报备延迟答复，预计完成 " + minutes.format(e.expectedCompletion());
        } else if (event instanceof DelayNoticeSent) {
            return "已向发件人发出《延迟答复说明》";
        } else if (event instanceof CorrectionIssued e) {
            return "发出《答复更正函》第 " + e.correctionNo() + " 号（原因：" + name(e.cause()) + "，发现途径："
                    + name(e.foundBy()) + "）";
        } else if (event instanceof CorrectionSignedOff e) {
            return "主管签批更正函第 " + e.correctionNo() + " 号";
        } else if (event instanceof DisputeRecorded e) {
            return "登记争议第 " + e.disputeNo() + " 号";
        } else if (event instanceof DisputeInvestigated e) {
            return "争议第 " + e.disputeNo() + " 号调查完成" + (e.withinDeadline() ? "（按时）" : "（超时）");
        } else if (event instanceof DisputeResolved e) {
            return "争议第 " + e.disputeNo() + " 号" + (e.escalated() ? "已提交协调小组" : "已协商解决");
        } else if (event instanceof PersonalDataViewed e) {
            return "查看发件人个人信息（" + e.user() + "）";
        } else if (event instanceof PersonalDataErased) {
            return "发件人个人信息已删除（保存期满）";
        } else if (event instanceof LetterArchived e) {
            return "存档，档案号 " + e.archiveNo() + "，保存至 " + minutes.format(e.retainUntil()).substring(0, 10);
        }
        return event.getClass().getSimpleName();
    }

    private static String flags(ContentFlagged e) {
        StringBuilder text = new StringBuilder();
        if (e.personalData()) {
            text.append("涉及个人信息；");
        }
        if (e.financialInfo()) {
            text.append("涉及财务信息；");
        }
        if (e.major()) {
            text.append("重大问题；");
        }
        if (e.complex()) {
            text.append("复杂问题；");
        }
        return text.isEmpty() ? "无特殊标记" : text.substring(0, text.length() - 1);
    }

    private static String name(Enum<?> value) {
        return value == null ? "—" : NAMES.getOrDefault(value, value.name());
    }
}
