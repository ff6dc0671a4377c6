package io.reelsmith.google;

import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.Checkpoint;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small, fast emulator (180x320 clips, 300 ms latency) and a config pointing the real SDK at it: Vertex AI mode
 * (veo) with a bearer token, as Google serves Veo today; pass {@code "REELSMITH_GOOGLE_VERTEX", "false"} for the
 * Gemini API with a key.
 */
final class EmulatorFixture {
    private EmulatorFixture() { }

    static GeminiEmulator start() throws IOException {
        return GeminiEmulator.start(EmulatorOptions.defaults().withLatency(Duration.ofMillis(300)).withSize(180, 320));
    }

    static GoogleConfig config(GeminiEmulator e, String... extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "REELSMITH_GOOGLE_BASE_URL", e.baseUrl(),
                "GEMINI_API_KEY", EmulatorOptions.DEFAULT_API_KEY,
                "REELSMITH_GOOGLE_POLL_INTERVAL_MS", "100",
                "REELSMITH_GOOGLE_BACKOFF_INITIAL_MS", "50",
                "REELSMITH_GOOGLE_BACKOFF_MAX_MS", "200",
                "REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS", "30",
                "REELSMITH_GOOGLE_REQUEST_TIMEOUT_SECONDS", "20",
                "REELSMITH_GOOGLE_VERTEX", "true",
                "GOOGLE_CLOUD_PROJECT", "demo-project",
                "REELSMITH_GOOGLE_ACCESS_TOKEN", "emulator-token"));
        for (int i = 0; i + 1 < extra.length; i += 2) env.put(extra[i], extra[i + 1]);
        return GoogleConfig.fromEnv(env);
    }

    /**
     * The configuration that selects a video back end: veo is Vertex AI (the fixture's default), omni the Gemini
     * API with a key. Tests parameterized by back end pass it to {@link #config} or {@link CliProcess#start}.
     */
    static String[] backendEnv(String backend) {
        return switch (backend) {
            case "veo" -> new String[]{"REELSMITH_GOOGLE_VERTEX", "true"};
            case "omni" -> new String[]{"REELSMITH_GOOGLE_VERTEX", "false"};
            default -> throw new IllegalArgumentException("no back end " + backend);
        };
    }

    /**
     * The emulator log kinds of billable video calls (veo: a clip, an extension, a new segment from a frame;
     * omni: a clip, a continuation through previous_interaction_id, a new chain from a frame).
     */
    static final java.util.Set<String> VIDEO_KINDS = java.util.Set.of("generate", "extend", "continue", "omni-generate", "omni-extend", "omni-first-frame");

    /** The checkpoint key (plus the attempt number) under which a back end journals its paid call's id before waiting. */
    static String journalKey(String backend) {
        return backend.equals("veo") ? "veo.operation." : "omni.interaction.";
    }

    static List<CallLog.Call> calls(GeminiEmulator e, String kind) {
        return e.log().calls().stream().filter(c -> c.kind().equals(kind)).toList();
    }

    static long billable(GeminiEmulator e, String kind) {
        return calls(e, kind).stream().filter(CallLog.Call::billable).count();
    }

    /** Yellow pixels (the shorts captions' spoken-word colour) in the lower half of the frame at {@code t}. */
    static int captionPixels(java.nio.file.Path video, double t, java.nio.file.Path dir) throws IOException {
        java.nio.file.Path png = dir.resolve("frame.png");
        io.reelsmith.kernel.Ffmpeg.command().input(video, "-ss", String.valueOf(t)).args("-frames:v", "1").output(png).run();
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int count = 0;
        for (int y = img.getHeight() / 2; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (r > 200 && g > 180 && b < 80) count++; // the emulator's frames never have this colour (see ContentFaker)
            }
        }
        return count;
    }

    /** A checkpoint in memory that a "restarted" adapter can be given again, as the journal would. */
    static final class MemoryCheckpoint implements Checkpoint {
        final Map<String, String> values = new ConcurrentHashMap<>();

        public Optional<String> get(String key) { return Optional.ofNullable(values.get(key)); }

        public void put(String key, String value) { values.put(key, value); }
    }
}
