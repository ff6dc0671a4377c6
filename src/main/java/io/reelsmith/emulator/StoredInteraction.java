package io.reelsmith.emulator;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One Omni interaction: {@code seconds} new (what is billed), {@code answerSeconds} the length of the video it answers
 * (for an extension, the input's kept tail and the new seconds). It is done when {@code readyAt} has passed and its
 * clip is made; a fault decided at creation (safety, never, empty) replaces the result.
 */
record StoredInteraction(
        String id,
        String model,
        String task,
        int seconds,
        double answerSeconds,
        String aspectRatio,
        boolean inline,
        boolean stored,
        Instant readyAt,
        Fault fault,
        CompletableFuture<StoredVideo> video)
        implements LongRunning {}
