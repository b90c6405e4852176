package org.letterdesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Every figure with its baseline, the targets, and the machine facts, as Markdown. */
final class Report {

    static final String BEGIN = "<!-- BENCHMARK-RESULTS:BEGIN (written by the benchmark; a rerun replaces it) -->";
    static final String END = "<!-- BENCHMARK-RESULTS:END -->";

    /** A figure: its per-run values and, if it has one, its baseline's per-run values. */
    record Figure(String key, String name, String unit, List<Double> runs, String baselineName,
                  List<Double> baselineRuns) {
        double median() {
            return Stats.median(runs);
        }

        double baselineMedian() {
            return baselineRuns == null ? Double.NaN : Stats.median(baselineRuns);
        }

        String ratio() {
            double b = baselineMedian();
            double v = median();
            if (Double.isNaN(b) || Double.isNaN(v) || b == 0) {
                return "—";
            }
            return unit.equals("ms") ? fmt(v / b) + "×" : fmt(100 * v / b) + " %";
        }
    }

    record Target(String text, String measured, Boolean met) {
    }

    final Map<String, Figure> figures = new LinkedHashMap<>();
    final List<Target> targets = new ArrayList<>();
    final Map<String, String> facts = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    void add(String key, String name, String unit, List<Double> runs, String baselineName, List<Double> baseline) {
        figures.put(key, new Figure(key, name, unit, List.copyOf(runs), baselineName,
                baseline == null ? null : List.copyOf(baseline)));
    }

    double median(String key) {
        Figure f = figures.get(key);
        return f == null ? Double.NaN : f.median();
    }

    double baselineMedian(String key) {
        Figure f = figures.get(key);
        return f == null ? Double.NaN : f.baselineMedian();
    }

    void target(String text, String measured, Boolean met) {
        targets.add(new Target(text, measured, met));
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String runs(List<Double> values) {
        return values == null ? "" : values.stream().map(Report::fmt).collect(Collectors.joining(" / "));
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("### Results\n\n");
        b.append("Median of the runs (each run's value in brackets). Ratio: figure ÷ baseline — a percentage for ")
                .append("rates, a factor for latencies.\n\n");
        b.append("| Figure | Median | Unit | Baseline (same run) | Baseline median | Ratio |\n");
        b.append("|---|---:|---|---|---:|---:|\n");
        for (Figure f : figures.values()) {
            b.append("| ").append(f.name()).append(" | **").append(fmt(f.median())).append("** (")
                    .append(runs(f.runs())).append(") | ").append(f.unit()).append(" | ")
                    .append(f.baselineName() == null ? "—" : f.baselineName()).append(" | ")
                    .append(f.baselineRuns() == null ? "—" : "**" + fmt(f.baselineMedian()) + "** ("
                            + runs(f.baselineRuns()) + ")")
                    .append(" | ").append(f.ratio()).append(" |\n");
        }
        b.append("\n### Targets of the issue\n\n| Target | Measured | Verdict |\n|---|---|---|\n");
        for (Target t : targets) {
            b.append("| ").append(t.text()).append(" | ").append(t.measured()).append(" | ")
                    .append(t.met() == null ? "NOT MEASURED" : t.met() ? "MET" : "**MISSED**").append(" |\n");
        }
        b.append("\n### Machine and run\n\n| Fact | Value |\n|---|---|\n");
        facts.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        if (!notes.isEmpty()) {
            b.append("\n");
            notes.forEach(n -> b.append("- ").append(n).append("\n"));
        }
        return b.toString();
    }

    /** Replaces the section between the markers of the doc (appends the markers if missing). */
    void writeInto(Path doc) throws Exception {
        writeInto(doc, BEGIN, END, markdown());
    }

    /** Prints a run's table and keeps a copy, {@code <name>-<time>.md}, in the output directory. */
    static void keep(Config config, String name, String markdown) throws Exception {
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(config.outDir());
        Files.writeString(config.outDir().resolve(name + "-" + java.time.Instant.now().toString().replace(':', '-')
                + ".md"), markdown, StandardCharsets.UTF_8);
    }

    /** Replaces the section between the given markers of the doc (appends them if missing). */
    static void writeInto(Path doc, String begin, String end, String markdown) throws Exception {
        String section = begin + "\n" + markdown + end;
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text + "\n" + section + "\n";
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }
}
