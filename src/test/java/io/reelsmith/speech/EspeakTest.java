package io.reelsmith.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Word;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EspeakTest {
    @Test
    void reportsEveryWordInOrderWithIncreasingTimes(@TempDir Path dir) throws Exception {
        Speech s = Espeak.get()
                .speak(
                        "Hello there, Kwirlo! Where is the treasure map?",
                        Voice.forSpeaker("en", 0),
                        dir.resolve("a.wav"));
        assertThat(s.words())
                .extracting(Word::text)
                .containsExactly("Hello", "there,", "Kwirlo!", "Where", "is", "the", "treasure", "map?");
        assertThat(Files.size(s.wav())).isGreaterThan(44 + s.sampleRate());
        List<Word> w = s.words();
        for (int i = 1; i < w.size(); i++) {
            assertThat(w.get(i).start()).isGreaterThan(w.get(i - 1).start());
            assertThat(w.get(i - 1).end()).isLessThanOrEqualTo(w.get(i).start() + 1e-9);
        }
        assertThat(w.get(w.size() - 1).end()).isLessThanOrEqualTo(s.seconds());
    }

    @Test
    void neverRepeatsOrLosesAWord(@TempDir Path dir) throws Exception {
        // espeak-ng sends an empty event after "lanterns," and none for "not" in "did not"
        String text = "Zorbleflux packed two lanterns, a rope. Kwirlo did not find that funny.";
        Speech s = Espeak.get().speak(text, Voice.forSpeaker("en", 1), dir.resolve("b.wav"));
        assertThat(s.words()).extracting(Word::text).containsExactly(text.split(" "));
        for (int i = 1; i < s.words().size(); i++)
            assertThat(s.words().get(i).start())
                    .isGreaterThan(s.words().get(i - 1).start());
    }

    @Test
    void speaksFrenchWithAccents(@TempDir Path dir) throws Exception {
        Speech s =
                Espeak.get().speak("Où est cette carte au trésor ?", Voice.forSpeaker("fr", 1), dir.resolve("f.wav"));
        // French puts a space before "?": the mark stays with its word rather than becoming a word of its own
        assertThat(s.words()).extracting(Word::text).containsExactly("Où", "est", "cette", "carte", "au", "trésor ?");
    }
}
