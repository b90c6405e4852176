package org.letterdesk.query.register;

import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.Department;
import org.letterdesk.events.LetterStatus;

import java.time.Instant;

/**
 * A register row over HTTP. The form's columns: 序号 serialNo, 收件日期时间 receivedAt, 发件人信息 senderInfo, 主题
 * subject, 核心诉求 coreRequest, 附件清单 attachments, 分配部门 department, 处理状态 status, 答复时限 replyDue,
 * 实际完成时间 completedAt, 备注 remarks; then channel, category, urgent, overdue and working columns; the sender
 * file and its repeat count (信访次数 − 1), the referring office (交办单位) of a referred letter. The sender's
 * personal fields in senderInfo are masked.
 */
public record RegisterItem(String serialNo, Instant receivedAt, String senderInfo, String subject,
                           String coreRequest, String attachments, Department department, LetterStatus status,
                           Instant replyDue, Instant completedAt, String remarks, Channel channel,
                           Category category, boolean urgent, boolean overdue, String letterId, String assignee,
                           Instant firstResponseDue, boolean atRisk, int openCorrections, int openDisputes,
                           long version, int openCommitments, String senderId, Integer repeatCount,
                           String referralOffice) {

    static RegisterItem of(RegisterEntry e, Instant now) {
        return new RegisterItem(e.getSerialNo(), e.getReceivedAt(), e.getSenderInfo(), e.getSubject(),
                e.getCoreRequest(), e.getAttachmentList(), e.getDepartment(), e.getStatus(), e.getReplyDue(),
                e.getCompletedAt(), e.getRemarks(), e.getChannel(), e.getCategory(), e.isUrgent(), e.isOverdueAt(now),
                e.getLetterId(), e.getAssignee(), e.getFirstResponseDue(), e.isAtRisk(), e.getOpenCorrections(),
                e.getOpenDisputes(), e.getVersion(), e.getOpenCommitments(), e.getSenderId(), e.getRepeatCount(),
                e.getReferralOffice());
    }
}
