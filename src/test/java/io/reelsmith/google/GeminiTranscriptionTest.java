package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.Client;
import io.reelsmith.app.money.CostEstimator;
import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.SpeechModels;
import io.reelsmith.subtitle.align.SphinxAligner;
import io.reelsmith.subtitle.align.WordTimers;
import io.reelsmith.subtitle.gemini.GeminiTranscriber;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import io.reelsmith.testkit.SpokenVideo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gemini's transcription (the emulator's) captions speech the script lacks, on the Gemini API and on Agent Platform
 * (both serve gemini-3.5-transcribe); the call is billed and recorded, and the estimate prices it.
 */
class GeminiTranscriptionTest {
    private static final String SCRIPT =
            "Hello there, Kwirlo! Where is the treasure map? Branxtella found it under the old bridge yesterday.";
    private static final String SPOKEN =
            "Hello there, Kwirlo! Did you sleep well last night? Where is the treasure map? Branxtella found it under the stone bridge yesterday.";

    @RegisterExtension
    static final GoogleEmulatorExtension gemini = new GoogleEmulatorExtension();

    private static Path video(Path dir, String text) throws Exception {
        return SpokenVideo.make(text, 1, "c=black:s=180x320:r=24", dir).file();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "true"})
    void captionsTheAddedSentenceAndTheSwappedWordAsSpokenAndBillsTheMinute(String vertex, @TempDir Path dir)
            throws Exception {
        Path take = video(dir, SPOKEN);
        gemini.emulator().transcripts().remember(take, SPOKEN);
        GoogleConfig config =
                gemini.config("REELSMITH_GOOGLE_VERTEX", vertex); // both surfaces serve the transcription model
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        try (GoogleProvider google = new GoogleProvider(config, ledger.forJob("job-t", "ann"))) {
            WordTimer timer = google.stages(WordTimers.auto(), null, null).wordTimer();

            TimedWords timed = timer.timeSpeech(take, SCRIPT, "en");

            assertThat(timer.name()).isEqualTo("gemini-transcribe+align");
            assertThat(timed.words()).extracting(Word::text).containsExactly(SPOKEN.split(" "));
            assertThat(timed.uncaptioned()).isEmpty();
        }
        List<CallLog.Call> calls = gemini.calls("transcribe");
        assertThat(calls).hasSize(1).allMatch(CallLog.Call::billable);
        assertThat(calls.get(0).model()).isEqualTo("gemini-3.5-transcribe");
        assertThat(ledger.entries("job-t")).singleElement().satisfies(e -> {
            assertThat(e.purchase().kind()).isEqualTo("transcribe");
            assertThat(e.status()).isEqualTo(SpendStatus.CHARGED);
            assertThat(e.purchase().quantity()).isCloseTo(calls.get(0).seconds() / 60, Offset.offset(0.02));
        });
    }

    @Test
    void audioTheModelRefusesIsNotChargedAndTheAlignerStillCaptionsTheScript(@TempDir Path dir) throws Exception {
        Path take = video(dir, SCRIPT); // never told to the emulator: it answers 400
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        GoogleConfig config = gemini.config(
                "REELSMITH_GOOGLE_VERTEX",
                "false"); // transcription is served on both surfaces; this test takes the Gemini API
        try (Client client = GoogleClients.create(config)) {
            WordTimer timer = WordTimers.preferring(
                    new GeminiTranscriber(
                            new GeminiCalls(client, config, ledger.forJob("job-u", "bob")), "gemini-3.5-transcribe"),
                    new SphinxAligner(),
                    SpeechModels.DEFAULTS);

            List<Word> words = timer.time(take, SCRIPT, "en");

            assertThat(timer.name()).isEqualTo(SphinxAligner.NAME);
            assertThat(words).extracting(Word::text).containsExactly(SCRIPT.split(" "));
        }
        assertThat(ledger.entries("job-u"))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(SpendStatus.NOT_CHARGED));
        assertThat(ledger.spentBy("bob")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "true"})
    void theEstimateIncludesTheTranscribedMinutesFromTheConfiguration(String vertex) {
        GoogleConfig config = ConfigLoader.fromEnvironment(Map.of(
                        "REELSMITH_GOOGLE_VERTEX",
                        vertex,
                        "GOOGLE_CLOUD_PROJECT",
                        "p",
                        "REELSMITH_GOOGLE_PRICE_TRANSCRIBE_PER_MINUTE",
                        "0.02"))
                .google();
        CostEstimate e = new CostEstimator(config).estimate(4, false, false);
        assertThat(e.lines()).anySatisfy(l -> {
            assertThat(l.model()).isEqualTo("gemini-3.5-transcribe");
            assertThat(l.unit()).isEqualTo("minute");
            assertThat(l.unitUsd()).isEqualByComparingTo("0.02");
            assertThat(l.quantity()).isCloseTo(29 / 60.0, Offset.offset(0.001));
        });
        // none: no transcription, nothing priced
        GoogleConfig off = ConfigLoader.fromEnvironment(Map.of(
                        "REELSMITH_GOOGLE_VERTEX",
                        vertex,
                        "GOOGLE_CLOUD_PROJECT",
                        "p",
                        "REELSMITH_GOOGLE_TRANSCRIBE_MODEL",
                        "none"))
                .google();
        assertThat(new CostEstimator(off).estimate(4, false, false).lines())
                .noneMatch(l -> l.unit().equals("minute"));
    }
}
