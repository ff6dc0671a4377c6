package io.reelsmith.pipeline;

/**
 * Something said no: {@link #reason()} is the word code reads to answer (a use case's kind, a gate's "budget"), the
 * message is the sentence for people. The app's use cases and the run's gates both refuse this way. (Not generic:
 * Java allows no generic exception.)
 */
public abstract class Refused extends RuntimeException {
    private final String reason;

    protected Refused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
