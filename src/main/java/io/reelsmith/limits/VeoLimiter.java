package io.reelsmith.limits;

import io.reelsmith.kernel.Checkpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.UUID;

/**
 * Port: Veo's quotas, shared by every worker of a deployment — at most N operations running at once and at
 * most M generation requests per minute. Google answers 429 past them; respecting them up front keeps
 * workers from burning retries (and from starving each other) when many videos run at the same time.
 *
 * <p>How the google provider uses it (around one paid generation, see docs/deployment.md):
 * <pre>
 *   String key = checkpoint value "veo.lease", made once (a UUID) and kept, so a resumed run takes its slot back;
 *   Slot slot = limiter.acquire(key);          // before submitting or resuming an operation: waits for a free slot
 *   limiter.beforeRequest();                   // before each submission: waits for room in the minute's budget
 *   ... each poll: slot.renew();               // a slot not renewed for the lease TTL is free again (crashed worker)
 *   ... operation finished (done, failed, filtered): slot.release();
 *   ... step fails while the operation may still run (timeout, network): do not release; it expires by itself
 * </pre>
 * Adapters: {@link DbVeoLimiter} (the database every worker shares), {@link #UNLIMITED}.
 */
public interface VeoLimiter {
    /** Takes the concurrency slot for {@code key} (taking it back if this key already holds one); waits while all are taken. */
    Slot acquire(String key) throws IOException, InterruptedException;

    /** Waits until one more generation request fits in the requests-per-minute budget, and counts it. */
    void beforeRequest() throws IOException, InterruptedException;

    /** A held slot: one Veo operation that may be running. */
    interface Slot {
        String key();

        /** Pushes the expiry back by the lease TTL; false if the slot had expired and been given to another key. */
        boolean renew() throws IOException;

        /** Frees the slot: the operation is over. Releasing twice is harmless. */
        void release() throws IOException;
    }

    /**
     * The slot of one paid video call, under a lease key kept in the call's checkpoint ({@code keyName}, made once), so
     * that a resumed run takes its own slot back instead of a second one; waits while every slot is taken.
     */
    default Slot acquire(Checkpoint cp, String keyName, String what) throws IOException {
        String key = cp.get(keyName).orElse(null);
        if (key == null) {
            key = UUID.randomUUID().toString();
            cp.put(keyName, key);
        }
        try {
            return acquire(key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted while waiting for a video slot");
        }
    }

    /** {@link #beforeRequest()}, an interruption being an I/O one (the step stops). */
    default void beforeRequest(String what) throws IOException {
        try {
            beforeRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted while waiting for room in the video request budget");
        }
    }

    /** No limits: a laptop with one worker, or tests that do not care. */
    VeoLimiter UNLIMITED = new VeoLimiter() {
        @Override
        public Slot acquire(String key) {
            return new Slot() {
                public String key() {
                    return key;
                }

                public boolean renew() {
                    return true;
                }

                public void release() {}
            };
        }

        @Override
        public void beforeRequest() {}
    };
}
