package io.reelsmith.emulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the emulator behaves. {@code latency} is how long a Veo operation stays not-done (Veo: 11 s – 6 min), the same
 * fixed time for every video call so that a run's wall time can be measured in call latencies; {@code imageLatency}
 * is how long an image generateContent call is held before it answers (0: at once);
 * {@code retention} is how long a generated file can be downloaded or extended (Veo: 2 days);
 * {@code width}x{@code height} is the 9:16 frame of its clips (Veo 720p: 720x1280; tests use smaller).
 */
public record EmulatorOptions(
        int port,
        String apiKey,
        Duration latency,
        Duration retention,
        int width,
        int height,
        Path workDir,
        Duration imageLatency) {
    public static final String DEFAULT_API_KEY = "emulator-key";

    public static EmulatorOptions defaults() {
        return new EmulatorOptions(
                0, DEFAULT_API_KEY, Duration.ofSeconds(2), Duration.ofDays(2), 720, 1280, null, Duration.ZERO);
    }

    public EmulatorOptions withPort(int p) {
        return new EmulatorOptions(p, apiKey, latency, retention, width, height, workDir, imageLatency);
    }

    public EmulatorOptions withApiKey(String k) {
        return new EmulatorOptions(port, k, latency, retention, width, height, workDir, imageLatency);
    }

    public EmulatorOptions withLatency(Duration d) {
        return new EmulatorOptions(port, apiKey, d, retention, width, height, workDir, imageLatency);
    }

    public EmulatorOptions withRetention(Duration d) {
        return new EmulatorOptions(port, apiKey, latency, d, width, height, workDir, imageLatency);
    }

    public EmulatorOptions withSize(int w, int h) {
        return new EmulatorOptions(port, apiKey, latency, retention, w, h, workDir, imageLatency);
    }

    public EmulatorOptions withImageLatency(Duration d) {
        return new EmulatorOptions(port, apiKey, latency, retention, width, height, workDir, d);
    }

    public EmulatorOptions withWorkDir(Path d) {
        return new EmulatorOptions(port, apiKey, latency, retention, width, height, d, imageLatency);
    }
}
