package io.reelsmith.kernel;

/**
 * A failure that running the job again cannot fix (e.g. the configured model was shut down by Google): the job
 * fails at once with the exception's message instead of being retried.
 */
public interface PermanentFailure {
    /** True when {@code e} or one of its causes is a permanent failure. */
    static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof PermanentFailure) return true;
        return false;
    }
}
