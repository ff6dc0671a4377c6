package io.reelsmith.app;

import com.google.genai.Client;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.ChainPlan;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.Script;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.WordTimers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The one place that knows which providers exist and builds them: name → stages for a job, estimate, spend
 * policy. The CLI, the service, the harness and the tests all come here; nothing else compares provider names.
 * Google's configuration is read (and checked against the model catalogue) when a google job is built, so a
 * retired model is refused before anything is called.
 */
public final class ProviderRegistry {
    public enum Provider {
        LOCAL(false), GOOGLE(true);

        /** Costs money: plan, budget and approval come before its stages are built. */
        public final boolean paid;

        Provider(boolean paid) {
            this.paid = paid;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What one job brings to its provider: its id and user, where its spend is recorded (the service: its database
     * ledger), Veo's shared quota, the caption style, and (tests, benches) a word timer and renderer.
     */
    public record JobContext(String jobId, String user, SpendLedger.Recorder spend, VeoLimiter limiter, CaptionStyle captions,
                             WordTimer wordTimer, FinalRenderer renderer) {
        public static JobContext of(CaptionStyle captions) {
            return new JobContext(null, null, SpendLedger.Recorder.NONE, VeoLimiter.UNLIMITED, captions, null, null);
        }

        public JobContext withSpend(String jobId, String user, SpendLedger.Recorder spend) {
            return new JobContext(jobId, user, spend, limiter, captions, wordTimer, renderer);
        }

        public JobContext withLimiter(VeoLimiter l) {
            return new JobContext(jobId, user, spend, l, captions, wordTimer, renderer);
        }

        public JobContext withRendering(WordTimer timer, FinalRenderer r) {
            return new JobContext(jobId, user, spend, limiter, captions, timer, r);
        }
    }

    private final Supplier<GoogleConfig> googleConfig;
    /** Non-null: every google job of this registry shares one SDK client (a server process); else one per job. */
    private final AtomicReference<Client> sharedClient;

    /** Google's settings from the environment. */
    public ProviderRegistry() {
        this(GoogleConfig::fromEnv);
    }

    public ProviderRegistry(Supplier<GoogleConfig> googleConfig) {
        this(googleConfig, null);
    }

    private ProviderRegistry(Supplier<GoogleConfig> googleConfig, AtomicReference<Client> sharedClient) {
        this.googleConfig = googleConfig;
        this.sharedClient = sharedClient;
    }

    /**
     * For a long-running process that builds stages per job (each with its own spend recorder): the SDK client,
     * made on the first google job, is shared by all of them and lives as long as the process.
     */
    public static ProviderRegistry sharingOneClient() {
        return new ProviderRegistry(GoogleConfig::fromEnv, new AtomicReference<>());
    }

    public static List<String> names() {
        return java.util.Arrays.stream(Provider.values()).map(Provider::id).toList();
    }

    /** The provider a user named; unknown names fail with the list of known ones. */
    public static Provider provider(String name) {
        for (Provider p : Provider.values()) if (p.id().equals(name)) return p;
        throw new IllegalArgumentException("unknown provider '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    public static boolean isPaid(String name) {
        return provider(name).paid;
    }

    /** The stages of one job. A google job's adapters own one SDK client: the service builds them once and shares them. */
    public Stages stages(String name, JobContext ctx) {
        WordTimer timer = ctx.wordTimer() != null ? ctx.wordTimer() : WordTimers.auto();
        FinalRenderer renderer = ctx.renderer() != null ? ctx.renderer() : new FinalRenderer();
        return switch (provider(name)) {
            case LOCAL -> {
                Stages s = LocalStages.create(ctx.captions());
                yield new Stages(s.provider(), s.characters(), s.scripts(), s.video(), timer, ctx.captions(), renderer, s.drift());
            }
            case GOOGLE -> google(ctx).stages(timer, ctx.captions(), renderer);
        };
    }

    /** The google provider itself (the CLI keeps it to close its client and read its plan). */
    public GoogleProvider google(JobContext ctx) {
        GoogleConfig c = googleConfig.get();
        Client client = sharedClient == null ? GoogleClients.create(c)
                : sharedClient.updateAndGet(k -> k != null ? k : GoogleClients.create(c));
        return new GoogleProvider(c, ctx.spend(), client, ctx.limiter());
    }

    public GoogleConfig googleConfig() {
        return googleConfig.get();
    }

    /**
     * How a video of {@code blocks} blocks is filmed with the provider: the google video model's chains, restarts and
     * billed seconds; empty for the local provider, Veo's interpolation mode, or a google configuration that cannot be read.
     */
    public Optional<ChainPlan> takePlan(String name, int blocks) {
        if (provider(name) != Provider.GOOGLE) return Optional.empty();
        try {
            GoogleConfig c = googleConfig.get();
            return GooglePlan.filmsChains(c) ? Optional.of(GooglePlan.chains(c, blocks)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // a listing still shows; starting the video reports what is wrong
        }
    }

    /** What a planned video costs with the provider (the character image counted, the script already written). */
    public BigDecimal estimateUsd(String name, Script script) {
        return switch (provider(name)) {
            case LOCAL -> BigDecimal.ZERO;
            case GOOGLE -> new CostEstimator(googleConfig.get()).estimate(script, true).totalUsd();
        };
    }

    /** What a video of {@code blocks} blocks costs before its script is written (a batch reserves it before planning). */
    public BigDecimal estimateUsd(String name, int blocks) {
        return switch (provider(name)) {
            case LOCAL -> BigDecimal.ZERO;
            case GOOGLE -> new CostEstimator(googleConfig.get()).estimate(blocks, false, true).totalUsd();
        };
    }
}
