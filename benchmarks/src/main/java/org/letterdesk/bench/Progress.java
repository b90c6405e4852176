package org.letterdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** What the harnesses print while they run, and the machine's load, which every results table records. */
final class Progress {

    private Progress() {
    }

    /** One line, stamped with the time to the second. */
    static void log(String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        System.arraycopy(args, 0, all, 1, args.length);
        System.out.printf(Locale.ROOT, "[%s] " + format + "%n", all);
    }

    /** The 1, 5 and 15 minute load averages: other work on a shared machine shows here. */
    static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
    }
}
