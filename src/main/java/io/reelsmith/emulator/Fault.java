package io.reelsmith.emulator;

import io.reelsmith.kernel.EnumCodes;

/** A failure the emulator can inject, each one seen from the real API. */
public enum Fault {
    /** HTTP 429 RESOURCE_EXHAUSTED (quota or spend cap); nothing is done, nothing is billed. */
    RATE_LIMITED("429"),
    /** HTTP 500 INTERNAL before anything is done. */
    SERVER_ERROR("500"),
    /** The operation finishes with raiMediaFilteredCount 1 and no video (not charged). */
    SAFETY_FILTERED("safety"),
    /** The operation is never done. */
    NEVER_DONE("never"),
    /** The operation takes {@link Faults#SLOW_FACTOR} times the normal latency. */
    SLOW("slow"),
    /** The operation finishes done:true with an empty response {} (no video, no error). */
    EMPTY_RESPONSE("empty");

    public final String code;

    Fault(String code) {
        this.code = code;
    }

    public static Fault parse(String s) {
        return EnumCodes.parse(Fault.class, "fault", s, f -> f.code);
    }

    /** Faults that only make sense on a call that starts a video operation. */
    public boolean onlyForVideo() {
        return this != RATE_LIMITED && this != SERVER_ERROR;
    }
}
