package io.reelsmith.limits;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleModels;
import java.time.Duration;
import java.util.Map;

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
public record VeoLimits(
        int maxConcurrent, int requestsPerWindow, Duration window, Duration leaseTtl, Duration maxWait) {
    public VeoLimits {
        if (maxConcurrent < 1) throw new IllegalArgumentException("reelsmith.veo.max.concurrent must be at least 1");
        if (requestsPerWindow < 1)
            throw new IllegalArgumentException("reelsmith.veo.requests.per.minute must be at least 1");
        if (window.isNegative()
                || window.isZero()
                || leaseTtl.isNegative()
                || leaseTtl.isZero()
                || maxWait.isNegative()) {
            throw new IllegalArgumentException("Veo limit durations must be positive");
        }
    }

    public static VeoLimits perMinute(int maxConcurrent, int requestsPerMinute) {
        return new VeoLimits(
                maxConcurrent, requestsPerMinute, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1));
    }

    /**
     * For a process of its own (the CLI, a bench): the environment's {@code REELSMITH_VEO_MAX_CONCURRENT} and
     * {@code REELSMITH_VEO_REQUESTS_PER_MINUTE}, defaulting to the video model's quota in the catalogue ({@code quota},
     * may be null: then 4 and 10, the service's defaults): what Google allows a project, unless the configuration says less.
     */
    public static VeoLimits fromEnvironment(Map<String, String> env, GoogleModels.Quota quota) {
        int concurrent = quota != null && quota.concurrentRequests() != null ? quota.concurrentRequests() : 4;
        int perMinute = quota != null && quota.requestsPerMinute() != null ? quota.requestsPerMinute() : 10;
        return new VeoLimits(
                whole(env, "REELSMITH_VEO_MAX_CONCURRENT", concurrent),
                whole(env, "REELSMITH_VEO_REQUESTS_PER_MINUTE", perMinute),
                Duration.ofMinutes(1),
                Duration.ofSeconds(120),
                Duration.ofHours(1));
    }

    /** A process of its own with the google configuration: its settings, else the video model's quota in the catalogue. */
    public static VeoLimits of(GoogleConfig c) {
        VeoLimits d = fromEnvironment(Map.of(), c.video().quota());
        return new VeoLimits(
                c.maxConcurrent() != null ? c.maxConcurrent() : d.maxConcurrent(),
                c.requestsPerMinute() != null ? c.requestsPerMinute() : d.requestsPerWindow(),
                d.window(),
                d.leaseTtl(),
                d.maxWait());
    }

    private static int whole(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }
}
