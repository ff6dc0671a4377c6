package io.reelsmith.bench;

import io.reelsmith.kernel.EditDistance;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.align.ScriptWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How well timed words match the truth: start errors of the words found, word error rate, names spelled right.
 * Un-timed captions (shown as plain text, not highlighted) count in WER and names but have no start error; an
 * un-timed caption whose stretch does not hold the word's true start counts in {@code untimedOutside}.
 */
record Score(
        List<Double> startErrorsMs,
        int errors,
        int scriptWords,
        int names,
        int namesSpelledRight,
        int unscripted,
        int phantoms,
        int untimed,
        int untimedOutside) {

    /** {@code scriptText}: what the timer was told is said; spoken words it lacks are the set's un-scripted words. */
    static Score of(List<Word> truthWords, List<Word> timedWords, Set<String> nameKeys, String scriptText) {
        List<Word> truth = spoken(truthWords), timed = spoken(timedWords);
        List<String> tk = keys(truth), ok = keys(timed);
        List<Double> errs = new ArrayList<>();
        int names = 0, namesRight = 0, outside = 0;
        for (Word t : truth) if (nameKeys.contains(ScriptWords.key(t.text()))) names++;
        for (int[] pair : matches(ok, tk)) {
            Word out = timed.get(pair[0]), want = truth.get(pair[1]);
            if (!ScriptWords.key(out.text()).equals(ScriptWords.key(want.text()))) continue;
            if (out.timed()) errs.add(Math.abs(out.start() - want.start()) * 1000);
            else if (want.start() < out.start() - 0.05 || want.start() > out.end() + 0.05) outside++;
            if (nameKeys.contains(ScriptWords.key(want.text())) && out.text().equals(want.text())) namesRight++;
        }
        return new Score(
                errs,
                wordErrors(ok, tk),
                tk.size(),
                names,
                namesRight,
                unmatched(scriptKeys(scriptText), tk),
                unmatched(tk, ok),
                (int) timed.stream().filter(w -> !w.timed()).count(),
                outside);
    }

    /** Words of {@code words} that have no identical counterpart in {@code reference} (a word-level edit-distance alignment). */
    private static int unmatched(List<String> reference, List<String> words) {
        return words.size() - matches(reference, words).size();
    }

    /**
     * Pairs [hyp index, ref index] of identical words on a minimum word-edit path (substitution, insertion and
     * deletion cost 1, as WER counts them): the words a caption got right, each with the word it stands for.
     */
    static List<int[]> matches(List<String> hyp, List<String> ref) {
        int n = hyp.size(), m = ref.size();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= m; j++) {
                d[i][j] = Math.min(
                        d[i - 1][j - 1] + (hyp.get(i - 1).equals(ref.get(j - 1)) ? 0 : 1),
                        Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        List<int[]> out = new ArrayList<>();
        for (int i = n, j = m; i > 0 && j > 0; ) {
            boolean same = hyp.get(i - 1).equals(ref.get(j - 1));
            if (d[i][j] == d[i - 1][j - 1] + (same ? 0 : 1)) {
                if (same) out.add(0, new int[] {i - 1, j - 1});
                i--;
                j--;
            } else if (d[i][j] == d[i - 1][j] + 1) i--;
            else j--;
        }
        return out;
    }

    private static List<String> scriptKeys(String text) {
        return ScriptWords.split(text).stream().map(ScriptWords.ScriptWord::key).toList();
    }

    static Score total(List<Score> scores) {
        List<Double> errs = new ArrayList<>();
        int e = 0, n = 0, names = 0, right = 0, unscripted = 0, phantoms = 0, untimed = 0, outside = 0;
        for (Score s : scores) {
            untimed += s.untimed();
            outside += s.untimedOutside();
            unscripted += s.unscripted();
            phantoms += s.phantoms();
            errs.addAll(s.startErrorsMs());
            e += s.errors();
            n += s.scriptWords();
            names += s.names();
            right += s.namesSpelledRight();
        }
        return new Score(errs, e, n, names, right, unscripted, phantoms, untimed, outside);
    }

    double wer() {
        return scriptWords == 0 ? 0 : errors / (double) scriptWords;
    }

    /** Share of the spoken words that the script does not have (added or swapped): the WER a timer that captions only the script cannot avoid. */
    double unscriptedShare() {
        return scriptWords == 0 ? 0 : unscripted / (double) scriptWords;
    }

    /** Timed captions more than {@code ms} from where their word is said. */
    int over(double ms) {
        return (int) startErrorsMs.stream().filter(e -> e > ms).count();
    }

    double maxMs() {
        return startErrorsMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double percentileMs(double p) {
        if (startErrorsMs.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(startErrorsMs);
        s.sort(null);
        int rank = (int) Math.ceil(p * s.size()) - 1; // nearest-rank percentile
        return s.get(Math.max(0, Math.min(s.size() - 1, rank)));
    }

    private static List<Word> spoken(List<Word> words) {
        return words.stream().filter(w -> !ScriptWords.key(w.text()).isEmpty()).toList();
    }

    private static List<String> keys(List<Word> words) {
        return words.stream().map(w -> ScriptWords.key(w.text())).toList();
    }

    /** Word-level Levenshtein distance: substitutions + deletions + insertions. */
    static int wordErrors(List<String> hyp, List<String> ref) {
        return EditDistance.of(hyp.size(), ref.size(), (i, j) -> hyp.get(i).equals(ref.get(j)));
    }
}
