package io.reelsmith.subtitle.align;

/** Word timing could not be done; the message says why and what to install or configure. */
public class WordTimingException extends RuntimeException {
    public WordTimingException(String message) {
        super(message);
    }

    public WordTimingException(String message, Throwable cause) {
        super(message, cause);
    }
}
