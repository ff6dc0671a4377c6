package io.reelsmith.app;

import io.reelsmith.video.animatic.AnimaticMaker;
import io.reelsmith.video.animatic.PaletteDriftCheck;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.character.painter.PortraitPainter;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.offline.OfflineScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.align.WordTimers;

/** The local provider's adapters (free, offline); {@code app.ProviderRegistry} names it "local". */
public final class LocalStages {
    public static final String NAME = "local";

    private LocalStages() { }

    public static Stages create(CaptionStyle captions) {
        return new Stages(NAME, new PortraitPainter(), new OfflineScriptWriter(), new AnimaticMaker(), WordTimers.auto(), captions, new FinalRenderer(),
                new DriftGuard(new PaletteDriftCheck(), DriftGuard.threshold(System.getenv()), 1));
    }
}
