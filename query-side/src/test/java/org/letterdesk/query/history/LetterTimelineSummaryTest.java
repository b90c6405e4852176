package org.letterdesk.query.history;

import org.junit.jupiter.api.Test;
import org.letterdesk.events.*;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a letter's stream can hold has a Chinese sentence on the letter's page, made from structured fields:
 * no class name, no free text. The events are found in the shared events' package, so an event added later without
 * a sentence fails here.
 */
class LetterTimelineSummaryTest {

    private static final String EVENTS = "org.letterdesk.events";
    /**
     * Records naming a letter that are stored in another aggregate's stream, the monthly spot check's or the sender
     * file's: the letter's history reads only the letter's own stream.
     */
    private static final Set<Class<?>> OTHER_STREAMS = Set.of(SpotCheckResultRecorded.class,
            SpotCheckCorrectionLinked.class, SenderFileOpened.class);
    /** The only text components a sentence may show: register and archive numbers, staff user names. */
    private static final Map<Class<?>, Set<String>> SHOWN_TEXT = Map.of(
            LetterReceived.class, Set.of("serialNo"), LetterLinked.class, Set.of("relatedSerialNo"),
            LetterArchived.class, Set.of("archiveNo"), LetterAssigned.class, Set.of("assignee"),
            PersonalDataViewed.class, Set.of("user"));
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    private static final Instant T = Instant.parse("2026-10-08T09:00:00Z");
    private static final String ID = "0190a1b2-0000-7000-8000-000000000001";

    private final LetterTimeline timeline = new LetterTimeline(null, ZoneId.of("Asia/Shanghai"));

    @Test
    void everyRecordNamingALetterBelongsToTheLettersStreamUnlessStoredElsewhere() {
        List<String> unmarked = eventRecords().stream()
                .filter(type -> Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals("letterId")))
                .filter(type -> !LetterEvent.class.isAssignableFrom(type) && !OTHER_STREAMS.contains(type))
                .map(Class::getSimpleName).toList();
        assertThat(unmarked).as("records with a letterId that are neither LetterEvent nor another stream's")
                .isEmpty();
        assertThat(letterEvents()).contains(LetterReceived.class, PetitionReviewRequested.class,
                ReferralReported.class, SupervisionOpened.class, CommitmentOpened.class, MailSent.class);
    }

    /**
     * Each event is built with every value of each of its enums and with each flag set, the other components being
     * samples; each text component's sample is its own name, so free text shown in a sentence leaves Latin letters.
     */
    @Test
    void everyEventOfALettersStreamHasAChineseSentenceWithoutFreeText() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Class<?> type : letterEvents()) {
            for (Object event : variants(type)) {
                String summary = timeline.summary(event);
                String rest = summary;
                for (String shown : SHOWN_TEXT.getOrDefault(type, Set.of())) {
                    rest = rest.replace(shown, "");
                }
                if (summary.equals(type.getSimpleName()) || LATIN.matcher(rest).find()) {
                    failures.add(type.getSimpleName() + " → " + summary + "   from " + event);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void petitionSentences() {
        assertThat(timeline.summary(new PetitionAcceptanceDecided(ID, AcceptanceDecision.NOT_ACCEPTED,
                "不属于本单位职责", "supervisor", T))).isEqualTo("信访事项决定不予受理");
        assertThat(timeline.summary(new PetitionAcceptanceNoticeSent(ID, AcceptanceDecision.ACCEPTED, "符合受理条件")))
                .isEqualTo("已向信访人发出受理告知");
        assertThat(timeline.summary(new PetitionReplyExtended(ID, 30, "情况复杂", "supervisor", T)))
                .isEqualTo("信访答复期限延长 30 天（原期限 2026-10-08 17:00）");
        assertThat(timeline.summary(new PetitionReviewRequested(ID, 2, PetitionReviewKind.SECOND_REVIEW,
                "对复查意见不服，张三 13800138000", T))).isEqualTo("信访人请求复核（2026-10-08 17:00）");
        assertThat(timeline.summary(new PetitionReviewAnswered(ID, 2, PetitionReviewKind.SECOND_REVIEW, "维持原意见",
                "director", T, true))).isEqualTo("复核请求已答复，信访事项终结");
    }

    @Test
    void referralSentences() {
        assertThat(timeline.summary(new ReferralRecorded(ID, "县委办公室", "县委第12号批办件", LocalDate.of(2026, 10, 31))))
                .isEqualTo("登记为批办件，报告期限 2026-10-31");
        assertThat(timeline.summary(new ReferralReported(ID, 2, "反映的问题", "基本情况", "调查办理情况", "处理结果",
                "handler", List.of(new Attachment("调查记录.pdf", "application/pdf", 10L, null)))))
                .isEqualTo("撰写办理情况报告第 2 份，附件 1 个");
        assertThat(timeline.summary(new ReferralReportReviewed(ID, 2, ReviewLevel.SUPERVISOR, ReviewDecision.APPROVED,
                "supervisor", "同意", true))).isEqualTo("部门主管审核通过（办理情况报告第 2 份），报告已审定");
        assertThat(timeline.summary(new ReferralReportReviewed(ID, 1, ReviewLevel.FORMAT, ReviewDecision.REJECTED,
                "reviewer", "格式不符", false))).isEqualTo("内容专员审核退回（办理情况报告第 1 份）");
    }

    @Test
    void supervisionSentences() {
        assertThat(timeline.summary(new SupervisionOpened(ID, 1, SupervisionReason.DEADLINE_MISSED, DeadlineKind.REPLY,
                0, Department.BUSINESS, 1, T, T.plusSeconds(2 * 86400))))
                .isEqualTo("开启督办第 1 项：逾期未办（答复时限），部门主管督办，催办时间 2026-10-10 17:00");
        assertThat(timeline.summary(new SupervisionOpened(ID, 2, SupervisionReason.DISSATISFIED, null, 0, null, 1, T,
                T))).isEqualTo("开启督办第 2 项：发件人不满意，部门主管督办，催办时间 2026-10-08 17:00");
        assertThat(timeline.summary(new SupervisionReminded(ID, 1, 2, T, null)))
                .isEqualTo("督办第 1 项已催办，升级为客户关系总监督办");
        assertThat(timeline.summary(new SupervisionResolved(ID, 1, true, "system", null, T)))
                .isEqualTo("督办第 1 项已办结（已补办）");
        assertThat(timeline.summary(new SupervisionResolved(ID, 2, false, "supervisor", "已与张三沟通", T)))
                .isEqualTo("督办第 2 项已办结");
    }

    @Test
    void commitmentSentences() {
        assertThat(timeline.summary(new CommitmentOpened(ID, 1, "三个工作日内补发积分", Department.BUSINESS,
                LocalDate.of(2026, 10, 15), T))).isEqualTo("承诺事项第 1 项开始跟踪（业务部门，期限 2026-10-15）");
        assertThat(timeline.summary(new CommitmentFulfilled(ID, 1, "积分已补发，流水号 123", "handler", T)))
                .isEqualTo("承诺事项第 1 项已兑现（2026-10-08 17:00）");
        assertThat(timeline.summary(new DeadlineSet(ID, DeadlineKind.COMMITMENT, 1, T, T, T, "calendar days", false,
                List.of()))).isEqualTo("承诺事项时限定为 2026-10-08 17:00");
    }

    @Test
    void mailSentencesLeaveOutSubjectsAndServerErrors() {
        assertThat(timeline.summary(new MailFailed(ID, "<m1@letterdesk>", OutgoingMailKind.REPLY, 5,
                "550 mailbox zhang.san@example.com unavailable", null)))
                .isEqualTo("邮件第 5 次发送失败（答复函），已放弃发送");
        assertThat(timeline.summary(new MailReceived(ID, "<m2@example.com>", "回复：关于张三的来信", T, List.of(), false)))
                .isEqualTo("收到发件人回复邮件");
    }

    @Test
    void aFollowUpShowsTheSatisfactionLevelWhenRecorded() {
        assertThat(timeline.summary(new FollowUpRecorded(ID, "客户表示问题未解决", false, Satisfaction.VERY_DISSATISFIED)))
                .isEqualTo("电话跟进已记录，发件人满意度：非常不满意");
        assertThat(timeline.summary(new FollowUpRecorded(ID, "满意", true))).isEqualTo("电话跟进已记录，发件人满意");
    }

    private static Set<Class<?>> letterEvents() {
        Set<Class<?>> events = byName();
        eventRecords().stream().filter(LetterEvent.class::isAssignableFrom).forEach(events::add);
        return events;
    }

    /** In name order, so failures read the same from run to run. */
    private static Set<Class<?>> byName() {
        return new TreeSet<>(Comparator.comparing(Class::getName));
    }

    /** Every record in the shared events' package and below. */
    private static Set<Class<?>> eventRecords() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        Set<Class<?>> records = byName();
        for (BeanDefinition candidate : scanner.findCandidateComponents(EVENTS)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.isRecord()) {
                    records.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return records;
    }

    /** The sample event, then one per enum value (and null) and per flag set, of each component in turn. */
    private static List<Object> variants(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            base[i] = sample(components[i].getType(), components[i].getGenericType(), components[i].getName());
        }
        List<Object> events = new ArrayList<>(List.of(construct(type, base)));
        for (int i = 0; i < components.length; i++) {
            Class<?> component = components[i].getType();
            List<Object> values = new ArrayList<>();
            if (component.isEnum()) {
                values.addAll(Arrays.asList(component.getEnumConstants()));
                values.add(null);
            } else if (component == boolean.class || component == Boolean.class) {
                values.add(true);
            }
            for (Object value : values) {
                Object[] args = base.clone();
                args[i] = value;
                events.add(construct(type, args));
            }
        }
        return events;
    }

    private static Object construct(Class<?> type, Object[] args) throws Exception {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(types).newInstance(args);
    }

    /** A value of the type: a text is the component's name, a list holds one sample. */
    private static Object sample(Class<?> type, Type generic, String name) throws Exception {
        if (type == String.class) {
            return name;
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == boolean.class || type == Boolean.class) {
            return false;
        } else if (type == Instant.class) {
            return T;
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 10, 15);
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(sample((Class<?>) element, element, name));
        } else if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = sample(components[i].getType(), components[i].getGenericType(), components[i].getName());
            }
            return construct(type, args);
        }
        throw new IllegalArgumentException("No sample for " + type + " (" + name + ")");
    }
}
