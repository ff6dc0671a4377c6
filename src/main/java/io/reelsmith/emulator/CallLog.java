package io.reelsmith.emulator;

import java.util.ArrayList;
import java.util.List;

/** Every call the emulator answered, in order; what {@code GET /_emulator/log} shows. */
public final class CallLog {
    /**
     * {@code kind}: text, image, generate, extend, interpolate, poll, download (or "unknown").
     * {@code billable}: Google would charge for it. {@code seconds}: video seconds billed.
     * {@code referenceImages}: asset reference images sent with a video request.
     */
    public record Call(
            String kind,
            String model,
            boolean billable,
            int status,
            double seconds,
            String operation,
            String detail,
            int referenceImages) {
        public Call(
                String kind,
                String model,
                boolean billable,
                int status,
                double seconds,
                String operation,
                String detail) {
            this(kind, model, billable, status, seconds, operation, detail, 0);
        }
    }

    private final List<Call> calls = new ArrayList<>();

    public synchronized void add(Call c) {
        calls.add(c);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clear() {
        calls.clear();
    }
}
