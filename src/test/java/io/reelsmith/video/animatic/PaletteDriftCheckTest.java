package io.reelsmith.video.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.character.painter.PortraitPainter;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Step;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.DriftCheck;
import io.reelsmith.video.DriftGuard;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local drift check on a real animatic frame: the character the block was drawn with scores high, characters of
 * another palette score low, and the measure is deterministic and cheap.
 */
class PaletteDriftCheckTest {
    @TempDir
    static Path dir;

    static Path fox, robot, frog, frame;
    static long frameMillis;

    @BeforeAll
    static void drawOneBlockWithTheFox() throws Exception {
        PortraitPainter painter = new PortraitPainter();
        fox = Files.write(
                dir.resolve("fox.png"),
                painter.create(new CharacterProfile("Rufus", "an orange fox with a red scarf", "cartoon")));
        robot = Files.write(
                dir.resolve("robot.png"),
                painter.create(new CharacterProfile("Bolt", "a blue robot with silver arms", "cartoon")));
        frog = Files.write(
                dir.resolve("frog.png"),
                painter.create(new CharacterProfile("Lily", "a green frog with a purple hat", "cartoon")));
        Script script = new Script(
                        "Test",
                        "en",
                        List.of(new Block(
                                1,
                                List.of(new DialogueLine("Rufus", "Where did I leave my map?")),
                                "Rufus looks around a sunny park",
                                "birds")))
                .validated();
        AnimaticMaker maker = new AnimaticMaker();
        BlockClip clip = maker.makeBlock(new BlockJob(script, 0, fox, null, dir.resolve("blocks"), Checkpoint.NONE));
        long t0 = System.nanoTime();
        List<Path> frames = maker.frames(clip, 1, dir.resolve("frames"));
        frameMillis = (System.nanoTime() - t0) / 1_000_000;
        frame = frames.get(0);
    }

    @Test
    void theBlockIsOneSmallFrameDrawnFromItsGraphCheaply() throws Exception {
        BufferedImage img = ImageIO.read(frame.toFile());
        assertThat(img.getWidth()).isEqualTo(180);
        assertThat(img.getHeight()).isEqualTo(320);
        System.out.println("animatic drift frame: " + frameMillis + " ms");
        assertThat(frameMillis).as("one frame of one block, in ms").isLessThan(5_000);
    }

    @Test
    void theCharacterItWasDrawnWithScoresHighAndOthersLow() throws Exception {
        PaletteDriftCheck check = new PaletteDriftCheck();
        DriftCheck.Score same = check.compare(Step.block(0), List.of(frame), List.of(fox));
        DriftCheck.Score robotScore = check.compare(Step.block(0), List.of(frame), List.of(robot));
        DriftCheck.Score frogScore = check.compare(Step.block(0), List.of(frame), List.of(frog));
        System.out.printf("fox %.3f, robot %.3f, frog %.3f%n", same.value(), robotScore.value(), frogScore.value());
        assertThat(same.value()).isGreaterThan(0.8);
        assertThat(robotScore.value()).isLessThan(DriftGuard.DEFAULT_THRESHOLD);
        assertThat(frogScore.value()).isLessThan(DriftGuard.DEFAULT_THRESHOLD);
        assertThat(same.reason()).contains("% of the character's colours");
        // the cast: the frame shows one of the references
        assertThat(check.compare(Step.block(0), List.of(frame), List.of(robot, fox))
                        .value())
                .isEqualTo(same.value());
        // deterministic
        assertThat(check.compare(Step.block(0), List.of(frame), List.of(fox))).isEqualTo(same);
    }

    @Test
    void thresholdIsANumberWithinZeroAndOne() {
        assertThat(ConfigLoader.fromEnvironment(Map.of()).driftThreshold()).isEqualTo(DriftGuard.DEFAULT_THRESHOLD);
        assertThat(ConfigLoader.fromEnvironment(Map.of("REELSMITH_DRIFT_THRESHOLD", "0.7"))
                        .driftThreshold())
                .isEqualTo(0.7);
        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(Map.of("REELSMITH_DRIFT_THRESHOLD", "high")))
                .hasMessage("reelsmith.drift.threshold must be a number within 0..1, not 'high'");
        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(Map.of("REELSMITH_DRIFT_THRESHOLD", "1.5")))
                .hasMessageContaining("within 0..1");
        assertThatThrownBy(() -> new DriftGuard(new PaletteDriftCheck(), 1.5, 1))
                .hasMessageContaining("within 0..1");
    }

    @Test
    void anUnreadableFrameIsAClearError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.png"), "not an image");
        assertThatThrownBy(() -> new PaletteDriftCheck().compare(Step.block(0), List.of(junk), List.of(fox)))
                .hasMessage("junk.png is not an image the drift check can read");
    }
}
