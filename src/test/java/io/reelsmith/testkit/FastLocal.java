package io.reelsmith.testkit;

import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.app.provider.ProviderRegistry.JobContext;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.subtitle.CaptionStyle;
import java.util.function.Function;

/**
 * The real local provider (portrait, offline script, animatic with its drift check, word times, karaoke) with the
 * render at its fastest settings: the service and browser tests check the flow around the stages, not the look of
 * the encode, which took most of their time at the shipped settings (MakeEndToEndTest and {@code bench render}
 * keep those).
 */
public final class FastLocal {
    private static final String PRESET = "ultrafast";
    private static final int CRF = 35;
    public static final FinalRenderer RENDERER = new FinalRenderer(PRESET, CRF);
    /** The same encode in a child process of a test ({@code reelsmith make}, {@code serve}, {@code mcp}): a setting. */
    public static final String SETTING = "reelsmith.render.x264", VALUE = PRESET + ":" + CRF;
    /** {@link #SETTING} by its environment name. */
    public static final String ENV = "REELSMITH_RENDER_X264";

    private FastLocal() {}

    public static Stages stages(String provider) {
        return ProviderRegistry.localOnly()
                .stages(provider, JobContext.of(CaptionStyle.SHORTS).withRendering(null, RENDERER));
    }

    public static Function<String, Stages> providers() {
        return FastLocal::stages;
    }
}
