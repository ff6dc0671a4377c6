package io.reelsmith.video.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.render.Composition;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockFrames;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real two-block animatic, made once and checked from several sides (it is the slow part). */
class AnimaticMakerTest {
    private static final double FRAME = 1 / 30.0;

    @TempDir
    static Path dir;

    static Script script;
    static List<BlockClip> clips = new ArrayList<>();
    static Take take;
    static Path video;
    static long millis;

    @BeforeAll
    static void makeTwoBlocks() throws Exception {
        // A magenta square as the character: easy to find in a frame.
        BufferedImage square = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = square.createGraphics();
        g.setColor(Color.MAGENTA);
        g.fillRect(0, 0, 400, 400);
        g.dispose();
        Path character = dir.resolve("character.png");
        ImageIO.write(square, "png", character.toFile());

        script = new Script(
                        "Test",
                        "en",
                        List.of(
                                new Block(
                                        1,
                                        List.of(
                                                new DialogueLine("Nano", "Hello friends, where is the map?"),
                                                new DialogueLine("Pip", "Right here!")),
                                        "Nano looks around a dusty old library",
                                        "wind and creaking floorboards"),
                                new Block(
                                        2,
                                        List.of(
                                                new DialogueLine(
                                                        "Nano",
                                                        "This line is much too long for a seven second extension, so the animatic must stretch "
                                                                + "the block until every single word has been spoken, and then keep a short tail.")),
                                        "Nano runs along a beach",
                                        "waves, seagulls and rain")))
                .validated();
        AnimaticMaker maker = new AnimaticMaker();
        long t0 = System.nanoTime();
        BlockClip previous = null;
        for (int i = 0; i < 2; i++) {
            previous = maker.makeBlock(
                    new BlockJob(script, i, character, previous, dir.resolve("blocks"), Checkpoint.NONE));
            clips.add(previous);
        }
        take = maker.assemble(clips, dir);
        video = dir.resolve("final.mp4");
        new FinalRenderer("ultrafast", 28).render(take.file(), null, video); // the take is drawn and encoded here, once
        millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(
                Locale.ROOT,
                "animatic: %.2f s of video in %d ms (%.2f x real time)%n",
                take.seconds(),
                millis,
                millis / 1000.0 / take.seconds());
    }

    @Test
    void blocksAreGraphSegmentsAndWavsOfPlannedOrStretchedWholeFrameDurationsWithNothingEncoded() throws Exception {
        assertThat(clips.get(0).seconds()).isEqualTo(8.0);
        double speechEnd =
                clips.get(1).words().get(clips.get(1).words().size() - 1).end();
        assertThat(speechEnd).as("the long line needs more than 7 s").isGreaterThan(7.0);
        assertThat(clips.get(1).seconds())
                .isBetween(speechEnd + AnimaticMaker.TAIL, speechEnd + AnimaticMaker.TAIL + FRAME);
        assertThat(clips.get(1).facts()).containsEntry("scene", "beach"); // with falling rain: the weather overlay path
        for (BlockClip c : clips) {
            assertThat(c.seconds() * 30).isCloseTo(Math.rint(c.seconds() * 30), within(1e-9));
            BlockSegment segment = BlockSegment.read(c.file());
            assertThat(segment.frames()).isEqualTo((int) Math.rint(c.seconds() * 30));
            for (String input : segment.inputs())
                assertThat(c.file().resolveSibling(input)).exists();
            MediaInfo wav = MediaInfo.probe(c.file().resolveSibling(c.facts().get("audio")));
            assertThat(wav.sampleRate()).isEqualTo(48000);
            assertThat(wav.seconds()).isCloseTo(c.seconds(), within(1e-3));
        }
        try (var files = Files.list(dir.resolve("blocks"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no clip is encoded per block")
                    .noneMatch(n -> n.endsWith(".mp4"));
        }
    }

    @Test
    void theFirstFrameDrawnWithTheBlockIsTheSegmentsOwnAndIsHandedOverOnce(@TempDir Path look) throws Exception {
        BlockClip c = clips.get(1);
        Path withBlock = c.file().resolveSibling(c.facts().get(AnimaticMaker.FACT_FIRST_FRAME));
        assertThat(withBlock).as("drawn while the sound mixed").exists();
        Path again = look.resolve("again.png");
        BlockSegment.read(c.file())
                .drawFirstFrame(c.file().toAbsolutePath().getParent(), BlockFrames.WIDTH, BlockFrames.HEIGHT, again);
        List<Path> frames = new AnimaticMaker().frames(c, 1, look.resolve("frames"));
        assertThat(frames).singleElement().satisfies(f -> assertThat(f).hasSameBinaryContentAs(again));
        assertThat(withBlock)
                .as("moved to the drift check, not left beside the block")
                .doesNotExist();
    }

    @Test
    void theRenderedTakeIs1080x1920At30FpsOfExactlyTheBlocksLengthWithSpeechHeard() throws Exception {
        MediaInfo info = MediaInfo.probe(video);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.width()).isEqualTo(1080);
        assertThat(info.height()).isEqualTo(1920);
        assertThat(info.fps()).isCloseTo(30.0, within(0.01));
        assertThat(info.seconds()).isCloseTo(take.seconds(), within(0.05));
        assertThat(MediaInfo.meanVolumeDb(video)).as("speech is heard").isGreaterThan(-35);
    }

    @Test
    void soundBedIsWellBelowTheSpeech() throws Exception {
        // Block 1 speaks for ~3 s of its 8 s: 5.5–7.3 s is the bed alone (its fade-out starts at 7.7 s).
        double speechEnd =
                clips.get(0).words().get(clips.get(0).words().size() - 1).end();
        assertThat(speechEnd).isLessThan(5.0);
        Path wav = dir.resolve("blocks/block-01.wav");
        Path speechPart = dir.resolve("speech-part.wav"), bedOnly = dir.resolve("bed.wav");
        Ffmpeg.command()
                .input(wav, "-ss", "0.35", "-t", String.format(Locale.ROOT, "%.3f", speechEnd - 0.35))
                .output(speechPart)
                .run();
        Ffmpeg.command().input(wav, "-ss", "5.5", "-t", "1.8").output(bedOnly).run();
        double speech = MediaInfo.meanVolumeDb(speechPart), bed = MediaInfo.meanVolumeDb(bedOnly);
        System.out.printf(Locale.ROOT, "speech %.1f dB, bed %.1f dB%n", speech, bed);
        assertThat(bed).as("a bed is there").isGreaterThan(-60);
        assertThat(bed).as("…and 12 dB or more under the speech").isLessThan(speech - 12);
    }

    @Test
    void anImageBothBlocksUseIsOneInputOfTheTakeReadOnce() throws Exception {
        Composition c = Composition.read(take.file());
        assertThat(c.inputs()).as("no image is read twice").doesNotHaveDuplicates();
        int sheet = c.inputs()
                .indexOf(c.inputs().stream()
                        .filter(i -> i.contains("sprite-"))
                        .findFirst()
                        .orElseThrow());
        assertThat(c.graph().split("\\[" + sheet + ":v]", -1))
                .as("both blocks draw the lead from the one decoded sheet")
                .hasSize(3);
        assertThat(c.inputs()).filteredOn(i -> i.endsWith(".bg.bmp")).hasSize(2);
    }

    @Test
    void takeIsTheExactSumOfItsBlocksWithIncreasingWordsInsideTheAudio() throws Exception {
        double sum = clips.get(0).seconds() + clips.get(1).seconds();
        assertThat(take.seconds()).isCloseTo(sum, within(1e-9));
        assertThat(Composition.isComposition(take.file())).isTrue();
        assertThat(MediaInfo.probe(dir.resolve(Composition.read(take.file()).audio()))
                        .seconds())
                .isCloseTo(sum, within(1e-3));
        int words = clips.get(0).words().size() + clips.get(1).words().size();
        assertThat(take.words()).hasSize(words);
        assertThat(take.words().get(0).text()).isEqualTo("Hello");
        for (int i = 1; i < take.words().size(); i++)
            assertThat(take.words().get(i).start())
                    .isGreaterThan(take.words().get(i - 1).start());
        Word last = take.words().get(take.words().size() - 1);
        assertThat(last.text()).isEqualTo("tail.");
        assertThat(last.end()).isLessThanOrEqualTo(take.seconds());
        // Block 2's words are shifted by block 1's length.
        assertThat(take.words().get(clips.get(0).words().size()).start())
                .isCloseTo(8.0 + clips.get(1).words().get(0).start(), within(1e-9));
    }

    @Test
    void characterHopsAndTiltsWhileItSpeaks() throws Exception {
        Word word = clips.get(0).words().stream()
                .filter(w -> w.duration() > 0.2)
                .findFirst()
                .orElseThrow();
        int[] idle = magentaBox(video, 0.05);
        int[] talking = magentaBox(video, word.start() + word.duration() / 2);
        assertThat(idle[1]).as("idle top").isGreaterThan(0);
        assertThat(idle[1] - talking[1]).as("the figure rises while it talks").isGreaterThan(8);
    }

    /** {minX, minY, maxX, maxY} of the magenta character in the frame at {@code seconds}. */
    private static int[] magentaBox(Path clip, double seconds) throws Exception {
        Path png = dir.resolve(String.format(Locale.ROOT, "frame-%.3f.png", seconds));
        Ffmpeg.command()
                .input(clip, "-ss", String.format(Locale.ROOT, "%.3f", seconds))
                .args("-frames:v", "1")
                .output(png)
                .run();
        BufferedImage img = ImageIO.read(png.toFile());
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y), r = (p >> 16) & 0xff, gr = (p >> 8) & 0xff, b = p & 0xff;
                if (r > 200 && b > 200 && gr < 90) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }
}
