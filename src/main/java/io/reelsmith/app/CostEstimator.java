package io.reelsmith.app;

import io.reelsmith.google.CostEstimate;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.PriceTable;
import io.reelsmith.google.VideoBackend;
import io.reelsmith.google.VideoMode;
import io.reelsmith.subtitle.gemini.GeminiTranscriber;
import io.reelsmith.video.omni.OmniMaker;
import io.reelsmith.video.gemini.GeminiDriftCheck;
import io.reelsmith.video.veo.VeoTakePlan;
import io.reelsmith.script.Script;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices a plan from the configuration's {@link PriceTable}: the character image, the script call, the Veo
 * seconds (extend: 8 s + 7 s per further block; interpolate: 8 s per block plus one frame image per block + 1) and
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
        if (config.backend() == VideoBackend.OMNI) {
            lines.addAll(OmniMaker.plan(config, blocks).costLines(config.videoModel(), p.videoPerSecond()));
        } else if (config.videoMode() == VideoMode.EXTEND) {
            VeoTakePlan plan = VeoTakePlan.of(blocks, config.video());
            int extensions = 0, continuations = 0;
            for (VeoTakePlan.Step st : plan.steps()) {
                if (st.block() == 0) continue;
                if (st.startsSegment()) continuations++;
                else extensions++;
            }
            double step = config.video().limits().extensionStepSeconds() == null ? 0 : config.video().limits().extensionStepSeconds();
            lines.add(new CostEstimate.Line("block 1 (8 s clip)", config.videoModel(), VeoTakePlan.CLIP_SECONDS, "second", p.videoPerSecond()));
            if (extensions > 0) lines.add(new CostEstimate.Line(extensions + " extensions (+" + (int) step + " s each)", config.videoModel(),
                    step * extensions, "second", p.videoPerSecond()));
            if (continuations > 0) lines.add(new CostEstimate.Line(continuations + " new segments (8 s from the last frame)", config.videoModel(),
                    VeoTakePlan.CLIP_SECONDS * continuations, "second", p.videoPerSecond()));
        } else {
            lines.add(new CostEstimate.Line("first/last frames", config.imageModel(), blocks + 1, "image", p.perImage()));
            lines.add(new CostEstimate.Line(blocks + " interpolated 8 s clips", config.videoModel(), 8.0 * blocks, "second", p.videoPerSecond()));
        }
        // every block's frames are compared with the character once (a retake, when one is needed, is not planned)
        lines.add(new CostEstimate.Line(blocks + " drift checks", config.textModel(), blocks, "call", p.perDriftCheck()));
        double take = lines.stream().filter(l -> l.unit().equals("second")).mapToDouble(CostEstimate.Line::quantity).sum();
        if (config.transcribeModel() != null) lines.add(new CostEstimate.Line("subtitles (transcription)", config.transcribeModel(),
                Math.ceil(take / 60.0 * 1000) / 1000, "minute", p.perTranscribedMinute()));
        return new CostEstimate(lines);
    }

    /** One block step's price (block {@code index}, from 0): what the service's budget checks before paying for it. */
    public java.math.BigDecimal blockUsd(int index) {
        PriceTable p = config.prices();
        if (config.videoMode() == VideoMode.EXTEND) {
            double seconds = index == 0 ? Script.FIRST_BLOCK_SECONDS : Script.EXTENSION_SECONDS;
            return p.videoPerSecond().multiply(java.math.BigDecimal.valueOf(seconds)).add(p.perDriftCheck());
        }
        // An interpolated block draws its end frame (and block 1 its start frame too), then 8 s of video.
        return p.videoPerSecond().multiply(java.math.BigDecimal.valueOf(8)).add(p.perImage().multiply(java.math.BigDecimal.valueOf(index == 0 ? 2 : 1)))
                .add(p.perDriftCheck());
    }

    public CostEstimate estimate(Script script, boolean needsCharacterImage) {
        return estimate(script.blocks().size(), needsCharacterImage, false);
    }
}
