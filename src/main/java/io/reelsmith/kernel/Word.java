package io.reelsmith.kernel;

/**
 * One spoken word and when it is heard, in seconds from the start of the media it belongs to. An un-timed word
 * ({@code timed == false}) is one a word timer could not place with confidence: it is said somewhere in
 * [start, end] (the stretch between its timed neighbours), and captions show it as plain text, never highlighted
 * on its own.
 */
public record Word(String text, double start, double end, boolean timed) {
    public Word {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("word text is empty");
        if (!(start >= 0) || !(end >= start))
            throw new IllegalArgumentException("bad word times for '" + text + "': " + start + ".." + end);
    }

    public Word(String text, double start, double end) {
        this(text, start, end, true);
    }

    /** A word said somewhere in [from, to], where the timer could not say exactly when. */
    public static Word untimed(String text, double from, double to) {
        return new Word(text, from, Math.max(from, to), false);
    }

    public Word shifted(double seconds) {
        return new Word(text, start + seconds, end + seconds, timed);
    }

    public double duration() {
        return end - start;
    }
}
