package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Word;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import io.reelsmith.subtitle.WordTimer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptAlignerTest {
    /** Stands in for Whisper: the right words with a misspelled name, times only per segment (spread evenly). */
    private record SegmentTimes(List<String> words, double from, double to) implements WordTimer {
        public String name() {
            return "fake-whisper";
        }

        public List<Word> time(Path media, String knownText, String language) {
            return WhisperTimer.splitSegment(String.join(" ", words), from, to);
        }
    }

    @Test
    void givesSegmentLevelTranscriptsRealWordTimesAndTheScriptsSpelling(@TempDir Path dir) throws Exception {
        String script = "Kwirlo packed two lanterns, a rope, and a small brass compass.";
        Speech said = Espeak.get().speak(script, Voice.forSpeaker("en", 3), dir.resolve("s.wav"));
        WordTimer heard = new SegmentTimes(
                List.of("Quirlo", "packed", "two", "lanterns,", "a", "rope,", "and", "a", "small", "brass", "compass."),
                0,
                said.seconds());
        TranscriptAligner timer = new TranscriptAligner(heard, new SphinxAligner());

        List<Word> words = timer.time(said.wav(), script, "en");

        assertThat(timer.name()).isEqualTo("fake-whisper+align");
        assertThat(words).extracting(Word::text).containsExactly(script.split(" "));
        for (int i = 0; i < words.size(); i++) {
            assertThat(Math.abs(words.get(i).start() - said.words().get(i).start()))
                    .as(words.get(i).text())
                    .isLessThan(0.06);
        }
    }
}
