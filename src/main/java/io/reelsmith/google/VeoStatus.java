package io.reelsmith.google;

/** What polling a Veo operation said. {@code videoUri} is set when SUCCEEDED; {@code reason} otherwise. */
public record VeoStatus(State state, String videoUri, String reason) {
    public enum State {
        RUNNING, SUCCEEDED,
        /** done, no video, raiMediaFilteredCount > 0: blocked by the safety filter (not charged). */
        FILTERED,
        /** done with an error, or done with an empty response: known failed, safe to resubmit. */
        FAILED
    }

    public boolean done() {
        return state != State.RUNNING;
    }
}
