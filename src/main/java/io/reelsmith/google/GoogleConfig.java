package io.reelsmith.google;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the google provider can be told, read from the environment by {@link #fromEnv}. Defaults:
 * <pre>
 * REELSMITH_GOOGLE_BASE_URL        (unset: Google's endpoint)   any server speaking the Gemini API, e.g. the emulator
 * GEMINI_API_KEY | GOOGLE_API_KEY  Gemini Developer API key
 * REELSMITH_GOOGLE_VERTEX=true     Vertex AI mode with GOOGLE_CLOUD_PROJECT, GOOGLE_CLOUD_LOCATION (us-central1), and
 *                                  application default credentials or REELSMITH_GOOGLE_ACCESS_TOKEN (a short-lived
 *                                  OAuth token, what `gcloud auth print-access-token` prints; tests use it with the emulator)
 * REELSMITH_GOOGLE_TEXT_MODEL      } defaults per surface from the model catalogue ({@link GoogleModels}, `reelsmith
 * REELSMITH_GOOGLE_IMAGE_MODEL     } models google`): text gemini-3.8-flash, image gemini-3.1-flash-image, video
 * REELSMITH_GOOGLE_VIDEO_MODEL     } gemini-omni-1.1-flash on an API key, veo-3.1-generate-001 on Vertex AI.
 *                                  A retired, unknown or wrong-surface id is refused here, before any call.
 * REELSMITH_GOOGLE_TRANSCRIBE_MODEL the take's transcription (the surface's default, gemini-3.5-transcribe on both); none: off
 * REELSMITH_GOOGLE_VIDEO_MODE      extend | interpolate (extend)
 * REELSMITH_GOOGLE_PRICE_VIDEO_PER_SECOND / _PRICE_IMAGE / _PRICE_SCRIPT / _PRICE_TRANSCRIBE_PER_MINUTE   (PriceTable)
 * REELSMITH_DRIFT_THRESHOLD                  0.5   a block whose drift score is under it is made once more (0..1)
 * REELSMITH_GOOGLE_REQUEST_TIMEOUT_SECONDS   120   every HTTP call
 * REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS 900   polling one Veo operation, per run (Veo: 11 s – 6 min)
 * REELSMITH_GOOGLE_POLL_INTERVAL_MS          10000
 * REELSMITH_GOOGLE_MAX_RETRIES               5     on 429/5xx/network, exponential backoff
 * REELSMITH_GOOGLE_BACKOFF_INITIAL_MS        2000, REELSMITH_GOOGLE_BACKOFF_MAX_MS 60000
 * REELSMITH_GOOGLE_RESUBMITS                 1     new submissions after a known failure (safety filter, empty, error)
 * REELSMITH_GOOGLE_RETENTION_HOURS           48    how long Google keeps a generated video
 * REELSMITH_BUDGET_PER_VIDEO_USD             (none) refuse a job whose estimate is higher
 * REELSMITH_BUDGET_PER_USER_USD              (none) refuse a job when the user's spend + its estimate is higher
 * REELSMITH_CONFIRM_ABOVE_USD                1.00  the CLI asks before spending more
 * </pre>
 */
public record GoogleConfig(String baseUrl, String apiKey, boolean vertex, String project, String location, String accessToken,
                           String textModel, String imageModel, String videoModel, VideoMode videoMode, PriceTable prices,
                           Duration requestTimeout, Duration operationTimeout, Duration pollInterval,
                           int maxRetries, Duration backoffInitial, Duration backoffMax, int resubmits, Duration retention,
                           BigDecimal budgetPerVideo, BigDecimal budgetPerUser, BigDecimal confirmAbove,
                           String transcribeModel, double driftThreshold) {
    public static final String TRANSCRIBE_MODEL = "REELSMITH_GOOGLE_TRANSCRIBE_MODEL", DRIFT_THRESHOLD = "REELSMITH_DRIFT_THRESHOLD";
    public static final double DEFAULT_DRIFT_THRESHOLD = 0.5;

    public static GoogleConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    public static GoogleConfig fromEnv(Map<String, String> env) {
        boolean vertex = Boolean.parseBoolean(get(env, "REELSMITH_GOOGLE_VERTEX", get(env, "GOOGLE_GENAI_USE_VERTEXAI", "false")));
        Surface surface = vertex ? Surface.VERTEX : Surface.GEMINI_API;
        GoogleModels catalogue = GoogleModels.catalogue();
        String text = model(catalogue, env, "REELSMITH_GOOGLE_TEXT_MODEL", surface, GoogleModels.Kind.TEXT);
        String image = model(catalogue, env, "REELSMITH_GOOGLE_IMAGE_MODEL", surface, GoogleModels.Kind.IMAGE);
        String video = model(catalogue, env, "REELSMITH_GOOGLE_VIDEO_MODEL", surface, GoogleModels.Kind.VEO, GoogleModels.Kind.OMNI);
        String transcribe = "none".equals(get(env, TRANSCRIBE_MODEL, null)) ? null : model(catalogue, env, TRANSCRIBE_MODEL, surface, GoogleModels.Kind.TRANSCRIBE);
        PriceTable base = PriceTable.fromCatalogue(catalogue, text, image, video, transcribe);
        PriceTable prices = new PriceTable(
                money(env, "REELSMITH_GOOGLE_PRICE_VIDEO_PER_SECOND", base.videoPerSecond()),
                money(env, "REELSMITH_GOOGLE_PRICE_IMAGE", base.perImage()),
                money(env, "REELSMITH_GOOGLE_PRICE_SCRIPT", base.perScript()),
                money(env, "REELSMITH_GOOGLE_PRICE_TRANSCRIBE_PER_MINUTE", base.transcribePerMinute()));
        String key = get(env, "GEMINI_API_KEY", get(env, "GOOGLE_API_KEY", null));
        return new GoogleConfig(
                get(env, "REELSMITH_GOOGLE_BASE_URL", null), key, vertex,
                get(env, "GOOGLE_CLOUD_PROJECT", null), get(env, "GOOGLE_CLOUD_LOCATION", "us-central1"),
                get(env, "REELSMITH_GOOGLE_ACCESS_TOKEN", null),
                text, image, video,
                VideoMode.valueOf(get(env, "REELSMITH_GOOGLE_VIDEO_MODE", "extend").toUpperCase(Locale.ROOT)),
                prices,
                Duration.ofSeconds(number(env, "REELSMITH_GOOGLE_REQUEST_TIMEOUT_SECONDS", 120)),
                Duration.ofSeconds(number(env, "REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS", 900)),
                Duration.ofMillis(number(env, "REELSMITH_GOOGLE_POLL_INTERVAL_MS", 10_000)),
                (int) number(env, "REELSMITH_GOOGLE_MAX_RETRIES", 5),
                Duration.ofMillis(number(env, "REELSMITH_GOOGLE_BACKOFF_INITIAL_MS", 2_000)),
                Duration.ofMillis(number(env, "REELSMITH_GOOGLE_BACKOFF_MAX_MS", 60_000)),
                (int) number(env, "REELSMITH_GOOGLE_RESUBMITS", 1),
                Duration.ofHours(number(env, "REELSMITH_GOOGLE_RETENTION_HOURS", 48)),
                money(env, "REELSMITH_BUDGET_PER_VIDEO_USD", null),
                money(env, "REELSMITH_BUDGET_PER_USER_USD", null),
                money(env, "REELSMITH_CONFIRM_ABOVE_USD", new BigDecimal("1.00")),
                transcribe, driftThreshold(env));
    }

    /** The drift threshold: a number within 0..1 (0 never re-makes a block; 1 re-makes any doubt). */
    public static double driftThreshold(Map<String, String> env) {
        String v = get(env, DRIFT_THRESHOLD, null);
        if (v == null) return DEFAULT_DRIFT_THRESHOLD;
        try {
            double t = Double.parseDouble(v);
            if (t >= 0 && t <= 1) return t;
        } catch (NumberFormatException e) {
            // refused below, with the one message
        }
        throw new IllegalArgumentException(DRIFT_THRESHOLD + " must be a number within 0..1 (got '" + v + "')");
    }

    /** The model that transcribes the take for its subtitles, where one is configured. */
    public Optional<String> transcription() {
        return Optional.ofNullable(transcribeModel);
    }

    /**
     * The configured id (or the surface's default), checked against the catalogue before anything is called:
     * a retired id fails with the one line naming its shutdown date and replacement.
     */
    private static String model(GoogleModels catalogue, Map<String, String> env, String name, Surface surface, GoogleModels.Kind... kinds) {
        String id = get(env, name, catalogue.defaultFor(surface, kinds[0]));
        try {
            catalogue.require(id, surface, kinds);
        } catch (RetiredModelException e) {
            throw new RetiredModelConfigException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
        return id;
    }

    /** The surface this configuration calls. */
    public Surface surface() {
        return vertex ? Surface.VERTEX : Surface.GEMINI_API;
    }

    /** The video back end, from the video model's kind in the catalogue. */
    public VideoBackend backend() {
        return VideoBackend.of(GoogleModels.catalogue().find(videoModel).orElseThrow().kindEnum());
    }

    /** The video model's catalogue entry (its limits: clip lengths, extension step and source limit). */
    public GoogleModels.Model video() {
        return GoogleModels.catalogue().find(videoModel).orElseThrow();
    }

    /** A copy with faster timings, for tests and the emulator. */
    public GoogleConfig withTimings(Duration pollInterval, Duration operationTimeout, Duration backoffInitial, Duration backoffMax) {
        return new GoogleConfig(baseUrl, apiKey, vertex, project, location, accessToken, textModel, imageModel, videoModel, videoMode, prices,
                requestTimeout, operationTimeout, pollInterval, maxRetries, backoffInitial, backoffMax, resubmits, retention,
                budgetPerVideo, budgetPerUser, confirmAbove, transcribeModel, driftThreshold);
    }

    public GoogleConfig withVideoMode(VideoMode mode) {
        return new GoogleConfig(baseUrl, apiKey, vertex, project, location, accessToken, textModel, imageModel, videoModel, mode, prices,
                requestTimeout, operationTimeout, pollInterval, maxRetries, backoffInitial, backoffMax, resubmits, retention,
                budgetPerVideo, budgetPerUser, confirmAbove, transcribeModel, driftThreshold);
    }

    /** The budgets from the configuration (the service may apply its own per-user limits instead). */
    public Budget budget() {
        return new Budget(budgetPerVideo, budgetPerUser);
    }

    public GoogleConfig withRetries(int maxRetries, int resubmits) {
        return new GoogleConfig(baseUrl, apiKey, vertex, project, location, accessToken, textModel, imageModel, videoModel, videoMode, prices,
                requestTimeout, operationTimeout, pollInterval, maxRetries, backoffInitial, backoffMax, resubmits, retention,
                budgetPerVideo, budgetPerUser, confirmAbove, transcribeModel, driftThreshold);
    }

    /** Never the key or the token: a record's own toString would print them into any log that prints a holder. */
    @Override
    public String toString() {
        return "GoogleConfig[" + describe() + "]";
    }

    /** A one-line account of where calls go, for logs (never the key). */
    public String describe() {
        String where = vertex ? "Vertex AI project " + project + " in " + location : "Gemini API" + (apiKey == null ? " (no GEMINI_API_KEY)" : "");
        return where + (baseUrl == null ? "" : " at " + baseUrl) + "; models " + textModel + ", " + imageModel + ", " + videoModel
                + " (" + backend().id() + (backend() == VideoBackend.VEO ? ", " + videoMode.name().toLowerCase(Locale.ROOT) : "") + ")";
    }

    private static String get(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = get(env, name, null);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }

    private static BigDecimal money(Map<String, String> env, String name, BigDecimal fallback) {
        String v = get(env, name, null);
        try {
            return v == null ? fallback : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an amount in US dollars such as 2.50, not '" + v + "'");
        }
    }
}
