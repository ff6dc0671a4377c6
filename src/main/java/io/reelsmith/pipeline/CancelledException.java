package io.reelsmith.pipeline;

public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("the job was cancelled");
    }
}
