package org.letterdesk.query.register;

import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.Department;
import org.letterdesk.events.LetterStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The columns of an exported register (信函登记表), shared by the CSV and XLSX writers so both files always agree:
 * the paper form's columns in its order, then channel, category, urgency and overdue, all labelled in Chinese as
 * the form is, and the petition form's 信访次数. A cell value is a {@link String}, a {@link LocalDateTime} (already in the letter zone, to the
 * minute) or {@code null} for an empty cell.
 */
@Component
class RegisterColumns {

    /** How times are written: the register records them to the minute. */
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A column: its header, a width in characters (a Chinese character counts two) and its cell value. */
    record Column(String header, int width, BiFunction<RegisterEntry, Instant, Object> value) {
    }

    private final ZoneId zone;
    private final List<Column> columns;

    RegisterColumns(ZoneId zone) {
        this.zone = zone;
        this.columns = List.of(
                new Column("序号", 14, (e, now) -> e.getSerialNo()),
                new Column("收件日期时间", 18, (e, now) -> local(e.getReceivedAt())),
                new Column("发件人信息", 40, (e, now) -> e.getSenderInfo()),
                new Column("主题", 30, (e, now) -> e.getSubject()),
                new Column("核心诉求", 40, (e, now) -> e.getCoreRequest()),
                new Column("附件清单", 30, (e, now) -> e.getAttachmentList()),
                new Column("分配部门", 10, (e, now) -> label(e.getDepartment())),
                new Column("处理状态", 10, (e, now) -> label(e.getStatus())),
                new Column("答复时限", 18, (e, now) -> local(e.getReplyDue())),
                new Column("实际完成时间", 18, (e, now) -> local(e.getCompletedAt())),
                new Column("备注", 30, (e, now) -> e.getRemarks()),
                new Column("渠道", 8, (e, now) -> label(e.getChannel())),
                new Column("类别", 14, (e, now) -> label(e.getCategory())),
                new Column("紧急", 6, (e, now) -> yesNo(e.isUrgent())),
                new Column("逾期", 6, (e, now) -> yesNo(e.isOverdueAt(now))),
                new Column("信访次数", 8, (e, now) -> visits(e.getRepeatCount())));
    }

    List<Column> columns() {
        return columns;
    }

    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** One row's cells; {@code now} is fixed per export so every row judges "overdue" at the same instant. */
    List<Object> values(RegisterEntry entry, Instant now) {
        List<Object> values = new ArrayList<>(columns.size());
        for (Column column : columns) {
            values.add(column.value().apply(entry, now));
        }
        return values;
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null
                : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * 信访次数 counts this letter with the sender's earlier ones: the recorded repeat count (earlier letters) + 1;
     * empty for a letter registered before sender files existed, whose count was never recorded.
     */
    private static String visits(Integer repeatCount) {
        return repeatCount == null ? null : String.valueOf(repeatCount + 1);
    }

    private static String yesNo(boolean value) {
        return value ? "是" : "否";
    }

    // Exhaustive switches: a new enum constant fails compilation here until it has its label.

    static String label(Department department) {
        return department == null ? null : switch (department) {
            case CUSTOMER_SERVICE -> "客服部门";
            case BUSINESS -> "业务部门";
            case ADMINISTRATION -> "行政部门";
        };
    }

    static String label(LetterStatus status) {
        return status == null ? null : switch (status) {
            case RECEIVED -> "已登记";
            case ASSIGNED -> "已分配";
            case DRAFTING -> "撰写中";
            case IN_REVIEW -> "审核中";
            case APPROVED -> "已批准";
            case SENT -> "已发送";
            case CLOSED -> "已办结";
            case ARCHIVED -> "已存档";
        };
    }

    static String label(Channel channel) {
        return channel == null ? null : switch (channel) {
            case LETTER -> "来函";
            case EMAIL -> "电子邮件";
            case PHONE -> "来电";
            case VISIT -> "来访";
            case FAX -> "传真";
            case ONLINE -> "网上";
        };
    }

    static String label(Category category) {
        return category == null ? null : switch (category) {
            case CONSULTATION -> "事务咨询";
            case ASSISTANCE -> "事务求助";
            case PAID_SERVICE -> "有偿服务需求";
            case SUGGESTION -> "建议与意见";
            case COMPLAINT -> "投诉";
            case PRAISE -> "表扬信";
            case WORK_CONTACT -> "工作联系";
            case PETITION -> "信访";
        };
    }
}
