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
 * SIGKILL the process while each Veo block is being polled, restart it: the job completes and the emulator
 * billed exactly one generation per block.
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
                Process p = start(emulator, job, dir.resolve("run-" + block + ".log"));
                String marker = "\"block-" + block + ".veo.operation.0\"";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!(Files.exists(journal) && Files.readString(journal).contains(marker))) {
                    assertThat(p.isAlive()).as("runner died early: " + Files.readString(dir.resolve("run-" + block + ".log"))).isTrue();
                    assertThat(System.nanoTime()).as("block %d never submitted", block).isLessThan(deadline);
                    Thread.sleep(50);
                }
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isEqualTo(137);
                killedAt.add(block);
            }
            Process last = start(emulator, job, dir.resolve("run-final.log"));
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("run-final.log"))).isZero();

            assertThat(killedAt).containsExactly(1, 2, 3, 4);
            assertThat(EmulatorFixture.billable(emulator, "generate")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "extend")).isEqualTo(3);
            assertThat(EmulatorFixture.calls(emulator, "generate").size() + EmulatorFixture.calls(emulator, "extend").size()).isEqualTo(4);
            assertThat(EmulatorFixture.billable(emulator, "image")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);
            assertThat(MediaInfo.probe(new io.reelsmith.pipeline.Workspace(job).blocks().resolve("block-04.mp4")).seconds()).isBetween(28.8, 29.3);
        }
    }

    static Process start(GeminiEmulator e, Path job, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), GoogleStepsRunner.class.getName(),
                job.toString(), String.valueOf(BLOCKS)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("REELSMITH_GOOGLE_BASE_URL", e.baseUrl());
        pb.environment().put("GEMINI_API_KEY", EmulatorOptions.DEFAULT_API_KEY);
        pb.environment().put("REELSMITH_GOOGLE_POLL_INTERVAL_MS", "200");
        pb.environment().put("REELSMITH_GOOGLE_BACKOFF_INITIAL_MS", "100");
        return pb.start();
    }
}
