package io.reelsmith.bench;

import io.reelsmith.harness.ChildJvm;
import io.reelsmith.harness.ClusterHarness;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a step gap goes, cut at the worker's own log lines (their times switched on for the benchmark): a video's
 * step k is recorded finished (journal row, its time), the worker logs "done", checks for cancellation, looks the
 * next step up in the journal and logs its start, then asks the budget gate and records it started.
 * <ul>
 *   <li>{@code finish commit}: from the finished row's time to the "done" line (the rest of that transaction);</li>
 *   <li>{@code cancel check, lookup}: from "done" to the next step's line (before this work the lookup came after the line);</li>
 *   <li>{@code gate, start}: from that line to the started row's time (budget gate, the start's transaction).</li>
 * </ul>
 * Log lines have millisecond times, so each phase is within 1 ms. Also counted: runs that found their video's lease
 * taken and waited for it (a second run of one video, e.g. a job JobRunr believed orphaned).
 */
final class GapPhases {
    /** For JAVA_TOOL_OPTIONS: slf4j-simple's line time, absolute, to the millisecond. */
    static final String LOG_TIMES =
            "-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd_HH:mm:ss.SSSZ";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss.SSSZ");
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) \\[[^]]*] INFO \\S*VideoRunner - video (\\S+) step (\\S+) (done in \\d+ ms|\\(\\d+/\\d+\\))$",
            Pattern.MULTILINE);
    static final List<String> PHASES = List.of("finish commit", "cancel check, lookup", "gate, start");
    private static final Pattern LEASE_WAIT = Pattern.compile("is being made by another run; waiting");

    private record Event(String step, boolean done, Instant at) {}

    private GapPhases() {}

    /** Each phase's durations (ms) over every step transition found in both the journal and the logs. */
    static Map<String, List<Double>> of(ClusterHarness cluster) throws SQLException {
        Map<String, List<Event>> logged = new HashMap<>();
        for (ChildJvm w : cluster.workers()) {
            Matcher m = LINE.matcher(w.output());
            while (m.find()) {
                Instant at = ZonedDateTime.parse(m.group(1), TIME).toInstant();
                logged.computeIfAbsent(m.group(2), k -> new ArrayList<>())
                        .add(new Event(m.group(3), m.group(4).startsWith("done"), at));
            }
        }
        Map<String, List<Double>> out = new LinkedHashMap<>();
        PHASES.forEach(p -> out.put(p, new ArrayList<>()));
        for (StepJournal.Transition t : StepJournal.transitions(cluster)) {
            Instant done = find(logged.get(t.video()), t.finishedStep(), true, t.finished());
            Instant next = find(logged.get(t.video()), t.startedStep(), false, t.finished());
            if (done != null
                    && next != null
                    && !next.isBefore(done)
                    && !t.started().isBefore(next)) {
                out.get(PHASES.get(0)).add(ms(t.finished(), done));
                out.get(PHASES.get(1)).add(ms(done, next));
                out.get(PHASES.get(2)).add(ms(next, t.started()));
            }
        }
        return out;
    }

    /** The first log line of this kind for this step at or after {@code from} (less the log's millisecond rounding). */
    private static Instant find(List<Event> events, String step, boolean done, Instant from) {
        if (events == null) return null;
        Instant floor = from.minusMillis(1);
        for (Event e : events) if (e.step().equals(step) && e.done() == done && !e.at().isBefore(floor)) return e.at();
        return null;
    }

    private static double ms(Instant a, Instant b) {
        return Math.max(0, Duration.between(a, b).toNanos() / 1e6);
    }

    /** How many times a run waited for its video's lease, over every worker. */
    static int leaseWaits(ClusterHarness cluster) {
        int n = 0;
        for (ChildJvm w : cluster.workers()) {
            Matcher m = LEASE_WAIT.matcher(w.output());
            while (m.find()) n++;
        }
        return n;
    }

    static void print(PrintStream log, Map<String, List<Double>> phases) {
        int n = phases.get(PHASES.get(0)).size();
        log.printf(
                Locale.ROOT,
                "where a step gap goes (%d transitions found in both the journal and the workers' logs):%n",
                n);
        for (var e : phases.entrySet()) {
            List<Double> v = e.getValue();
            log.printf(
                    Locale.ROOT,
                    "  %-21s mean %6.1f ms  p50 %6.1f ms  p99 %6.1f ms%n",
                    e.getKey(),
                    v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    v.isEmpty() ? Double.NaN : Stats.median(v),
                    v.isEmpty() ? Double.NaN : Stats.percentile(v, 99));
        }
    }
}
