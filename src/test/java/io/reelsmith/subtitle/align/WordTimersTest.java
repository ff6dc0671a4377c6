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

class WordTimersTest {
    @Test
    void alignsEnglishWithTheScriptAndSaysSo(@TempDir Path dir) throws Exception {
        String text = "Branxtella found it under the old bridge.";
        Speech said = Espeak.get().speak(text, Voice.forSpeaker("en", 0), dir.resolve("en.wav"));
        WordTimer timer = WordTimers.auto();

        List<Word> words = timer.time(said.wav(), text, "en");

        assertThat(timer.name()).isEqualTo(SphinxAligner.NAME);
        assertThat(words).extracting(Word::text).containsExactly(text.split(" "));
    }

    @Test
    void alignsFrenchWithEspeakPronunciationsOnTheEnglishModel(@TempDir Path dir) throws Exception {
        String text = "Où est cette carte au trésor ? Kwirlo l'a trouvée hier, sous le vieux pont.";
        Speech said = Espeak.get().speak(text, Voice.forSpeaker("fr", 1), dir.resolve("fr.wav"));

        List<Word> words = WordTimers.auto().time(said.wav(), text, "fr");

        assertThat(words)
                .extracting(Word::text)
                .containsExactlyElementsOf(said.words().stream().map(Word::text).toList());
        for (int i = 0; i < words.size(); i++) {
            assertThat(Math.abs(words.get(i).start() - said.words().get(i).start()))
                    .as(words.get(i).text())
                    .isLessThan(0.1);
        }
    }
}
