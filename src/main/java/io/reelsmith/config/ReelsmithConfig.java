package io.reelsmith.config;

import io.reelsmith.app.money.SpendLimits;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleModels;
import io.reelsmith.google.PriceTable;
import io.reelsmith.google.VideoMode;
import io.reelsmith.limits.VeoLimits;
import io.reelsmith.models.ModelFiles;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.subtitle.align.SpeechModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The whole configuration, made of small typed parts, loaded once at the edge ({@link ConfigLoader}) and handed down
 * part by part: the service gets {@link #service}, the google adapters {@link #google}, the Veo quota {@link #veo},
 * the word timers {@link #speech}, the drift check {@link #driftThreshold}, the CLI's money {@link #spendLimits}.
 * Two parts are resolved on first use: the service's (it makes the data directory and the token key) and
 * Google's (it checks the model ids against the catalogue), so that a free local run never needs either.
 */
public final class ReelsmithConfig {
    private final Settings s;
    private final Path file;
    private final boolean terminal;
    private ServiceConfig service;
    private GoogleModels catalogue;
    private GoogleConfig google;

    ReelsmithConfig(Settings s, Path file, boolean terminal) {
        this.s = s;
        this.file = file;
        this.terminal = terminal;
    }

    /** The properties file the settings came from, or null. */
    public Path file() {
        return file;
    }

    public synchronized ServiceConfig service() {
        if (service == null) {
            try {
                service = ServiceConfig.of(s);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the data directory: " + e.getMessage(), e);
            }
        }
        return service;
    }

    /** The model catalogue: an operator's copy ({@code reelsmith.google.models}) or the one built in. */
    public synchronized GoogleModels catalogue() {
        if (catalogue == null)
            catalogue = catalogueFile() == null ? GoogleModels.builtIn() : GoogleModels.load(catalogueFile());
        return catalogue;
    }

    public String catalogueFile() {
        return s.text("reelsmith.google.models");
    }

    /** Google's settings, the models checked against the catalogue: a retired one is refused here, before any call. */
    public synchronized GoogleConfig google() {
        if (google == null) google = GoogleConfig.resolve(googleSettings(), catalogue());
        return google;
    }

    /** The same settings on the other surface (Vertex AI ↔ the Gemini API) with its default models: what a change of settings would price. */
    public GoogleConfig googleOnOtherSurface() {
        return GoogleConfig.resolve(googleSettings(!s.bool("reelsmith.google.vertex")), catalogue());
    }

    private GoogleConfig googleSettings() {
        return googleSettings(s.bool("reelsmith.google.vertex"));
    }

    /** Models are as configured on the configured surface, the other surface's defaults on the other. */
    private GoogleConfig googleSettings(boolean vertex) {
        boolean configured = vertex == s.bool("reelsmith.google.vertex");
        return new GoogleConfig(
                s.text("reelsmith.google.base.url"),
                s.text("reelsmith.google.api.key"),
                vertex,
                s.text("reelsmith.google.project"),
                s.text("reelsmith.google.location"),
                s.text("reelsmith.google.access.token"),
                configured ? s.text("reelsmith.google.text.model") : null,
                configured ? s.text("reelsmith.google.image.model") : null,
                configured ? s.text("reelsmith.google.video.model") : null,
                VideoMode.valueOf(s.text("reelsmith.google.video.mode").toUpperCase(Locale.ROOT)),
                new PriceTable(
                        s.usd("reelsmith.google.price.video.per.second"),
                        s.usd("reelsmith.google.price.image"),
                        s.usd("reelsmith.google.price.script"),
                        null, // a drift check costs what a script call does
                        s.usd("reelsmith.google.price.transcribe.per.minute")),
                s.seconds("reelsmith.google.request.timeout.seconds"),
                s.seconds("reelsmith.google.operation.timeout.seconds"),
                s.millis("reelsmith.google.poll.interval.ms"),
                s.integer("reelsmith.google.max.retries"),
                s.millis("reelsmith.google.backoff.initial.ms"),
                s.millis("reelsmith.google.backoff.max.ms"),
                s.integer("reelsmith.google.resubmits"),
                Duration.ofHours(s.whole("reelsmith.google.retention.hours")),
                s.text("reelsmith.google.transcribe.model"),
                null, // the catalogue is given to resolve
                s.text("reelsmith.keyframe.order"),
                optionalInteger("reelsmith.veo.max.concurrent"),
                optionalInteger("reelsmith.veo.requests.per.minute"));
    }

    private Integer optionalInteger(String key) {
        return s.text(key) == null ? null : s.integer(key);
    }

    /** Veo's quota, shared by every worker on the service's database. */
    public VeoLimits veo() {
        // unset: the configured video model's quota in the catalogue (4 and 10 when google is not configured)
        GoogleModels.Quota quota = null;
        try {
            quota = google().video().quota();
        } catch (RuntimeException e) {
            // no google configuration: the defaults below
        }
        VeoLimits fallback = VeoLimits.fromEnvironment(Map.of(), quota);
        return new VeoLimits(
                s.text("reelsmith.veo.max.concurrent") == null
                        ? fallback.maxConcurrent()
                        : s.integer("reelsmith.veo.max.concurrent"),
                s.text("reelsmith.veo.requests.per.minute") == null
                        ? fallback.requestsPerWindow()
                        : s.integer("reelsmith.veo.requests.per.minute"),
                Duration.ofMinutes(1),
                s.seconds("reelsmith.veo.lease.ttl.seconds"),
                s.seconds("reelsmith.veo.max.wait.seconds"));
    }

    /** Where the word timers find their models. */
    public SpeechModels speech() {
        return new SpeechModels(
                s.path("reelsmith.sphinx.model"),
                s.path("reelsmith.whisper.model"),
                s.path("reelsmith.models.dir"),
                s.flag("reelsmith.align.keep.work"));
    }

    /** Where {@code models download} puts models and where it fetches them. */
    public ModelFiles models() {
        return new ModelFiles(s.path("reelsmith.models.dir"), s.text("reelsmith.models.url"));
    }

    /** Where benches keep the sets they make or download (the subtitle bench's wider set). */
    public Path cacheDir() {
        return s.path("reelsmith.cache.dir");
    }

    /** The drift check's score under which a block is made again (0..1). */
    public double driftThreshold() {
        return s.number("reelsmith.drift.threshold");
    }

    /** What the providers are built with besides Google's settings. */
    /** The final render with the configured x264 preset and CRF ({@code reelsmith.render.x264}). */
    public FinalRenderer renderer() {
        return FinalRenderer.of(s.text("reelsmith.render.x264"));
    }

    public ProviderRegistry.Settings providers() {
        return new ProviderRegistry.Settings(driftThreshold(), speech(), debug(), renderer());
    }

    /** The CLI's per-video and per-user budgets and its confirmation threshold. */
    public SpendLimits spendLimits() {
        return new SpendLimits(
                s.usd("reelsmith.budget.per.video.usd"),
                s.usd("reelsmith.budget.per.user.usd"),
                s.usd("reelsmith.confirm.above.usd"));
    }

    /** The CLI's spend ledger file. */
    public Path spendLedger() {
        return s.path("reelsmith.spend.ledger");
    }

    /** Whose spend the CLI records. */
    public String user() {
        return s.text("reelsmith.user");
    }

    /** Stack traces on failure, and the animatic's filter graphs kept. */
    public boolean debug() {
        return s.flag("reelsmith.debug");
    }

    /** Whether this process writes to a terminal that redraws a progress bar in place. */
    public boolean terminal() {
        return terminal;
    }

    @Override
    public String toString() { // never the secrets
        return "ReelsmithConfig[" + (file == null ? "no file" : file) + "]";
    }
}
