package io.reelsmith.kernel;

import java.util.Locale;

/**
 * How a paid take is filmed. {@code CONTINUOUS}: one clip, then one extension per block, each waiting for the one
 * before (motion and sound flow across blocks; n video calls in a row). {@code PARALLEL}: keyframes first, then every
 * block at once as a clip between two keyframes, joined on the frames they share (about two call latencies).
 */
public enum TakePlan {
    CONTINUOUS,
    PARALLEL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plan a user named; anything else is refused with the known names. */
    public static TakePlan of(String name) {
        for (TakePlan p : values())
            if (p.id().equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) return p;
        throw new IllegalArgumentException("plan must be continuous or parallel, not '" + name + "'");
    }
}
