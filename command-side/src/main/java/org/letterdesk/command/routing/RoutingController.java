package org.letterdesk.command.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.Department;
import org.letterdesk.events.RoutingRule;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

// consumes is set on the PUT only: on the class it would also demand a JSON body of the GET.
@RestController
@RequestMapping(path = "/api/admin/routing-rules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Routing rules", description = "Which department a letter registered without one goes to (分配规则)")
class RoutingController {

    /** A rule as the client sends it; an omitted category, channel or keywords matches anything. */
    // The limits are checked by RoutingRules.errors (with the rule's index in the field name); declared here for
    // the contract.
    record RoutingRuleRequest(@Size(max = RoutingRules.MAX_ID_LENGTH) String id, Category category, Channel channel,
                              @Size(max = RoutingRules.MAX_KEYWORDS)
                              List<@Size(max = RoutingRules.MAX_KEYWORD_LENGTH) String> keywords,
                              Department department) {
    }

    private static final int MAX_RULES = 200;

    private final CommandRunner commands;
    private final Router router;

    RoutingController(CommandRunner commands, Router router) {
        this.commands = commands;
        this.router = router;
    }

    @GetMapping
    @Operation(summary = "The routing rules in their order, first match wins (any staff role); the shipped "
            + "defaults until an administrator replaces them")
    List<RoutingRule> get() {
        commands.authorize(Role.values());
        return router.rules();
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the routing rules (ADMIN): RoutingRulesChanged naming the rules added, changed and "
            + "removed; applies from the next registration. 400 for an empty item, a blank or repeated id, a "
            + "missing or unknown department, a blank keyword")
    List<RoutingRule> replace(@RequestBody List<RoutingRuleRequest> body, CommandRequest request) {
        Actor actor = commands.authorize(Role.ADMIN);
        if (body == null) {
            throw invalid(List.of(Map.of("field", "", "message", "must be a list of rules")));
        }
        if (body.size() > MAX_RULES) {
            throw invalid(List.of(Map.of("field", "", "message", "at most " + MAX_RULES + " rules")));
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (RoutingRuleRequest r : body) {
            rules.add(r == null ? null : new RoutingRule(r.id() == null ? null : r.id().strip(), r.category(),
                    r.channel(), r.keywords() == null ? List.of()
                    : r.keywords().stream().map(k -> k == null ? null : k.strip()).toList(), r.department()));
        }
        List<Map<String, String>> errors = RoutingRules.errors(rules);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return router.replace(actor, request, rules);
    }

    private static LetterdeskProblem invalid(List<Map<String, String>> errors) {
        return new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "The routing rules are invalid",
                Map.of("errors", errors));
    }
}
