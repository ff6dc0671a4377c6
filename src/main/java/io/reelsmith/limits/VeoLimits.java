package io.reelsmith.limits;

import java.time.Duration;

/**
 * The numbers a shared {@link VeoLimiter} enforces (the settings {@code reelsmith.veo.*}, docs/deployment.md). Set
 * them from the project's quota page: Google's limits depend on the model and the billing tier, and change.
 *
 * @param maxConcurrent     Veo operations running at once, across all workers
 * @param requestsPerWindow generation requests (submissions) allowed in any {@code window}
 * @param window            the rate window: one minute in production (shorter in tests)
 * @param leaseTtl          a slot not renewed for this long is free again (its worker died). A trade-off: the
 *                          operation a dead worker started may still run at Google for up to ≈ 6 min, so a
 *                          short TTL can let the cluster briefly exceed Google's concurrency quota (new
 *                          submissions then get 429 and are retried with backoff), while a long one keeps
 *                          capacity blocked — and job threads waiting — for that long after a crash
 * @param maxWait           how long a worker waits for a slot or for room in the window before failing the step
 */
public record VeoLimits(int maxConcurrent, int requestsPerWindow, Duration window, Duration leaseTtl, Duration maxWait) {
    public VeoLimits {
        if (maxConcurrent < 1) throw new IllegalArgumentException("reelsmith.veo.max.concurrent must be at least 1");
        if (requestsPerWindow < 1) throw new IllegalArgumentException("reelsmith.veo.requests.per.minute must be at least 1");
        if (window.isNegative() || window.isZero() || leaseTtl.isNegative() || leaseTtl.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("Veo limit durations must be positive");
        }
    }

    public static VeoLimits perMinute(int maxConcurrent, int requestsPerMinute) {
        return new VeoLimits(maxConcurrent, requestsPerMinute, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1));
    }
}
