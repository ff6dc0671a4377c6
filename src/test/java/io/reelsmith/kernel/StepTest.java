package io.reelsmith.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one mapping between a step and its stored name, and the files a block's name gives. */
class StepTest {
    @Test
    void everyStepIsReadBackFromItsName() {
        List<Step> steps = List.of(
                Step.CHARACTER,
                Step.SCRIPT,
                Step.keyframe(0),
                Step.keyframe(11),
                Step.block(0),
                Step.block(9),
                Step.block(1).retake(),
                Step.SUBTITLES,
                Step.RENDER);
        assertThat(steps.stream().map(Step::text))
                .containsExactly(
                        "character",
                        "script",
                        "keyframe-1",
                        "keyframe-12",
                        "block-1",
                        "block-10",
                        "block-2.retake",
                        "subtitles",
                        "render");
        for (Step s : steps) assertThat(Step.parse(s.text())).isEqualTo(s);
        assertThat(steps.stream().map(Step::stage))
                .containsExactly(
                        "character",
                        "script",
                        "storyboard",
                        "storyboard",
                        "video",
                        "video",
                        "video",
                        "subtitles",
                        "render");
        assertThat(Step.block(2)).hasToString("block-3");
        assertThat(Step.keyframe(2)).hasToString("keyframe-3");
    }

    @Test
    void aNameOfNoStepIsRefused() {
        for (String name : List.of(
                "block-0",
                "block-",
                "block-x",
                "block-12345",
                "keyframe-0",
                "keyframe-2.retake",
                "block-2.retake.retake",
                "Render",
                ""))
            assertThatThrownBy(() -> Step.parse(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown step " + name);
        assertThatThrownBy(() -> Step.parse(null)).hasMessage("unknown step null");
        assertThatThrownBy(() -> Step.block(-1)).hasMessage("no block 0");
        assertThatThrownBy(() -> Step.keyframe(-1)).hasMessage("no keyframe 0");
    }

    @Test
    void aBlocksFilesCarryItsTwoDigitNumber() {
        assertThat(Step.block(1).file(".mp4")).isEqualTo("block-02.mp4");
        assertThat(Step.Block.isBlockFile("block-02.words.json")).isTrue();
        assertThat(Step.Block.isBlockFile("sprites.png")).isFalse();
        assertThat(Step.Keyframe.isKeyframe("keyframe-2.redraw-1")).isTrue();
        assertThat(Step.Keyframe.isKeyframe("block-2")).isFalse();
        assertThat(Step.from(2, Step.block(1))).containsExactly(Step.block(1), Step.SUBTITLES, Step.RENDER);
        assertThat(Step.all(1, TakePlan.PARALLEL))
                .containsExactly(
                        Step.CHARACTER,
                        Step.SCRIPT,
                        Step.keyframe(0),
                        Step.keyframe(1),
                        Step.block(0),
                        Step.SUBTITLES,
                        Step.RENDER);
    }
}
