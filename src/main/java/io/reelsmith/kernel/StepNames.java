package io.reelsmith.kernel;

/** The names of a video job's steps, in the seed's order: character, script, block-1 … block-n, subtitles, render. */
public final class StepNames {
    public static final String CHARACTER = "character", SCRIPT = "script", SUBTITLES = "subtitles", RENDER = "render";

    private StepNames() { }

    /** Block {@code index} (from 0) is step "block-{index+1}". */
    public static String block(int index) {
        return "block-" + (index + 1);
    }
}
