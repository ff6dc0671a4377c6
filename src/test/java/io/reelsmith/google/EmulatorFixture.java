package io.reelsmith.google;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.script.Script;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.VideoMaker;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * What the google tests share beyond {@link GoogleEmulatorExtension} (which owns the emulator's options and the SDK's
 * configuration): the back ends' settings and journal keys, caption pixels, a checkpoint in memory.
 */
final class EmulatorFixture {
    private EmulatorFixture() {}

    /** For a test that wants an emulator of its own; a test class sharing one registers {@link GoogleEmulatorExtension}. */
    static GeminiEmulator start() throws IOException {
        return GeminiEmulator.start(GoogleEmulatorExtension.QUICK);
    }

    static GoogleConfig config(GeminiEmulator e, String... extra) {
        return ConfigLoader.fromEnvironment(GoogleEmulatorExtension.env(e, extra))
                .google();
    }

    /**
     * The configuration that selects a video back end: veo is Vertex AI (the fixture's default), omni the Gemini
     * API with a key. Tests parameterized by back end pass it to {@link #config} or {@link CliProcess#start}.
     */
    static String[] backendEnv(String backend) {
        return switch (backend) {
            case "veo" -> new String[] {"REELSMITH_GOOGLE_VERTEX", "true"};
            case "omni" -> new String[] {"REELSMITH_GOOGLE_VERTEX", "false"};
            default -> throw new IllegalArgumentException("no back end " + backend);
        };
    }

    /**
     * The emulator log kinds of billable video calls (veo: a clip, an extension, a new segment from a frame;
     * omni: a clip, a continuation through previous_interaction_id, a new chain from a frame).
     */
    static final Set<String> VIDEO_KINDS =
            Set.of("generate", "extend", "continue", "omni-generate", "omni-extend", "omni-first-frame");

    /** The checkpoint key (plus the attempt number) under which a back end journals its paid call's id before waiting. */
    static String journalKey(String backend) {
        return backend.equals("veo") ? "veo.operation." : "omni.interaction.";
    }

    static List<CallLog.Call> calls(GeminiEmulator e, String kind) {
        return GoogleEmulatorExtension.calls(e, kind);
    }

    static long billable(GeminiEmulator e, String kind) {
        return GoogleEmulatorExtension.billable(e, kind);
    }

    /**
     * Blocks 1 to {@code blocks} in order, each continuing the one before, as the pipeline makes them. {@code cps} holds
     * each block's checkpoint and is filled up to {@code blocks}: a "restarted" run given the same list resumes.
     */
    static List<BlockClip> makeBlocks(
            VideoMaker maker, Script script, Path character, Path dir, List<MemoryCheckpoint> cps, int blocks)
            throws IOException {
        List<BlockClip> clips = new ArrayList<>();
        BlockClip previous = null;
        for (int i = 0; i < blocks; i++) {
            if (i == cps.size()) cps.add(new MemoryCheckpoint());
            previous = maker.makeBlock(new BlockJob(script, i, character, previous, dir.resolve("blocks"), cps.get(i)));
            clips.add(previous);
        }
        return clips;
    }

    /** Yellow pixels (the shorts captions' spoken-word colour) in the lower half of the frame at {@code t}. */
    static int captionPixels(Path video, double t, Path dir) throws IOException {
        BufferedImage img = frame(video, t, dir);
        int count = 0;
        for (int y = img.getHeight() / 2; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (r > 200 && g > 180 && b < 80)
                    count++; // the emulator's frames never have this colour (see ContentFaker)
            }
        }
        return count;
    }

    /** The frame of {@code video} at {@code t} s, through a PNG in {@code dir}. */
    static BufferedImage frame(Path video, double t, Path dir) throws IOException {
        Path png = dir.resolve("frame.png");
        Ffmpeg.command()
                .input(video, "-ss", String.valueOf(t))
                .args("-frames:v", "1")
                .output(png)
                .run();
        return ImageIO.read(png.toFile());
    }

    /** A checkpoint in memory that a "restarted" adapter can be given again, as the journal would. */
    static final class MemoryCheckpoint implements Checkpoint {
        final Map<String, String> values = new ConcurrentHashMap<>();

        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        public void put(String key, String value) {
            values.put(key, value);
        }
    }
}
