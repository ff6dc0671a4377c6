package io.reelsmith.google;

import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.MediaInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reelsmith make --provider google} SIGKILLed while each video block is being polled, then run again:
 * the job completes and the emulator billed exactly one generation per block. Veo: 6 blocks, so the take
 * crosses Vertex's 30 s source limit and block 6 starts a new segment from block 5's last frame.
 * Omni: 6 blocks, so the take passes its 40 s continuation chain and block 6 starts a new chain from block 5's last frame.
 */
class KillDuringEachBlockTest {
    static int blocks(String backend) {
        return 6;
    }

    @ParameterizedTest
    @ValueSource(strings = {"veo", "omni"})
    void killedDuringEveryBlockAndStillBilledOncePerBlock(String backend, @TempDir Path dir) throws Exception {
        int BLOCKS = blocks(backend);
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorOptions.defaults().withLatency(Duration.ofMillis(2500)).withSize(180, 320))) {
            Path job = dir.resolve("job");
            Path journal = job.resolve(".reelsmith/journal.json");
            List<Integer> killedAt = new ArrayList<>();
            for (int block = 1; block <= BLOCKS; block++) {
                Path log = dir.resolve("run-" + block + ".log");
                Process p = make(emulator, backend, dir, job, log);
                String marker = "\"block-" + block + "." + EmulatorFixture.journalKey(backend) + "0\"";
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
            Process last = make(emulator, backend, dir, job, lastLog);
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(Files.readString(lastLog)).isZero();

            assertThat(killedAt).hasSize(BLOCKS);
            long videoCalls = emulator.log().calls().stream().filter(c -> EmulatorFixture.VIDEO_KINDS.contains(c.kind())).count();
            long videoBills = emulator.log().calls().stream().filter(c -> c.billable() && EmulatorFixture.VIDEO_KINDS.contains(c.kind())).count();
            assertThat(videoCalls).as("one submission per block, none repeated after a kill").isEqualTo(BLOCKS);
            assertThat(videoBills).isEqualTo(BLOCKS);
            assertThat(EmulatorFixture.billable(emulator, "image")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);
            MediaInfo m = MediaInfo.probe(job.resolve("final.mp4"));
            assertThat(m.height()).isEqualTo(1920);
            if (backend.equals("veo")) {
                assertThat(EmulatorFixture.billable(emulator, "generate")).isEqualTo(1);
                assertThat(EmulatorFixture.billable(emulator, "extend")).isEqualTo(4);
                assertThat(EmulatorFixture.billable(emulator, "continue")).isEqualTo(1);
                assertThat(m.seconds()).isBetween(43.8, 44.2); // 36 s segment + 8 s segment - the shared frame
            } else {
                assertThat(EmulatorFixture.billable(emulator, "omni-generate")).isEqualTo(1);
                assertThat(EmulatorFixture.billable(emulator, "omni-extend")).isEqualTo(4);
                assertThat(EmulatorFixture.billable(emulator, "omni-first-frame")).isEqualTo(1);
                assertThat(m.seconds()).isBetween(42.8, 43.2); // 36 s chain + 7 s chain - the shared frame
            }
        }
    }

    static Process make(GeminiEmulator e, String backend, Path dir, Path job, Path log) throws Exception {
        return CliProcess.start(e, dir.resolve("spend.jsonl"), log, EmulatorFixture.backendEnv(backend), "make", "--provider", "google", "--yes",
                "--theme", "a treasure hunt in the park", "--character-name", "Nano", "--character-description", "a cartoon banana",
                "--blocks", String.valueOf(blocks(backend)), "--out", job.toString());
    }
}
