package io.reelsmith.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reelsmith.kernel.FileTrees;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reelsmith as it runs on many machines, on this one: a PostgreSQL server ({@link PostgresHarness}), an
 * S3-compatible object store ({@link S3Server}), the Gemini API emulator (optional), one API process and N
 * worker processes ({@link ClusterNode}: the service's API without a job server, and job servers without the
 * API), each a separate JVM sharing the database, the bucket and the signing key — and each with a data
 * directory of its own, as on separate machines: nothing passes between them through the file system.
 * Used by the multi-worker tests and by {@code bench orchestration}.
 */
public final class ClusterHarness implements AutoCloseable {
    private static final Pattern API_READY = Pattern.compile("cluster api on (http://\\S+)");
    private static final Pattern WORKER_READY = Pattern.compile("cluster worker running");
    private static final Pattern EMULATOR_READY = Pattern.compile("emulator listening on (http://\\S+)");
    private static final String NODE = ClusterNode.class.getName();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** The block whose stand-in operation a node never ends ({@link Settings#withBlockHeldOnWorker}). */
    static final String HELD_BLOCK = "REELSMITH_HARNESS_HELD_BLOCK";
    /** The worker JVMs' own CPU priority (nice, default 0; their media runs have reelsmith.jobs.media.nice). */
    public static final String WORKER_NICE = "REELSMITH_HARNESS_WORKER_NICE";

    /**
     * @param workers          worker processes besides the API process
     * @param jobThreads       videos made at once per process (reelsmith.jobs.workers)
     * @param emulatorLatency  null for no emulator; else how long each Veo operation runs there
     * @param emulatorSize     the emulator's clip size, e.g. "180x320" (small: fast to encode)
     * @param blockLatency     how long each block's stand-in generation waits ({@link QuickStages})
     * @param extraEnv         more settings for every Reelsmith process (e.g. REELSMITH_VEO_MAX_CONCURRENT)
     */
    public record Settings(
            int workers,
            int jobThreads,
            Duration emulatorLatency,
            String emulatorSize,
            Duration blockLatency,
            Map<String, String> extraEnv) {
        public static Settings of(int workers) {
            return new Settings(workers, 2, null, "180x320", Duration.ofSeconds(1), Map.of());
        }

        public Settings withEmulator(Duration latency) {
            return new Settings(workers, jobThreads, latency, emulatorSize, blockLatency, extraEnv);
        }

        public Settings withBlockLatency(Duration d) {
            return new Settings(workers, jobThreads, emulatorLatency, emulatorSize, d, extraEnv);
        }

        public Settings withJobThreads(int n) {
            return new Settings(workers, n, emulatorLatency, emulatorSize, blockLatency, extraEnv);
        }

        /** Veo operations at once across every process; requests per minute high enough never to bind. */
        public Settings withVeoLimit(int maxConcurrent) {
            return withEnv(Map.of(
                    "REELSMITH_VEO_MAX_CONCURRENT",
                    String.valueOf(maxConcurrent),
                    "REELSMITH_VEO_REQUESTS_PER_MINUTE",
                    "1000"));
        }

        /**
         * Block {@code block}'s stand-in operation never ends on worker {@code worker} (1-based): a test kills that
         * worker while it runs one, whatever the machine's load.
         */
        public Settings withBlockHeldOnWorker(int worker, int block) {
            return withEnv(Map.of(HELD_BLOCK + "_ON_WORKER_" + worker, String.valueOf(block)));
        }

        public Settings withEnv(Map<String, String> env) {
            Map<String, String> all = new HashMap<>(extraEnv);
            all.putAll(env);
            return new Settings(workers, jobThreads, emulatorLatency, emulatorSize, blockLatency, Map.copyOf(all));
        }
    }

    private final Path dir;
    public static final String BUCKET = "reelsmith-cluster";
    private final PostgresHarness pg;
    private final S3Server s3;
    private final List<ChildJvm> children = new ArrayList<>();
    private ChildJvm emulator;
    private ChildJvm api;
    private final List<ChildJvm> workers = new ArrayList<>();

    private ClusterHarness(Path dir, PostgresHarness pg, S3Server s3) {
        this.dir = dir;
        this.pg = pg;
        this.s3 = s3;
    }

    public static ClusterHarness start(Settings s) throws IOException {
        Path dir = Files.createTempDirectory("reelsmith-cluster");
        PostgresHarness pg = null;
        S3Server s3 = null;
        ClusterHarness c = null;
        try {
            pg = PostgresHarness.start();
            s3 = new S3Server();
            s3.createBucket(BUCKET);
            c = new ClusterHarness(dir, pg, s3);
            c.startAll(s);
            return c;
        } catch (IOException | RuntimeException e) {
            if (c != null) c.close();
            else {
                if (s3 != null) s3.close();
                if (pg != null) pg.close();
                FileTrees.deleteTreeQuietly(dir);
            }
            throw e;
        }
    }

    private void startAll(Settings s) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Map<String, String> e = new HashMap<>();
        e.put("REELSMITH_DB_URL", pg.jdbcUrl());
        e.put("REELSMITH_DB_USER", PostgresHarness.USER);
        e.put("REELSMITH_DB_PASSWORD", "");
        e.put("REELSMITH_JWT_SECRET", "cluster-harness-secret-0123456789abcdef");
        e.put("REELSMITH_DASHBOARD_PORT", "-1");
        e.put("REELSMITH_HEALTH_PORT", "-1");
        e.put("REELSMITH_JOBS_WORKERS", String.valueOf(s.jobThreads()));
        e.put("REELSMITH_HARNESS_BLOCK_MS", String.valueOf(s.blockLatency().toMillis()));
        e.putAll(s3.environment(BUCKET)); // the only place files pass from one process to another
        if (s.emulatorLatency() != null) {
            emulator = start(ChildJvm.start(
                    "emulator",
                    List.of(
                            "emulator",
                            "--port",
                            "0",
                            "--latency-ms",
                            String.valueOf(s.emulatorLatency().toMillis()),
                            "--size",
                            s.emulatorSize()),
                    Map.of(),
                    logs,
                    EMULATOR_READY,
                    START_TIMEOUT));
            e.put("REELSMITH_GOOGLE_BASE_URL", emulator.readyValue());
            e.put("GEMINI_API_KEY", "emulator-key");
            e.put("REELSMITH_GOOGLE_VERTEX", "true"); // veo is served on Vertex AI (a bearer token for the emulator)
            e.put("GOOGLE_CLOUD_PROJECT", "cluster");
            e.put("REELSMITH_GOOGLE_ACCESS_TOKEN", "emulator-token");
            e.put("REELSMITH_GOOGLE_POLL_INTERVAL_MS", "250");
            e.put("REELSMITH_GOOGLE_BACKOFF_INITIAL_MS", "200");
            e.put("REELSMITH_GOOGLE_BACKOFF_MAX_MS", "2000");
        }
        e.putAll(s.extraEnv());
        // The API process first: it applies the migrations before any worker opens the database.
        api = start(ChildJvm.start("api", NODE, List.of("api"), nodeEnv(e, "api"), logs, API_READY, START_TIMEOUT));
        for (int i = 1; i <= s.workers(); i++) {
            // The workers' FFmpeg runs at the lowest priority: on one machine their media work must not starve the API
            // and PostgreSQL (on separate machines, as in production, there is nothing to yield to). Not the worker
            // JVMs:
            // at nice 19 a step's bookkeeping (journal, lease) waited behind every other process for a core, which
            // the step gaps measured. They start together.
            String name = "worker-" + i;
            Map<String, String> env = new HashMap<>(nodeEnv(e, name));
            env.putIfAbsent("REELSMITH_JOBS_MEDIA_NICE", "19");
            int nice = Integer.parseInt(env.getOrDefault(WORKER_NICE, "0"));
            env.remove(WORKER_NICE);
            String held = env.remove(HELD_BLOCK + "_ON_WORKER_" + i);
            if (held != null) env.put(HELD_BLOCK, held);
            workers.add(start(ChildJvm.launch(name, NODE, List.of("worker"), env, logs, nice)));
        }
        for (ChildJvm w : workers) w.awaitReady(WORKER_READY, START_TIMEOUT);
    }

    /** The common settings plus the node's own data directory. */
    private Map<String, String> nodeEnv(Map<String, String> common, String node) {
        Map<String, String> env = new HashMap<>(common);
        env.put("REELSMITH_DATA_DIR", dataDir(node).toString());
        return Map.copyOf(env);
    }

    private ChildJvm start(ChildJvm child) {
        children.add(child);
        return child;
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:41234} (routes under /api/v1). */
    public String apiUrl() {
        return api.readyValue();
    }

    /** The emulator's base URL (null without one); its call log is at /_emulator/log. */
    public String emulatorUrl() {
        return emulator == null ? null : emulator.readyValue();
    }

    public ChildJvm api() {
        return api;
    }

    public List<ChildJvm> workers() {
        return List.copyOf(workers);
    }

    public PostgresHarness postgres() {
        return pg;
    }

    /** The data directory of one process ("api", "worker-1" …): its own scratch space, as on its own machine. */
    public Path dataDir(String node) {
        return dir.resolve("data-" + node);
    }

    /** The files of videos on one process's own disk ("api", "worker-1" …). */
    public List<Path> videoFiles(String node) throws IOException {
        Path videos = dataDir(node).resolve("videos");
        if (!Files.exists(videos)) return List.of();
        try (Stream<Path> all = Files.walk(videos)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * The API, which made none of these videos, serves each final.mp4 from the store: a ranged read of its first
     * bytes is an MP4 header, and the API's own disk holds no file of a video.
     */
    public void assertApiServesFromStore(ApiClient api, List<String> ids) throws IOException {
        for (String id : ids) {
            HttpResponse<byte[]> head = api.download(id, "final.mp4", "bytes=0-7");
            assertThat(head.statusCode()).as(id).isEqualTo(206);
            assertThat(new String(head.body(), 4, 4, StandardCharsets.US_ASCII))
                    .as(id)
                    .isEqualTo("ftyp");
        }
        assertThat(videoFiles("api")).as("files of videos on the API's disk").isEmpty();
    }

    /** The object store every process shares. */
    public S3Server s3() {
        return s3;
    }

    /** How many videos are in each status ("COMPLETED" → 20), read from PostgreSQL. */
    public Map<String, Integer> videosByStatus() throws SQLException {
        return countsBy("SELECT status, COUNT(*) FROM videos GROUP BY status");
    }

    /** Waits until no video is queued or running, or nothing progressed for {@code stall}; returns the last count by status. */
    public Map<String, Integer> awaitVideosFinished(Duration stall) {
        // A loaded machine is slow, not stuck: give up only when no step started, finished or failed for {@code stall}
        // (a fixed total time made the cluster tests fail on a busy 2-core machine while every worker was working).
        long[] events = {-1, System.nanoTime()}; // step events seen, when that count last changed
        return pollUntil(stall.multipliedBy(10), this::videosByStatus, byStatus -> {
            long now = stepEvents();
            if (now != events[0]) {
                events[0] = now;
                events[1] = System.nanoTime();
            }
            return !byStatus.containsKey("QUEUED") && !byStatus.containsKey("RUNNING")
                    || System.nanoTime() - events[1] > stall.toNanos();
        });
    }

    /**
     * JobRunr's own states once they settle. A job's row turns SUCCEEDED only after its method has returned, so right
     * after the last video is COMPLETED a loaded machine may still show it PROCESSING: wait for that to end (or
     * {@code limit}), then report what is there.
     */
    public Map<String, Integer> awaitJobsSettled(Duration limit) {
        return pollUntil(
                limit,
                this::jobStates,
                states -> !states.containsKey("ENQUEUED")
                        && !states.containsKey("PROCESSING")
                        && !states.containsKey("SCHEDULED"));
    }

    private Map<String, Integer> jobStates() throws SQLException {
        return countsBy("SELECT state, COUNT(*) FROM jobrunr_jobs GROUP BY state");
    }

    /** The rows of {@code sql}: a name and a count each. */
    private Map<String, Integer> countsBy(String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = pg.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) counts.put(rs.getString(1), rs.getInt(2));
        }
        return counts;
    }

    /** Reads every half second until {@code done} holds or {@code limit} passes; the last reading either way (the caller asserts on it). */
    private static <T> T pollUntil(Duration limit, Callable<T> read, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            await().atMost(limit)
                    .pollDelay(Duration.ofMillis(500))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        last.set(read.call());
                        return done.test(last.get());
                    });
        } catch (ConditionTimeoutException e) {
            // what was there is returned: the caller's assertion shows it with the processes' logs
        }
        return last.get();
    }

    private long stepEvents() {
        try (Connection c = pg.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM video_step_log")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every child's last output lines, for a failing test's message. */
    public String logs() {
        StringBuilder sb = new StringBuilder();
        for (ChildJvm c : children)
            sb.append("\n----- ")
                    .append(c.name())
                    .append(c.isAlive() ? "" : " (exited)")
                    .append(" -----\n")
                    .append(c.tail());
        return sb.toString();
    }

    @Override
    public void close() {
        for (int i = children.size() - 1; i >= 0; i--) children.get(i).close();
        s3.close();
        pg.close();
        FileTrees.deleteTreeQuietly(dir);
    }
}
