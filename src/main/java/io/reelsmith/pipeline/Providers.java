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
