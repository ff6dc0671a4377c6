package io.reelsmith.google;

import io.reelsmith.kernel.PermanentFailure;

/**
 * A model Google has shut down: refused before any call, or Google's 404 "… is no longer available" at any step.
 * Never retried and never billed; the message names the model, the date and the replacement.
 */
public final class RetiredModelException extends GoogleException implements PermanentFailure {
    public RetiredModelException(String message) {
        super(message);
    }
}
