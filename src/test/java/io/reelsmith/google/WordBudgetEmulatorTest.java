package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.money.GooglePlan;
import io.reelsmith.app.money.ParallelPlan;
import io.reelsmith.app.money.PlanComparison;
import io.reelsmith.app.money.SpendLimits;
import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import io.reelsmith.video.ParallelTake;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel plan tells the script writer its word budget, so the clips it then films bill what the continuous take
 * bills. The emulator's writer fills every block up to the budget it is sent (the worst case: a model asked for "at most
 * 15 words" may use them all); only the character and the script are made, no video is paid for. An edited script that
 * breaks the budget is priced from its own words before any video call.
 */
class WordBudgetEmulatorTest {
    @RegisterExtension
    static final GoogleEmulatorExtension gemini =
            new GoogleEmulatorExtension(GoogleEmulatorExtension.QUICK.withWords(EmulatorOptions.Words.FULL));

    @ParameterizedTest
    @ValueSource(strings = {"veo", "omni"})
    void aFullScriptKeepsItsBudgetAndItsClipsBillTheContinuousSeconds(String backend, @TempDir Path dir)
            throws Exception {
        GoogleConfig config = gemini.config(EmulatorFixture.backendEnv(backend));
        ParallelRun run = ParallelRun.until(config, 8, Step.SCRIPT, dir);
        Workspace ws = run.ws();

        List<Integer> words = ParallelTake.words(ScriptJson.read(ws.file(WorkspaceFile.SCRIPT)));
        assertThat(words)
                .as("Vertex films 4/6/8 s: the blocks the take's timing films in 6 s get at most 12 words")
                .isEqualTo(
                        backend.equals("veo") ? List.of(15, 15, 12, 15, 12, 15, 12, 15) : Collections.nCopies(8, 15));
        assertThat(gemini.billable("text")).as("one script call").isEqualTo(1);
        assertThat(videoCalls()).as("no video paid for").isZero();

        PlanComparison plans = PlanComparison.of(config, 8, 0, false, words);
        double continuous = plans.of(TakePlan.CONTINUOUS).billedSeconds();
        assertThat(plans.of(TakePlan.PARALLEL).billedSeconds())
                .as("the clips this script gets bill what the continuous take bills (Vertex 58 s, Omni 57 s)")
                .isEqualTo(continuous)
                .isEqualTo(backend.equals("veo") ? 58 : 57);

        // the user edits block 3 to 15 words: its clip is sized from them (8 s), and the estimate shows it
        Script written = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT));
        List<Block> blocks = new ArrayList<>(written.blocks());
        Block third = blocks.get(2);
        blocks.set(
                2,
                new Block(
                        third.number(),
                        List.of(new DialogueLine(
                                "Nano",
                                "One two three four five six seven eight nine ten eleven twelve thirteen"
                                        + " fourteen fifteen")),
                        third.visual(),
                        third.sound()));
        ScriptJson.write(new Script(written.title(), written.language(), blocks), ws.file(WorkspaceFile.SCRIPT));
        GooglePlan edited = GooglePlan.of(config, SpendLimits.NONE, run.spec(), ws);
        List<Integer> clips = ParallelPlan.of(config, 8, edited.words()).clipSeconds();
        if (backend.equals("veo")) {
            assertThat(clips.get(2))
                    .as("15 words need 7 s: an 8 s clip, never cut")
                    .isEqualTo(8);
            assertThat(edited.plans().of(TakePlan.PARALLEL).billedSeconds()).isGreaterThan(continuous);
        } else {
            assertThat(clips).isEqualTo(Script.blockSeconds(8));
        }
        assertThat(edited.estimate().lines().stream()
                        .filter(l -> l.unit().equals("second"))
                        .mapToDouble(CostEstimate.Line::quantity)
                        .sum())
                .as("the estimate bills the clips the edited words get")
                .isEqualTo(clips.stream().mapToInt(Integer::intValue).sum());
        assertThat(videoCalls()).as("still no video paid for").isZero();
    }

    private static long videoCalls() {
        return gemini.log().calls().stream()
                .filter(c -> c.billable() && c.seconds() > 0)
                .count();
    }
}
