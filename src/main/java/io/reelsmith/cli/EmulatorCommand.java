package io.reelsmith.cli;

import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.Fault;
import io.reelsmith.emulator.GeminiEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelsmith emulator --port P}: a local Gemini API (text, image, Veo) for trying the google provider offline. */
@Command(
        name = "emulator",
        description = {
            "Runs a local emulator of the Gemini API (generateContent, Veo predictLongRunning, operations, files).",
            "Point the google provider at it: REELSMITH_GOOGLE_BASE_URL=http://127.0.0.1:P GEMINI_API_KEY=<key>.",
            "Call log: GET /_emulator/log. Faults: POST /_emulator/faults {\"rate\":0.3,\"kinds\":[\"429\",\"500\",\"safety\",\"never\",\"slow\",\"empty\"],\"next\":[…]}."
        })
public final class EmulatorCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            defaultValue = "8089",
            description = "TCP port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--api-key",
            defaultValue = EmulatorOptions.DEFAULT_API_KEY,
            description = "The only key accepted (default ${DEFAULT-VALUE}).")
    String apiKey;

    @Option(
            names = "--latency-ms",
            defaultValue = "2000",
            description =
                    "How long every video call (Veo operation, Omni interaction) stays running (default ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(
            names = "--image-latency-ms",
            defaultValue = "0",
            description = "How long an image call is held before it answers (default ${DEFAULT-VALUE}).")
    long imageLatencyMs;

    @Option(
            names = "--retention-seconds",
            defaultValue = "172800",
            description = "How long generated videos stay downloadable/extendable (default 2 days).")
    long retentionSeconds;

    @Option(
            names = "--size",
            defaultValue = "720x1280",
            description = "Frame size of the 9:16 clips (default ${DEFAULT-VALUE}, Veo's 720p).")
    String size;

    @Option(names = "--fault-rate", defaultValue = "0", description = "Probability that a call fails (0..1).")
    double faultRate;

    @Option(
            names = "--faults",
            split = ",",
            description = "Fault kinds for --fault-rate: 429,500,safety,never,slow,empty.")
    List<String> faultKinds = new ArrayList<>();

    @Option(names = "--work-dir", description = "Where generated clips are kept (default: a temp directory).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        String[] wh = size.toLowerCase().split("x");
        EmulatorOptions o = EmulatorOptions.defaults()
                .withPort(port)
                .withApiKey(apiKey)
                .withLatency(Duration.ofMillis(latencyMs))
                .withImageLatency(Duration.ofMillis(imageLatencyMs))
                .withRetention(Duration.ofSeconds(retentionSeconds))
                .withSize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]))
                .withWorkDir(workDir);
        GeminiEmulator emulator = GeminiEmulator.start(o);
        try {
            emulator.faults()
                    .set(faultRate, faultKinds.stream().map(Fault::parse).toList(), 1);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        System.out.println("Gemini API emulator listening on " + emulator.baseUrl() + " (key: " + apiKey + ")");
        System.out.flush();
        UntilStopped.run(emulator);
        return 0;
    }
}
