package io.reelsmith.google;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the google provider is told, resolved against the model catalogue: the part of the configuration
 * tree ({@code config.ReelsmithConfig#google}) every Google adapter is handed. The keys, their environment names
 * and defaults are listed once, in {@code config.Keys} and docs/google.md; {@link #resolve} turns what was
 * configured (the same record, models and prices possibly null) into this, refusing a retired, unknown or wrong-surface model before any call.
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
     * {@code configured} (what the settings say, as {@code config.ReelsmithConfig} reads them) checked against
     * {@code catalogue}: there a null model takes the surface's default, a null price the catalogue's, and
     * {@code transcribeModel} "none" turns transcription off; its own catalogue is not read.
     */
    public static GoogleConfig resolve(GoogleConfig configured, GoogleModels catalogue) {
        Surface surface = configured.surface();
        String text = model(
                catalogue, configured.textModel(), "REELSMITH_GOOGLE_TEXT_MODEL", surface, GoogleModels.Kind.TEXT);
        String image = model(
                catalogue, configured.imageModel(), "REELSMITH_GOOGLE_IMAGE_MODEL", surface, GoogleModels.Kind.IMAGE);
        String video = model(
                catalogue,
                configured.videoModel(),
                "REELSMITH_GOOGLE_VIDEO_MODEL",
                surface,
                GoogleModels.Kind.VEO,
                GoogleModels.Kind.OMNI);
        String transcribe = transcribeModel(catalogue, configured.transcribeModel(), surface);
        PriceTable p = configured.prices();
        PriceTable prices = PriceTable.fromCatalogue(
                catalogue,
                text,
                image,
                video,
                transcribe,
                p.videoPerSecond(),
                p.perImage(),
                p.perScript(),
                p.perTranscribedMinute());
        return configured.copy(text, image, video, configured.videoMode(), prices, transcribe, catalogue);
    }

    /** This configuration with other models, prices or video mode: the one place a copy is made. */
    private GoogleConfig copy(
            String textModel,
            String imageModel,
            String videoModel,
            VideoMode videoMode,
            PriceTable prices,
            String transcribeModel,
            GoogleModels catalogue) {
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

    public GoogleConfig withVideoMode(VideoMode mode) {
        return copy(textModel, imageModel, videoModel, mode, prices, transcribeModel, catalogue);
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
