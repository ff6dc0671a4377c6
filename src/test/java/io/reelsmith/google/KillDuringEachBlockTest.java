package io.reelsmith.google;

import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.render.MediaInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reelsmith make --provider google} SIGKILLed while each Veo block is being polled, then run again:
 * the job completes and the emulator billed exactly one generation per block.
 */
class KillDuringEachBlockTest {
    static final int BLOCKS = 4;

    @Test
    void killedDuringEveryBlockAndStillBilledOncePerBlock(@TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorOptions.defaults().withLatency(Duration.ofMillis(2500)).withSize(180, 320))) {
            Path job = dir.resolve("job");
            Path journal = job.resolve(".reelsmith/journal.json");
            List<Integer> killedAt = new ArrayList<>();
            for (int block = 1; block <= BLOCKS; block++) {
                Path log = dir.resolve("run-" + block + ".log");
                Process p = make(emulator, dir, job, log);
                String marker = "\"block-" + block + ".veo.operation.0\"";
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
            Process last = make(emulator, dir, job, lastLog);
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(Files.readString(lastLog)).isZero();

            assertThat(killedAt).containsExactly(1, 2, 3, 4);
            assertThat(EmulatorFixture.billable(emulator, "generate")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "extend")).isEqualTo(3);
            assertThat(EmulatorFixture.calls(emulator, "generate").size() + EmulatorFixture.calls(emulator, "extend").size()).isEqualTo(4);
            assertThat(EmulatorFixture.billable(emulator, "image")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);
            MediaInfo m = MediaInfo.probe(job.resolve("final.mp4"));
            assertThat(m.seconds()).isBetween(28.8, 29.3);
            assertThat(m.height()).isEqualTo(1920);
        }
    }

    static Process make(GeminiEmulator e, Path dir, Path job, Path log) throws Exception {
        return CliProcess.start(e, dir.resolve("spend.jsonl"), log, "make", "--provider", "google", "--yes", "--theme", "a treasure hunt in the park",
                "--character-name", "Nano", "--character-description", "a cartoon banana", "--blocks", String.valueOf(BLOCKS), "--out", job.toString());
    }
}
