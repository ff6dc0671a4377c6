package io.reelsmith.google;

import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.render.MediaInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reelsmith make --provider google} SIGKILLed while each block's paid call (a Veo operation, an Omni
 * interaction) is being polled, then run again: the job completes and the emulator billed exactly one call per block.
 */
class KillDuringEachBlockTest {
    static final int BLOCKS = 4;

    /** What each back end journals before it waits, and how the emulator logs its first and later blocks. */
    enum Backend {
        VEO("veo.operation.0", "generate", "extend", "REELSMITH_GOOGLE_VERTEX", "true", "GOOGLE_CLOUD_PROJECT", "demo-project",
                "REELSMITH_GOOGLE_ACCESS_TOKEN", "emulator-token"), // Veo is served on Vertex AI only
        OMNI("omni.interaction.0", "omni-generate", "omni-extend", "REELSMITH_GOOGLE_VIDEO_MODEL", OmniLimits.OMNI_FLASH);

        final String journalKey, firstKind, laterKind;
        final String[] env;

        Backend(String journalKey, String firstKind, String laterKind, String... env) {
            this.journalKey = journalKey;
            this.firstKind = firstKind;
            this.laterKind = laterKind;
            this.env = env;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void killedDuringEveryBlockAndStillBilledOncePerBlock(Backend backend, @TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorOptions.defaults().withLatency(Duration.ofMillis(2500)).withSize(180, 320))) {
            Path job = dir.resolve("job");
            Path journal = job.resolve(".reelsmith/journal.json");
            List<Integer> killedAt = new ArrayList<>();
            for (int block = 1; block <= BLOCKS; block++) {
                Path log = dir.resolve("run-" + block + ".log");
                Process p = make(backend, emulator, dir, job, log);
                String marker = "\"block-" + block + "." + backend.journalKey + "\"";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!(Files.exists(journal) && Files.readString(journal).contains(marker))) {
                    assertThat(p.isAlive()).as("make died early: " + Files.readString(log)).isTrue();
                    assertThat(System.nanoTime()).as("block %d never submitted", block).isLessThan(deadline);
                    Thread.sleep(50);
                }
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isEqualTo(137);
                killedAt.add(block);
            }
            Path lastLog = dir.resolve("run-final.log");
            Process last = make(backend, emulator, dir, job, lastLog);
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(Files.readString(lastLog)).isZero();

            assertThat(killedAt).containsExactly(1, 2, 3, 4);
            assertThat(EmulatorFixture.billable(emulator, backend.firstKind)).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, backend.laterKind)).isEqualTo(3);
            assertThat(EmulatorFixture.calls(emulator, backend.firstKind).size() + EmulatorFixture.calls(emulator, backend.laterKind).size()).isEqualTo(4);
            assertThat(EmulatorFixture.billable(emulator, "image")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);
            MediaInfo m = MediaInfo.probe(job.resolve("final.mp4"));
            assertThat(m.seconds()).isBetween(28.8, 29.3);
            assertThat(m.height()).isEqualTo(1920);
        }
    }

    static Process make(Backend backend, GeminiEmulator e, Path dir, Path job, Path log) throws Exception {
        ProcessBuilder pb = CliProcess.builder(e, dir.resolve("spend.jsonl"), log, "make", "--provider", "google", "--yes", "--theme", "a treasure hunt in the park",
                "--character-name", "Nano", "--character-description", "a cartoon banana", "--blocks", String.valueOf(BLOCKS), "--out", job.toString());
        for (int i = 0; i + 1 < backend.env.length; i += 2) pb.environment().put(backend.env[i], backend.env[i + 1]);
        return pb.start();
    }
}
