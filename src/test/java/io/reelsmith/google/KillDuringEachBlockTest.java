package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.JsonlSpendLedger;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.testkit.TestScale;
import io.reelsmith.video.ParallelTake;
import io.reelsmith.video.veo.VeoRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reelsmith make --provider google} SIGKILLed while each video block is being polled, then run again:
 * the job completes and the emulator billed exactly one generation per block. In the suite, 2 blocks (a first
 * clip and an extension) per back end; {@code ./reelsmith bench resilience} runs 6: Veo's take then crosses Vertex's
 * 30 s source limit and block 6 starts a new segment from block 5's last frame, Omni's passes its 40 s continuation
 * chain and block 6 starts a new chain from block 5's last frame (VeoSegmentsTest and OmniEmulatorTest cross those
 * limits in the suite, without the kills). The parallel plan is killed during each of its steps, below. Each test runs
 * both back ends at once ({@link BackEnds}): a run mostly waits for its child JVMs and the emulator.
 */
class KillDuringEachBlockTest {
    static final int BLOCKS = TestScale.of(2, 6);

    @Test
    void killedDuringEveryBlockAndStillBilledOncePerBlock(@TempDir Path dir) throws Exception {
        BackEnds.atOnce(dir, KillDuringEachBlockTest::killedDuringEveryBlock);
    }

    static void killedDuringEveryBlock(String backend, Path dir) throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.start(
                EmulatorOptions.defaults().withLatency(Duration.ofMillis(2500)).withSize(180, 320))) {
            Path job = dir.resolve("job");
            Path journal = job.resolve(".reelsmith/journal.json");
            List<Integer> killedAt = new ArrayList<>();
            for (int block = 1; block <= BLOCKS; block++) {
                Path log = dir.resolve("run-" + block + ".log");
                Process p = make(emulator, backend, dir, job, log);
                String marker = "\"block-" + block + "." + EmulatorFixture.journalKey(backend) + "0\"";
                await("block " + block + " submitted")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(50))
                        .failFast("make died early", () -> !p.isAlive())
                        .until(() -> Files.exists(journal)
                                && Files.readString(journal).contains(marker));
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(Files.readString(log)).isEqualTo(137);
                killedAt.add(block);
            }
            Path lastLog = dir.resolve("run-final.log");
            Process last = make(emulator, backend, dir, job, lastLog);
            assertThat(last.waitFor(600, TimeUnit.SECONDS))
                    .isTrue(); // a bound, not a wait: a pass never takes this long (180 s ran out at load 100)
            assertThat(last.exitValue()).as(Files.readString(lastLog)).isZero();

            assertThat(killedAt).hasSize(BLOCKS);
            long videoCalls = emulator.log().calls().stream()
                    .filter(c -> EmulatorFixture.VIDEO_KINDS.contains(c.kind()))
                    .count();
            long videoBills = emulator.log().calls().stream()
                    .filter(c -> c.billable() && EmulatorFixture.VIDEO_KINDS.contains(c.kind()))
                    .count();
            assertThat(videoCalls)
                    .as("one submission per block, none repeated after a kill")
                    .isEqualTo(BLOCKS);
            assertThat(videoBills).isEqualTo(BLOCKS);
            assertThat(EmulatorFixture.billable(emulator, "image")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);
            MediaInfo m = MediaInfo.probe(job.resolve("final.mp4"));
            assertThat(m.height()).isEqualTo(1920);
            // 6 blocks: 4 extensions, then a new segment (chain) from block 5's last frame, which the two share
            int extensions = BLOCKS == 6 ? 4 : BLOCKS - 1, fromFrame = BLOCKS == 6 ? 1 : 0;
            String[] kinds = backend.equals("veo")
                    ? new String[] {"generate", "extend", "continue"}
                    : new String[] {"omni-generate", "omni-extend", "omni-first-frame"};
            assertThat(EmulatorFixture.billable(emulator, kinds[0])).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, kinds[1])).isEqualTo(extensions);
            assertThat(EmulatorFixture.billable(emulator, kinds[2])).isEqualTo(fromFrame);
            if (BLOCKS == 6) {
                // veo: a 36 s segment + an 8 s segment - the shared frame; omni: a 36 s chain + a 7 s chain - the
                // shared frame
                assertThat(m.seconds())
                        .isBetween(backend.equals("veo") ? 43.8 : 42.8, backend.equals("veo") ? 44.2 : 43.2);
            } else {
                assertThat(m.seconds()).isBetween(8 + 7.0 * (BLOCKS - 1) - 0.2, 8 + 7.0 * (BLOCKS - 1) + 0.3);
            }
        }
    }

    /**
     * The parallel plan, killed while each of its steps runs: while keyframe 1 is being drawn, while the other keyframes
     * are (drawn together), while the first clips run and the others wait for a slot (a kill in the middle of the
     * submits, with none of them in its round trip) and while the last ones run. 2 blocks with one slot in the suite,
     * 4 blocks with two under {@code bench resilience}. The job then
     * completes; every block was billed once, and every image drawn more than once (a kill inside an image call, which
     * Google bills) is in the ledger as uncertain spend: none paid silently.
     */
    @Test
    void parallelPlanKilledDuringEveryStepPaysForNoClipTwice(@TempDir Path dir) throws Exception {
        BackEnds.atOnce(dir, KillDuringEachBlockTest::parallelPlanKilledDuringEveryStep);
    }

    static void parallelPlanKilledDuringEveryStep(String backend, Path dir) throws Exception {
        int blocks = TestScale.of(2, 4), slots = TestScale.of(1, 2);
        EmulatorOptions options = EmulatorOptions.defaults()
                .withLatency(Duration.ofMillis(2500))
                .withImageLatency(Duration.ofMillis(1500))
                .withSize(180, 320);
        try (GeminiEmulator emulator = GeminiEmulator.start(options)) {
            Path job = dir.resolve("job");
            Path journal = job.resolve(".reelsmith/journal.json");
            String id = EmulatorFixture.journalKey(backend) + "0\"";
            List<Predicate<String>> killWhen = List.of(
                    j -> j.contains("\"keyframe-1.sending.0\""),
                    j -> j.contains("\"keyframe-2.sending.0\""),
                    j -> count(j, id) >= slots,
                    j -> count(j, id) == blocks);
            for (int i = 0; i < killWhen.size(); i++) {
                Path log = dir.resolve("run-" + i + ".log");
                Process p = makeParallel(emulator, backend, dir, job, log, blocks, slots);
                Predicate<String> when = killWhen.get(i);
                Callable<Boolean> reached = () -> Files.exists(journal) && when.test(Files.readString(journal));
                // a make that exited before its kill point fails now, not at the timeout; one that exited right
                // after reaching it counts as reached, as it is checked first
                await("kill point " + (i + 1))
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(20))
                        .failFast(
                                "make died early",
                                () -> assertThat(p.isAlive() || reached.call())
                                        .as(Files.readString(log))
                                        .isTrue())
                        .until(reached);
                p.destroyForcibly();
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isEqualTo(137);
            }
            Path lastLog = dir.resolve("run-final.log");
            Process last = makeParallel(emulator, backend, dir, job, lastLog, blocks, slots);
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(Files.readString(lastLog)).isZero();

            String kind = backend.equals("veo") ? "interpolate" : "omni-first-last";
            assertThat(EmulatorFixture.calls(emulator, kind))
                    .as("one clip per block, none submitted again after a kill")
                    .hasSize(blocks)
                    .allMatch(c -> c.billable());
            assertThat(emulator.log().calls().stream().filter(c -> EmulatorFixture.VIDEO_KINDS.contains(c.kind())))
                    .isEmpty();
            JsonlSpendLedger ledger = new JsonlSpendLedger(dir.resolve("spend.jsonl"));
            long uncertainImages = ledger.all().stream()
                    .filter(e -> e.status() == SpendStatus.UNCERTAIN
                            && e.purchase().kind().equals("image"))
                    .count();
            long charged = ledger.all().stream()
                    .filter(e -> e.status() == SpendStatus.CHARGED
                            && e.purchase().kind().equals("image"))
                    .count();
            assertThat(charged)
                    .as("the character and every keyframe, each charged once")
                    .isEqualTo(1 + blocks + 1);
            assertThat(uncertainImages)
                    .as("the keyframe calls the kills interrupted")
                    .isPositive();
            assertThat(EmulatorFixture.billable(emulator, "image"))
                    .as("every image Google drew is charged or uncertain in the ledger")
                    .isBetween(charged, charged + uncertainImages);
            assertThat(ledger.all().stream()
                            .filter(e -> e.step().startsWith("block-") && e.status() == SpendStatus.UNCERTAIN))
                    .isEmpty();
            MediaInfo m = MediaInfo.probe(job.resolve("final.mp4"));
            // the clips the plan gave the script's lines (Veo on Vertex AI: 4, 6 or 8 s; Omni: the blocks' own seconds)
            List<Integer> words = ParallelTake.words(ScriptJson.read(new Workspace(job).file(WorkspaceFile.SCRIPT)));
            List<Integer> clips = FirstLastPlan.clipSeconds(
                    Script.blockSeconds(blocks),
                    words,
                    backend.equals("veo") ? VeoRules.firstLastSeconds(true) : List.of(3, 4, 5, 6, 7, 8, 9, 10));
            double planned = clips.stream().mapToInt(Integer::intValue).sum(), joins = (blocks - 1) / 24.0;
            assertThat(m.seconds())
                    .as("every clip, each shared keyframe once")
                    .isBetween(planned - joins - 0.1, planned - joins + 0.1);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    static Process makeParallel(GeminiEmulator e, String backend, Path dir, Path job, Path log, int blocks, int slots)
            throws Exception {
        String[] env = CliProcess.concat(
                EmulatorFixture.backendEnv(backend), "REELSMITH_VEO_MAX_CONCURRENT", String.valueOf(slots));
        String[] args = CliProcess.makeNanoInThePark(blocks, job, "--yes", "--plan", "parallel");
        return CliProcess.start(e, dir.resolve("spend.jsonl"), log, env, args);
    }

    static Process make(GeminiEmulator e, String backend, Path dir, Path job, Path log) throws Exception {
        String[] args = CliProcess.makeNanoInThePark(BLOCKS, job, "--yes");
        return CliProcess.start(e, dir.resolve("spend.jsonl"), log, EmulatorFixture.backendEnv(backend), args);
    }
}
