package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.cli.Main;
import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.testkit.FastLocal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code reelsmith …} (io.reelsmith.cli.Main) as a child JVM pointed at the emulator, as a user would: in
 * Vertex AI mode with a bearer token (veo) unless {@link EmulatorFixture#backendEnv} says otherwise.
 */
final class CliProcess {
    private CliProcess() {}

    /** The theme most command tests film. */
    static final String THEME = "a treasure hunt in the park";

    /** {@code make --provider google --blocks N --out DIR}, then {@code more} (the job's theme, flags). */
    static String[] make(int blocks, Path out, String... more) {
        String[] head = {"make", "--provider", "google", "--blocks", String.valueOf(blocks), "--out", out.toString()};
        return concat(head, more);
    }

    /** {@link #make} with Nano, a cartoon banana, as the character, then {@code more}. */
    static String[] makeNano(int blocks, Path out, String... more) {
        return make(
                blocks,
                out,
                concat(new String[] {"--character-name", "Nano", "--character-description", "a cartoon banana"}, more));
    }

    /** {@link #makeNano} on {@link #THEME}, then {@code more}. */
    static String[] makeNanoInThePark(int blocks, Path out, String... more) {
        return makeNano(blocks, out, concat(new String[] {"--theme", THEME}, more));
    }

    static String[] concat(String[] first, String... then) {
        String[] all = Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }

    /**
     * The child's output once it ended with {@code exitCode} (the output is the failure's message). The 600 s are a
     * bound, not a wait: a pass never takes this long (180 s ran out at load 100).
     */
    static String finish(Process p, Path log, int exitCode) throws IOException, InterruptedException {
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("ended within 600 s").isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isEqualTo(exitCode);
        return output;
    }

    static Process start(GeminiEmulator e, Path ledger, Path log, String... args) throws IOException {
        return builder(e, ledger, log, args).start();
    }

    /** {@code env}: more variables (name, value, …), e.g. {@link EmulatorFixture#backendEnv}. */
    static Process start(GeminiEmulator e, Path ledger, Path log, String[] env, String... args) throws IOException {
        ProcessBuilder pb = builder(e, ledger, log, args);
        for (int i = 0; i + 1 < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
        return pb.start();
    }

    static ProcessBuilder builder(GeminiEmulator e, Path ledger, Path log, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the client compiler only and the serial collector, as ChildJvm: a short command on 2 shared cores starts
        // sooner
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("REELSMITH_GOOGLE_BASE_URL", e.baseUrl());
        pb.environment().put(FastLocal.ENV, FastLocal.VALUE);
        pb.environment().put("GEMINI_API_KEY", EmulatorOptions.DEFAULT_API_KEY);
        pb.environment().put("REELSMITH_GOOGLE_POLL_INTERVAL_MS", "200");
        pb.environment().put("REELSMITH_GOOGLE_BACKOFF_INITIAL_MS", "100");
        pb.environment().put("REELSMITH_SPEND_LEDGER", ledger.toString());
        pb.environment().put("REELSMITH_GOOGLE_VERTEX", "true");
        pb.environment().put("GOOGLE_CLOUD_PROJECT", "demo-project");
        pb.environment().put("REELSMITH_GOOGLE_ACCESS_TOKEN", "emulator-token");
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("REELSMITH_GOOGLE_") && k.endsWith("_MODEL")); // the catalogue's defaults
        return pb;
    }
}
