package io.reelsmith.emulator;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One Omni interaction. {@code chainSeconds}: the seconds of the continuation chain up to and including this
 * clip (a chain may not pass 40 s). It is done when {@code readyAt} has passed and its clip is made; a fault
 * decided at creation (safety, never, empty) replaces the result.
 */
record StoredInteraction(String id, String model, String task, int seconds, double chainSeconds, String aspectRatio,
                         boolean inline, boolean stored, Instant readyAt, Fault fault, CompletableFuture<StoredVideo> video) implements LongRunning { }
