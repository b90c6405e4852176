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
            Map.entry(Category.WORK_CONTACT, "工作联系"), Map.entry(Category.PETITION, "信访"),
            Map.entry(DeadlineKind.ACCEPTANCE, "信访受理"), Map.entry(DeadlineKind.COMMITMENT, "承诺事项"),
            Map.entry(DeadlineKind.REFERRAL_REPORT, "批办件报告"), Map.entry(DeadlineKind.REVIEW, "复查/复核答复"),
            Map.entry(Satisfaction.VERY_SATISFIED, "非常满意"), Map.entry(Satisfaction.SATISFIED, "满意"),
            Map.entry(Satisfaction.NEUTRAL, "一般"), Map.entry(Satisfaction.DISSATISFIED, "不满意"),
            Map.entry(Satisfaction.VERY_DISSATISFIED, "非常不满意"),
            Map.entry(AcceptanceDecision.ACCEPTED, "受理"), Map.entry(AcceptanceDecision.NOT_ACCEPTED, "不予受理"),
            Map.entry(PetitionReviewKind.REVIEW, "复查"), Map.entry(PetitionReviewKind.SECOND_REVIEW, "复核"),
            Map.entry(ReviewDecision.APPROVED, "通过"), Map.entry(ReviewDecision.REJECTED, "退回"),
            Map.entry(SupervisionReason.DEADLINE_MISSED, "逾期未办"),
            Map.entry(SupervisionReason.DISSATISFIED, "发件人不满意"),
            Map.entry(OutgoingMailKind.REPLY, "答复函"), Map.entry(OutgoingMailKind.DELAY_NOTICE, "延迟答复说明"),
            Map.entry(OutgoingMailKind.CORRECTION, "答复更正函"));

    /** Supervision levels (督办): 1 the department's supervisor, 2 the director after a reminder (催办). */
    private static final Map<Integer, String> SUPERVISION_LEVELS = Map.of(1, "部门主管督办", 2, "客户关系总监督办");

    private final LetterHistory history;
    private final DateTimeFormatter minutes;

    LetterTimeline(LetterHistory history, ZoneId zone) {
        this.history = history;
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** Named apart from the other Entry in the OpenAPI document (one would silently replace the other). */
    @Schema(name = "TimelineEntry", description = "One event of a letter for its page, summarised, personal data masked")
    public record Entry(long sequence, String type, Instant occurredAt, Map<String, Object> actor,
                        @Schema(description = "One Chinese sentence made from the event's structured fields only",
                                example = "撰写答复草稿第 1 稿，措辞检查通过") String summary) {
    }

    /** The letter's timeline in event order; empty if there is no such letter. */
    public List<Entry> entries(String letterId) {
        return history.entries(letterId).stream()
                .map(e -> new Entry(e.sequence(), e.type(), e.occurredAt(), e.actor(), summary(e.data())))
                .toList();
    }

    /**
     * One sentence for the event. A type without one would show its class name; a test keeps every event of a
     * letter's stream from doing so.
     */
    String summary(Object event) {
        String text = procedure(event);
        if (text == null) {
            text = registration(event);
        }
        if (text == null) {
            text = petitionOrReferral(event);
        }
        if (text == null) {
            text = supervisionOrCommitment(event);
        }
        if (text == null) {
            text = correspondence(event);
        }
        return text != null ? text : event.getClass().getSimpleName();
    }

    /** The reply procedure itself (信函答复规程): registration, deadlines, drafts, reviews, reply, after the reply. */
    private String procedure(Object event) {
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
            return "电话跟进已记录" + (e.satisfaction() != null ? "，发件人满意度：" + name(e.satisfaction())
                    : e.satisfied() == null ? "" : e.satisfied() ? "，发件人满意" : "，发件人不满意");
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
            return "存档，档案号 " + e.archiveNo() + "，保存至 " + day(e.retainUntil());
        }
        return null;
    }

    /** What registration recorded besides the letter; the routing rule's id and the referring office are left out. */
    private String registration(Object event) {
        if (event instanceof LetterRouted e) {
            return "按分办规则自动分办至" + name(e.department());
        } else if (event instanceof SenderRepeatCounted e) {
            return "同一发件人此前来信 " + e.repeatCount() + " 件";
        } else if (event instanceof LetterLinked e) {
            return "关联此前信函，序号 " + e.relatedSerialNo() + (e.relatedMatterFinal() ? "（该信访事项已终结）" : "");
        } else if (event instanceof ReferralRecorded e) {
            return "登记为批办件，" + (e.dueDate() == null ? "未定报告期限" : "报告期限 " + e.dueDate());
        }
        return null;
    }

    /** Petitions (信访) on calendar days, and the report back to a referring office (办理情况汇报). */
    private String petitionOrReferral(Object event) {
        if (event instanceof PetitionAcceptanceDecided e) {
            return "信访事项决定" + name(e.decision());
        } else if (event instanceof PetitionAcceptanceNoticeSent e) {
            return "已向信访人发出" + name(e.decision()) + "告知";
        } else if (event instanceof PetitionReplyExtended e) {
            return "信访答复期限延长 " + e.days() + " 天（原期限 " + minutes.format(e.previousDue()) + "）";
        } else if (event instanceof PetitionExtensionNoticeSent e) {
            return "已向信访人发出延期告知，答复期限延至 " + minutes.format(e.replyDue());
        } else if (event instanceof PetitionReviewRequested e) {
            return "信访人请求" + name(e.kind()) + "（" + minutes.format(e.requestedAt()) + "）";
        } else if (event instanceof PetitionReviewAnswered e) {
            return name(e.kind()) + "请求已答复" + (e.matterFinal() ? "，信访事项终结" : "");
        } else if (event instanceof ReferralReported e) {
            return "撰写办理情况报告第 " + e.reportNo() + " 份"
                    + (e.attachments().isEmpty() ? "" : "，附件 " + e.attachments().size() + " 个");
        } else if (event instanceof ReferralReportReviewed e) {
            return name(e.level()) + name(e.decision()) + "（办理情况报告第 " + e.reportNo() + " 份）"
                    + (e.completed() ? "，报告已审定" : "");
        }
        return null;
    }

    /** Supervision (督办, 催办) and the commitments a reply made (答复承诺事项). What was promised is left out. */
    private String supervisionOrCommitment(Object event) {
        if (event instanceof SupervisionOpened e) {
            return "开启督办第 " + e.supervisionNo() + " 项：" + name(e.reason())
                    + (e.kind() == null ? "" : "（" + name(e.kind()) + "时限）") + "，" + level(e.level())
                    + (e.remindAt() == null ? "" : "，催办时间 " + minutes.format(e.remindAt()));
        } else if (event instanceof SupervisionReminded e) {
            return "督办第 " + e.supervisionNo() + " 项已催办，升级为" + level(e.level());
        } else if (event instanceof SupervisionResolved e) {
            return "督办第 " + e.supervisionNo() + " 项已办结" + (e.answered() ? "（已补办）" : "");
        } else if (event instanceof CommitmentOpened e) {
            return "承诺事项第 " + e.n() + " 项开始跟踪（" + name(e.department()) + "，期限 " + e.dueDate() + "）";
        } else if (event instanceof CommitmentFulfilled e) {
            return "承诺事项第 " + e.n() + " 项已兑现（" + minutes.format(e.fulfilledAt()) + "）";
        }
        return null;
    }

    /** Mail in and out of the letter's mailbox. Subjects, message ids and servers' error texts are left out. */
    private String correspondence(Object event) {
        if (event instanceof MailReceived e) {
            return (e.opensLetter() ? "收到来信邮件（据此登记）" : "收到发件人回复邮件")
                    + (e.attachments().isEmpty() ? "" : "，附件 " + e.attachments().size() + " 个");
        } else if (event instanceof MailSent e) {
            return "邮件已发出（" + name(e.kind()) + "，尝试 " + e.attempts() + " 次）";
        } else if (event instanceof MailFailed e) {
            return "邮件第 " + e.attempt() + " 次发送失败（" + name(e.kind()) + "），"
                    + (e.nextAttemptAt() == null ? "已放弃发送" : "将于 " + minutes.format(e.nextAttemptAt()) + " 重试");
        } else if (event instanceof MailBounced) {
            return "发出的邮件被退回";
        }
        return null;
    }

    private String day(Instant instant) {
        return minutes.format(instant).substring(0, 10);
    }

    private static String level(int level) {
        return SUPERVISION_LEVELS.getOrDefault(level, "督办级别 " + level);
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
