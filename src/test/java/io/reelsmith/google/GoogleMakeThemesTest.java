package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.emulator.CallLog;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make --themes FILE --provider google --budget-usd 5} as a child process against the emulator: a 1-block
 * video costs about $3.28 (8 s of Veo, the character image, the script, the drift check), so the first theme is made ($3.2784 spent, $1.7216 left) and the batch
 * stops before the second, saying which and why; nothing is called for the second and third.
 */
class GoogleMakeThemesTest {
    @RegisterExtension
    static final GoogleEmulatorExtension gemini = new GoogleEmulatorExtension();

    @Test
    void theBatchStopsBeforeTheVideoThatWouldCrossItsBudget(@TempDir Path dir) throws Exception {
        Path themes = dir.resolve("themes.txt");
        Files.writeString(themes, "a treasure hunt in the park\na kite on the beach\na cake for grandma\n");
        Path log = dir.resolve("make.log"), out = dir.resolve("out");
        String[] args = CliProcess.makeNano(1, out, "--yes", "--themes", themes.toString(), "--budget-usd", "5");
        Process p = CliProcess.start(gemini.emulator(), dir.resolve("spend.jsonl"), log, args);
        String output = CliProcess.finish(p, log, 1);
        assertThat(output)
                .contains(
                        "stopped before video 2 \"a kite on the beach\": it would cost about $3.29 but the batch budget has $1.72 left")
                .contains("1 done, 0 failed, 2 skipped; spent $3.29 (budget $5.00, provider google)")
                .contains("budget: the batch stopped at video 2");
        assertThat(out.resolve("01-a-treasure-hunt-in-the-park").resolve("final.mp4"))
                .exists();
        assertThat(out.resolve("02-a-kite-on-the-beach").resolve("final.mp4")).doesNotExist();
        // One video's billable calls, no more: its character image, its script, its 8 s clip, that clip's drift check
        // and
        // the take's transcription (uncertain, then charged, in the ledger).
        assertThat(gemini.billable("image")).isEqualTo(1);
        assertThat(gemini.billable("text")).isEqualTo(1);
        assertThat(gemini.billable("generate")).isEqualTo(1);
        assertThat(gemini.billable("vision")).isEqualTo(1);
        assertThat(gemini.billable("transcribe")).isEqualTo(1);
        assertThat(gemini.log().calls().stream().filter(CallLog.Call::billable).count())
                .isEqualTo(5);
        assertThat(Files.readAllLines(dir.resolve("spend.jsonl"))).hasSize(6);
    }
}
