package io.reelsmith.bench;

import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.limits.LocalVeoLimiter;
import io.reelsmith.limits.VeoLimits;
import io.reelsmith.pipeline.CancelledException;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.video.ParallelTake;
import io.reelsmith.video.Take;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelsmith bench paid-wall}: how long a paid video waits for Google, in call latencies. The emulator holds every
 * video call for the same fixed latency L (and every image call for its own, shorter one); the same 8-block video is
 * made three times through the real pipeline and SDK: the continuous take, the parallel plan at the project's quota
 * (the catalogue's default), and the parallel plan with at most 2 calls at once. Timed: from the first paid call of the
 * video stage (a keyframe or block 1) to the joined take; the character image and the script, the same for both plans,
 * are timed apart, and the subtitles and render are not Google's (see {@code bench render}). Dollars: what the run
 * recorded in its spend ledger, from the catalogue's prices. Issue #25's targets: parallel ≤ 2.5 L, with 2 at once
 * ≤ 5.5 L, the dollars of both plans within 10 %.
 */
@Command(
        name = "paid-wall",
        description = "Both plans of one paid video against the emulator with a fixed call latency L; prints "
                + "RESULT parallel_wall_L=… continuous_wall_L=… parallel_usd=… continuous_usd=…")
public final class PaidWallBench implements Callable<Integer> {
    @Mixin
    BenchVideo video = new BenchVideo();

    @Option(names = "--latency-seconds", description = "L: how long every video call runs (default ${DEFAULT-VALUE}).")
    double latency = 20;

    @Option(
            names = "--image-latency-seconds",
            description = "How long every image call takes (default ${DEFAULT-VALUE}).")
    double imageLatency = 2;

    @Option(names = "--backend", description = "veo (Vertex AI) or omni (an API key) (default ${DEFAULT-VALUE}).")
    String backend = "veo";

    @Option(
            names = "--poll-ms",
            description =
                    "How often a running call is polled (default ${DEFAULT-VALUE}; Google's default is 10000 for calls of minutes).")
    long pollMs = 1000;

    @Option(
            names = "--words",
            description = "How much dialogue the emulator's script writer puts in a block: short (one 8-word line) or"
                    + " full (each block up to the word budget its prompt states) (default ${DEFAULT-VALUE}).")
    String words = "short";

    @Mixin
    WorkDir workDir = new WorkDir();

    /** One run's figures. */
    record Run(
            String name,
            double setupSeconds,
            double videoSeconds,
            double joinSeconds,
            double takeSeconds,
            BigDecimal usd,
            int maxAtOnce,
            double billedVideoSeconds,
            long images) {
        double wall() {
            return videoSeconds + joinSeconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (video.blocks < 1 || video.blocks > 21) throw new IllegalArgumentException("--blocks must be 1..21");
        if (latency < 1) throw new IllegalArgumentException("--latency-seconds must be at least 1");
        if (!backend.equals("veo") && !backend.equals("omni"))
            throw new IllegalArgumentException("--backend must be veo or omni");
        if (!words.equals("short") && !words.equals("full"))
            throw new IllegalArgumentException("--words must be short or full");
        PrintStream out = System.out;
        try (WorkDir.Open work = workDir.open("reelsmith-bench-paid-wall");
                GeminiEmulator emulator = GeminiEmulator.start(emulatorOptions(work.path()))) {
            Path dir = work.path();
            GoogleConfig config = ConfigLoader.fromEnvironment(env(emulator)).google();
            int quota = VeoLimits.of(config).maxConcurrent();
            out.println("machine: " + Machine.describe());
            out.printf(
                    Locale.ROOT,
                    "%s (%s), %d blocks, %s blocks of dialogue; L = %.0f s per video call, %.1f s per image call, polled every %d ms; quota %d calls at once%n",
                    config.videoModel(),
                    backend,
                    video.blocks,
                    words,
                    latency,
                    imageLatency,
                    pollMs,
                    quota);
            Run continuous = run(emulator, config, TakePlan.CONTINUOUS, quota, dir.resolve("continuous"), out);
            Run parallel = run(emulator, config, TakePlan.PARALLEL, quota, dir.resolve("parallel"), out);
            Run two = run(emulator, config, TakePlan.PARALLEL, 2, dir.resolve("parallel-2"), out);
            double ratio = parallel.usd().doubleValue() / continuous.usd().doubleValue();
            // the takes' lengths may differ by a second or two (clips of allowed lengths, joins on shared frames): the
            // price per second of the take beside the price
            double perSecond = (parallel.usd().doubleValue() / parallel.takeSeconds())
                    / (continuous.usd().doubleValue() / continuous.takeSeconds());
            out.printf(
                    Locale.ROOT,
                    "parallel vs continuous: %.1fx faster, %+.1f %% dollars, %+.1f %% dollars per second of the take%n",
                    continuous.wall() / parallel.wall(),
                    (ratio - 1) * 100,
                    (perSecond - 1) * 100);
            out.printf(Locale.ROOT, "load average at the end: %s%n", Machine.loadAverage());
            out.printf(
                    Locale.ROOT,
                    "RESULT parallel_wall_L=%.2f continuous_wall_L=%.2f parallel_usd=%.2f continuous_usd=%.2f parallel2_wall_L=%.2f usd_ratio=%.3f"
                            + " usd_per_second_ratio=%.3f%n",
                    parallel.wall() / latency,
                    continuous.wall() / latency,
                    parallel.usd(),
                    continuous.usd(),
                    two.wall() / latency,
                    ratio,
                    perSecond);
            return 0;
        }
    }

    private EmulatorOptions emulatorOptions(Path dir) {
        return EmulatorOptions.defaults()
                .withSize(180, 320)
                .withWorkDir(dir.resolve("emulator"))
                .withLatency(Duration.ofMillis((long) (latency * 1000)))
                .withImageLatency(Duration.ofMillis((long) (imageLatency * 1000)))
                .withWords(EmulatorOptions.Words.valueOf(words.toUpperCase(Locale.ROOT)));
    }

    private Run run(
            GeminiEmulator emulator, GoogleConfig config, TakePlan plan, int concurrency, Path dir, PrintStream out)
            throws Exception {
        emulator.reset();
        String name = plan.id() + (plan == TakePlan.PARALLEL ? ", " + concurrency + " at once" : "");
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        VeoLimits limits = VeoLimits.fromEnvironment(
                Map.of(
                        "REELSMITH_VEO_MAX_CONCURRENT",
                        String.valueOf(concurrency),
                        "REELSMITH_VEO_REQUESTS_PER_MINUTE",
                        "600"),
                null);
        try (GoogleProvider google = new GoogleProvider(
                config,
                ledger.forJob(name, "bench"),
                GoogleClients.create(config),
                new LocalVeoLimiter(limits),
                ProviderRegistry.Settings.DEFAULTS)) {
            Pipeline pipeline = new Pipeline(google.stages(null, CaptionStyle.SHORTS, new FinalRenderer()));
            JobSpec spec = new JobSpec(
                    "a treasure hunt in the park",
                    List.of(new CharacterProfile("Nano", "a cartoon banana", "cartoon")),
                    video.blocks,
                    "en",
                    plan);
            Workspace ws = new Workspace(Files.createDirectories(dir));
            FileJournal journal = new FileJournal(ws.journal());
            long t0 = System.nanoTime();
            AtomicLong videoStart = new AtomicLong();
            StepListener clock = new StepListener() {
                public void stepStarted(Step step, int index, int total) {
                    if (step instanceof Step.Keyframe || step instanceof Step.Block)
                        videoStart.compareAndSet(0, System.nanoTime());
                }
            };
            try {
                pipeline.run(spec, ws, journal, clock, () -> journal.isDone(Step.block(video.blocks - 1)));
            } catch (CancelledException e) {
                // stopped after the last block: the subtitles and the render are not Google's time
            }
            long blocksDone = System.nanoTime();
            // what sizes a parallel plan's clips (FirstLastPlan): each block's dialogue words, and the take's planned
            // end
            String blockWords = ParallelTake.words(ScriptJson.read(ws.file(WorkspaceFile.SCRIPT))).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining("/"));
            if (plan == TakePlan.PARALLEL) {
                List<String> clips = new ArrayList<>();
                for (int i = 0; i < video.blocks; i++)
                    clips.add(journal.step(Step.block(i))
                            .map(r -> r.outputs().getOrDefault("fact." + ParallelTake.FACT_SECONDS, "?"))
                            .orElse("?"));
                out.printf(
                        Locale.ROOT,
                        "%-22s clips %s s for blocks of %s words (planned %s s)%n",
                        name,
                        String.join("/", clips),
                        blockWords,
                        Script.blockSeconds(video.blocks).stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining("/")));
            } else {
                out.printf(Locale.ROOT, "%-22s blocks of %s words%n", name, blockWords);
            }
            Take take = pipeline.take(spec, ws, journal);
            long joined = System.nanoTime();
            BigDecimal usd = ledger.all().stream()
                    .filter(SpendEntry::counts)
                    .map(e -> e.purchase().usd())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            double billed = emulator.log().calls().stream()
                    .filter(c -> c.billable() && c.seconds() > 0)
                    .mapToDouble(CallLog.Call::seconds)
                    .sum();
            long images = emulator.log().calls().stream()
                    .filter(c -> c.billable() && c.kind().equals("image"))
                    .count();
            Run r = new Run(
                    name,
                    (videoStart.get() - t0) / 1e9,
                    (blocksDone - videoStart.get()) / 1e9,
                    (joined - blocksDone) / 1e9,
                    take.seconds(),
                    usd,
                    emulator.maxConcurrentOperations(),
                    billed,
                    images);
            out.printf(
                    Locale.ROOT,
                    "%-22s character+script %5.1f s | video calls %6.1f s | join %4.1f s | wall %6.1f s = %5.2f L | %d at most at once"
                            + " | take %.2f s | billed %.0f s of video + %d images | $%s%n",
                    r.name(),
                    r.setupSeconds(),
                    r.videoSeconds(),
                    r.joinSeconds(),
                    r.wall(),
                    r.wall() / latency,
                    r.maxAtOnce(),
                    r.takeSeconds(),
                    r.billedVideoSeconds(),
                    r.images(),
                    r.usd().setScale(2, RoundingMode.HALF_UP).toPlainString());
            return r;
        }
    }

    /** The SDK pointed at the in-process emulator, in the back end's surface. */
    private Map<String, String> env(GeminiEmulator e) {
        Map<String, String> env = new HashMap<>(Map.of(
                "REELSMITH_GOOGLE_BASE_URL", e.baseUrl(),
                "GEMINI_API_KEY", EmulatorOptions.DEFAULT_API_KEY,
                "REELSMITH_GOOGLE_POLL_INTERVAL_MS", String.valueOf(pollMs),
                "REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS", String.valueOf((long) (latency * 30) + 60),
                "REELSMITH_GOOGLE_VERTEX", String.valueOf(backend.equals("veo")),
                "GOOGLE_CLOUD_PROJECT", "bench-project",
                "REELSMITH_GOOGLE_ACCESS_TOKEN", "emulator-token"));
        return env;
    }
}
