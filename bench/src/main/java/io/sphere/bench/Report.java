package io.sphere.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes the results into docs/benchmarks.md between two markers, leaving the hand-written text around them (what
 * the figures mean, the analysis of a failed target) as it is. A file without markers gets them appended.
 */
final class Report {

    static final String START = "<!-- bench:results:start (written by bench/run.sh; do not edit by hand) -->";
    static final String END = "<!-- bench:results:end -->";

    private Report() {
    }

    static void write(Path file, Map<String, String> machine, String table, List<String> notes, List<String> explains,
            boolean quick, int reps, Duration warmup, Duration window) throws IOException {
        StringBuilder r = new StringBuilder(START).append("\n\n");
        r.append("### Latest run\n\n");
        for (var e : machine.entrySet()) {
            r.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        r.append('\n').append(table).append('\n');
        if (!notes.isEmpty()) {
            r.append("Notes of this run:\n\n");
            for (String n : notes) {
                r.append("- ").append(n).append('\n');
            }
            r.append('\n');
        }
        if (!explains.isEmpty()) {
            r.append("<details><summary>Plans of the inbox statements at the largest size (EXPLAIN ANALYZE)"
                    + "</summary>\n\n");
            for (String e : explains) {
                r.append("```\n").append(e.strip()).append("\n```\n\n");
            }
            r.append("</details>\n\n");
        }
        r.append(END);
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int s = text.indexOf(START);
        int e = text.indexOf(END);
        String updated = s >= 0 && e > s
                ? text.substring(0, s) + r + text.substring(e + END.length())
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + r + "\n";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
