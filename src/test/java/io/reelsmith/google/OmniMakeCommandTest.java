package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.WordsJson;
import io.reelsmith.video.omni.OmniLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reelsmith make --provider google --yes} with an API key, as a child process against the emulator: the
 * default back end on an API key is Gemini Omni Flash; 6 blocks = one 8 s clip and four 7 s extensions (Google
 * answers the whole chain so far: 15, 22, 29, 36 s), then, since an answer stacks to at most 40 s, a 7 s restart from
 * block 5's last frame: 43 s, each block once.
 */
class OmniMakeCommandTest {
    @Test
    void sixBlocksWithAnApiKeyAreFilmedByOmniInTwoChainsEachBlockOnceAndBilledOnce(@TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start()) {
            Path out = dir.resolve("out"), log = dir.resolve("make.log");
            Process p = CliProcess.start(
                    emulator,
                    dir.resolve("spend.jsonl"),
                    log,
                    EmulatorFixture.backendEnv("omni"),
                    CliProcess.makeNanoInThePark(6, out, "--yes"));
            String output = CliProcess.finish(p, log, 0);

            MediaInfo m = MediaInfo.probe(out.resolve("final.mp4"));
            assertThat(m.width()).isEqualTo(1080);
            assertThat(m.height()).isEqualTo(1920);
            assertThat(m.seconds()).isCloseTo(43, within(0.5)); // the plan's 43 s (less the frame the restart shares)
            assertThat(MediaInfo.probe(out.resolve(".reelsmith/blocks/block-05.answer.mp4"))
                            .seconds())
                    .isCloseTo(36, within(0.1));
            assertThat(m.audioCodec()).isEqualTo("aac");
            assertThat(MediaInfo.meanVolumeDb(out.resolve("final.mp4")))
                    .isGreaterThan(-40); // Omni's native audio (the emulator's speech)
            List<Word> words = WordsJson.read(out.resolve("words.json"));
            assertThat(words).isNotEmpty();
            Word w = words.get(1);
            assertThat(EmulatorFixture.captionPixels(out.resolve("final.mp4"), (w.start() + w.end()) / 2, dir))
                    .isGreaterThan(200); // karaoke

            List<CallLog.Call> calls = emulator.log().calls();
            assertThat(calls).noneMatch(c -> c.status() >= 400);
            assertThat(EmulatorFixture.calls(emulator, "omni-generate"))
                    .singleElement()
                    .matches(c -> c.billable()
                            && c.seconds() == 8
                            && c.referenceImages() == 1
                            && c.model().equals(OmniLimits.OMNI_FLASH));
            assertThat(EmulatorFixture.calls(emulator, "omni-extend"))
                    .hasSize(4)
                    .allMatch(c -> c.billable() && c.seconds() == 7);
            assertThat(EmulatorFixture.calls(emulator, "omni-first-frame"))
                    .singleElement()
                    .matches(c -> c.billable() && c.seconds() == 7);
            assertThat(calls)
                    .filteredOn(c -> c.kind().startsWith("generate") || c.kind().startsWith("extend"))
                    .isEmpty(); // no Veo on a key
            assertThat(EmulatorFixture.billable(emulator, "image")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);

            assertThat(output)
                    .contains(
                            "gemini-omni-1.1-flash on the Gemini API (API key): 6 calls (43 s billed) in 2 chains, 1 restart");
            List<String> ledger = Files.readAllLines(dir.resolve("spend.jsonl"));
            // image, script, 6 blocks, the drift check of each block (kind drift-check), the take's transcription
            // (uncertain, then charged)
            assertThat(ledger)
                    .hasSize(16)
                    .anyMatch(l -> l.contains("\"block-6\"") && l.contains(OmniLimits.OMNI_FLASH));
            assertThat(ledger)
                    .filteredOn(l -> l.contains("\"kind\":\"drift-check\""))
                    .hasSize(6);
            assertThat(EmulatorFixture.billable(emulator, "vision")).isEqualTo(6);
            assertThat(EmulatorFixture.calls(emulator, "transcribe"))
                    .singleElement()
                    .matches(c -> c.billable());
        }
    }
}
