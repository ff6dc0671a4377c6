package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {
    /** Heard words at 0.5 s intervals, 0.4 s long. */
    private static List<Word> heard(String... words) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) out.add(new Word(words[i], 0.5 * i, 0.5 * i + 0.4));
        return out;
    }

    @Test
    void fixesAMisspelledNameAndKeepsTheHeardTimes() {
        List<Word> heard = heard("hello", "there", "Quirlo", "where", "is", "the", "map");

        List<Word> out = Reconciler.reconcile(heard, ScriptWords.split("Hello there, Kwirlo! Where is the map?"));

        assertThat(out).extracting(Word::text).containsExactly("Hello", "there,", "Kwirlo!", "Where", "is", "the", "map?");
        assertThat(out.get(2).start()).isEqualTo(1.0);
        assertThat(out.get(2).end()).isEqualTo(1.4);
    }

    @Test
    void joinsANameHeardAsTwoWords() {
        List<Word> heard = heard("Bran", "Stella", "found", "it");

        List<Word> out = Reconciler.reconcile(heard, ScriptWords.split("Branxtella found it."));

        assertThat(out).extracting(Word::text).containsExactly("Branxtella", "found", "it.");
        assertThat(out.get(0).start()).isEqualTo(0.0);
        assertThat(out.get(0).end()).isEqualTo(0.9);
    }

    @Test
    void keepsWordsSaidOffScriptAndDropsWordsNeverSaid() {
        // said "really" (not in the script); did not say "old"
        List<Word> heard = heard("under", "the", "bridge", "really");

        List<Word> out = Reconciler.reconcile(heard, ScriptWords.split("Under the old bridge."));

        assertThat(out).extracting(Word::text).containsExactly("Under", "the", "bridge.", "really");
        assertThat(out.get(3).start()).isEqualTo(1.5);
    }

    @Test
    void placesAnUnheardScriptWordWhereTheAudioLeavesRoomForIt() {
        List<Word> heard = List.of(new Word("under", 0, 0.4), new Word("bridge", 1.2, 1.6));

        List<Word> out = Reconciler.reconcile(heard, ScriptWords.split("Under the bridge"));

        assertThat(out).extracting(Word::text).containsExactly("Under", "the", "bridge");
        assertThat(out.get(1).start()).isEqualTo(0.4);
        assertThat(out.get(1).end()).isEqualTo(1.2);
    }

    @Test
    void aDifferentWordIsShownAsHeardNotAsTheScriptSays() {
        List<Word> out = Reconciler.reconcile(heard("the", "cat", "sat"), ScriptWords.split("The dog sat."));

        assertThat(out).extracting(Word::text).containsExactly("The", "cat", "sat.");
    }
}
