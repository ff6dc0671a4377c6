package io.reelsmith.google;

import io.reelsmith.script.Script;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices a plan from the configuration's {@link PriceTable}: the character image, the script call, the Veo
 * seconds (extend: 8 s + 7 s per further block; interpolate: 8 s per block plus one frame image per block + 1) and
 * the transcription of the take for its subtitles ({@link GeminiTranscriber}, where a transcription model is served).
 * Steps already done (a supplied character image or script) are left out by the caller's flags.
 */
public final class CostEstimator {
    private final GoogleConfig config;

    public CostEstimator(GoogleConfig config) {
        this.config = config;
    }

    public CostEstimate estimate(int blocks, boolean needsCharacterImage, boolean needsScript) {
        if (blocks < 1 || blocks > Script.MAX_BLOCKS) throw new IllegalArgumentException("blocks must be 1.." + Script.MAX_BLOCKS);
        PriceTable p = config.prices();
        List<CostEstimate.Line> lines = new ArrayList<>();
        if (needsCharacterImage) lines.add(new CostEstimate.Line("character image", config.imageModel(), 1, "image", p.perImage()));
        if (needsScript) lines.add(new CostEstimate.Line("script", config.textModel(), 1, "call", p.perScript()));
        if (config.videoMode() == VideoMode.EXTEND) {
            lines.add(new CostEstimate.Line("block 1 (8 s clip)", config.videoModel(), Script.FIRST_BLOCK_SECONDS, "second", p.videoPerSecond()));
            if (blocks > 1) lines.add(new CostEstimate.Line("blocks 2-" + blocks + " (7 s extensions)", config.videoModel(),
                    Script.EXTENSION_SECONDS * (blocks - 1), "second", p.videoPerSecond()));
        } else {
            lines.add(new CostEstimate.Line("first/last frames", config.imageModel(), blocks + 1, "image", p.perImage()));
            lines.add(new CostEstimate.Line(blocks + " interpolated 8 s clips", config.videoModel(), 8.0 * blocks, "second", p.videoPerSecond()));
        }
        double take = lines.stream().filter(l -> l.unit().equals("second")).mapToDouble(CostEstimate.Line::quantity).sum();
        GeminiTranscriber.estimate(config, take).ifPresent(lines::add);
        return new CostEstimate(lines);
    }

    public CostEstimate estimate(Script script, boolean needsCharacterImage) {
        return estimate(script.blocks().size(), needsCharacterImage, false);
    }
}
