package io.reelsmith.app.provider;

import com.google.genai.Client;
import io.reelsmith.app.Provider;
import io.reelsmith.app.money.CostEstimator;
import io.reelsmith.app.money.GooglePlan;
import io.reelsmith.app.money.PlanComparison;
import io.reelsmith.google.ChainPlan;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.render.Renderer;
import io.reelsmith.script.Script;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.SpeechModels;
import io.reelsmith.subtitle.align.WordTimers;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.ParallelTake;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The one place that knows which providers exist and builds them: name → stages for a job, estimate, spend
 * policy. The CLI, the service, the harness and the tests all come here; nothing else compares provider names.
 * Google's configuration is read (and checked against the model catalogue) when a google job is built, so a
 * retired model is refused before anything is called.
 */
public final class ProviderRegistry {
    /**
     * What one job brings to its provider: its id and user, where its spend is recorded (the service: its database
     * ledger), Veo's shared quota, the caption style, and (tests, benches) a word timer and renderer.
     */
    public record JobContext(
            String jobId,
            String user,
            SpendLedger.Recorder spend,
            VeoLimiter limiter,
            CaptionStyle captions,
            WordTimer wordTimer,
            Renderer renderer) {
        public static JobContext of(CaptionStyle captions) {
            return new JobContext(null, null, SpendLedger.Recorder.NONE, VeoLimiter.UNLIMITED, captions, null, null);
        }

        public JobContext withSpend(String jobId, String user, SpendLedger.Recorder spend) {
            return new JobContext(jobId, user, spend, limiter, captions, wordTimer, renderer);
        }

        public JobContext withLimiter(VeoLimiter l) {
            return new JobContext(jobId, user, spend, l, captions, wordTimer, renderer);
        }

        public JobContext withRendering(WordTimer timer, Renderer r) {
            return new JobContext(jobId, user, spend, limiter, captions, timer, r);
        }
    }

    /**
     * What the providers are handed besides Google's settings: the drift check's threshold, the word timers' models,
     * and whether to keep debugging files.
     */
    public record Settings(double driftThreshold, SpeechModels speech, boolean debug, Renderer renderer) {
        public static final Settings DEFAULTS =
                new Settings(DriftGuard.DEFAULT_THRESHOLD, SpeechModels.DEFAULTS, false, new FinalRenderer());
    }

    private final Supplier<GoogleConfig> googleConfig;
    private final Settings settings;
    /** Non-null: every google job of this registry shares one SDK client (a server process); else one per job. */
    private final AtomicReference<Client> sharedClient;

    /** Local stages only: asking it for google fails (tests, and tools that never pay). */
    public static ProviderRegistry localOnly() {
        return new ProviderRegistry(() -> {
            throw new IllegalStateException("the google provider is not configured here");
        });
    }

    /** With the default settings (tests). */
    public ProviderRegistry(Supplier<GoogleConfig> googleConfig) {
        this(googleConfig, Settings.DEFAULTS);
    }

    /** {@code googleConfig} is asked when a google job is built or priced (a local run never needs it). */
    public ProviderRegistry(Supplier<GoogleConfig> googleConfig, Settings settings) {
        this(googleConfig, settings, null);
    }

    private ProviderRegistry(
            Supplier<GoogleConfig> googleConfig, Settings settings, AtomicReference<Client> sharedClient) {
        this.googleConfig = googleConfig;
        this.settings = settings;
        this.sharedClient = sharedClient;
    }

    /**
     * For a long-running process that builds stages per job (each with its own spend recorder): the SDK client,
     * made on the first google job, is shared by all of them and lives as long as the process.
     */
    public static ProviderRegistry sharingOneClient(Supplier<GoogleConfig> googleConfig, Settings settings) {
        return new ProviderRegistry(googleConfig, settings, new AtomicReference<>());
    }

    /** The stages of one job. A google job's adapters own one SDK client: the service builds them once and shares them. */
    public Stages stages(String name, JobContext ctx) {
        WordTimer timer = ctx.wordTimer() != null ? ctx.wordTimer() : WordTimers.auto(settings.speech());
        Renderer renderer = ctx.renderer() != null ? ctx.renderer() : settings.renderer();
        return switch (Provider.named(name)) {
            case LOCAL -> {
                Stages s = LocalStages.create(ctx.captions(), settings);
                yield new Stages(
                        s.provider(),
                        s.characters(),
                        s.scripts(),
                        s.video(),
                        timer,
                        ctx.captions(),
                        renderer,
                        s.drift(),
                        null);
            }
            case GOOGLE -> google(ctx).stages(timer, ctx.captions(), renderer);
        };
    }

    /** The google provider itself (the CLI keeps it to close its client and read its plan). */
    public GoogleProvider google(JobContext ctx) {
        GoogleConfig c = googleConfig.get();
        Client client = sharedClient == null
                ? GoogleClients.create(c)
                : sharedClient.updateAndGet(k -> k != null ? k : GoogleClients.create(c));
        return new GoogleProvider(c, ctx.spend(), client, ctx.limiter(), settings);
    }

    public GoogleConfig googleConfig() {
        return googleConfig.get();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * How a video of {@code blocks} blocks is filmed with the provider: the google video model's chains, restarts and
     * billed seconds; empty for the local provider, Veo's interpolation mode, or a google configuration that cannot be read.
     */
    public Optional<ChainPlan> takePlan(String name, int blocks) {
        if (Provider.named(name) != Provider.GOOGLE) return Optional.empty();
        try {
            GoogleConfig c = googleConfig.get();
            return GooglePlan.filmsChains(c) ? Optional.of(GooglePlan.chains(c, blocks)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // a listing still shows; starting the video reports what is wrong
        }
    }

    /** What a planned video costs with the provider (the character image counted, the script already written). */
    public BigDecimal estimateUsd(String name, Script script) {
        return estimateUsd(name, script, TakePlan.CONTINUOUS);
    }

    /** The same, the take filmed with {@code plan}. */
    public BigDecimal estimateUsd(String name, Script script, TakePlan plan) {
        return switch (Provider.named(name)) {
            case LOCAL -> BigDecimal.ZERO;
            case GOOGLE ->
                new CostEstimator(googleConfig.get())
                        // the parallel plan's clips are sized by the script's words
                        .estimate(script.blocks().size(), 1, false, plan, ParallelTake.words(script))
                        .totalUsd();
        };
    }

    /** Both plans of a planned video of {@code blocks} blocks side by side (empty for a free provider, which has one way). */
    public Optional<PlanComparison> plans(String name, int blocks) {
        return plans(name, blocks, null);
    }

    /** The same once the script is written: {@code words}, each block's dialogue words, size the parallel plan's clips. */
    public Optional<PlanComparison> plans(String name, int blocks, List<Integer> words) {
        if (!Provider.isPaid(name)) return Optional.empty();
        return Optional.of(PlanComparison.of(googleConfig.get(), blocks, 0, false, words));
    }

    /** What a video of {@code blocks} blocks costs before its script is written (a batch reserves it before planning). */
    public BigDecimal estimateUsd(String name, int blocks) {
        return switch (Provider.named(name)) {
            case LOCAL -> BigDecimal.ZERO;
            case GOOGLE ->
                new CostEstimator(googleConfig.get())
                        .estimate(blocks, false, true)
                        .totalUsd();
        };
    }
}
