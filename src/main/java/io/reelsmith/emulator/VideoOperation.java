package io.reelsmith.emulator;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One predictLongRunning call. It is done when {@code readyAt} has passed and its clip is made; a fault
 * decided at submission (safety, never, empty) replaces the result.
 */
record VideoOperation(
        String name, String model, String kind, Instant readyAt, Fault fault, CompletableFuture<StoredVideo> video)
        implements LongRunning {}
