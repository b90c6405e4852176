package org.letterdesk.command.attachment;

import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.letterdesk.problem.ProblemCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Attachments of letters and replies, kept by content: the bytes under their SHA-256 in a directory (one copy per
 * content), each upload as a row naming its file and pointing at the content. A file is streamed through a digest
 * into a temporary file in the same directory and checked there, so no file is ever held in memory whole; its type
 * is what Apache Tika's detector finds in the bytes, which must be on the allow-list and agree with the type the
 * client declared (a declared {@code application/octet-stream}, as mail programs often send, claims nothing).
 *
 * <p>With a virus scanner configured ({@link ClamavSettings}) a file is kept only once clamd has found it clean;
 * an infected or unscanned file is refused and the refusal recorded, and so is every file while clamd cannot be
 * asked (fail closed: nothing unscanned is ever kept).
 *
 * <p>The store has no delete: content stays while any letter refers to it, and letters are kept for their retention
 * period; removing content is a decision of the erasure of a sender (not made here).
 */
@Component
public class AttachmentStore {

    private static final String UNKNOWN = "application/octet-stream";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AttachmentStore.class);

    private final Path directory;
    private final long maxBytes;
    private final Set<String> allowedTypes;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClamdClient scanner;
    private final Detector detector = MimeTypes.getDefaultMimeTypes();

    @Autowired
    AttachmentStore(@Value("${letterdesk.attachments.dir:./data/attachments}") Path directory,
                    @Value("${letterdesk.attachments.max-bytes:26214400}") long maxBytes,
                    @Value("${letterdesk.attachments.allowed-types:application/pdf,image/png,image/jpeg,image/gif,text/plain}")
                    String allowedTypes,
                    JdbcTemplate jdbc, Clock clock, ObjectProvider<ClamdClient> scanner) {
        this(directory, maxBytes, allowedTypes, jdbc, clock, scanner.getIfAvailable());
    }

    /**
     * @param scanner the virus scanner every file must pass before it is kept; null for none
     */
    public AttachmentStore(Path directory, long maxBytes, String allowedTypes, JdbcTemplate jdbc, Clock clock,
                           ClamdClient scanner) {
        this.scanner = scanner;
        this.directory = directory.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.allowedTypes = Arrays.stream(allowedTypes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.jdbc = jdbc;
        this.clock = clock;
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("attachment directory " + this.directory + " cannot be created", e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores a file read from {@code content} (closed by the caller).
     *
     * @throws AttachmentRefused PAYLOAD_TOO_LARGE over the size limit, UNSUPPORTED_MEDIA_TYPE for a type not
     *                           allowed or content not of its declared type; with a virus scanner configured,
     *                           ATTACHMENT_INFECTED or ATTACHMENT_NOT_SCANNED (recorded), and
     *                           {@link VirusScannerUnavailable} when it cannot be asked (recorded; fail closed)
     */
    public StoredAttachment store(InputStream content, String fileName, String declaredType, String storedBy) {
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, "upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = copy(content, temp, sha256);
            String detected = detect(temp);
            check(fileName, declaredType, detected);
            String hash = HexFormat.of().formatHex(sha256.digest());
            if (scanner != null) {
                scan(temp, cleanName(fileName), size, hash, storedBy);
            }
            Path target = contentPath(hash);
            Files.createDirectories(target.getParent());
            moveUnlessPresent(temp, target);
            temp = null;
            StoredAttachment stored = new StoredAttachment(UUID.randomUUID(), cleanName(fileName), detected, size,
                    hash, clock.instant());
            jdbc.update("INSERT INTO attachment (attachment_id, sha256, file_name, content_type, size_bytes, "
                            + "stored_at, stored_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    stored.attachmentId(), hash, stored.fileName(), detected, size,
                    java.sql.Timestamp.from(stored.storedAt()), storedBy);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("attachment could not be stored", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a left-over part file is harmless: it is never referred to
                }
            }
        }
    }

    /** Keeps nothing clamd did not find clean; each refusal is recorded with what clamd said (or why it could not). */
    private void scan(Path file, String fileName, long size, String hash, String storedBy) {
        ClamdClient.Verdict verdict;
        try (InputStream in = Files.newInputStream(file)) {
            verdict = scanner.scan(in);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            recordRefusal(fileName, size, hash, storedBy, "UNAVAILABLE", why);
            // The client learns that the scanner is away; where it runs and why stays in the record and the log.
            log.warn("Attachment refused unscanned (fail closed): {}", why);
            throw new VirusScannerUnavailable("The virus scanner could not check " + fileName
                    + "; nothing was kept, try again later");
        }
        if (verdict instanceof ClamdClient.Infected infected) {
            recordRefusal(fileName, size, hash, storedBy, "INFECTED", infected.signature());
            throw new AttachmentRefused(ProblemCode.ATTACHMENT_INFECTED, "The virus scanner found "
                    + infected.signature() + " in " + fileName + "; it is not kept",
                    Map.of("signature", infected.signature()));
        }
        if (verdict instanceof ClamdClient.NotScanned notScanned) {
            recordRefusal(fileName, size, hash, storedBy, "NOT_SCANNED", notScanned.answer());
            throw new AttachmentRefused(ProblemCode.ATTACHMENT_NOT_SCANNED, "The virus scanner did not scan "
                    + fileName + " (" + notScanned.answer() + "); it is not kept",
                    Map.of("scannerAnswer", notScanned.answer()));
        }
    }

    private void recordRefusal(String fileName, long size, String hash, String by, String outcome, String detail) {
        String bounded = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        jdbc.update("INSERT INTO attachment_scan_refusal (refusal_id, refused_at, refused_by, file_name, size_bytes, "
                        + "sha256, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(),
                java.sql.Timestamp.from(clock.instant()), by == null ? "?" : by, fileName, size, hash, outcome,
                bounded);
    }

    public Optional<StoredAttachment> find(UUID attachmentId) {
        return jdbc.query("SELECT * FROM attachment WHERE attachment_id = ?", (rs, i) -> new StoredAttachment(
                rs.getObject("attachment_id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("stored_at").toInstant()),
                attachmentId).stream().findFirst();
    }

    /** The stored files among {@code ids}, in their order; PROBLEM if one is unknown. */
    public List<StoredAttachment> require(List<UUID> ids, String field) {
        return ids.stream().map(id -> find(id).orElseThrow(() -> new AttachmentRefused(
                ProblemCode.VALIDATION_FAILED, "Attachment " + id + " is not stored",
                Map.of("errors", List.of(Map.of("field", field, "message", "no stored attachment " + id))))))
                .toList();
    }

    /** Reads the content of a stored file (the caller closes the stream). */
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(contentPath(sha256));
    }

    Path contentPath(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private long copy(InputStream in, Path temp, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new AttachmentRefused(ProblemCode.PAYLOAD_TOO_LARGE,
                            "The file exceeds " + maxBytes + " bytes", Map.of("maxBytes", maxBytes));
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    private String detect(Path file) throws IOException {
        // No file name is given to the detector: the bytes decide.
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        }
    }

    private void check(String fileName, String declaredType, String detected) {
        String declared = declaredType == null || declaredType.isBlank() ? UNKNOWN
                : baseType(declaredType);
        if (!allowedTypes.contains(detected)) {
            throw new AttachmentRefused(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "The content of " + cleanName(fileName)
                    + " is " + detected + ", which is not allowed", Map.of("detectedType", detected,
                    "allowedTypes", allowedTypes.stream().sorted().toList()));
        }
        if (!declared.equals(UNKNOWN) && !declared.equals(detected)) {
            throw new AttachmentRefused(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "The content of " + cleanName(fileName)
                    + " is " + detected + ", not the declared " + declared,
                    Map.of("detectedType", detected, "declaredType", declared));
        }
    }

    private static String baseType(String type) {
        MediaType parsed = MediaType.parse(type.strip());
        return parsed == null ? type.strip().toLowerCase(Locale.ROOT) : parsed.getBaseType().toString();
    }

    /** The name as a download may offer it: no directories, no control characters, bounded. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static void moveUnlessPresent(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            Files.delete(temp);
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(temp);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
