package io.reelsmith.kernel;

import java.io.IOException;

/** FFmpeg or ffprobe failed; the message carries the tool's own error lines. */
public class MediaException extends IOException {
    public MediaException(String message) {
        super(message);
    }
}
