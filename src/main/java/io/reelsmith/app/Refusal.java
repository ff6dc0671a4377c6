package io.reelsmith.app;

import io.reelsmith.pipeline.Refused;

/**
 * A use case said no: what was asked for does not exist for this user, cannot happen in the video's present
 * state, or is not valid. The edges turn the kind into their own words (an HTTP status, a CLI exit code).
 */
public final class Refusal extends Refused {
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Kind kind;

    private Refusal(Kind kind, String message) {
        super(kind.name(), message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code what} not found, e.g. "video"; another user's id is not found either, so ids do not leak. */
    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, what + " not found");
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, message);
    }

    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, message);
    }
}
