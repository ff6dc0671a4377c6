package io.reelsmith.emulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the emulator behaves. {@code latency} is how long a Veo operation stays not-done (Veo: 11 s – 6 min), the same
 * fixed time for every video call so that a run's wall time can be measured in call latencies; {@code imageLatency}
 * is how long an image generateContent call is held before it answers (0: at once);
 * {@code retention} is how long a generated file can be downloaded or extended (Veo: 2 days);
 * {@code width}x{@code height} is the 9:16 frame of its clips (Veo 720p: 720x1280; tests use smaller);
 * {@code words}: how much dialogue its text model writes into a script's block ({@link Words}).
 */
public record EmulatorOptions(
        int port,
        String apiKey,
        Duration latency,
        Duration retention,
        int width,
        int height,
        Path workDir,
        Duration imageLatency,
        Words words) {
    public static final String DEFAULT_API_KEY = "emulator-key";

    /**
     * How full a script's blocks are. Both keep the word budget the prompt asks for ("at most N words", per block or in
     * total); SHORT writes one short line a block (8 words in English, fewer where the budget is smaller), FULL writes
     * each block up to its budget (what a model asked for "at most 15 words" may well do: the case a plan must price).
     */
    public enum Words {
        SHORT,
        FULL
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions(
                0,
                DEFAULT_API_KEY,
                Duration.ofSeconds(2),
                Duration.ofDays(2),
                720,
                1280,
                null,
                Duration.ZERO,
                Words.SHORT);
    }

    public EmulatorOptions withPort(int p) {
        return new EmulatorOptions(p, apiKey, latency, retention, width, height, workDir, imageLatency, words);
    }

    public EmulatorOptions withApiKey(String k) {
        return new EmulatorOptions(port, k, latency, retention, width, height, workDir, imageLatency, words);
    }

    public EmulatorOptions withLatency(Duration d) {
        return new EmulatorOptions(port, apiKey, d, retention, width, height, workDir, imageLatency, words);
    }

    public EmulatorOptions withRetention(Duration d) {
        return new EmulatorOptions(port, apiKey, latency, d, width, height, workDir, imageLatency, words);
    }

    public EmulatorOptions withSize(int w, int h) {
        return new EmulatorOptions(port, apiKey, latency, retention, w, h, workDir, imageLatency, words);
    }

    public EmulatorOptions withImageLatency(Duration d) {
        return new EmulatorOptions(port, apiKey, latency, retention, width, height, workDir, d, words);
    }

    public EmulatorOptions withWorkDir(Path d) {
        return new EmulatorOptions(port, apiKey, latency, retention, width, height, d, imageLatency, words);
    }

    public EmulatorOptions withWords(Words w) {
        return new EmulatorOptions(port, apiKey, latency, retention, width, height, workDir, imageLatency, w);
    }
}
