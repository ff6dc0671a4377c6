package io.reelsmith.google;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The clip lengths of the parallel plan, where each block is one clip between two keyframes and the video model
 * films only some lengths ({@code allowed}: Veo on Vertex AI 4, 6 or 8 s; Omni 3 to 10 s). Block k's clip is the
 * shortest allowed length that
 * <ul>
 *   <li>holds its dialogue: {@link #SECONDS_PER_WORD} a word, the pace the script writer is given (at most 15 words
 *       for a 7 s block), so speech is never cut;
 *   <li>and ends the block no earlier than the script plans it to end (the sum of the planned seconds up to it): the
 *       take keeps its planned length, each join at most one allowed step after its planned time.
 * </ul>
 * A block that needs more than the longest allowed clip gets the longest. With no words known (before the script),
 * a block's dialogue is taken to fill its planned seconds: an upper bound, what an estimate may reserve.
 */
public final class FirstLastPlan {
    /** The most words the script writer is asked for in a block (GeminiScriptWriter's prompt): 15 for a 7 s block. */
    public static final int MAX_WORDS = 15;

    /** 7 s for at most 15 words: the pace the script writer's budget stands for. */
    public static final double SECONDS_PER_WORD = 7.0 / MAX_WORDS;

    private FirstLastPlan() {}

    /**
     * @param planned each block's planned whole seconds (8, 7, 7, …)
     * @param words each block's dialogue words, or null when the script is not written yet
     * @param allowed the clip lengths the model films between a first and a last frame
     */
    public static List<Integer> clipSeconds(List<Integer> planned, List<Integer> words, List<Integer> allowed) {
        if (allowed.isEmpty()) throw new IllegalArgumentException("no clip length to film a block with");
        if (words != null && words.size() != planned.size())
            throw new IllegalArgumentException(words.size() + " blocks of words for " + planned.size() + " blocks");
        List<Integer> lengths = allowed.stream().sorted().toList();
        List<Integer> out = new ArrayList<>();
        double plannedEnd = 0, end = 0;
        for (int k = 0; k < planned.size(); k++) {
            plannedEnd += planned.get(k);
            double speech = words == null ? planned.get(k) : words.get(k) * SECONDS_PER_WORD;
            double floor = Math.max(speech, plannedEnd - end);
            int clip =
                    lengths.stream().filter(s -> s >= floor - 1e-9).findFirst().orElse(lengths.get(lengths.size() - 1));
            out.add(clip);
            end += clip;
        }
        return out;
    }

    /**
     * The most words each block may carry so that {@link #clipSeconds} films it no longer than the take's timing alone
     * asks (each block's clip as if it had no words): a script that keeps these budgets gets exactly those clips, one
     * that breaks them gets longer ones (sized from its words, never cut). Vertex AI's 4/6/8 s over 8, 7, 7 … s blocks:
     * 8/8/6/8/6/8/6/8 s, so at most 15/15/12/15/12/15/12/15 words; Omni's whole seconds: 15 everywhere.
     */
    public static List<Integer> wordBudget(List<Integer> planned, List<Integer> allowed) {
        return wordsHeld(clipSeconds(planned, silent(planned.size()), allowed));
    }

    /** Blocks without words: what {@link #clipSeconds} sizes by the take's timing alone. */
    private static List<Integer> silent(int blocks) {
        return Collections.nCopies(blocks, 0);
    }

    /** The most words each clip holds at the writer's pace, never above {@link #MAX_WORDS}. */
    public static List<Integer> wordsHeld(List<Integer> clips) {
        return clips.stream()
                .map(clip -> Math.min(MAX_WORDS, (int) Math.floor(clip / SECONDS_PER_WORD + 1e-9)))
                .toList();
    }

    /** The words of a line of dialogue: what holds a letter or a digit. */
    public static int words(String text) {
        int n = 0;
        for (String w : text.strip().split("\\s+")) if (w.codePoints().anyMatch(Character::isLetterOrDigit)) n++;
        return n;
    }
}
