package io.reelsmith.app.money;

import io.reelsmith.google.FirstLastPlan;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.VideoBackend;
import io.reelsmith.video.Storyboard;
import io.reelsmith.video.omni.OmniMaker;
import io.reelsmith.video.veo.VeoMaker;
import java.util.List;

/**
 * What the parallel plan films for n blocks with the configured video model, known before anything is spent: n+1
 * keyframes drawn in {@link #imageRounds()} rounds of image calls, then n first-and-last-frame clips submitted together
 * ({@code clipSeconds}: each clip's length, {@link FirstLastPlan}: the shortest the model films between two frames
 * that holds the block's words and keeps the take on time — Veo on Vertex AI 4, 6 or 8 s, Omni 3 to 10 s).
 */
public record ParallelPlan(int blocks, List<Integer> clipSeconds, Storyboard.Order order, int fps) {
    public ParallelPlan {
        clipSeconds = List.copyOf(clipSeconds);
    }

    /** Before the script is written: each block's lines taken to fill its planned seconds (an upper bound). */
    public static ParallelPlan of(GoogleConfig config, int blocks) {
        return of(config, blocks, null);
    }

    /**
     * With each block's dialogue words ({@code words}, null when unknown); refused with one line when the video model
     * does not film a clip between two frames.
     */
    public static ParallelPlan of(GoogleConfig config, int blocks, List<Integer> words) {
        if (!Boolean.TRUE.equals(config.video().limits().interpolation())) {
            throw new IllegalArgumentException(config.videoModel()
                    + " does not film a clip between a first and a last frame, which the parallel plan needs; "
                    + "use --plan continuous (or another video model)");
        }
        List<Integer> clips = config.backend() == VideoBackend.OMNI
                ? OmniMaker.firstLastSeconds(config, blocks, words)
                : VeoMaker.firstLastSeconds(config, blocks, words);
        return new ParallelPlan(blocks, clips, Storyboard.order(config.keyframeOrder()), 24);
    }

    /**
     * The script writer's word budget per block for this plan ({@link FirstLastPlan#wordBudget}): the most words each
     * block may carry so that its clip is the one the take's timing asks for (Veo on Vertex AI 15/15/12/15/12/… for
     * 8/8/6/8/6/… s, what the continuous take bills); null where the model films no clip between two frames.
     */
    public static List<Integer> wordBudget(GoogleConfig config, int blocks) {
        if (!Boolean.TRUE.equals(config.video().limits().interpolation())) return null;
        return config.backend() == VideoBackend.OMNI
                ? OmniMaker.wordBudget(config, blocks)
                : VeoMaker.wordBudget(config, blocks);
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
