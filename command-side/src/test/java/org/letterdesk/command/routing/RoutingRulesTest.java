package org.letterdesk.command.routing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.routing.RoutingCommands.DescribeRoutingRules;
import org.letterdesk.command.routing.RoutingCommands.ReplaceRoutingRules;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.Department;
import org.letterdesk.events.RoutingRule;
import org.letterdesk.events.RoutingRulesChanged;
import org.letterdesk.problem.LetterdeskProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing rules: replaced as a whole by an event naming what changed, refused when invalid, and matched in
 * order (first match wins) — with the seeds' cases: 报事 → business department (派工单), 工作联系 → administration.
 */
class RoutingRulesTest {

    private static final String ID = RoutingCommands.RULES_ID;
    private static final RoutingRule COMPLAINTS = new RoutingRule("complaints", Category.COMPLAINT, null, List.of(),
            Department.CUSTOMER_SERVICE);

    private AggregateTestFixture<RoutingRules> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RoutingRules.class);
    }

    private static RoutingRule firstMatch(List<RoutingRule> rules, Category category, Channel channel,
                                          String subject, String coreRequest) {
        return RoutingRules.firstMatch(rules, category, channel, subject, coreRequest);
    }

    @Test
    void theSeedsCasesAreRoutedByTheShippedDefaults() {
        List<RoutingRule> rules = RoutingDefaults.RULES;
        RoutingRule reported = firstMatch(rules, Category.ASSISTANCE, Channel.PHONE, "报事：楼道灯不亮", "请派人维修");
        assertThat(reported.id()).isEqualTo("report-matter");
        assertThat(reported.department()).isEqualTo(Department.BUSINESS);
        RoutingRule contact = firstMatch(rules, Category.WORK_CONTACT, Channel.FAX, "关于转办消费者投诉的函",
                "请于十个工作日内反馈处理结果");
        assertThat(contact.id()).isEqualTo("work-contact");
        assertThat(contact.department()).isEqualTo(Department.ADMINISTRATION);
        assertThat(firstMatch(rules, Category.COMPLAINT, Channel.LETTER, "账单疑问", "退还多收的费用")).isNull();
    }

    @Test
    void theFirstMatchingRuleWinsAndKeywordsAreSearchedInSubjectAndCoreRequest() {
        // A work-contact letter that reports a matter: the keyword rule comes first.
        RoutingRule rule = firstMatch(RoutingDefaults.RULES, Category.WORK_CONTACT, Channel.LETTER, "函",
                "物业报事：电梯故障");
        assertThat(rule.id()).isEqualTo("report-matter");
        List<RoutingRule> byChannel = List.of(
                new RoutingRule("email-complaints", Category.COMPLAINT, Channel.EMAIL, null, Department.BUSINESS),
                COMPLAINTS);
        assertThat(firstMatch(byChannel, Category.COMPLAINT, Channel.EMAIL, "a", "b").id())
                .isEqualTo("email-complaints");
        assertThat(firstMatch(byChannel, Category.COMPLAINT, Channel.LETTER, "a", "b").id()).isEqualTo("complaints");
    }

    @Test
    void replacingTheRulesRecordsWhichWereAddedChangedAndRemoved() {
        RoutingRule changedWorkContact = new RoutingRule("work-contact", Category.WORK_CONTACT, null, List.of(),
                Department.BUSINESS);
        fixture.givenNoPriorActivity()
                .when(new ReplaceRoutingRules(ID, List.of(changedWorkContact, COMPLAINTS)))
                .expectEvents(new RoutingRulesChanged(ID, List.of(changedWorkContact, COMPLAINTS),
                        List.of("complaints"), List.of("work-contact"), List.of("report-matter")))
                .expectResultMessagePayload(List.of(changedWorkContact, COMPLAINTS));
    }

    @Test
    void theRulesAreDescribedWithoutAnEvent() {
        fixture.given(new RoutingRulesChanged(ID, List.of(COMPLAINTS), List.of("complaints"), List.of(),
                        List.of("report-matter", "work-contact")))
                .when(new DescribeRoutingRules(ID))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(COMPLAINTS));
    }

    @Test
    void beforeAnyChangeTheShippedDefaultsAreDescribedAndNothingIsStored() {
        fixture.givenNoPriorActivity()
                .when(new DescribeRoutingRules(ID))
                .expectNoEvents()
                .expectResultMessagePayload(RoutingDefaults.RULES);
    }

    @Test
    void anEmptyItemABlankOrRepeatedIdAMissingDepartmentOrABlankKeywordIsRefusedAndNothingChanges() {
        List<RoutingRule> bad = new ArrayList<>(Arrays.asList(
                null,
                new RoutingRule(" ", null, null, null, Department.BUSINESS),
                new RoutingRule("a", null, null, null, null),
                new RoutingRule("a", null, null, Arrays.asList("报事", " "), Department.BUSINESS)));
        fixture.givenNoPriorActivity()
                .when(new ReplaceRoutingRules(ID, bad))
                .expectNoEvents()
                .expectException(LetterdeskProblem.class);
        assertThat(RoutingRules.errors(bad)).extracting(e -> e.get("field"))
                .containsExactly("[0]", "[1].id", "[2].department", "[3].id", "[3].keywords");
    }
}
