package io.reelsmith.bench;

import io.reelsmith.app.Provider;
import io.reelsmith.harness.ApiClient;
import io.reelsmith.harness.ClusterHarness;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench orchestration}: what the service adds around the work of a step, with many jobs at once on
 * a cluster (PostgreSQL, API process, worker processes; the Gemini emulator with short latencies).
 * <ul>
 *   <li>step overhead: for each video, the time between one step's finish and the next step's start as the
 *   journal records them (journal writes, status updates, cancellation checks, loading the next step) —
 *   time that is neither the step's work nor waiting in the queue;</li>
 *   <li>API latency: {@code GET /videos/{id}} sent open-loop at a fixed rate during the whole run.</li>
 * </ul>
 */
public final class OrchestrationBenchmark {
    public record Settings(int jobs, int workers, int jobThreads, int blocks, String provider, double pollRate, Duration emulatorLatency,
                           Duration timeout) {
        public static Settings standard() {
            return new Settings(100, 2, 15, 1, "local", 200, Duration.ofSeconds(1), Duration.ofMinutes(15));
        }
    }

    public record Result(int jobs, int completed, double wallSeconds, List<Double> stepGapsMs, List<Double> apiLatenciesMs,
                         int apiRequests, int apiFailures) {
        public double stepOverheadMs() {
            return stepGapsMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        public double apiP99Ms() {
            return apiLatenciesMs.isEmpty() ? Double.NaN : Stats.percentile(apiLatenciesMs, 99);
        }

        public String resultLine() {
            return String.format(Locale.ROOT, "RESULT step_overhead_ms=%.1f api_p99_ms=%.1f step_overhead_p99_ms=%.1f api_p50_ms=%.1f "
                            + "api_requests=%d api_failures=%d jobs=%d completed=%d wall_s=%.1f",
                    stepOverheadMs(), apiP99Ms(), stepGapsMs.isEmpty() ? Double.NaN : Stats.percentile(stepGapsMs, 99),
                    apiLatenciesMs.isEmpty() ? Double.NaN : Stats.median(apiLatenciesMs), apiRequests, apiFailures, jobs, completed, wallSeconds);
        }
    }

    private final PrintStream log;

    public OrchestrationBenchmark(PrintStream log) {
        this.log = log;
    }

    public Result run(Settings s) throws IOException, InterruptedException, SQLException {
        log.println("machine: " + Machine.describe());
        log.printf(Locale.ROOT, "bench orchestration: %d jobs (%s, %d block), %d worker processes + API process, %d job threads each, %.0f status req/s%n",
                s.jobs(), s.provider(), s.blocks(), s.workers(), s.jobThreads(), s.pollRate());
        ClusterHarness.Settings cs = ClusterHarness.Settings.of(s.workers()).withJobThreads(s.jobThreads()).withBlockLatency(s.emulatorLatency())
                .withEmulator(Provider.isPaid(s.provider()) ? s.emulatorLatency() : null); // only google calls it
        try (ClusterHarness cluster = ClusterHarness.start(cs)) {
            log.println("cluster up: API " + cluster.apiUrl() + ", emulator " + cluster.emulatorUrl() + ", PostgreSQL port " + cluster.postgres().port());
            ApiClient api = new ApiClient(cluster.apiUrl()).register("bench@example.com", "a long password");
            String character = api.createCharacter("Kwirlo", "a small fox with a big map");
            List<String> ids = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < s.jobs(); i++) ids.add(api.startVideo(character, "benchmark video " + (i + 1), s.blocks(), s.provider()));
            log.printf(Locale.ROOT, "%d jobs started in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);

            Map<String, Integer> byStatus;
            StatusPoller poller = new StatusPoller(s.pollRate(), i -> api.statusRequest(ids.get(i % ids.size())));
            try {
                byStatus = cluster.awaitVideosFinished(s.timeout());
            } finally {
                poller.close();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            log.println("videos by status: " + byStatus + " after " + String.format(Locale.ROOT, "%.1f s", wall) + "; load average " + Machine.loadAverage());
            // The same load on an idle cluster: what the API costs by itself, for comparison.
            StatusPoller idle = new StatusPoller(s.pollRate(), i -> api.statusRequest(ids.get(i % ids.size())));
            Thread.sleep(5000);
            idle.close();
            List<Double> idleMs = idle.latenciesMs();
            log.printf(Locale.ROOT, "API with no job running: %d requests, %d failed, p50 %.1f ms, p99 %.1f ms%n", idle.sent(), idle.failed(),
                    idleMs.isEmpty() ? Double.NaN : Stats.median(idleMs), idleMs.isEmpty() ? Double.NaN : Stats.percentile(idleMs, 99));
            List<Double> gaps = stepGaps(cluster);
            Result r = new Result(s.jobs(), byStatus.getOrDefault("COMPLETED", 0), wall, gaps, poller.latenciesMs(), poller.sent(), poller.failed());
            log.printf(Locale.ROOT, "step gaps: %d, mean %.1f ms, p99 %.1f ms; API: %d requests, %d failed, p50 %.1f ms, p99 %.1f ms%n",
                    gaps.size(), r.stepOverheadMs(), gaps.isEmpty() ? Double.NaN : Stats.percentile(gaps, 99), r.apiRequests(),
                    r.apiFailures(), r.apiLatenciesMs().isEmpty() ? Double.NaN : Stats.median(r.apiLatenciesMs()), r.apiP99Ms());
            if (r.completed() < s.jobs()) log.println("not every job completed; logs:" + cluster.logs());
            return r;
        }
    }

    /** For each video, in journal order: started(step k+1) − finished(step k), in ms. */
    static List<Double> stepGaps(ClusterHarness cluster) throws SQLException {
        List<Double> gaps = new ArrayList<>();
        try (Connection c = cluster.postgres().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT video_id, event, at FROM video_step_log WHERE event IN ('started', 'finished') ORDER BY video_id, id")) {
            String video = null;
            OffsetDateTime lastFinished = null;
            while (rs.next()) {
                if (!rs.getString(1).equals(video)) {
                    video = rs.getString(1);
                    lastFinished = null;
                }
                OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
                if (rs.getString(2).equals("finished")) lastFinished = at;
                else if (lastFinished != null) {
                    gaps.add(Duration.between(lastFinished, at).toNanos() / 1e6);
                    lastFinished = null;
                }
            }
        }
        return gaps;
    }
}
