package org.letterdesk.command.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.Role;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/mail", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Mail", description = "E-mail in and out")
class QuarantineController {

    private final JdbcTemplate jdbc;
    private final CommandRunner commands;

    QuarantineController(JdbcTemplate jdbc, CommandRunner commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    record QuarantinedMail(UUID quarantineId, String messageId, String subject, Long sizeBytes, Instant receivedAt,
                           Instant quarantinedAt, String reason) {
    }

    record Page(List<QuarantinedMail> items, int page, int size, long total) {
    }

    @GetMapping("/quarantine")
    @Operation(summary = "Mails not registered, newest first, with the reason (ADMIN); no content or address kept")
    Page quarantine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        commands.authorize(Role.ADMIN);
        if (page < 0 || size < 1 || size > 200) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "page must be ≥ 0 and size 1–200",
                    Map.of("errors", List.of(Map.of("field", page < 0 ? "page" : "size",
                            "message", page < 0 ? "must be at least 0" : "must be between 1 and 200"))));
        }
        List<QuarantinedMail> items = jdbc.query("SELECT * FROM mail_quarantine ORDER BY quarantined_at DESC, "
                        + "quarantine_id LIMIT ? OFFSET ?", (rs, i) -> new QuarantinedMail(
                        rs.getObject("quarantine_id", UUID.class), rs.getString("message_id"), rs.getString("subject"),
                        (Long) rs.getObject("size_bytes"),
                        rs.getTimestamp("received_at") == null ? null : rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("quarantined_at").toInstant(), rs.getString("reason")),
                size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM mail_quarantine", Long.class);
        return new Page(items, page, size, total == null ? 0 : total);
    }
}
