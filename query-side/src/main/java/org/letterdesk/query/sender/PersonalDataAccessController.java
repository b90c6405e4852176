package org.letterdesk.query.sender;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.query.Paging;
import org.letterdesk.query.QueryParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Who read whose personal data in clear, and who read unusually many senders a day (监控与审计). */
@RestController
@RequestMapping(path = "/api/audit/personal-data-access", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Records of clear reads of personal data")
class PersonalDataAccessController {

    private static final int MAX_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final int unusualSendersPerDay;

    PersonalDataAccessController(JdbcTemplate jdbc, ZoneId zone,
                                 @Value("${letterdesk.personal-data.unusual-senders-per-day:20}")
                                 int unusualSendersPerDay) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.unusualSendersPerDay = unusualSendersPerDay;
    }

    record Access(Instant at, String user, String role, String letterId, String senderId, String reason) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record UnusualAccess(String user, LocalDate date, int senders, int reads) {
    }

    record UnusualReport(int threshold, List<UnusualAccess> items) {
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Every clear read of personal data, newest first, by user, senderId, letterId and time "
            + "(from/to: dates or date-times) (AUDITOR)")
    Page<Access> list(@RequestParam(required = false) String user, @RequestParam(required = false) UUID senderId,
                      @RequestParam(required = false) UUID letterId, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size, MAX_SIZE);
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (user != null && !user.isBlank()) {
            where.append(" AND user_name = ?");
            args.add(user.strip());
        }
        if (senderId != null) {
            where.append(" AND sender_id = ?");
            args.add(senderId.toString());
        }
        if (letterId != null) {
            where.append(" AND letter_id = ?");
            args.add(letterId.toString());
        }
        Instant fromTime = from == null ? null : QueryParameters.timeBound("from", from, zone, false);
        Instant toTime = to == null ? null : QueryParameters.timeBound("to", to, zone, true);
        if (fromTime != null) {
            where.append(" AND viewed_at >= ?");
            args.add(Timestamp.from(fromTime));
        }
        if (toTime != null) {
            where.append(" AND viewed_at < ?");
            args.add(Timestamp.from(toTime));
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM personal_data_access" + where, Long.class,
                args.toArray());
        List<Access> items = jdbc.query("SELECT * FROM personal_data_access" + where
                        + " ORDER BY viewed_at DESC, event_id LIMIT " + paging.size() + " OFFSET " + paging.offset(),
                (rs, n) -> new Access(rs.getTimestamp("viewed_at").toInstant(), rs.getString("user_name"),
                        rs.getString("role"), rs.getString("letter_id"), rs.getString("sender_id"),
                        rs.getString("reason")), args.toArray());
        return new Page<>(items, page, size, total);
    }

    @GetMapping("/unusual")
    @PreAuthorize("hasAnyRole('AUDITOR','DIRECTOR')")
    @Operation(summary = "Users who read more distinct senders in one day (Asia/Shanghai) than the threshold "
            + "(letterdesk.personal-data.unusual-senders-per-day, or ?threshold), between from and to; for the "
            + "monthly meeting (AUDITOR, DIRECTOR)")
    UnusualReport unusual(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) Integer threshold) {
        int limit = threshold == null ? unusualSendersPerDay : threshold;
        if (limit < 0) {
            throw QueryParameters.invalid("threshold", "threshold must not be negative", "must be 0 or more");
        }
        Instant fromTime = from == null ? Instant.EPOCH : QueryParameters.timeBound("from", from, zone, false);
        Instant toTime = to == null ? Instant.parse("9999-12-31T00:00:00Z")
                : QueryParameters.timeBound("to", to, zone, true);
        List<UnusualAccess> items = jdbc.query("""
                SELECT user_name, (viewed_at AT TIME ZONE ?)::date AS day,
                       count(DISTINCT COALESCE(sender_id, letter_id)) AS senders, count(*) AS reads
                FROM personal_data_access WHERE viewed_at >= ? AND viewed_at < ?
                GROUP BY user_name, day HAVING count(DISTINCT COALESCE(sender_id, letter_id)) > ?
                ORDER BY day, user_name""",
                (rs, n) -> new UnusualAccess(rs.getString("user_name"), rs.getObject("day", LocalDate.class),
                        rs.getInt("senders"), rs.getInt("reads")),
                zone.getId(), Timestamp.from(fromTime), Timestamp.from(toTime), limit);
        return new UnusualReport(limit, items);
    }
}
