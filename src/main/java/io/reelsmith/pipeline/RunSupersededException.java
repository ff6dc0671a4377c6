package io.reelsmith.pipeline;

/**
 * This run of a video lost its run lease: another run (JobRunr re-running a job it believed dead, a retry) took
 * the video over. Thrown before a paid call, so the stale run stops without paying; the other run goes on.
 */
public final class RunSupersededException extends RuntimeException {
    public RunSupersededException(String videoId) {
        super("video " + videoId + " is now made by another run; this run stops without paying");
    }
}
