package io.reelsmith.app.provider;

import io.reelsmith.character.painter.PortraitPainter;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.script.offline.OfflineScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.align.WordTimers;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.animatic.AnimaticMaker;
import io.reelsmith.video.animatic.PaletteDriftCheck;

/** The local provider's adapters (free, offline); {@code app.ProviderRegistry} names it "local". */
public final class LocalStages {
    public static final String NAME = "local";

    private LocalStages() {}

    /** With the default settings (benches, tests). */
    public static Stages create(CaptionStyle captions) {
        return create(captions, ProviderRegistry.Settings.DEFAULTS);
    }

    public static Stages create(CaptionStyle captions, ProviderRegistry.Settings s) {
        return new Stages(
                NAME,
                new PortraitPainter(),
                new OfflineScriptWriter(),
                new AnimaticMaker(null, s.debug()),
                WordTimers.auto(s.speech()),
                captions,
                s.renderer(),
                new DriftGuard(new PaletteDriftCheck(), s.driftThreshold(), 1),
                null);
    }
}
