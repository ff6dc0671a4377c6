package io.reelsmith.kernel;

/** One spoken word and when it is heard, in seconds from the start of the media it belongs to. */
public record Word(String text, double start, double end) {
    public Word {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("word text is empty");
        if (!(start >= 0) || !(end >= start)) throw new IllegalArgumentException("bad word times for '" + text + "': " + start + ".." + end);
    }

    public Word shifted(double seconds) {
        return new Word(text, start + seconds, end + seconds);
    }

    public double duration() {
        return end - start;
    }
}
