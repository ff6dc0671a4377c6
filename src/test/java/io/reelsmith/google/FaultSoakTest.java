package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.Fault;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.testkit.TestScale;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs (character, script, 2 Veo blocks) with faults of every kind on 30% of calls: each ends done or failed
 * with a readable reason, none outlives its timeouts, and no block's generation is billed twice. The suite runs
 * 8 jobs per back end, both back ends at once ({@link BackEnds}); {@code ./reelsmith bench resilience} 20.
 */
class FaultSoakTest {
    static final int JOBS = TestScale.of(8, 20), BLOCKS = 2;

    record Outcome(String job, String failure, long millis, List<EmulatorFixture.MemoryCheckpoint> checkpoints) {}

    @Test
    void twentyJobsUnderThirtyPercentFaults(@TempDir Path dir) throws Exception {
        BackEnds.atOnce(dir, FaultSoakTest::jobsUnderThirtyPercentFaults);
    }

    static void jobsUnderThirtyPercentFaults(String backend, Path dir) throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start()) {
            emulator.faults().set(0.3, List.of(Fault.values()), 2026);
            String[] env = EmulatorFixture.backendEnv(backend);
            GoogleConfig config = EmulatorFixture.config(
                    emulator, "REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS", "10", env[0], env[1]);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int j = 0; j < JOBS; j++) {
                String job = "job-" + j;
                futures.add(pool.submit(() -> runJob(config, dir.resolve(job), job)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) outcomes.add(f.get());
            pool.shutdown();

            // per job: 10 s per block operation + retries/backoff of each call (≤ 6 x 200 ms) + encoding
            long bound = BLOCKS * 10_000L * 2 + 15_000L;
            for (Outcome o : outcomes) {
                assertThat(o.millis()).as(o.job()).isLessThan(bound);
                if (o.failure() != null)
                    assertThat(o.failure()).as(o.job()).isNotBlank().doesNotContain("null");
            }
            long done = outcomes.stream().filter(o -> o.failure() == null).count();
            System.out.println("soak " + backend + ": " + done + " done, " + (JOBS - done) + " failed: "
                    + outcomes.stream()
                            .filter(o -> o.failure() != null)
                            .map(o -> o.job() + ": " + o.failure())
                            .collect(Collectors.joining(" | ")));
            assertThat(done).isGreaterThan(0);
            // the faults really bit: calls were refused, and at full size some jobs failed (8 jobs may all come
            // through)
            assertThat(emulator.log().calls()).anyMatch(c -> c.status() >= 400);
            if (TestScale.full())
                assertThat(outcomes.stream().filter(o -> o.failure() != null)).isNotEmpty();

            // Every billed generation belongs to exactly one block's checkpoint, and no block has two.
            Map<String, String> blockOfOperation = new ConcurrentHashMap<>();
            for (Outcome o : outcomes) {
                for (int b = 0; b < o.checkpoints().size(); b++) {
                    String block = o.job() + "/block-" + (b + 1);
                    o.checkpoints().get(b).values.forEach((k, v) -> {
                        if (k.startsWith(EmulatorFixture.journalKey(backend))) blockOfOperation.put(v, block);
                    });
                }
            }
            List<CallLog.Call> billed = emulator.log().calls().stream()
                    .filter(c -> c.billable() && EmulatorFixture.VIDEO_KINDS.contains(c.kind()))
                    .toList();
            Map<String, Long> billsPerBlock = billed.stream()
                    .collect(Collectors.groupingBy(
                            c -> blockOfOperation.getOrDefault(c.operation(), "orphan " + c.operation()),
                            Collectors.counting()));
            assertThat(billsPerBlock.keySet()).noneMatch(k -> k.startsWith("orphan"));
            assertThat(billsPerBlock.values()).allMatch(n -> n == 1);
        }
    }

    static Outcome runJob(GoogleConfig config, Path dir, String job) {
        long t0 = System.nanoTime();
        List<EmulatorFixture.MemoryCheckpoint> cps = new ArrayList<>();
        try (GoogleProvider g = new GoogleProvider(config, SpendLedger.Recorder.NONE)) {
            CharacterProfile p = new CharacterProfile("Nano", "a banana " + job, null);
            Path character = Files.write(
                    Files.createDirectories(dir).resolve("character.png"),
                    g.characterImages().create(p));
            Script script = g.scriptWriter().write(new ScriptRequest("a walk in the rain", p, BLOCKS, "en"));
            BlockClip prev = null;
            for (int i = 0; i < BLOCKS; i++) {
                var cp = new EmulatorFixture.MemoryCheckpoint();
                cps.add(cp);
                prev = g.videoMaker().makeBlock(new BlockJob(script, i, character, prev, dir.resolve("blocks"), cp));
            }
            return new Outcome(job, null, (System.nanoTime() - t0) / 1_000_000, cps);
        } catch (Exception e) {
            return new Outcome(job, e.getMessage(), (System.nanoTime() - t0) / 1_000_000, cps);
        }
    }
}
