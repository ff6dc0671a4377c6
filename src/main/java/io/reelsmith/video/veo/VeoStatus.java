package io.reelsmith.video.veo;

/**
 * What polling a Veo operation said. When SUCCEEDED, {@code videoUri} is set (Gemini API) or {@code videoBytes}
 * (Vertex AI without a Cloud Storage bucket returns the video inline); otherwise {@code reason} says why.
 */
public record VeoStatus(State state, String videoUri, byte[] videoBytes, String reason) {
    public VeoStatus(State state, String videoUri, String reason) {
        this(state, videoUri, null, reason);
    }

    public enum State {
        RUNNING,
        SUCCEEDED,
        /** done, no video, raiMediaFilteredCount > 0: blocked by the safety filter (not charged). */
        FILTERED,
        /** done with an error, or done with an empty response: known failed, safe to resubmit. */
        FAILED
    }

    public boolean done() {
        return state != State.RUNNING;
    }
}
