package io.reelsmith.google;

import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.testkit.TestScale;
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
import static org.awaitility.Awaitility.await;

/**
 * {@code reelsmith make --provider google} SIGKILLed while each video block is being polled, then run again:
 * the job completes and the emulator billed exactly one generation per block. In the suite, 2 blocks (a first
 * clip and an extension) per back end; {@code ./reelsmith bench resilience} runs 6: Veo's take then crosses Vertex's
 * 30 s source limit and block 6 starts a new segment from block 5's last frame, Omni's passes its 40 s continuation
 * chain and block 6 starts a new chain from block 5's last frame (VeoSegmentsTest and OmniEmulatorTest cross those
 * limits in the suite, without the kills).
 */
class KillDuringEachBlockTest {
    static final int BLOCKS = TestScale.of(2, 6);

    @ParameterizedTest
    @ValueSource(strings = {"veo", "omni"})
    void killedDuringEveryBlockAndStillBilledOncePerBlock(String backend, @TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorOptions.defaults().withLatency(Duration.ofMillis(2500)).withSize(180, 320))) {
            Path job = dir.resolve("job");
            Path journal = job.resolve(".reelsmith/journal.json");
            List<Integer> killedAt = new ArrayList<>();
            for (int block = 1; block <= BLOCKS; block++) {
                Path log = dir.resolve("run-" + block + ".log");
                Process p = make(emulator, backend, dir, job, log);
                String marker = "\"block-" + block + "." + EmulatorFixture.journalKey(backend) + "0\"";
                await("block " + block + " submitted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                        .failFast("make died early", () -> !p.isAlive())
                        .until(() -> Files.exists(journal) && Files.readString(journal).contains(marker));
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(Files.readString(log)).isEqualTo(137);
                killedAt.add(block);
            }
            Path lastLog = dir.resolve("run-final.log");
            Process last = make(emulator, backend, dir, job, lastLog);
            assertThat(last.waitFor(600, TimeUnit.SECONDS)).isTrue(); // a bound, not a wait: a pass never takes this long (180 s ran out at load 100)
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
            // 6 blocks: 4 extensions, then a new segment (chain) from block 5's last frame, which the two share
            int extensions = BLOCKS == 6 ? 4 : BLOCKS - 1, fromFrame = BLOCKS == 6 ? 1 : 0;
            String[] kinds = backend.equals("veo") ? new String[]{"generate", "extend", "continue"}
                    : new String[]{"omni-generate", "omni-extend", "omni-first-frame"};
            assertThat(EmulatorFixture.billable(emulator, kinds[0])).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, kinds[1])).isEqualTo(extensions);
            assertThat(EmulatorFixture.billable(emulator, kinds[2])).isEqualTo(fromFrame);
            if (BLOCKS == 6) {
                // veo: a 36 s segment + an 8 s segment - the shared frame; omni: a 36 s chain + a 7 s chain - the shared frame
                assertThat(m.seconds()).isBetween(backend.equals("veo") ? 43.8 : 42.8, backend.equals("veo") ? 44.2 : 43.2);
            } else {
                assertThat(m.seconds()).isBetween(8 + 7.0 * (BLOCKS - 1) - 0.2, 8 + 7.0 * (BLOCKS - 1) + 0.3);
            }
        }
    }

    static Process make(GeminiEmulator e, String backend, Path dir, Path job, Path log) throws Exception {
        return CliProcess.start(e, dir.resolve("spend.jsonl"), log, EmulatorFixture.backendEnv(backend), "make", "--provider", "google", "--yes",
                "--theme", "a treasure hunt in the park", "--character-name", "Nano", "--character-description", "a cartoon banana",
                "--blocks", String.valueOf(BLOCKS), "--out", job.toString());
    }
}
