package io.reelsmith.google;

/**
 * A model Google has shut down: refused before any call, or Google's 404 "… is no longer available" at any step.
 * Never retried and never billed; the message names the date and the replacement.
 */
public final class RetiredModelException extends GoogleException implements io.reelsmith.kernel.PermanentFailure {
    private final String model;

    public RetiredModelException(String model, String message) {
        super(message);
        this.model = model;
    }

    public String model() {
        return model;
    }
}
