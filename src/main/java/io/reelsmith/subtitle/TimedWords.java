package io.reelsmith.subtitle;

import io.reelsmith.kernel.Word;
import java.util.List;

/**
 * What a word timer found: the words it captions and the stretches of speech it heard but could not caption
 * (speech with no counterpart in the script, when no recogniser could say what it was).
 */
public record TimedWords(List<Word> words, List<Stretch> uncaptioned) {
    /** A stretch of the media, in seconds from its start. */
    public record Stretch(double start, double end) {
        public double seconds() {
            return end - start;
        }
    }

    public TimedWords {
        words = List.copyOf(words);
        uncaptioned = List.copyOf(uncaptioned);
    }

    public double uncaptionedSeconds() {
        return uncaptioned.stream().mapToDouble(Stretch::seconds).sum();
    }
}
