package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    /** Heard words at 0.5 s intervals, 0.4 s long. */
    private static List<Word> heard(String... words) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) out.add(new Word(words[i], 0.5 * i, 0.5 * i + 0.4));
        return out;
    }

    /** The heard words reconciled with the script, checked to read {@code expected}; returned for the timing checks. */
    private static List<Word> reconciled(List<Word> heard, String script, String... expected) {
        List<Word> out = Reconciler.reconcile(heard, ScriptWords.split(script));
        assertThat(out).extracting(Word::text).containsExactly(expected);
        return out;
    }

    private static void assertSpan(Word w, double start, double end) {
        assertThat(w.start()).as(w + " start").isEqualTo(start);
        assertThat(w.end()).as(w + " end").isEqualTo(end);
    }

    @Test
    void fixesAMisspelledNameAndKeepsTheHeardTimes() {
        List<Word> out = reconciled(
                heard("hello", "there", "Quirlo", "where", "is", "the", "map"),
                "Hello there, Kwirlo! Where is the map?",
                "Hello",
                "there,",
                "Kwirlo!",
                "Where",
                "is",
                "the",
                "map?");

        assertSpan(out.get(2), 1.0, 1.4);
    }

    @Test
    void joinsANameHeardAsTwoWords() {
        List<Word> out = reconciled(
                heard("Bran", "Stella", "found", "it"), "Branxtella found it.", "Branxtella", "found", "it.");

        assertSpan(out.get(0), 0.0, 0.9);
    }

    @Test
    void keepsWordsSaidOffScriptAndDropsWordsNeverSaid() {
        // said "really" (not in the script); did not say "old"
        List<Word> out = reconciled(
                heard("under", "the", "bridge", "really"),
                "Under the old bridge.",
                "Under",
                "the",
                "bridge.",
                "really");

        assertThat(out.get(3).start()).isEqualTo(1.5);
    }

    @Test
    void placesAnUnheardScriptWordWhereTheAudioLeavesRoomForIt() {
        List<Word> out = reconciled(
                List.of(new Word("under", 0, 0.4), new Word("bridge", 1.2, 1.6)),
                "Under the bridge",
                "Under",
                "the",
                "bridge");

        assertSpan(out.get(1), 0.4, 1.2);
    }

    @Test
    void aDifferentWordIsShownAsHeardNotAsTheScriptSays() {
        reconciled(heard("the", "cat", "sat"), "The dog sat.", "The", "cat", "sat.");
    }
}
