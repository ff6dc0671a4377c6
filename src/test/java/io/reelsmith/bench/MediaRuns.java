package io.reelsmith.bench;

import io.reelsmith.harness.ChildJvm;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The workers' FFmpeg and ffprobe runs by label, from the "media run LABEL N ms" lines the cluster nodes print. */
final class MediaRuns {
    private static final Pattern LINE = Pattern.compile("^media run (.+) (\\d+) ms$", Pattern.MULTILINE);

    private MediaRuns() {}

    /** Label → {runs, wall ms} over every worker. */
    static Map<String, long[]> of(List<ChildJvm> workers) {
        Map<String, long[]> runs = new TreeMap<>();
        for (ChildJvm w : workers) {
            Matcher m = LINE.matcher(w.output());
            while (m.find()) {
                long[] r = runs.computeIfAbsent(m.group(1), k -> new long[2]);
                r[0]++;
                r[1] += Long.parseLong(m.group(2));
            }
        }
        return runs;
    }

    /** One line: runs per video and mean wall time by label, and the children's CPU per run. */
    static void print(PrintStream log, Map<String, long[]> runs, int videos, double childCpuSeconds) {
        long total = runs.values().stream().mapToLong(r -> r[0]).sum();
        StringBuilder by = new StringBuilder();
        runs.forEach((label, r) -> by.append(String.format(
                Locale.ROOT,
                "%s%s %.1f (%.0f ms wall each)",
                by.isEmpty() ? "" : ", ",
                label,
                r[0] / (double) videos,
                r[1] / (double) r[0])));
        log.printf(
                Locale.ROOT,
                "media runs per video: %.1f — %s; their CPU %.0f ms per run, %.2f s per video%n",
                total / (double) videos,
                by,
                1000 * childCpuSeconds / Math.max(1, total),
                childCpuSeconds / videos);
    }
}
