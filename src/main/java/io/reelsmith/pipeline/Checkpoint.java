package io.reelsmith.pipeline;

import java.util.Optional;

/**
 * Durable key/value facts a step writes before it waits on something outside (a paid operation id),
 * so that a crash or a retry resumes it instead of starting (and paying for) it again.
 * {@link #put} returns only after the value is on disk / committed.
 */
public interface Checkpoint {
    Optional<String> get(String key);

    void put(String key, String value);

    /** For steps with nothing to remember (tests, the free animatic). */
    Checkpoint NONE = new Checkpoint() {
        public Optional<String> get(String key) { return Optional.empty(); }
        public void put(String key, String value) { }
    };
}
