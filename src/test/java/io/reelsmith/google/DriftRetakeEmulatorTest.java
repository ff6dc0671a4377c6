package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.pipeline.StepRecord;
import io.reelsmith.pipeline.StepRefusedException;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.gemini.GeminiDriftCheck;
import io.reelsmith.video.omni.OmniMaker;
import io.reelsmith.video.veo.VeoMaker;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The drift check with the real SDK against the emulator (Veo on Vertex AI, Omni on an API key): block 2's first take
 * shows another character (the emulator's drift fault); Gemini's vision answer scores it low, the block is made again
 * once (billed once more), the retake is kept, and block 3 and the take continue from it: every block's first frame
 * in the take is its kept clip's.
 */
class DriftRetakeEmulatorTest {
    @ParameterizedTest
    @ValueSource(strings = {"veo", "omni"})
    void aDriftedBlockIsMadeAgainOnceAndTheGoodTakeIsKept(String backend, @TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start()) {
            driftedBlockTwo(emulator, backend, dir);
        }
    }

    private static void driftedBlockTwo(GeminiEmulator emulator, String backend, Path dir) throws Exception {
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        Workspace ws = new Workspace(dir.resolve("job"));
        FileJournal journal = new FileJournal(ws.journal());
        JobSpec spec = spec();
        List<String> permits = new ArrayList<>();
        StepGate listener = step -> {
            if (step instanceof Step.Retake) permits.add(step.text());
        };
        try (GoogleProvider google = new GoogleProvider(
                EmulatorFixture.config(emulator, EmulatorFixture.backendEnv(backend)), ledger.forJob("job-d", "ann"))) {
            Pipeline pipeline =
                    new Pipeline(google.stages(null, CaptionStyle.SHORTS, new FinalRenderer("ultrafast", 35)));
            run(pipeline, spec, ws, journal, listener, "character", "script", "block-1");
            emulator.driftVideoCall(1); // the next video generation (block 2's first take) draws a stranger
            run(pipeline, spec, ws, journal, listener, "block-2", "block-3");

            StepRecord b2 = journal.step(Step.parse("block-2")).orElseThrow();
            assertThat(b2.outputs())
                    .containsEntry("drift.retake", "kept retake")
                    .containsEntry("drift.firstScore", "0.150")
                    .containsEntry("drift.score", "0.920");
            assertThat(b2.outputs().get("file")).isEqualTo(".reelsmith/retakes/block-02.mp4");
            assertThat(journal.step(Step.parse("block-1")).orElseThrow().outputs())
                    .containsEntry("drift.retake", "none")
                    .containsEntry("drift.score", "0.920");
            assertThat(journal.step(Step.parse("block-3")).orElseThrow().outputs())
                    .containsEntry("drift.retake", "none");
            assertThat(permits).containsExactly("block-2.retake");
            assertThat(ws.dir().resolve(b2.outputs().get("poster"))).exists();

            // Block 2's first take shows the stranger 3.5 s into its clip; the kept take and the joined take do not.
            assertThat(magentaShare(ws.blocks().resolve("block-02.mp4"), 3.5, dir))
                    .isGreaterThan(0.25);
            Path kept = ws.dir().resolve(b2.outputs().get("file"));
            assertThat(magentaShare(kept, 3.5, dir)).isLessThan(0.02);
            List<BlockClip> clips = new ArrayList<>();
            Stages stages = pipeline.stages();
            for (int i = 0; i < 3; i++) clips.add(clip(journal, ws, i));
            Path take = stages.video().assemble(clips, ws.work()).file();
            for (double t : new double[] {4, 9, 11.5, 14.5, 18})
                assertThat(magentaShare(take, t, dir)).as("take at %s s", t).isLessThan(0.02);
            // each block in its place: its first frame in the take is the first of its kept take's new seconds
            ChainPlan plan = ChainPlan.of(
                    Script.blockSeconds(3),
                    google.config().video(),
                    google.config().surface());
            double[] starts = FrameCheck.blockStarts(
                    take, clips, plan, backend.equals("omni") ? OmniMaker.FACT_ANSWER : VeoMaker.FACT_ANSWER, dir);
            assertThat(Arrays.stream(starts).boxed().toList())
                    .as("each block's first frame in the take against its clip's")
                    .allSatisfy(d -> assertThat(d).isLessThan(4.0));

            // A resumed block 2 (a crash after the retake, before the step was recorded done) pays for nothing again.
            int calls = emulator.log().calls().size();
            journal.reset(Step.parse("block-3"));
            var again = stages.drift()
                    .make(
                            stages.video(),
                            new BlockJob(
                                    ScriptJson.read(ws.file(WorkspaceFile.SCRIPT)),
                                    1,
                                    ws.character(),
                                    clips.get(0),
                                    ws.blocks(),
                                    journal.scoped("block-2")),
                            List.of(ws.character()),
                            ws.retakes(),
                            what -> "not asked");
            assertThat(again.retake()).isEqualTo("kept retake");
            assertThat(emulator.log()
                            .calls()
                            .subList(calls, emulator.log().calls().size()))
                    .noneMatch(CallLog.Call::billable);
        }
        // exactly one extra generation (block 2's retake), the drifted one marked, and a vision call per take looked at
        String kinds = backend.equals("omni") ? "omni-" : "";
        assertThat(EmulatorFixture.calls(emulator, kinds + "generate")).hasSize(1);
        List<CallLog.Call> extends_ = EmulatorFixture.calls(emulator, kinds + "extend");
        assertThat(extends_).hasSize(3).allMatch(CallLog.Call::billable);
        assertThat(extends_).filteredOn(c -> "drifted".equals(c.detail())).hasSize(1);
        assertThat(EmulatorFixture.billable(emulator, "vision")).isEqualTo(4);
        List<SpendEntry> entries = ledger.entries("job-d");
        assertThat(entries)
                .filteredOn(
                        e -> e.step().equals("block-2") && e.purchase().kind().equals("extend"))
                .hasSize(2);
        assertThat(entries)
                .filteredOn(e -> e.purchase().kind().equals(GeminiDriftCheck.KIND))
                .extracting(SpendEntry::step)
                .containsExactlyInAnyOrder("block-1", "block-2", "block-2.retake", "block-3");
    }

    @Test
    void aRetakeTheBudgetRefusesKeepsTheFirstTakeAndPaysNothingMore(@TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start()) {
            refusedRetake(emulator, dir);
        }
    }

    private static void refusedRetake(GeminiEmulator emulator, Path dir) throws Exception {
        Workspace ws = new Workspace(dir.resolve("job"));
        FileJournal journal = new FileJournal(ws.journal());
        StepGate broke = step -> {
            if (step instanceof Step.Retake)
                throw new StepRefusedException(
                        "budget", step + " would cost about $2.80 but your budget has $0.10 left");
        };
        try (GoogleProvider google = new GoogleProvider(
                EmulatorFixture.config(emulator), new InMemorySpendLedger().forJob("job-e", "bob"))) {
            Pipeline pipeline =
                    new Pipeline(google.stages(null, CaptionStyle.SHORTS, new FinalRenderer("ultrafast", 35)));
            run(pipeline, spec(), ws, journal, broke, "character", "script");
            emulator.driftVideoCall(1);
            run(pipeline, spec(), ws, journal, broke, "block-1");
        }
        assertThat(journal.step(Step.parse("block-1")).orElseThrow().outputs().get("drift.retake"))
                .startsWith("refused: ")
                .contains("budget has $0.10 left");
        assertThat(journal.step(Step.parse("block-1")).orElseThrow().outputs()).containsEntry("drift.score", "0.150");
        assertThat(EmulatorFixture.calls(emulator, "generate")).hasSize(1);
        assertThat(EmulatorFixture.billable(emulator, "vision")).isEqualTo(1);
    }

    private static JobSpec spec() {
        return new JobSpec(
                "a treasure hunt in the park",
                new CharacterProfile("Nano", "a cute cartoon banana", "cartoon"),
                3,
                "en");
    }

    private static void run(Pipeline p, JobSpec spec, Workspace ws, FileJournal journal, StepGate gate, String... steps)
            throws Exception {
        for (String s : steps) p.runStep(Step.parse(s), spec, ws, journal, StepListener.NONE, gate, 0, 1, () -> false);
    }

    private static BlockClip clip(FileJournal journal, Workspace ws, int i) {
        Map<String, String> out = journal.step(Step.block(i)).orElseThrow().outputs();
        Map<String, String> facts = new HashMap<>();
        out.forEach((k, v) -> {
            if (k.startsWith("fact.")) facts.put(k.substring(5), v);
        });
        return new BlockClip(
                i, ws.dir().resolve(out.get("file")), Double.parseDouble(out.get("seconds")), List.of(), facts);
    }

    /** The share of the emulator's drift mark (magenta) in the frame at {@code t}. */
    static double magentaShare(Path video, double t, Path dir) throws Exception {
        BufferedImage img = EmulatorFixture.frame(video, t, dir);
        int hits = 0, n = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                int rgb = img.getRGB(x, y), r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (r > 190 && b > 190 && g < 90) hits++;
                n++;
            }
        }
        return hits / (double) n;
    }
}
