package org.letterdesk.query.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

@RestController
@RequestMapping("/api/register")
@Tag(name = "Register", description = "信函登记表: filter, sort, page, export")
class RegisterExportController {

    private static final Logger log = LoggerFactory.getLogger(RegisterExportController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    /** The file name staff see in a browser that understands RFC 5987; others get the ASCII one. */
    private static final String CHINESE_NAME = "信函登记表";

    private final RegisterExporter exporter;
    private final ZoneId zone;
    private final Clock clock;

    RegisterExportController(RegisterExporter exporter, ZoneId zone,
                             Clock clock) {
        this.exporter = exporter;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('SUPERVISOR','AUDITOR','ARCHIVIST')")
    @Operation(summary = "The register as a file, CSV (UTF-8 with BOM, opens in Excel) or XLSX, with the same "
            + "filters as GET /api/register; sorted oldest first (receivedAt,asc) unless sort is given; not paged "
            + "(SUPERVISOR, AUDITOR, ARCHIVIST)",
            responses = @ApiResponse(responseCode = "200", description = "The register file, as an attachment",
                    content = {@Content(mediaType = "text/csv"),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}))
    void export(@ModelAttribute RegisterFilter filter, BindingResult binding,
                @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @RequestParam String format,
                @RequestParam(defaultValue = "receivedAt,asc") String sort,
                Principal user, HttpServletResponse response) throws IOException {
        // Everything the client can get wrong is checked before the first byte, so it still gets a problem.
        RegisterFilter.rejectInvalid(binding);
        RegisterExportFormat as = RegisterExportFormat.of(format);
        Sort order = RegisterController.sort(sort);
        Instant now = clock.instant();
        Specification<RegisterEntry> where = filter.toSpecification(zone, now);

        response.setContentType(as.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(as, now));
        // The file holds senders' contact details: no shared cache may keep a copy.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        long rows;
        try {
            rows = exporter.write(as, where, order, now, response.getOutputStream());
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset(); // drop the attachment headers: what follows is a problem document, not a file
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            if (e instanceof IOException) {
                log.info("Register export for {} abandoned by the client: {}", user.getName(), e.toString());
                return;
            }
            log.error("Register export for {} failed after the file had started", user.getName(), e);
            throw new ExportInterrupted(e);
        }
        log.info("Register exported as {} for {}: {} letters, {}, sort {}", as.extension(), user.getName(), rows,
                filter, sort);
    }

    /**
     * Once part of the file has gone out, no problem document can replace it, so the general problem handler must
     * not try. Rethrowing leaves the exception to the servlet container, which closes the connection: the client
     * sees a broken download instead of a complete-looking, truncated register.
     */
    @ExceptionHandler(ExportInterrupted.class)
    void interrupted(ExportInterrupted e) {
        throw e;
    }

    static final class ExportInterrupted extends RuntimeException {
        ExportInterrupted(Throwable cause) {
            super("Register export interrupted", cause);
        }
    }

    /** {@code attachment; filename="register-….csv"; filename*=UTF-8''信函登记表-….csv} (RFC 6266 / RFC 5987). */
    private String disposition(RegisterExportFormat format, Instant now) {
        String stamp = STAMP.format(now.atZone(zone)) + "." + format.extension();
        return "attachment; filename=\"register-" + stamp + "\"; filename*=UTF-8''"
                + rfc5987(CHINESE_NAME + "-" + stamp);
    }

    static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }
}
