package io.reelsmith.subtitle;

import io.reelsmith.kernel.Word;
import java.util.List;

/** One caption on screen: a few words shown together, split into one or two rows. */
public record Caption(List<Word> words, List<Integer> rowBreaks, double start, double end) {
    public Caption {
        words = List.copyOf(words);
        rowBreaks = List.copyOf(rowBreaks);
    }

    /** The caption's text with rows joined by {@code rowSeparator}. */
    public String text(String rowSeparator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) sb.append(rowBreaks.contains(i) ? rowSeparator : " ");
            sb.append(words.get(i).text());
        }
        return sb.toString();
    }
}
