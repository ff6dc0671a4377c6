package io.reelsmith.cli;

import io.reelsmith.app.Provider;
import io.reelsmith.kernel.TakePlan;
import java.util.Map;
import picocli.CommandLine.Option;

/** Who makes the video on {@code make}'s command line: the provider and, for google, the plan and the video model. */
final class ProviderOptions {
    @Option(
            names = "--provider",
            description = "local (offline animatic, free) or google (Gemini + Veo) (default: ${DEFAULT-VALUE}).")
    String provider = "local";

    @Option(
            names = "--plan",
            description =
                    "google: continuous (one take: a clip, then an extension per block, each after the one before; the default) "
                            + "or parallel (keyframes first, then every block at once as a clip between two keyframes: about two call latencies).")
    String plan = "continuous";

    @Option(
            names = "--video-model",
            description =
                    "google: the video model id (default from the catalogue: veo-3.1-generate-001 on Vertex AI, gemini-omni-1.1-flash on an API key; see `reelsmith models google`).")
    String videoModel;

    /** A paid provider's stages are built after the plan is approved. */
    boolean paid() {
        return Provider.isPaid(provider);
    }

    /** The take plan, checked against the provider. */
    TakePlan takePlan() {
        TakePlan takePlan = TakePlan.of(plan);
        if (takePlan == TakePlan.PARALLEL && !paid()) {
            throw new IllegalArgumentException(
                    "--plan parallel (keyframes, then every block at once) is for --provider google; the local animatic needs no plan");
        }
        return takePlan;
    }

    /** The settings these options give the configuration: --video-model picks the back end, veo-* or gemini-omni-*. */
    Map<String, String> settings() {
        return videoModel == null ? Map.of() : Map.of("reelsmith.google.video.model", videoModel);
    }
}
