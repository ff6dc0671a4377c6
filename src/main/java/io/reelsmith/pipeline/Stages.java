package io.reelsmith.pipeline;

import io.reelsmith.character.CharacterImages;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.render.Renderer;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.script.ScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.Storyboard;
import io.reelsmith.video.VideoMaker;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The adapters one run uses, one per stage. {@code wordTimer} is used only when the take does not come with
 * exact word times (Veo); the animatic brings its TTS times. {@code drift} checks each block against the
 * character and re-makes a drifted one once ({@link DriftGuard#POSTER_ONLY}: no check, each block is made once and
 * gets its poster). {@code parallel}: how the provider films the parallel plan (null: it offers only the continuous
 * take).
 */
public record Stages(
        String provider,
        CharacterImages characters,
        ScriptWriter scripts,
        VideoMaker video,
        WordTimer wordTimer,
        CaptionStyle captionStyle,
        Renderer renderer,
        DriftGuard drift,
        Parallel parallel) {
    /**
     * The parallel plan's adapters: who draws the keyframes, the video stage that films clips between them, and the
     * script writer's word budget per block for n blocks (null: none, the writer's own limit).
     */
    public record Parallel(Storyboard storyboard, VideoMaker take, IntFunction<List<Integer>> wordBudget) {
        public Parallel(Storyboard storyboard, VideoMaker take) {
            this(storyboard, take, blocks -> null);
        }
    }

    /** The script request of a take filmed with {@code plan}: the parallel plan's word budget, where it sets one. */
    public ScriptRequest scriptRequest(ScriptRequest request, TakePlan plan) {
        if (plan != TakePlan.PARALLEL || parallel == null) return request;
        return request.withWordBudget(parallel.wordBudget().apply(request.blocks()));
    }

    /** The video stage a plan films with. */
    public VideoMaker video(TakePlan plan) {
        return plan == TakePlan.PARALLEL ? parallel().take() : video;
    }

    /** The parallel plan's adapters, or a readable refusal when this provider has none. */
    public Parallel parallel() {
        if (parallel == null)
            throw new IllegalArgumentException(
                    "the parallel plan (keyframes, then every block at once) is offered by the google provider, not by "
                            + provider);
        return parallel;
    }
}
