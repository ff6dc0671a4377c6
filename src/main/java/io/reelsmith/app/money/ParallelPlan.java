package io.reelsmith.app.money;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.VideoBackend;
import io.reelsmith.video.Storyboard;
import io.reelsmith.video.omni.OmniMaker;
import io.reelsmith.video.veo.VeoMaker;
import java.util.ArrayList;
import java.util.List;

/**
 * What the parallel plan films for n blocks with the configured video model, known before anything is spent: n+1
 * keyframes drawn in {@link #imageRounds()} rounds of image calls, then n first-and-last-frame clips submitted together
 * ({@code clipSeconds}: each clip's length — Veo interpolates 8 s clips only; Omni films each block's planned seconds).
 */
public record ParallelPlan(int blocks, List<Integer> clipSeconds, Storyboard.Order order, int fps) {
    public ParallelPlan {
        clipSeconds = List.copyOf(clipSeconds);
    }

    /** Refused with one line when the video model does not film a clip between two frames. */
    public static ParallelPlan of(GoogleConfig config, int blocks) {
        if (!Boolean.TRUE.equals(config.video().limits().interpolation())) {
            throw new IllegalArgumentException(config.videoModel()
                    + " does not film a clip between a first and a last frame, which the parallel plan needs; "
                    + "use --plan continuous (or another video model)");
        }
        List<Integer> clips = new ArrayList<>();
        for (int i = 0; i < blocks; i++) clips.add(clipSeconds(config, i));
        return new ParallelPlan(blocks, clips, Storyboard.order(config.keyframeOrder()), 24);
    }

    /** The clip block {@code index} (from 0) is filmed as. */
    public static int clipSeconds(GoogleConfig config, int index) {
        return config.backend() == VideoBackend.OMNI
                ? OmniMaker.firstLastSeconds(config, index)
                : VeoMaker.firstLastSeconds(index);
    }

    public int keyframes() {
        return Storyboard.keyframes(blocks);
    }

    /** Image calls in a row: the keyframes of a round are drawn at once. */
    public int imageRounds() {
        return Storyboard.rounds(order, blocks).size();
    }

    public double billedSeconds() {
        return clipSeconds.stream().mapToInt(Integer::intValue).sum();
    }

    /** The joined take: every clip, each shared keyframe shown once. */
    public double takeSeconds() {
        return billedSeconds() - (blocks - 1) / (double) fps;
    }

    /** Video calls in a row when at most {@code concurrency} run at once. */
    public int videoRounds(int concurrency) {
        return (blocks + Math.max(1, concurrency) - 1) / Math.max(1, concurrency);
    }
}
