package io.reelsmith.google;

import io.reelsmith.kernel.PermanentFailure;

/**
 * The configuration names a model Google has shut down: refused when the configuration is read, before any call.
 * Unchecked, like the configuration's other refusals; the CLI prints its message as its one line and the API
 * answers it as a 4xx.
 */
public final class RetiredModelConfigException extends IllegalArgumentException implements PermanentFailure {
    public RetiredModelConfigException(String message) {
        super(message);
    }
}
