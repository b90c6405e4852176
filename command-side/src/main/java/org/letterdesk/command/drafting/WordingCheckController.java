package org.letterdesk.command.drafting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.events.GlossaryEntry;
import org.letterdesk.events.ReplyContent;
import org.letterdesk.events.WordingFinding;
import org.letterdesk.procedure.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The wording check on text being typed, before it becomes a draft: the same checker and rules as a draft's, with
 * the findings' fields and positions, and no event — nothing is recorded until the draft is submitted.
 */
@RestController
@Tag(name = "Drafting")
class WordingCheckController {

    private final CommandRunner commands;
    private final WordingChecker checker;

    WordingCheckController(CommandRunner commands, WordingChecker checker) {
        this.commands = commands;
        this.checker = checker;
    }

    /** A draft's fields as typed so far: any of them may still be empty. Limits as for a draft. */
    record WordingCheckRequest(@Size(max = 200) String salutation,
                               @Size(max = 4000) String summary,
                               @Size(max = 50) List<@NotNull @Size(max = 2000) String> points,
                               @Size(max = 50) List<@NotNull @Valid Term> glossary,
                               @Size(max = 26) List<@NotNull @Size(max = 2000) String> alternatives) {

        ReplyContent toContent() {
            List<GlossaryEntry> entries = glossary == null ? List.of()
                    : glossary.stream().map(t -> new GlossaryEntry(t.term(), t.explanation())).toList();
            return new ReplyContent(salutation, summary, points, entries, alternatives);
        }
    }

    record Term(@Size(max = 200) String term, @Size(max = 2000) String explanation) {
    }

    record WordingCheckResult(List<WordingFinding> findings) {
    }

    @PostMapping(path = "/api/wording-check", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a draft's wording as it is typed (any staff role): findings with field and"
            + " position, as a draft would get them; records nothing")
    WordingCheckResult check(@RequestBody WordingCheckRequest body) {
        commands.authorize(Role.values());
        commands.validate(body);
        return new WordingCheckResult(checker.check(body.toContent()));
    }
}
