package io.reelsmith.google;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the google provider is told, resolved against the model catalogue: the part of the configuration
 * tree ({@code config.ReelsmithConfig#google}) every Google adapter is handed. The keys, their environment names
 * and defaults are listed once, in {@code config.Keys} and docs/google.md; {@link #resolve} turns what was
 * configured ({@link Settings}) into this, refusing a retired, unknown or wrong-surface model before any call.
 *
 * @param transcribeModel the model that transcribes a take for its subtitles; null where none is wanted
 * @param catalogue       the model catalogue these ids were checked against (built in, or an operator's copy)
 * @param keyframeOrder   the parallel plan's keyframes: "anchor" (each follows keyframe 1) or "chain" (each the one before)
 * @param maxConcurrent   video calls at once, requestsPerMinute submissions a minute: null takes the video model's quota in
 *                        the catalogue
 */
public record GoogleConfig(
        String baseUrl,
        String apiKey,
        boolean vertex,
        String project,
        String location,
        String accessToken,
        String textModel,
        String imageModel,
        String videoModel,
        VideoMode videoMode,
        PriceTable prices,
        Duration requestTimeout,
        Duration operationTimeout,
        Duration pollInterval,
        int maxRetries,
        Duration backoffInitial,
        Duration backoffMax,
        int resubmits,
        Duration retention,
        String transcribeModel,
        GoogleModels catalogue,
        String keyframeOrder,
        Integer maxConcurrent,
        Integer requestsPerMinute) {

    /**
     * What was configured, before the catalogue is asked: a null model takes the surface's default, a null price
     * the catalogue's; {@code transcribeModel} "none" turns transcription off.
     */
    public record Settings(
            String baseUrl,
            String apiKey,
            boolean vertex,
            String project,
            String location,
            String accessToken,
            String textModel,
            String imageModel,
            String videoModel,
            VideoMode videoMode,
            BigDecimal videoPerSecond,
            BigDecimal perImage,
            BigDecimal perScript,
            BigDecimal perTranscribedMinute,
            Duration requestTimeout,
            Duration operationTimeout,
            Duration pollInterval,
            int maxRetries,
            Duration backoffInitial,
            Duration backoffMax,
            int resubmits,
            Duration retention,
            String transcribeModel,
            String keyframeOrder,
            Integer maxConcurrent,
            Integer requestsPerMinute) {}

    /** The models of {@code s} checked against {@code catalogue} and its prices filled in. */
    public static GoogleConfig resolve(Settings s, GoogleModels catalogue) {
        Surface surface = s.vertex() ? Surface.VERTEX : Surface.GEMINI_API;
        String text = model(catalogue, s.textModel(), "REELSMITH_GOOGLE_TEXT_MODEL", surface, GoogleModels.Kind.TEXT);
        String image =
                model(catalogue, s.imageModel(), "REELSMITH_GOOGLE_IMAGE_MODEL", surface, GoogleModels.Kind.IMAGE);
        String video = model(
                catalogue,
                s.videoModel(),
                "REELSMITH_GOOGLE_VIDEO_MODEL",
                surface,
                GoogleModels.Kind.VEO,
                GoogleModels.Kind.OMNI);
        String transcribe = transcribeModel(catalogue, s.transcribeModel(), surface);
        PriceTable prices = PriceTable.fromCatalogue(
                catalogue,
                text,
                image,
                video,
                transcribe,
                s.videoPerSecond(),
                s.perImage(),
                s.perScript(),
                s.perTranscribedMinute());
        return new GoogleConfig(
                s.baseUrl(),
                s.apiKey(),
                s.vertex(),
                s.project(),
                s.location(),
                s.accessToken(),
                text,
                image,
                video,
                s.videoMode(),
                prices,
                s.requestTimeout(),
                s.operationTimeout(),
                s.pollInterval(),
                s.maxRetries(),
                s.backoffInitial(),
                s.backoffMax(),
                s.resubmits(),
                s.retention(),
                transcribe,
                catalogue,
                s.keyframeOrder(),
                s.maxConcurrent(),
                s.requestsPerMinute());
    }

    /**
     * The configured id (or the surface's default), checked against the catalogue before anything is called:
     * a retired id fails with the one line naming its shutdown date and replacement.
     */
    private static String model(
            GoogleModels catalogue, String configured, String key, Surface surface, GoogleModels.Kind... kinds) {
        String id = configured != null ? configured : catalogue.defaultFor(surface, kinds[0]);
        try {
            catalogue.require(id, surface, kinds);
        } catch (RetiredModelException e) {
            throw new RetiredModelConfigException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
        return id;
    }

    /** The configured one (checked like the others), else the surface's default (both surfaces serve one); "none": off. */
    private static String transcribeModel(GoogleModels catalogue, String configured, Surface surface) {
        if ("none".equals(configured)) return null; // captions from the script only
        return model(catalogue, configured, "REELSMITH_GOOGLE_TRANSCRIBE_MODEL", surface, GoogleModels.Kind.TRANSCRIBE);
    }

    /** The model that transcribes the take for its subtitles, where one is configured. */
    public Optional<String> transcription() {
        return Optional.ofNullable(transcribeModel);
    }

    /** The surface this configuration calls. */
    public Surface surface() {
        return vertex ? Surface.VERTEX : Surface.GEMINI_API;
    }

    /** The video back end, from the video model's kind in the catalogue. */
    public VideoBackend backend() {
        return VideoBackend.of(video().kindEnum());
    }

    /** The video model's catalogue entry (its limits: clip lengths, extension step and source limit). */
    public GoogleModels.Model video() {
        return catalogue.find(videoModel).orElseThrow();
    }

    /** A copy with faster timings, for tests and the emulator. */
    public GoogleConfig withTimings(
            Duration pollInterval, Duration operationTimeout, Duration backoffInitial, Duration backoffMax) {
        return new GoogleConfig(
                baseUrl,
                apiKey,
                vertex,
                project,
                location,
                accessToken,
                textModel,
                imageModel,
                videoModel,
                videoMode,
                prices,
                requestTimeout,
                operationTimeout,
                pollInterval,
                maxRetries,
                backoffInitial,
                backoffMax,
                resubmits,
                retention,
                transcribeModel,
                catalogue,
                keyframeOrder,
                maxConcurrent,
                requestsPerMinute);
    }

    public GoogleConfig withVideoMode(VideoMode mode) {
        return new GoogleConfig(
                baseUrl,
                apiKey,
                vertex,
                project,
                location,
                accessToken,
                textModel,
                imageModel,
                videoModel,
                mode,
                prices,
                requestTimeout,
                operationTimeout,
                pollInterval,
                maxRetries,
                backoffInitial,
                backoffMax,
                resubmits,
                retention,
                transcribeModel,
                catalogue,
                keyframeOrder,
                maxConcurrent,
                requestsPerMinute);
    }

    public GoogleConfig withRetries(int maxRetries, int resubmits) {
        return new GoogleConfig(
                baseUrl,
                apiKey,
                vertex,
                project,
                location,
                accessToken,
                textModel,
                imageModel,
                videoModel,
                videoMode,
                prices,
                requestTimeout,
                operationTimeout,
                pollInterval,
                maxRetries,
                backoffInitial,
                backoffMax,
                resubmits,
                retention,
                transcribeModel,
                catalogue,
                keyframeOrder,
                maxConcurrent,
                requestsPerMinute);
    }

    /** Never the key or the token: a record's own toString would print them into any log that prints a holder. */
    @Override
    public String toString() {
        return "GoogleConfig[" + describe() + "]";
    }

    /** A one-line account of where calls go, for logs (never the key). */
    public String describe() {
        String where = vertex
                ? "Vertex AI project " + project + " in " + location
                : "Gemini API" + (apiKey == null ? " (no GEMINI_API_KEY)" : "");
        return where + (baseUrl == null ? "" : " at " + baseUrl) + "; models " + textModel + ", " + imageModel + ", "
                + videoModel + " (" + backend().id()
                + (backend() == VideoBackend.VEO ? ", " + videoMode.name().toLowerCase(Locale.ROOT) : "") + ")";
    }
}
