package org.letterdesk.procedure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import org.letterdesk.events.Attachment;
import org.letterdesk.events.GlossaryEntry;
import org.letterdesk.events.ReplyContent;

/**
 * Lays a reply draft out as a plain-text letter following the procedure's structure template
 * (结构模板): salutation, thanks, summary, numbered reply points, alternatives, term explanations,
 * attachment list (附件: name, type, size), closing, then organisation, department and date.
 *
 * <p>Paragraphs start with two full-width spaces (每条开头空两格). The template owns that
 * indentation: whitespace the drafter put around a line is dropped, and so are blank lines.
 */
public final class ReplyTemplate {

    private static final String INDENT = "\u3000\u3000";
    private static final String DEFAULT_ADDRESSEE = "客户";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu'年'M'月'd'日'");

    /**
     * @param draft      the reply content
     * @param senderName addresses the letter when the draft has no salutation; may be null
     * @param letterhead who signs
     * @param date       the letter's date
     * @return the letter, Unix line ends, ending with a line end
     */
    public String render(ReplyContent draft, String senderName, LetterheadSettings letterhead, LocalDate date) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(letterhead, "letterhead");
        Objects.requireNonNull(date, "date");
        StringBuilder letter = new StringBuilder();
        line(letter, "尊敬的" + addressee(draft.salutation(), senderName) + "：");
        line(letter, INDENT + "感谢您致信" + letterhead.organization().strip() + "，我们已收到您的信函。");
        if (!linesOf(draft.summary()).isEmpty()) {
            paragraph(letter, "", draft.summary());
        }
        for (int i = 0; i < draft.points().size(); i++) {
            paragraph(letter, (i + 1) + ". ", draft.points().get(i));
        }
        if (!draft.alternatives().isEmpty()) {
            line(letter, INDENT + "可供选择的方案：");
            for (int i = 0; i < draft.alternatives().size(); i++) {
                paragraph(letter, "方案" + alternativeLetter(i) + "：", draft.alternatives().get(i));
            }
        }
        if (!draft.glossary().isEmpty()) {
            line(letter, INDENT + "术语说明：");
            for (GlossaryEntry entry : draft.glossary()) {
                paragraph(letter, Objects.toString(entry.term(), "").strip() + "：", entry.explanation());
            }
        }
        if (!draft.attachments().isEmpty()) {
            line(letter, INDENT + "附件：");
            for (int i = 0; i < draft.attachments().size(); i++) {
                line(letter, INDENT + (i + 1) + ". " + describe(draft.attachments().get(i)));
            }
        }
        line(letter, INDENT + "如有其他疑问，欢迎随时联系我们。");
        line(letter, INDENT + "祝好！");
        line(letter, letterhead.organization().strip());
        if (letterhead.department() != null && !letterhead.department().isBlank()) {
            line(letter, letterhead.department().strip());
        }
        line(letter, DATE.format(date));
        return letter.toString();
    }

    /**
     * An attachment as a letter lists it: its name, then type and size in brackets, e.g.
     * {@code 流程图.png（image/png，1.5 KB）}; what is not known is left out.
     */
    public static String describe(Attachment attachment) {
        String name = attachment.fileName() == null || attachment.fileName().isBlank() ? "附件"
                : attachment.fileName().strip();
        List<String> facts = new java.util.ArrayList<>(2);
        if (attachment.contentType() != null && !attachment.contentType().isBlank()) {
            facts.add(attachment.contentType().strip());
        }
        if (attachment.sizeBytes() != null) {
            facts.add(size(attachment.sizeBytes()));
        }
        return facts.isEmpty() ? name : name + "（" + String.join("，", facts) + "）";
    }

    /** Bytes below 1 KB, else KB or MB to one decimal (1 KB = 1024 bytes). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(java.util.Locale.ROOT, "%.1f KB", kb)
                : String.format(java.util.Locale.ROOT, "%.1f MB", kb / 1024);
    }

    private static String addressee(String salutation, String senderName) {
        for (String candidate : new String[] {salutation, senderName}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return DEFAULT_ADDRESSEE;
    }

    // Alternatives are named 方案A, 方案B … as in the procedure.
    private static char alternativeLetter(int index) {
        if (index >= 26) {
            throw new IllegalArgumentException("a reply offers at most 26 alternatives");
        }
        return (char) ('A' + index);
    }

    /** The lead and the first line on one indented line; further lines indented on their own. */
    private static void paragraph(StringBuilder letter, String lead, String text) {
        List<String> lines = linesOf(text);
        line(letter, INDENT + lead + (lines.isEmpty() ? "" : lines.get(0)));
        lines.stream().skip(1).forEach(continuation -> line(letter, INDENT + continuation));
    }

    private static List<String> linesOf(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static void line(StringBuilder letter, String text) {
        letter.append(text).append('\n');
    }
}
