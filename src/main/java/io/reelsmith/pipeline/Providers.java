package io.reelsmith.pipeline;

import io.reelsmith.character.local.PortraitPainter;
import io.reelsmith.google.GoogleProvider;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.OfflineScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.align.WordTimers;
import io.reelsmith.video.local.AnimaticMaker;

import java.util.List;

/** Builds the stage adapters of a provider by name: the one place that knows which adapters exist. */
public final class Providers {
    public static final List<String> NAMES = List.of("local", "google");

    private Providers() { }

    public static Stages stages(String provider) {
        return stages(provider, CaptionStyle.SHORTS);
    }

    /** The google stages with Veo's quota enforced by {@code limiter} (the service passes one shared through its database). */
    public static Stages google(io.reelsmith.limits.VeoLimiter limiter) {
        var config = io.reelsmith.google.GoogleConfig.fromEnv();
        return new GoogleProvider(config, io.reelsmith.google.SpendLedger.Recorder.NONE, io.reelsmith.google.GoogleClients.create(config), limiter)
                .stages(WordTimers.auto(), CaptionStyle.SHORTS, new FinalRenderer());
    }

    public static Stages stages(String provider, CaptionStyle captions) {
        return switch (provider == null ? "" : provider) {
            case "local" -> new Stages("local", new PortraitPainter(), new OfflineScriptWriter(), new AnimaticMaker(),
                    WordTimers.auto(), captions, new FinalRenderer());
            // One SDK client for the process, spend not recorded: a caller that keeps a ledger builds
            // new GoogleProvider(config, ledger.forJob(job, user)) per job instead (see docs/google.md).
            case "google" -> GoogleProvider.shared().stages(WordTimers.auto(), captions, new FinalRenderer());
            default -> throw new IllegalArgumentException("unknown provider '" + provider + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
