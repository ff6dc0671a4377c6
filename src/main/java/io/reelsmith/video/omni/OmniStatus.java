package io.reelsmith.video.omni;

/** An Omni interaction as one poll saw it: running, or done with a video (a files uri, or bytes), or known failed. */
public record OmniStatus(State state, String videoUri, byte[] videoBytes, String reason) {
    enum State {
        RUNNING,
        SUCCEEDED,
        FILTERED,
        FAILED
    }

    public boolean done() {
        return state != State.RUNNING;
    }
}
