package io.reelsmith.video.longrun;

/**
 * What one poll of a long-running video call (a Veo operation, an Omni interaction) said. When SUCCEEDED,
 * {@code videoUri} is set, or {@code videoBytes} (Vertex AI without a Cloud Storage bucket, and Omni, may return the
 * video inline); otherwise {@code reason} says why.
 */
public record ClipStatus(State state, String videoUri, byte[] videoBytes, String reason) {
    public ClipStatus(State state, String videoUri, String reason) {
        this(state, videoUri, null, reason);
    }

    public enum State {
        RUNNING,
        SUCCEEDED,
        /** done, no video: blocked by the safety filter (not charged). */
        FILTERED,
        /** done with an error, or done with an empty response: known failed, safe to create again. */
        FAILED
    }

    public boolean done() {
        return state != State.RUNNING;
    }
}
