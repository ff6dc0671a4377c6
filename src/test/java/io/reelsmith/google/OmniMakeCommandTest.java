package io.reelsmith.google;

import io.reelsmith.video.omni.OmniLimits;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.WordsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reelsmith make --provider google --yes} with an API key, as a child process against the emulator: the
 * default back end on an API key is Gemini Omni Flash, 2 blocks = one 8 s clip and a 7 s continuation (longer chains:
 * OmniEmulatorTest, in-process).
 */
class OmniMakeCommandTest {
    @Test
    void twoBlocksWithAnApiKeyAreFilmedByOmniAndEachBlockIsBilledOnce(@TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start()) {
            Path out = dir.resolve("out"), log = dir.resolve("make.log");
            Process p = CliProcess.start(emulator, dir.resolve("spend.jsonl"), log,
                    // The emulator knows what a clip says by its exact audio packets; Omni's joined take is re-encoded,
                    // so it could not transcribe it (a 400): captions come from the script here (see docs/subtitles.md).
                    new String[]{"REELSMITH_GOOGLE_VERTEX", "false", "REELSMITH_GOOGLE_TRANSCRIBE_MODEL", "none"}, "make", "--provider", "google", "--yes",
                    "--theme", "a treasure hunt in the park", "--character-name", "Nano", "--character-description", "a cartoon banana",
                    "--blocks", "2", "--out", out.toString());
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue(); // a bound, not a wait: a pass never takes this long (180 s ran out at load 100)
            String output = Files.readString(log);
            assertThat(p.exitValue()).as(output).isZero();

            MediaInfo m = MediaInfo.probe(out.resolve("final.mp4"));
            assertThat(m.width()).isEqualTo(1080);
            assertThat(m.height()).isEqualTo(1920);
            assertThat(m.seconds()).isBetween(14.8, 15.3);
            assertThat(m.audioCodec()).isEqualTo("aac");
            assertThat(MediaInfo.meanVolumeDb(out.resolve("final.mp4"))).isGreaterThan(-40); // Omni's native audio (the emulator's speech)
            List<Word> words = WordsJson.read(out.resolve("words.json"));
            assertThat(words).isNotEmpty();
            Word w = words.get(1);
            assertThat(EmulatorFixture.captionPixels(out.resolve("final.mp4"), (w.start() + w.end()) / 2, dir)).isGreaterThan(200); // karaoke

            List<CallLog.Call> calls = emulator.log().calls();
            assertThat(calls).noneMatch(c -> c.status() >= 400);
            assertThat(EmulatorFixture.calls(emulator, "omni-generate")).singleElement()
                    .matches(c -> c.billable() && c.seconds() == 8 && c.referenceImages() == 1 && c.model().equals(OmniLimits.OMNI_FLASH));
            assertThat(EmulatorFixture.calls(emulator, "omni-extend")).hasSize(1).allMatch(c -> c.billable() && c.seconds() == 7);
            assertThat(EmulatorFixture.calls(emulator, "omni-first-frame")).isEmpty(); // 15 s fits one 40 s chain
            assertThat(calls).filteredOn(c -> c.kind().startsWith("generate") || c.kind().startsWith("extend")).isEmpty(); // no Veo on a key
            assertThat(EmulatorFixture.billable(emulator, "image")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);

            assertThat(output).contains("gemini-omni-1.1-flash: 2 calls (15 s billed) in 1 chain");
            List<String> ledger = Files.readAllLines(dir.resolve("spend.jsonl"));
            // image, script, 2 blocks, and the drift check of each block (kind drift-check)
            assertThat(ledger).hasSize(6).anyMatch(l -> l.contains("\"block-2\"") && l.contains(OmniLimits.OMNI_FLASH));
            assertThat(ledger).filteredOn(l -> l.contains("\"kind\":\"drift-check\"")).hasSize(2);
            assertThat(EmulatorFixture.billable(emulator, "vision")).isEqualTo(2);
        }
    }
}
