package org.letterdesk.command.routing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.letterdesk.command.routing.RoutingCommands.DescribeRoutingRules;
import org.letterdesk.command.routing.RoutingCommands.ReplaceRoutingRules;
import org.letterdesk.events.RoutingRule;
import org.letterdesk.events.RoutingRulesChanged;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The routing rules (分配规则), a small aggregate of their own: replacing them is an event naming the rules added,
 * changed and removed, so who changed which rule when stays traceable. Until the first change the shipped defaults
 * ({@link RoutingDefaults}) apply.
 */
@Aggregate
public class RoutingRules {

    @AggregateIdentifier
    private String rulesId;
    private List<RoutingRule> rules = RoutingDefaults.RULES;

    protected RoutingRules() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<RoutingRule> handle(ReplaceRoutingRules cmd) {
        List<Map<String, String>> errors = errors(cmd.rules());
        if (!errors.isEmpty()) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "The routing rules are invalid",
                    Map.of("errors", errors));
        }
        Map<String, RoutingRule> before = new LinkedHashMap<>();
        rules.forEach(r -> before.put(r.id(), r));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (RoutingRule rule : cmd.rules()) {
            RoutingRule old = before.get(rule.id());
            kept.add(rule.id());
            if (old == null) {
                added.add(rule.id());
            } else if (!old.equals(rule)) {
                changed.add(rule.id());
            }
        }
        List<String> removed = before.keySet().stream().filter(id -> !kept.contains(id)).toList();
        apply(new RoutingRulesChanged(cmd.rulesId(), cmd.rules(), added, changed, removed));
        return rules;
    }

    /** Before the first change there is no stored aggregate: the defaults answer, and nothing is stored. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<RoutingRule> handle(DescribeRoutingRules cmd) {
        return rules;
    }

    /** The checks a request body's bean validation cannot make: unique ids, keywords not blank. */
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_KEYWORDS = 50;
    static final int MAX_KEYWORD_LENGTH = 100;

    static List<Map<String, String>> errors(List<RoutingRule> rules) {
        List<Map<String, String>> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "[" + i + "]";
            if (rule == null) {
                errors.add(Map.of("field", at, "message", "must not be empty"));
                continue;
            }
            if (rule.id() == null || rule.id().isBlank()) {
                errors.add(Map.of("field", at + ".id", "message", "must not be blank"));
            } else if (rule.id().length() > MAX_ID_LENGTH) {
                errors.add(Map.of("field", at + ".id", "message", "at most " + MAX_ID_LENGTH + " characters"));
            } else if (!ids.add(rule.id())) {
                errors.add(Map.of("field", at + ".id", "message", "is used by another rule"));
            }
            if (rule.department() == null) {
                errors.add(Map.of("field", at + ".department", "message", "must name a department"));
            }
            if (rule.keywords().stream().anyMatch(k -> k == null || k.isBlank())) {
                errors.add(Map.of("field", at + ".keywords", "message", "must not hold a blank keyword"));
            } else if (rule.keywords().size() > MAX_KEYWORDS) {
                errors.add(Map.of("field", at + ".keywords", "message", "at most " + MAX_KEYWORDS + " keywords"));
            } else if (rule.keywords().stream().anyMatch(k -> k.length() > MAX_KEYWORD_LENGTH)) {
                errors.add(Map.of("field", at + ".keywords", "message",
                        "a keyword has at most " + MAX_KEYWORD_LENGTH + " characters"));
            }
        }
        return errors;
    }

    @EventSourcingHandler
    void on(RoutingRulesChanged e) {
        rulesId = e.rulesId();
        rules = e.rules();
    }

    static RoutingRule firstMatch(List<RoutingRule> rules, org.letterdesk.events.Category category,
                                  org.letterdesk.events.Channel channel, String subject, String coreRequest) {
        return rules.stream().filter(Objects::nonNull)
                .filter(r -> r.matches(category, channel, subject, coreRequest)).findFirst().orElse(null);
    }
}
