package io.reelsmith.api;

import java.util.Locale;

/**
 * What a {@code Range} request header asks of a representation of {@code length} bytes, read as RFC 9110 §14
 * says: {@code bytes=first-last}, {@code bytes=first-}, {@code bytes=-suffix} (the last {@code suffix} bytes).
 * A unit other than {@code bytes} is ignored (§14.2: the whole file); a malformed or unsatisfiable range set is
 * {@link Kind#UNSATISFIABLE} (416); several ranges are answered with the whole file, which §14.2 allows. The
 * parse looks at a bounded header and never loops on the file, so a request costs the same whatever it asks.
 */
record ByteRange(Kind kind, long first, long last, long length) {
    enum Kind {
        WHOLE,
        PARTIAL,
        UNSATISFIABLE
    }

    /** Longer headers are not a player's or a download manager's: refused rather than parsed. */
    static final int MAX_HEADER = 1024;

    private static final long HUGE = Long.MAX_VALUE;

    static ByteRange of(String header, long length) {
        if (header == null) return whole(length);
        int eq = header.indexOf('=');
        if (eq < 0) return header.length() > MAX_HEADER ? unsatisfiable(length) : whole(length);
        if (!header.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes"))
            return whole(length); // unknown unit: ignore it
        if (header.length() > MAX_HEADER) return unsatisfiable(length);
        String[] specs = header.substring(eq + 1).split(",", -1);
        ByteRange only = null;
        int satisfiable = 0;
        for (String raw : specs) {
            String spec = raw.strip();
            if (spec.isEmpty()) continue; // "1#" lists may have empty elements (RFC 9110 §5.6.1)
            ByteRange r = one(spec, length);
            if (r == null) return unsatisfiable(length); // malformed: the whole set is invalid
            if (r.kind == Kind.PARTIAL) {
                satisfiable++;
                only = r;
            }
        }
        if (satisfiable == 0) return unsatisfiable(length);
        return satisfiable == 1 ? only : whole(length);
    }

    /** One range-spec: a PARTIAL range, an UNSATISFIABLE one, or null when it is not a range-spec at all. */
    private static ByteRange one(String spec, long length) {
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        String a = spec.substring(0, dash).strip(), b = spec.substring(dash + 1).strip();
        if (a.isEmpty()) { // suffix-range: the last b bytes
            long suffix = digits(b);
            if (suffix < 0) return null;
            if (suffix == 0 || length == 0) return unsatisfiable(length);
            return new ByteRange(Kind.PARTIAL, Math.max(0, length - suffix), length - 1, length);
        }
        long first = digits(a);
        long last = b.isEmpty() ? HUGE : digits(b);
        if (first < 0 || last < 0 || last < first) return null;
        if (first >= length) return unsatisfiable(length);
        return new ByteRange(Kind.PARTIAL, first, Math.min(last, length - 1), length);
    }

    /** 1*DIGIT as a number (saturating at Long.MAX_VALUE), or -1 when it is not one. */
    private static long digits(String s) {
        if (s.isEmpty()) return -1;
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n > (HUGE - 9) / 10 ? HUGE : n * 10 + (c - '0');
        }
        return n;
    }

    static ByteRange whole(long length) {
        return new ByteRange(Kind.WHOLE, 0, length - 1, length);
    }

    static ByteRange unsatisfiable(long length) {
        return new ByteRange(Kind.UNSATISFIABLE, -1, -1, length);
    }

    /** The bytes to send. */
    long count() {
        return kind == Kind.UNSATISFIABLE ? 0 : last - first + 1;
    }

    /** The Content-Range header: {@code bytes first-last/length}, or for a 416 a star instead of the range. */
    String contentRange() {
        return kind == Kind.UNSATISFIABLE ? "bytes */" + length : "bytes " + first + "-" + last + "/" + length;
    }
}
