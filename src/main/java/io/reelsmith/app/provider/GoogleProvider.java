package io.reelsmith.app.provider;

import com.google.genai.Client;
import io.reelsmith.app.money.CostEstimator;
import io.reelsmith.app.money.ParallelPlan;
import io.reelsmith.character.CharacterImages;
import io.reelsmith.character.gemini.GeminiImages;
import io.reelsmith.google.GeminiCalls;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.Renderer;
import io.reelsmith.script.ScriptWriter;
import io.reelsmith.script.gemini.GeminiScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.SpeechModels;
import io.reelsmith.subtitle.align.WordTimers;
import io.reelsmith.subtitle.gemini.GeminiTranscriber;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.ParallelTake;
import io.reelsmith.video.Storyboard;
import io.reelsmith.video.VideoMaker;
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
    /** Keyframes by Gemini's image model, clips between them by the video back end (null: not offered by the model). */
    private final Stages.Parallel parallel;

    /** The word timers' models, for the fallback when Gemini's transcription fails. */
    private final SpeechModels speech;

    public GoogleProvider(GoogleConfig config, SpendLedger.Recorder spend) {
        this(config, spend, GoogleClients.create(config));
    }

    /** With a client built elsewhere (e.g. {@link GoogleClients#create(GoogleConfig, com.google.auth.oauth2.GoogleCredentials)}). */
    public GoogleProvider(GoogleConfig config, SpendLedger.Recorder spend, Client client) {
        this(config, spend, client, VeoLimiter.UNLIMITED, ProviderRegistry.Settings.DEFAULTS);
    }

    /** With the Veo quota shared by all workers (a {@code DbVeoLimiter} on the service's database) and the configured drift threshold and models. */
    public GoogleProvider(
            GoogleConfig config,
            SpendLedger.Recorder spend,
            Client client,
            VeoLimiter limiter,
            ProviderRegistry.Settings settings) {
        this.config = config;
        this.speech = settings.speech();
        this.client = client;
        GeminiCalls gemini = new GeminiCalls(client, config, spend);
        this.images = new GeminiImages(gemini);
        this.scripts = new GeminiScriptWriter(gemini);
        this.video = VideoBackends.create(config, client, images, spend, limiter);
        this.parallel = Boolean.TRUE.equals(config.video().limits().interpolation())
                ? new Stages.Parallel(
                        new Storyboard(new GeminiKeyframes(images), Storyboard.order(config.keyframeOrder())),
                        new ParallelTake(video),
                        blocks -> ParallelPlan.wordBudget(config, blocks))
                : null; // the model films no clip between two frames: the continuous take only
        this.drift = new DriftGuard(new GeminiDriftCheck(gemini), settings.driftThreshold(), DRIFT_FRAMES);
        this.transcriber =
                config.transcribeModel() == null ? null : new GeminiTranscriber(gemini, config.transcribeModel());
    }

    /** The pipeline's stages with this provider's three adapters. */
    public Stages stages(WordTimer wordTimer, CaptionStyle captions, Renderer renderer) {
        // Gemini says what the take says, the aligner when it is said: speech the script lacks gets captions too
        WordTimer timer = transcriber == null || wordTimer == null
                ? wordTimer
                : WordTimers.preferring(transcriber, wordTimer, speech);
        return new Stages(NAME, images, scripts, video, timer, captions, renderer, drift, parallel);
    }

    public GoogleConfig config() {
        return config;
    }

    public CharacterImages characterImages() {
        return images;
    }

    public ScriptWriter scriptWriter() {
        return scripts;
    }

    public VideoMaker videoMaker() {
        return video;
    }

    public CostEstimator estimator() {
        return new CostEstimator(config);
    }

    @Override
    public void close() {
        client.close();
    }
}
