package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.EditDistance;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lines up the words a recogniser heard with the words of the script (an edit-distance alignment that also
 * lets two heard words make one script word, "Bran Stella" → "Branxtella", and the reverse), then keeps the
 * audio's times and the script's spelling. Words heard but not in the script stay as heard; script words
 * not heard are kept only where the audio leaves room for them between their neighbours.
 */
public final class Reconciler {
    /** Above this distance (0 same, 1 unrelated) a heard word is a different word, not a misspelling. */
    static final double SAME_WORD = 0.6;
    /** Room an unheard script word needs between its neighbours to be placed there. */
    private static final double MIN_ROOM_PER_WORD = 0.12;
    /** Joining words must pay for itself: "bridge" is not "old bridge" heard as one word. */
    private static final double MERGE_COST = 1.0;

    /** heard[hFrom,hTo) corresponds to script[sFrom,sTo); one side is empty for an insertion or a deletion. */
    public record Link(int hFrom, int hTo, int sFrom, int sTo, double distance) {
        boolean paired() {
            return hTo > hFrom && sTo > sFrom;
        }
    }

    private Reconciler() {}

    public static List<Word> reconcile(List<Word> heard, List<ScriptWord> script) {
        return reconcile(heard, script, true);
    }

    /** {@code placeUnheard}: false when the heard words' times are exact, so a gap between them is no room for a word. */
    public static List<Word> reconcile(List<Word> heard, List<ScriptWord> script, boolean placeUnheard) {
        List<String> hk = heard.stream().map(w -> ScriptWords.key(w.text())).toList();
        List<String> sk = script.stream().map(ScriptWord::key).toList();
        List<Link> links = align(hk, sk);
        List<Word> out = new ArrayList<>();
        List<ScriptWord> unheard = new ArrayList<>();
        for (Link l : links) {
            if (l.sTo() > l.sFrom() && l.hTo() == l.hFrom()) {
                script.subList(l.sFrom(), l.sTo()).forEach(unheard::add);
                continue;
            }
            if (placeUnheard) placeUnheard(unheard, out, heard.get(l.hFrom()));
            unheard.clear();
            if (!l.paired() || l.distance() > SAME_WORD) {
                // heard but not in the script, or a different word than the script's: show what was said
                out.addAll(heard.subList(l.hFrom(), l.hTo()));
                continue;
            }
            double start = heard.get(l.hFrom()).start(),
                    end = heard.get(l.hTo() - 1).end();
            List<ScriptWord> spelled = script.subList(l.sFrom(), l.sTo());
            boolean timed = heard.subList(l.hFrom(), l.hTo()).stream().allMatch(Word::timed);
            if (timed) out.addAll(spread(spelled, start, end));
            else spelled.forEach(w -> out.add(Word.untimed(w.text(), start, end)));
        }
        return out;
    }

    /** Puts script words that were not heard into the gap before {@code next}, if the gap is wide enough. */
    private static void placeUnheard(List<ScriptWord> unheard, List<Word> out, Word next) {
        if (unheard.isEmpty() || out.isEmpty()) return;
        double from = out.get(out.size() - 1).end(), to = next.start();
        // where in the gap is a guess: shown un-timed over it
        if (to - from >= MIN_ROOM_PER_WORD * unheard.size())
            unheard.forEach(w -> out.add(Word.untimed(w.text(), from, to)));
    }

    /** One time span shared by several script words, in proportion to their length. */
    static List<Word> spread(List<ScriptWord> words, double start, double end) {
        if (words.size() == 1) return List.of(new Word(words.get(0).text(), start, end));
        int total = words.stream().mapToInt(w -> w.key().length() + 1).sum();
        List<Word> out = new ArrayList<>();
        double t = start;
        for (ScriptWord w : words) {
            double d = (end - start) * (w.key().length() + 1) / total;
            out.add(new Word(w.text(), t, t + d));
            t += d;
        }
        return out;
    }

    /** Minimum-cost alignment; costs: insertion or deletion 1, pairing 2 × distance (+MERGE_COST when several words make one). */
    public static List<Link> align(List<String> heard, List<String> script) {
        int n = heard.size(), m = script.size();
        double[][] cost = new double[n + 1][m + 1];
        int[][] move = new int[n + 1][m + 1]; // encoded (heard taken * 4 + script taken)
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) continue;
                double best = Double.MAX_VALUE;
                int bestMove = 0;
                for (int dh = 0; dh <= 3; dh++)
                    for (int ds = 0; ds <= 2; ds++) {
                        if (dh + ds == 0 || dh > i || ds > j || (dh > 1 && ds > 1)) continue;
                        if ((dh == 0 && ds != 1) || (ds == 0 && dh != 1)) continue;
                        double c = cost[i - dh][j - ds] + step(heard, i - dh, i, script, j - ds, j);
                        if (c < best) {
                            best = c;
                            bestMove = dh * 4 + ds;
                        }
                    }
                cost[i][j] = best;
                move[i][j] = bestMove;
            }
        List<Link> links = new ArrayList<>();
        for (int i = n, j = m; i > 0 || j > 0; ) {
            int dh = move[i][j] / 4, ds = move[i][j] % 4;
            double d = dh > 0 && ds > 0 ? distance(join(heard, i - dh, i), join(script, j - ds, j)) : 1;
            links.add(new Link(i - dh, i, j - ds, j, d));
            i -= dh;
            j -= ds;
        }
        Collections.reverse(links);
        return links;
    }

    private static double step(List<String> heard, int h0, int h1, List<String> script, int s0, int s1) {
        if (h1 == h0 || s1 == s0) return 1;
        double d = distance(join(heard, h0, h1), join(script, s0, s1));
        return 2 * d + ((h1 - h0) + (s1 - s0) > 2 ? MERGE_COST : 0);
    }

    private static String join(List<String> words, int from, int to) {
        return String.join("", words.subList(from, to));
    }

    /** 0 for the same word, 1 for unrelated ones; spelling variants of one sound ("Quirlo"/"Kwirlo") count as near. */
    static double distance(String a, String b) {
        if (a.equals(b)) return 0;
        double plain = levenshtein(a, b) / (double) Math.max(1, Math.max(a.length(), b.length()));
        String pa = soundKey(a), pb = soundKey(b);
        double sound = levenshtein(pa, pb) / (double) Math.max(1, Math.max(pa.length(), pb.length()));
        return Math.min(plain, sound);
    }

    /** A rough English sound spelling: qu→kw, c/ck→k, ph→f, x→ks, y→i, doubled letters once, no apostrophes or hyphens. */
    static String soundKey(String s) {
        String k = s.replaceAll("['-]", "")
                .replace("qu", "kw")
                .replace("ck", "k")
                .replace("ph", "f")
                .replace("x", "ks")
                .replaceAll("c(?=[eiy])", "s")
                .replace('c', 'k')
                .replace('y', 'i')
                .replace('z', 's');
        return k.replaceAll("(.)\\1+", "$1");
    }

    static int levenshtein(String a, String b) {
        return EditDistance.of(a.length(), b.length(), (i, j) -> a.charAt(i) == b.charAt(j));
    }
}
