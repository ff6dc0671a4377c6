package io.reelsmith.app;

import io.reelsmith.google.CostEstimate;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.PriceTable;
import io.reelsmith.subtitle.gemini.GeminiTranscriber;
import io.reelsmith.video.gemini.GeminiDriftCheck;
import io.reelsmith.script.Script;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices a plan from the configuration's {@link PriceTable}: the character image, the script call, the video
 * seconds (the chain plan's billed seconds; Veo interpolate: 8 s per block plus one frame image per block + 1) and
 * one drift check per block ({@link GeminiDriftCheck}), the transcription of the take for its subtitles ({@link GeminiTranscriber}, where a transcription model is served).
 * Steps already done (a supplied character image or script) are left out by the caller's flags.
 */
public final class CostEstimator {
    private final GoogleConfig config;

    public CostEstimator(GoogleConfig config) {
        this.config = config;
    }

    public CostEstimate estimate(int blocks, boolean needsCharacterImage, boolean needsScript) {
        return estimate(blocks, needsCharacterImage ? 1 : 0, needsScript);
    }

    /** {@code characterImages}: how many of the cast's images are still to draw (one image call each). */
    public CostEstimate estimate(int blocks, int characterImages, boolean needsScript) {
        if (blocks < 1 || blocks > Script.MAX_BLOCKS) throw new IllegalArgumentException("blocks must be 1.." + Script.MAX_BLOCKS);
        PriceTable p = config.prices();
        List<CostEstimate.Line> lines = new ArrayList<>();
        if (characterImages > 0) lines.add(new CostEstimate.Line(characterImages == 1 ? "character image" : "character images",
                config.imageModel(), characterImages, "image", p.perImage()));
        if (needsScript) lines.add(new CostEstimate.Line("script", config.textModel(), 1, "call", p.perScript()));
        if (GooglePlan.filmsChains(config)) {
            lines.addAll(GooglePlan.chains(config, blocks).costLines(p.videoPerSecond()));
        } else {
            lines.add(new CostEstimate.Line("first/last frames", config.imageModel(), blocks + 1, "image", p.perImage()));
            lines.add(new CostEstimate.Line(blocks + " interpolated 8 s clips", config.videoModel(), 8.0 * blocks, "second", p.videoPerSecond()));
        }
        // every block's frames are compared with the character once (a retake, when one is needed, is not planned)
        lines.add(new CostEstimate.Line(blocks + " drift checks", config.textModel(), blocks, "call", GeminiDriftCheck.price(config)));
        double take = lines.stream().filter(l -> l.unit().equals("second")).mapToDouble(CostEstimate.Line::quantity).sum();
        GeminiTranscriber.estimate(config, take).ifPresent(lines::add);
        return new CostEstimate(lines);
    }

    /** One block step's price (block {@code index}, from 0): what the service's budget checks before paying for it. */
    public java.math.BigDecimal blockUsd(int index) {
        PriceTable p = config.prices();
        if (GooglePlan.filmsChains(config)) {
            // whether a block extends or restarts depends only on the blocks before it: plan up to it
            int seconds = GooglePlan.chains(config, index + 1).call(index).seconds();
            return p.videoPerSecond().multiply(java.math.BigDecimal.valueOf(seconds)).add(GeminiDriftCheck.price(config));
        }
        // An interpolated block draws its end frame (and block 1 its start frame too), then 8 s of video.
        return p.videoPerSecond().multiply(java.math.BigDecimal.valueOf(8)).add(p.perImage().multiply(java.math.BigDecimal.valueOf(index == 0 ? 2 : 1)))
                .add(GeminiDriftCheck.price(config));
    }

    public CostEstimate estimate(Script script, boolean needsCharacterImage) {
        return estimate(script.blocks().size(), needsCharacterImage, false);
    }
}
