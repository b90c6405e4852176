package org.letterdesk.query.sender;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.query.Paging;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sender files (客户档案) as staff read them: personal fields always masked. */
@RestController
@RequestMapping(path = "/api/senders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Senders", description = "Sender files (客户档案): contact updates, merge, recorded clear read, erasure")
class SenderQueryController {

    private static final int MAX_SIZE = 200;

    private final JdbcTemplate jdbc;

    SenderQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record SenderSummary(String senderId, String name, String organization, String phone, String email,
                         String address, String idNumber, String mergedInto, boolean erased, int letterCount) {
    }

    record SenderLetter(String letterId, String serialNo, Instant receivedAt, String category, String status) {
    }

    record SenderFileView(String senderId, String name, String organization, String phone, String email,
                          String address, String idNumber, String mergedInto, boolean erased, int letterCount,
                          int petitionCount, List<SenderLetter> letters, int page, int size) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "Sender files, newest first, by name or organization (q); personal fields masked")
    Page<SenderSummary> list(@RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size, MAX_SIZE);
        String pattern = q == null || q.isBlank() ? null
                : "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = pattern == null ? "" : " WHERE lower(f.name) LIKE ? OR lower(f.organization) LIKE ?";
        Object[] args = pattern == null ? new Object[0] : new Object[]{pattern, pattern};
        long total = jdbc.queryForObject("SELECT count(*) FROM sender_file_view f" + where, Long.class, args);
        List<SenderSummary> items = jdbc.query("""
                SELECT f.*, (SELECT count(*) FROM sender_file_letter l WHERE l.file_id = f.sender_id) AS letters
                FROM sender_file_view f""" + where + " ORDER BY f.opened_at DESC, f.sender_id LIMIT "
                        + paging.size() + " OFFSET " + paging.offset(),
                (rs, n) -> new SenderSummary(rs.getString("sender_id"), rs.getString("name"),
                        rs.getString("organization"), rs.getString("phone"), rs.getString("email"),
                        rs.getString("address"), rs.getString("id_number"), rs.getString("merged_into"),
                        rs.getBoolean("erased"), rs.getInt("letters")), args);
        return new Page<>(items, page, size, total);
    }

    @GetMapping("/{senderId}")
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "One sender file with its letters (newest first, paged by page/size, default 50) and "
            + "counts; personal fields masked; letters of merged files included")
    SenderFileView file(@PathVariable UUID senderId,
                        @Parameter(description = "page of the letter list") @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size, MAX_SIZE);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM sender_file_view WHERE sender_id = ?",
                senderId.toString());
        if (rows.isEmpty()) {
            throw new LetterdeskProblem(ProblemCode.SENDER_NOT_FOUND, "No sender file " + senderId,
                    Map.of("senderId", senderId.toString()));
        }
        Map<String, Object> f = rows.get(0);
        Map<String, Object> counts = jdbc.queryForMap("""
                SELECT count(*) AS letters, count(*) FILTER (WHERE r.category = 'PETITION') AS petitions
                FROM sender_file_letter l LEFT JOIN register_entry r ON r.letter_id = l.letter_id
                WHERE l.file_id = ?""", senderId.toString());
        List<SenderLetter> letters = jdbc.query("""
                SELECT l.letter_id, r.serial_no, l.received_at, r.category, r.status
                FROM sender_file_letter l LEFT JOIN register_entry r ON r.letter_id = l.letter_id
                WHERE l.file_id = ? ORDER BY l.received_at DESC, l.letter_id LIMIT ? OFFSET ?""",
                (rs, n) -> new SenderLetter(rs.getString("letter_id"), rs.getString("serial_no"),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("category"), rs.getString("status")),
                senderId.toString(), paging.size(), paging.offset());
        return new SenderFileView((String) f.get("sender_id"), (String) f.get("name"), (String) f.get("organization"),
                (String) f.get("phone"), (String) f.get("email"), (String) f.get("address"),
                (String) f.get("id_number"), (String) f.get("merged_into"), (Boolean) f.get("erased"),
                ((Number) counts.get("letters")).intValue(), ((Number) counts.get("petitions")).intValue(), letters,
                page, size);
    }
}
