package io.reelsmith.kernel;

/** Levenshtein distance over any two sequences (letters of a setting's name, words of a transcript). */
public final class EditDistance {
    /** Whether item {@code i} of the first sequence equals item {@code j} of the second. */
    public interface Same {
        boolean at(int i, int j);
    }

    private EditDistance() {}

    /** Substitutions + deletions + insertions that turn a sequence of length {@code n} into one of length {@code m}. */
    public static int of(int n, int m, Same same) {
        int[] prev = new int[m + 1], cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (same.at(i - 1, j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
