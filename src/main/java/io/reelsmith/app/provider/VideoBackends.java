package io.reelsmith.app.provider;

import com.google.genai.Client;
import io.reelsmith.character.gemini.GeminiImages;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.VideoBackend;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.video.VideoMaker;
import io.reelsmith.video.omni.OmniClient;
import io.reelsmith.video.omni.OmniMaker;
import io.reelsmith.video.veo.VeoClient;
import io.reelsmith.video.veo.VeoMaker;
import java.util.EnumMap;
import java.util.Map;

/**
 * The video back ends the google provider can film with, by {@link VideoBackend}: the seam where each plugs in.
 * Veo is built in; omni registers its {@code VideoMaker} here ({@code VideoBackends.register(VideoBackend.OMNI, …)}
 * in a static initializer the registry loads). A back end with no maker is refused when the provider is built,
 * before anything is spent.
 */
public final class VideoBackends {
    /** What a back end gets to build its maker: the configuration, the SDK client, the image model, spend, quota. */
    public interface Factory {
        VideoMaker create(
                GoogleConfig config,
                Client client,
                GeminiImages images,
                SpendLedger.Recorder spend,
                VeoLimiter limiter);
    }

    private static final Map<VideoBackend, Factory> FACTORIES = new EnumMap<>(VideoBackend.class);

    static {
        register(
                VideoBackend.VEO,
                (config, client, images, spend, limiter) ->
                        new VeoMaker(config, new VeoClient(client, config), images::frame, spend, limiter));
        register(
                VideoBackend.OMNI,
                (config, client, images, spend, limiter) ->
                        new OmniMaker(config, new OmniClient(client, config), spend, limiter));
    }

    private VideoBackends() {}

    public static synchronized void register(VideoBackend backend, Factory factory) {
        FACTORIES.put(backend, factory);
    }

    public static synchronized VideoMaker create(
            GoogleConfig config, Client client, GeminiImages images, SpendLedger.Recorder spend, VeoLimiter limiter) {
        VideoBackend b = config.backend();
        Factory f = FACTORIES.get(b);
        if (f == null) {
            throw new IllegalArgumentException("the " + b.id() + " video back end (" + config.videoModel() + " on "
                    + config.surface().label()
                    + ") is not available in this build; use Vertex AI (REELSMITH_GOOGLE_VERTEX=true) for veo");
        }
        return f.create(config, client, images, spend, limiter);
    }
}
