package io.reelsmith.testkit;

/**
 * How big the heavy end-to-end tests run: small in the suite (each proof once, in seconds), full size under
 * {@code ./reelsmith bench resilience} (scripts/loaded-tests.sh), which sets {@code -Dreelsmith.tests.full=true} and
 * also runs the classes tagged {@link #BENCH}.
 */
public final class TestScale {
    /** The JUnit tag of test classes that run only in {@code bench resilience}: the suite has a smaller form of their proof. */
    public static final String BENCH = "bench";

    private TestScale() {}

    public static boolean full() {
        return Boolean.getBoolean("reelsmith.tests.full");
    }

    /** {@code suite} in the test suite, {@code full} in the benchmark. */
    public static int of(int suite, int full) {
        return full() ? full : suite;
    }
}
