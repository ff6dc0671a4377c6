package io.reelsmith.subtitle.bench;

import io.reelsmith.subtitle.Word;
import io.reelsmith.subtitle.align.Reconciler;
import io.reelsmith.subtitle.align.ScriptWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How well timed words match the truth: start errors of the words found, word error rate, names spelled right. */
record Score(List<Double> startErrorsMs, int errors, int scriptWords, int names, int namesSpelledRight, int unscripted, int phantoms) {

    /** {@code scriptText}: what the timer was told is said; spoken words it lacks are the set's un-scripted words. */
    static Score of(List<Word> truthWords, List<Word> timedWords, Set<String> nameKeys, String scriptText) {
        List<Word> truth = spoken(truthWords), timed = spoken(timedWords);
        List<String> tk = keys(truth), ok = keys(timed);
        List<Double> errs = new ArrayList<>();
        int names = 0, namesRight = 0;
        for (Word t : truth) if (nameKeys.contains(ScriptWords.key(t.text()))) names++;
        for (Reconciler.Link l : Reconciler.align(ok, tk)) {
            if (l.hTo() - l.hFrom() != 1 || l.sTo() - l.sFrom() != 1) continue;
            Word out = timed.get(l.hFrom()), want = truth.get(l.sFrom());
            if (!ScriptWords.key(out.text()).equals(ScriptWords.key(want.text()))) continue;
            errs.add(Math.abs(out.start() - want.start()) * 1000);
            if (nameKeys.contains(ScriptWords.key(want.text())) && out.text().equals(want.text())) namesRight++;
        }
        return new Score(errs, wordErrors(ok, tk), tk.size(), names, namesRight, unmatched(scriptKeys(scriptText), tk), unmatched(tk, ok));
    }

    /** Words of {@code words} that have no identical counterpart in {@code reference} (an edit-distance alignment). */
    private static int unmatched(List<String> reference, List<String> words) {
        int n = 0;
        for (Reconciler.Link l : Reconciler.align(reference, words)) {
            boolean same = l.hTo() - l.hFrom() == 1 && l.sTo() - l.sFrom() == 1 && reference.get(l.hFrom()).equals(words.get(l.sFrom()));
            if (!same) n += l.sTo() - l.sFrom();
        }
        return n;
    }

    private static List<String> scriptKeys(String text) {
        return ScriptWords.split(text).stream().map(ScriptWords.ScriptWord::key).toList();
    }

    static Score total(List<Score> scores) {
        List<Double> errs = new ArrayList<>();
        int e = 0, n = 0, names = 0, right = 0, unscripted = 0, phantoms = 0;
        for (Score s : scores) {
            unscripted += s.unscripted();
            phantoms += s.phantoms();
            errs.addAll(s.startErrorsMs());
            e += s.errors();
            n += s.scriptWords();
            names += s.names();
            right += s.namesSpelledRight();
        }
        return new Score(errs, e, n, names, right, unscripted, phantoms);
    }

    double wer() {
        return scriptWords == 0 ? 0 : errors / (double) scriptWords;
    }

    /** Share of the spoken words that the script does not have (added or swapped): the WER a timer that captions only the script cannot avoid. */
    double unscriptedShare() {
        return scriptWords == 0 ? 0 : unscripted / (double) scriptWords;
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
        int[] prev = new int[ref.size() + 1], cur = new int[ref.size() + 1];
        for (int j = 0; j <= ref.size(); j++) prev[j] = j;
        for (int i = 1; i <= hyp.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= ref.size(); j++) {
                cur[j] = Math.min(prev[j - 1] + (hyp.get(i - 1).equals(ref.get(j - 1)) ? 0 : 1), Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[ref.size()];
    }
}
