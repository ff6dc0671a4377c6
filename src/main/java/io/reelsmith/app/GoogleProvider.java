package io.reelsmith.app;

import io.reelsmith.subtitle.gemini.GeminiTranscriber;
import io.reelsmith.character.gemini.GeminiImages;
import io.reelsmith.google.GeminiCalls;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.script.gemini.GeminiScriptWriter;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.google.GoogleConfig;
import com.google.genai.Client;
import io.reelsmith.character.CharacterImages;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.WordTimers;
import io.reelsmith.script.ScriptWriter;
import io.reelsmith.video.VideoMaker;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.gemini.GeminiDriftCheck;

/**
 * The google provider's three stage adapters, sharing one SDK client; the video adapter is the configured
 * back end's ({@link VideoBackends}: veo on Vertex AI, omni on an API key). Built by {@code app.ProviderRegistry}.
 */
public final class GoogleProvider implements AutoCloseable {
    public static final String NAME = "google";
    /** Frames of each block the drift check sends: the start, middle and end of what the block added. */
    public static final int DRIFT_FRAMES = 3;

    private final GoogleConfig config;
    private final Client client;
    private final GeminiImages images;
    private final GeminiScriptWriter scripts;
    private final VideoMaker video;
    /** Null where no transcription model is configured ({@code none}): the aligner then captions the script's words only. */
    private final GeminiTranscriber transcriber;
    /** Each block's frames against the character, by Gemini; a drifted block is re-made once. */
    private final DriftGuard drift;

    public GoogleProvider(GoogleConfig config, SpendLedger.Recorder spend) {
        this(config, spend, GoogleClients.create(config));
    }

    /** With a client built elsewhere (e.g. {@link GoogleClients#create(GoogleConfig, com.google.auth.oauth2.GoogleCredentials)}). */
    public GoogleProvider(GoogleConfig config, SpendLedger.Recorder spend, Client client) {
        this(config, spend, client, io.reelsmith.limits.VeoLimiter.UNLIMITED);
    }

    /** With the Veo quota shared by all workers (a {@code DbVeoLimiter} on the service's database). */
    public GoogleProvider(GoogleConfig config, SpendLedger.Recorder spend, Client client, io.reelsmith.limits.VeoLimiter limiter) {
        this.config = config;
        this.client = client;
        GeminiCalls gemini = new GeminiCalls(client, config, spend);
        this.images = new GeminiImages(gemini);
        this.scripts = new GeminiScriptWriter(gemini);
        this.video = VideoBackends.create(config, client, images, spend, limiter);
        this.drift = new DriftGuard(new GeminiDriftCheck(gemini), config.driftThreshold(), DRIFT_FRAMES);
        this.transcriber = GeminiTranscriber.of(gemini).orElse(null);
    }

    /** The pipeline's stages with this provider's three adapters. */
    public Stages stages(WordTimer wordTimer, CaptionStyle captions, FinalRenderer renderer) {
        // Gemini says what the take says, the aligner when it is said: speech the script lacks gets captions too
        WordTimer timer = transcriber == null || wordTimer == null ? wordTimer : WordTimers.preferring(transcriber, wordTimer);
        return new Stages(NAME, images, scripts, video, timer, captions, renderer, drift);
    }

    public GoogleConfig config() { return config; }

    public CharacterImages characterImages() { return images; }

    public ScriptWriter scriptWriter() { return scripts; }

    public VideoMaker videoMaker() { return video; }

    public CostEstimator estimator() { return new CostEstimator(config); }

    @Override
    public void close() {
        client.close();
    }
}
