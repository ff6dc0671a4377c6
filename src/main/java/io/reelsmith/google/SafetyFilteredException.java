package io.reelsmith.google;

/** Veo finished without a video because its safety filter blocked the output (Google does not charge for it). */
public class SafetyFilteredException extends GoogleException {
    public SafetyFilteredException(String message) {
        super(message);
    }
}
