package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What a Veo operation and an Omni interaction share: a job that is done once its latency has passed and its
 * clip is made, unless a fault drawn when it started (safety, never, empty) replaces the result.
 */
interface LongRunning {
    String model();

    Instant readyAt();

    /** The fault drawn when the job started, or null. */
    Fault fault();

    CompletableFuture<StoredVideo> video();

    /** Whether a job started under {@code fault} (null: none) makes a clip: only a slow one still does. */
    static boolean makesVideo(Fault fault) {
        return fault == null || fault == Fault.SLOW;
    }

    default boolean makesVideo() {
        return makesVideo(fault());
    }

    /** Never for NEVER_DONE; after the latency otherwise; and a clip that is made must be finished. */
    default boolean isDone(Instant now) {
        if (fault() == Fault.NEVER_DONE || !now.isAfter(readyAt())) return false;
        return !makesVideo() || video().isDone();
    }

    /** How a job answers a poll, given whether it is done. */
    interface Answer<J> {
        JsonNode of(J job, boolean done) throws IOException;
    }

    /**
     * A poll, the same for operations and interactions: a refusal (bad key, injected fault) was already sent,
     * an unknown job is a 404, a known one its state; each is logged as a "poll" call.
     *
     * @param refused the status {@code refuse} sent, 0 when the call goes through
     * @param what    "Operation" or "Interaction", for the 404's message
     * @param job     null when no job has that name
     */
    static <J extends LongRunning> void poll(
            HttpExchange ex, CallLog log, int refused, String what, String name, J job, Answer<J> answer)
            throws IOException {
        String model = job == null ? null : job.model();
        if (refused != 0) {
            log.add(CallLog.Call.free("poll", model, refused, name, null));
            return;
        }
        if (job == null) {
            log.add(CallLog.Call.free("poll", null, 404, name, null));
            HttpJson.error(ex, 404, "NOT_FOUND", what + " " + name + " not found.");
            return;
        }
        boolean done = job.isDone(Instant.now());
        JsonNode body = answer.of(job, done);
        log.add(CallLog.Call.free("poll", model, 200, name, done ? "done" : "running"));
        HttpJson.send(ex, 200, body);
    }
}
