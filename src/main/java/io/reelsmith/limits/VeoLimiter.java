package io.reelsmith.limits;

import java.io.IOException;

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

    /** No limits: a laptop with one worker, or tests that do not care. */
    VeoLimiter UNLIMITED = new VeoLimiter() {
        @Override
        public Slot acquire(String key) {
            return new Slot() {
                public String key() { return key; }
                public boolean renew() { return true; }
                public void release() { }
            };
        }

        @Override
        public void beforeRequest() { }
    };
}
