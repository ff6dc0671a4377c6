package io.reelsmith.google;

import java.io.IOException;

/** A google-provider step failed; the message says why in words a user can act on (shown on the step). */
public class GoogleException extends IOException {
    public GoogleException(String message) {
        super(message);
    }

    public GoogleException(String message, Throwable cause) {
        super(message, cause);
    }
}
