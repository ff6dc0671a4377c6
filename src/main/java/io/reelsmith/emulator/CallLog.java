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
        /** A call Google does not bill: refused, failed, a poll or a download. */
        public static Call free(String kind, String model, int status, String operation, String detail) {
            return new Call(kind, model, false, status, 0, operation, detail, 0);
        }

        /** A call answered at once and billed ({@code seconds}: of audio or video, else 0). */
        public static Call billed(String kind, String model, double seconds) {
            return new Call(kind, model, true, 200, seconds, null, null, 0);
        }

        /**
         * A call that starts a video operation: billed for its seconds only when it will make a video; the detail
         * names the fault or the drift it drew.
         */
        public static Call videoStart(
                String kind,
                String model,
                boolean makesVideo,
                double seconds,
                String operation,
                Fault fault,
                boolean drifted,
                int referenceImages) {
            String detail = fault != null ? "fault " + fault.code : drifted ? "drifted" : null;
            return new Call(kind, model, makesVideo, 200, makesVideo ? seconds : 0, operation, detail, referenceImages);
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
