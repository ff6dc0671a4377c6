package io.reelsmith.speech;

import io.reelsmith.subtitle.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EspeakTest {
    @Test
    void reportsEveryWordInOrderWithIncreasingTimes(@TempDir Path dir) throws Exception {
        Speech s = Espeak.get().speak("Hello there, Kwirlo! Where is the treasure map?", Voice.forSpeaker("en", 0), dir.resolve("a.wav"));
        assertThat(s.words()).extracting(Word::text)
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
    void speaksFrenchWithAccents(@TempDir Path dir) throws Exception {
        Speech s = Espeak.get().speak("Où est cette carte au trésor ?", Voice.forSpeaker("fr", 1), dir.resolve("f.wav"));
        assertThat(s.words()).extracting(Word::text).startsWith("Où", "est", "cette", "carte", "au", "trésor");
    }
}
