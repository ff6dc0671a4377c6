package io.reelsmith.emulator;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One predictLongRunning call. It is done when {@code readyAt} has passed and its clip is made; a fault
 * decided at submission (safety, never, empty) replaces the result.
 */
record VideoOperation(String name, String model, String kind, Instant readyAt, Fault fault,
                      CompletableFuture<StoredVideo> video) {
    /** Never for NEVER_DONE; after the latency otherwise; and a clip that is made must be finished. */
    boolean isDone(Instant now) {
        if (fault == Fault.NEVER_DONE || !now.isAfter(readyAt)) return false;
        boolean makesVideo = fault == null || fault == Fault.SLOW;
        return !makesVideo || video.isDone();
    }
}
