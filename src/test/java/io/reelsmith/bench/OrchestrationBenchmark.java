package io.reelsmith.bench;

import io.reelsmith.app.Provider;
import io.reelsmith.harness.ApiClient;
import io.reelsmith.harness.ClusterHarness;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
    public record Settings(
            int jobs,
            int workers,
            int jobThreads,
            int blocks,
            String provider,
            double pollRate,
            Duration emulatorLatency,
            Duration timeout,
            int workerNice) {
        public static Settings standard() {
            return new Settings(100, 2, 15, 1, "local", 200, Duration.ofSeconds(1), Duration.ofMinutes(15), 0);
        }
    }

    /** CPU ms per status request of the API process, in the run and with no job running (its own cost). */
    public record ApiCpu(double duringRunMs, double idleMs) {}

    public record Result(
            int jobs,
            int completed,
            double wallSeconds,
            List<Double> stepGapsMs,
            List<Double> apiLatenciesMs,
            int apiRequests,
            int apiFailures,
            ApiCpu apiCpu) {
        public double stepOverheadMs() {
            return stepGapsMs.stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElse(Double.NaN);
        }

        public double apiP99Ms() {
            return apiLatenciesMs.isEmpty() ? Double.NaN : Stats.percentile(apiLatenciesMs, 99);
        }

        public String resultLine() {
            return String.format(
                    Locale.ROOT,
                    "RESULT step_overhead_ms=%.1f api_p99_ms=%.1f step_overhead_p99_ms=%.1f api_p50_ms=%.1f "
                            + "api_requests=%d api_failures=%d api_cpu_ms_per_request=%.2f jobs=%d completed=%d wall_s=%.1f",
                    stepOverheadMs(),
                    apiP99Ms(),
                    stepGapsMs.isEmpty() ? Double.NaN : Stats.percentile(stepGapsMs, 99),
                    apiLatenciesMs.isEmpty() ? Double.NaN : Stats.median(apiLatenciesMs),
                    apiRequests,
                    apiFailures,
                    apiCpu.idleMs(),
                    jobs,
                    completed,
                    wallSeconds);
        }
    }

    private final PrintStream log;

    public OrchestrationBenchmark(PrintStream log) {
        this.log = log;
    }

    public Result run(Settings s) throws IOException, InterruptedException, SQLException {
        log.println("machine: " + Machine.describe());
        log.printf(
                Locale.ROOT,
                "bench orchestration: %d jobs (%s, %d block), %d worker processes (nice %d; job threads %s, their FFmpeg 19) + API process, %d job threads each, %.0f status req/s%n",
                s.jobs(),
                s.provider(),
                s.blocks(),
                s.workers(),
                s.workerNice(),
                "nice " + System.getenv().getOrDefault("REELSMITH_JOBS_NICE", "5 (reelsmith.jobs.nice)"),
                s.jobThreads(),
                s.pollRate());
        ClusterHarness.Settings cs = ClusterHarness.Settings.of(s.workers())
                .withJobThreads(s.jobThreads())
                .withBlockLatency(s.emulatorLatency())
                .withEmulator(Provider.isPaid(s.provider()) ? s.emulatorLatency() : null) // only google calls it
                .withEnv(Map.of(
                        "JAVA_TOOL_OPTIONS",
                        GapPhases.LOG_TIMES, // the workers' log lines carry their time: where a gap goes
                        ClusterHarness.WORKER_NICE,
                        String.valueOf(s.workerNice())));
        try (ClusterHarness cluster = ClusterHarness.start(cs)) {
            log.println("cluster up: API " + cluster.apiUrl() + ", emulator " + cluster.emulatorUrl()
                    + ", PostgreSQL port " + cluster.postgres().port());
            ApiClient api = new ApiClient(cluster.apiUrl()).register("bench@example.com", "a long password");
            long apiPid = cluster.api().pid(), postmaster = postmaster(cluster);
            List<Long> workerPids = cluster.workers().stream().map(w -> w.pid()).toList();
            String character = api.createCharacter("Kwirlo", "a small fox with a big map");
            List<String> ids = new ArrayList<>();
            double[] cpu0 = cpu(apiPid, workerPids, postmaster);
            double[] waited0 = waitedForCore(apiPid, workerPids, postmaster);
            ThreadCpu threads0 = ThreadCpu.now();
            DbCounts db = DbCounts.start(cluster.postgres());
            long t0 = System.nanoTime();
            Map<String, Instant> startedAt = new HashMap<>();
            for (int i = 0; i < s.jobs(); i++) {
                ids.add(api.startVideo(character, "benchmark video " + (i + 1), s.blocks(), s.provider()));
                startedAt.put(ids.get(i), Instant.now());
            }
            log.printf(Locale.ROOT, "%d jobs started in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);

            Map<String, Integer> byStatus;
            StatusPoller poller = new StatusPoller(s.pollRate(), i -> api.statusRequest(ids.get(i % ids.size())));
            try {
                byStatus = cluster.awaitVideosFinished(s.timeout());
            } finally {
                poller.close();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double[] cpu1 = cpu(apiPid, workerPids, postmaster);
            double[] waited1 = waitedForCore(apiPid, workerPids, postmaster);
            Map<String, Double> threads = ThreadCpu.now().since(threads0);
            log.println("videos by status: " + byStatus + " after " + String.format(Locale.ROOT, "%.1f s", wall)
                    + "; load average " + Machine.loadAverage());
            double workersJvm = cpu1[1] - cpu0[1], media = cpu1[2] - cpu0[2];
            log.printf(
                    Locale.ROOT,
                    "CPU during the run: API %.1f s (%.2f ms per status request sent), workers %.1f s (%.2f s per video: "
                            + "JVM %.2f s, FFmpeg/ffprobe %.2f s), PostgreSQL %.1f s, this process (load, S3 store) %.1f s "
                            + "— %.1f CPU s in %.1f s%n",
                    cpu1[0] - cpu0[0],
                    1000 * (cpu1[0] - cpu0[0]) / Math.max(1, poller.sent()),
                    workersJvm + media,
                    (workersJvm + media) / s.jobs(),
                    workersJvm / s.jobs(),
                    media / s.jobs(),
                    cpu1[3] - cpu0[3],
                    cpu1[4] - cpu0[4],
                    sum(cpu1) - sum(cpu0),
                    wall);
            // where a status request's time goes besides its CPU: its threads waiting for a core
            log.printf(
                    Locale.ROOT,
                    "waiting for a core during the run (runnable, not running): API %.1f s (%.2f ms per status request "
                            + "sent), workers' JVMs %.1f s, PostgreSQL %.1f s, this process %.1f s%n",
                    waited1[0] - waited0[0],
                    1000 * (waited1[0] - waited0[0]) / Math.max(1, poller.sent()),
                    waited1[1] - waited0[1],
                    waited1[2] - waited0[2],
                    waited1[3] - waited0[3]);
            StringBuilder windows = new StringBuilder();
            poller.p99By(5).forEach(p -> windows.append(String.format(Locale.ROOT, " %.0f", p)));
            log.println("API p99 (ms) by 5 s of the run:" + windows); // a slow spell, or slow throughout
            StringBuilder groups = new StringBuilder();
            threads.entrySet().stream()
                    .limit(8)
                    .forEach(e -> groups.append(String.format(Locale.ROOT, ", %s %.1f s", e.getKey(), e.getValue())));
            log.printf(
                    Locale.ROOT,
                    "this process by thread (load generator: HttpClient-*; S3 store: SNProxy-Jetty; the JVM: CN CompilerThre, GC)%s%n",
                    groups);
            MediaRuns.print(log, MediaRuns.of(cluster.workers()), s.jobs(), media);
            db.print(cluster.postgres(), log, s.jobs(), 8);
            // The same load on an idle cluster: what the API costs by itself, for comparison (a count of requests at
            // the run's rate: 5 s of them when the sender keeps up).
            StatusPoller idle =
                    new StatusPoller(s.pollRate(), idleRequests(s), i -> api.statusRequest(ids.get(i % ids.size())));
            idle.awaitAllSent();
            idle.close();
            double apiIdle = ProcessCpu.of(apiPid) - cpu1[0];
            List<Double> idleMs = idle.latenciesMs();
            log.printf(
                    Locale.ROOT,
                    "API with no job running: %d requests, %d failed, p50 %.1f ms, p99 %.1f ms, %.2f ms CPU per request%n",
                    idle.sent(),
                    idle.failed(),
                    idleMs.isEmpty() ? Double.NaN : Stats.median(idleMs),
                    idleMs.isEmpty() ? Double.NaN : Stats.percentile(idleMs, 99),
                    1000 * apiIdle / Math.max(1, idle.sent()));
            List<Double> gaps = stepGaps(cluster);
            GapPhases.print(log, GapPhases.of(cluster));
            log.printf(
                    Locale.ROOT,
                    "lease waits (a run finding its video taken by another, polling once a second): %d%n",
                    GapPhases.leaseWaits(cluster));
            List<Double> picked = queueWaits(cluster, startedAt);
            log.printf(
                    Locale.ROOT,
                    "queue wait (start request to first step, JobRunr's pick-up): mean %.0f ms, p50 %.0f ms, p99 %.0f ms%n",
                    picked.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    picked.isEmpty() ? Double.NaN : Stats.median(picked),
                    picked.isEmpty() ? Double.NaN : Stats.percentile(picked, 99));
            Result r = new Result(
                    s.jobs(),
                    byStatus.getOrDefault("COMPLETED", 0),
                    wall,
                    gaps,
                    poller.latenciesMs(),
                    poller.sent(),
                    poller.failed(),
                    new ApiCpu(
                            1000 * (cpu1[0] - cpu0[0]) / Math.max(1, poller.sent()),
                            1000 * apiIdle / Math.max(1, idle.sent())));
            log.printf(
                    Locale.ROOT,
                    "step gaps: %d, mean %.1f ms, p99 %.1f ms; API: %d requests, %d failed, p50 %.1f ms, p99 %.1f ms%n",
                    gaps.size(),
                    r.stepOverheadMs(),
                    gaps.isEmpty() ? Double.NaN : Stats.percentile(gaps, 99),
                    r.apiRequests(),
                    r.apiFailures(),
                    r.apiLatenciesMs().isEmpty() ? Double.NaN : Stats.median(r.apiLatenciesMs()),
                    r.apiP99Ms());
            if (r.completed() < s.jobs()) log.println("not every job completed; logs:" + cluster.logs());
            return r;
        }
    }

    /** CPU seconds: API, workers' JVMs, workers' FFmpeg children, PostgreSQL, this process. */
    private static double[] cpu(long api, List<Long> workers, long postmaster) {
        return new double[] {
            ProcessCpu.of(api),
            workers.stream().mapToDouble(ProcessCpu::self).sum(),
            workers.stream().mapToDouble(ProcessCpu::children).sum(),
            ProcessCpu.tree(postmaster),
            ProcessCpu.of(ProcessHandle.current().pid())
        };
    }

    /** Seconds waiting for a core: API, workers' JVMs, PostgreSQL, this process (live threads). */
    private static double[] waitedForCore(long api, List<Long> workers, long postmaster) {
        return new double[] {
            ProcessCpu.waitedForCore(api),
            workers.stream().mapToDouble(ProcessCpu::waitedForCore).sum(),
            ProcessCpu.treeWaitedForCore(postmaster),
            ProcessCpu.waitedForCore(ProcessHandle.current().pid())
        };
    }

    private static double sum(double[] v) {
        double t = 0;
        for (double x : v) t += x;
        return t;
    }

    /** How many status requests measure the idle API: as many as 5 s at the run's rate (1000 at 200/s). */
    static int idleRequests(Settings s) {
        return (int) Math.max(1, Math.round(5 * s.pollRate()));
    }

    /** Per video: from the API's answer to its start to its first step's start in the journal, in ms. */
    static List<Double> queueWaits(ClusterHarness cluster, Map<String, Instant> startedAt) throws SQLException {
        List<Double> waits = new ArrayList<>();
        try (Connection c = cluster.postgres().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT video_id, MIN(at) FROM video_step_log WHERE event = 'started' GROUP BY video_id")) {
            while (rs.next()) {
                Instant asked = startedAt.get(rs.getString(1));
                if (asked != null)
                    waits.add(Math.max(
                            0,
                            Duration.between(
                                                    asked,
                                                    rs.getObject(2, OffsetDateTime.class)
                                                            .toInstant())
                                            .toNanos()
                                    / 1e6));
            }
        }
        return waits;
    }

    /** The PostgreSQL server's process (its backends are its children). */
    private static long postmaster(ClusterHarness cluster) throws IOException {
        return Long.parseLong(Files.readAllLines(
                        cluster.postgres().directory().resolve("data").resolve("postmaster.pid"))
                .get(0)
                .strip());
    }

    /** For each video, in journal order: started(step k+1) − finished(step k), in ms. */
    static List<Double> stepGaps(ClusterHarness cluster) throws SQLException {
        return StepJournal.transitions(cluster).stream()
                .map(StepJournal.Transition::gapMs)
                .toList();
    }
}
