package org.letterdesk.command.routing;

import org.letterdesk.events.Category;
import org.letterdesk.events.Department;
import org.letterdesk.events.RoutingRule;

import java.util.List;

/**
 * The rules shipped until an administrator sets others, the seeds' explicit cases (seed 002, 3.3): a letter
 * reporting a matter (报事类事宜, handled by a 派工单 work order) goes to the business department; other 工作联系
 * letters go straight to the administration (直接交由行政部处理). Other categories stay for the clerk to assign, as
 * before routing existed; an administrator may add rules for them (投诉/咨询 → CUSTOMER_SERVICE …).
 */
final class RoutingDefaults {

    static final List<RoutingRule> RULES = List.of(
            new RoutingRule("report-matter", null, null, List.of("报事"), Department.BUSINESS),
            new RoutingRule("work-contact", Category.WORK_CONTACT, null, List.of(), Department.ADMINISTRATION));

    private RoutingDefaults() {
    }
}
