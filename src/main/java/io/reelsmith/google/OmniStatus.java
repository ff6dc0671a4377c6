package io.reelsmith.google;

/** An Omni interaction as one poll saw it: running, or done with a video (a files uri, or bytes), or known failed. */
record OmniStatus(State state, String videoUri, byte[] videoBytes, String reason) {
    enum State { RUNNING, SUCCEEDED, FILTERED, FAILED }

    boolean done() {
        return state != State.RUNNING;
    }
}
