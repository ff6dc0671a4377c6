package io.reelsmith.kernel;

import java.time.Instant;
import java.util.Optional;

/**
 * Durable key/value facts a step writes before it waits on something outside (a paid operation id),
 * so that a crash or a retry resumes it instead of starting (and paying for) it again.
 * {@link #put} returns only after the value is on disk / committed.
 */
public interface Checkpoint {
    Optional<String> get(String key);

    void put(String key, String value);

    /** What {@link #claim} answers. */
    enum Claim {
        /** This run now holds the key: submit the paid call (once), then {@link #put} what it returned. */
        GRANTED,
        /**
         * An earlier run claimed the key. If it recorded no result, it stopped inside the submit round trip, so the
         * call may have been billed: never submit under this key again; record the spend as uncertain and, if the
         * step must go on, claim a new key (a new attempt) so that the second payment is visible, not silent.
         */
        TAKEN
    }

    /**
     * The submission claim: every adapter calls this right BEFORE a paid submit (e.g. {@code "veo.claim.<attempt>"}
     * before a Veo generate call) and submits only on {@link Claim#GRANTED}. At most one caller ever gets
     * GRANTED for a key, even from two processes at once: the database journal inserts a unique row, fenced by the
     * run lease of the video, and throws {@code RunSupersededException} when another run has taken the video over
     * (this run must then stop without paying). This default suits single-writer checkpoints (the CLI's file
     * journal, tests' memory); {@code Journal#reset} forgets a step's claims with its other facts.
     */
    default Claim claim(String key) {
        if (get(key).isPresent()) return Claim.TAKEN;
        put(key, "claimed " + Instant.now());
        return Claim.GRANTED;
    }

    /**
     * This checkpoint with every key prefixed by {@code prefix + "."}: a step's keys start with its name (so
     * {@code Journal#reset} forgets them with it), a retake's with the step's name and "retake".
     */
    default Checkpoint scoped(String prefix) {
        Checkpoint c = this;
        return new Checkpoint() {
            public Optional<String> get(String key) {
                return c.get(prefix + "." + key);
            }

            public void put(String key, String value) {
                c.put(prefix + "." + key, value);
            }

            public Claim claim(String key) {
                return c.claim(prefix + "." + key);
            }
        };
    }

    /** For steps with nothing to remember (tests, the free animatic). */
    Checkpoint NONE = new Checkpoint() {
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        public void put(String key, String value) {}

        public Claim claim(String key) {
            return Claim.GRANTED;
        }
    };
}
