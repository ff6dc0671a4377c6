package io.reelsmith.kernel;

/**
 * The names of a video job's steps, in the seed's order: character, script, block-1 … block-n, subtitles, render; the
 * parallel plan draws keyframe-1 … keyframe-(n+1) before its blocks.
 */
public final class StepNames {
    public static final String CHARACTER = "character", SCRIPT = "script", SUBTITLES = "subtitles", RENDER = "render";

    private StepNames() { }

    /** Block {@code index} (from 0) is step "block-{index+1}". */
    public static String block(int index) {
        return "block-" + (index + 1);
    }

    /** Keyframe {@code index} (from 0: the first frame of block 1) of the parallel plan is step "keyframe-{index+1}". */
    public static String keyframe(int index) {
        return "keyframe-" + (index + 1);
    }

    /** Whether a step draws a keyframe. */
    public static boolean isKeyframe(String step) {
        return step.startsWith("keyframe-");
    }

    /** The keyframe (from 0) of a keyframe step. */
    public static int keyframeIndex(String step) {
        return Integer.parseInt(step.substring("keyframe-".length())) - 1;
    }
}
