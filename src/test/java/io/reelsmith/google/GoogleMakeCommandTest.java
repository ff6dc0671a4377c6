package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.WordsJson;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code reelsmith make --provider google} as a child process against the emulator, like a user with REELSMITH_GOOGLE_BASE_URL. */
class GoogleMakeCommandTest {
    @RegisterExtension
    static final GoogleEmulatorExtension gemini = new GoogleEmulatorExtension();

    @TempDir
    Path dir;

    /** The output of a four-block {@code make} that ended with {@code exitCode}. */
    String make(int exitCode, String... extra) throws Exception {
        Path log = dir.resolve("make.log");
        String[] args = CliProcess.makeNanoInThePark(4, dir.resolve("out"), extra);
        Process p = CliProcess.start(gemini.emulator(), dir.resolve("spend.jsonl"), log, args);
        return CliProcess.finish(p, log, exitCode);
    }

    /** A job on a theme of one word and no character, whose estimate the budget {@code env} refuses (exit code 1). */
    String refused(String name, int blocks, String[] env, String... flags) throws Exception {
        Path log = dir.resolve(name + ".log");
        String[] args =
                CliProcess.make(blocks, dir.resolve(name), CliProcess.concat(flags, "--yes", "--theme", "rain"));
        Process p = CliProcess.start(gemini.emulator(), dir.resolve("spend.jsonl"), log, env, args);
        return CliProcess.finish(p, log, 1);
    }

    @Test
    void fourBlockVideoEndToEnd() throws Exception {
        String output = make(0, "--yes");
        Path out = dir.resolve("out");
        MediaInfo m = MediaInfo.probe(out.resolve("final.mp4"));
        assertThat(m.width()).isEqualTo(1080);
        assertThat(m.height()).isEqualTo(1920);
        assertThat(m.seconds()).isBetween(28.8, 29.3);
        assertThat(m.audioCodec()).isEqualTo("aac");
        assertThat(MediaInfo.meanVolumeDb(out.resolve("final.mp4"))).isGreaterThan(-40);
        List<Word> words = WordsJson.read(out.resolve("words.json"));
        Word w = words.get(1);
        assertThat(EmulatorFixture.captionPixels(out.resolve("final.mp4"), (w.start() + w.end()) / 2, dir))
                .isGreaterThan(200);

        assertThat(gemini.billable("image")).isEqualTo(1);
        assertThat(gemini.billable("text")).isEqualTo(1);
        assertThat(gemini.calls("generate")).hasSize(1).allMatch(c -> c.billable() && c.referenceImages() == 1);
        assertThat(gemini.calls("extend")).hasSize(3).allMatch(c -> c.billable() && c.seconds() == 7);

        JsonNode manifest =
                new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("provider").asText()).isEqualTo("google");
        // the estimate rounds up ($11.6982 → $11.70); the cost spent is $11.6983 to the cent
        assertThat(output)
                .contains("subtitles (transcription)")
                .contains("estimated total: $11.70")
                .contains("cost $11.70");
        List<String> ledger = Files.readAllLines(dir.resolve("spend.jsonl"));
        // character, script, block-1..4, their 4 drift checks, and the take's transcription (served on Agent Platform
        // too), first UNCERTAIN (written before the call leaves), then CHARGED
        assertThat(ledger)
                .hasSize(12)
                .anyMatch(l -> l.contains("\"kind\":\"transcribe\"")
                        && l.contains("gemini-3.5-transcribe")
                        && l.contains("CHARGED"));
        assertThat(gemini.billable("vision")).isEqualTo(4);
        assertThat(gemini.calls("transcribe"))
                .singleElement()
                .matches(c -> c.billable() && c.model().equals("gemini-3.5-transcribe"));
        assertThat(manifest.path("wordTimer").asText()).contains("gemini");
        assertThat(manifest.path("uncaptionedSpeech").path("seconds").asDouble())
                .isZero();
    }

    @Test
    void aDryRunPrintsThePlanAndCostAndCallsNothing() throws Exception {
        assertThat(make(0, "--dry-run"))
                .contains("block 1")
                .contains("+7 s extension of the 22 s answer before")
                .contains("29 s")
                .contains("estimated total: $11.70")
                .contains("nothing was spent");
        assertThat(gemini.log().calls()).isEmpty();
    }

    @Test
    void aboveTheThresholdWithoutYesOrATerminalItDoesNotStart() throws Exception {
        assertThat(make(1)).contains("$11.70").contains("add --yes");
        assertThat(gemini.log().calls()).isEmpty();
    }

    @Test
    void aJobOverTheBudgetIsRefusedWithTheEstimate() throws Exception {
        assertThat(refused("b", 4, new String[] {"REELSMITH_BUDGET_PER_USER_USD", "5"}))
                .contains("reelsmith: the estimated cost $11.70")
                .contains("user's budget of $5.00");
        assertThat(gemini.log().calls()).isEmpty();
    }

    /** The whole parallel plan is held against the budget before its first call: $26.33 does not fit $25, though $23.32 would. */
    @Test
    void aParallelPlanOverTheBudgetIsRefusedBeforeAnyCall() throws Exception {
        assertThat(refused("p", 8, new String[] {"REELSMITH_BUDGET_PER_VIDEO_USD", "25"}, "--plan", "parallel"))
                .contains("$26.33")
                .contains("$25.00");
        assertThat(gemini.log().calls())
                .as("no image, no video: nothing was called")
                .isEmpty();
    }
}
