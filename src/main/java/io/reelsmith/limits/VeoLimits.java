package io.reelsmith.limits;

import io.reelsmith.google.GoogleModels;

import java.time.Duration;
import java.util.Map;

/**
 * The numbers a {@link DbVeoLimiter} enforces. Set them from the project's quota page: Google's limits depend
 * on the model and the billing tier, and change.
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
    public static final String MAX_CONCURRENT = "reelsmith.veo.max.concurrent";
    public static final String REQUESTS_PER_MINUTE = "reelsmith.veo.requests.per.minute";
    public static final String LEASE_TTL_SECONDS = "reelsmith.veo.lease.ttl.seconds";
    public static final String MAX_WAIT_SECONDS = "reelsmith.veo.max.wait.seconds";

    /** The settings with their defaults, for a configuration loader to merge in. */
    public static final Map<String, String> DEFAULTS = Map.of(MAX_CONCURRENT, "4", REQUESTS_PER_MINUTE, "10",
            LEASE_TTL_SECONDS, "120", MAX_WAIT_SECONDS, "3600");

    public VeoLimits {
        if (maxConcurrent < 1) throw new IllegalArgumentException(MAX_CONCURRENT + " must be at least 1");
        if (requestsPerWindow < 1) throw new IllegalArgumentException(REQUESTS_PER_MINUTE + " must be at least 1");
        if (window.isNegative() || window.isZero() || leaseTtl.isNegative() || leaseTtl.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("Veo limit durations must be positive");
        }
    }

    public static VeoLimits perMinute(int maxConcurrent, int requestsPerMinute) {
        return new VeoLimits(maxConcurrent, requestsPerMinute, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1));
    }

    /** The settings from environment variables ({@code REELSMITH_VEO_MAX_CONCURRENT} …), defaults for the rest. */
    public static VeoLimits fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, null);
    }

    /**
     * The same, the video model's quota in the catalogue ({@code quota}, may be null) giving the defaults of the calls
     * running at once and the requests per minute: what Google allows a project, unless the configuration says less.
     */
    public static VeoLimits fromEnvironment(Map<String, String> env, GoogleModels.Quota quota) {
        Map<String, String> settings = new java.util.HashMap<>();
        if (quota != null && quota.concurrentRequests() != null) settings.put(MAX_CONCURRENT, String.valueOf(quota.concurrentRequests()));
        if (quota != null && quota.requestsPerMinute() != null) settings.put(REQUESTS_PER_MINUTE, String.valueOf(quota.requestsPerMinute()));
        for (String key : DEFAULTS.keySet()) {
            String v = env.get(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
            if (v != null) settings.put(key, v);
        }
        return from(settings);
    }

    /** Reads the four settings (missing ones take their defaults). */
    public static VeoLimits from(Map<String, String> settings) {
        java.util.function.Function<String, Long> n = k -> {
            String v = settings.getOrDefault(k, DEFAULTS.get(k));
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(k + " must be a whole number, not '" + v + "'");
            }
        };
        return new VeoLimits(Math.toIntExact(n.apply(MAX_CONCURRENT)), Math.toIntExact(n.apply(REQUESTS_PER_MINUTE)), Duration.ofMinutes(1),
                Duration.ofSeconds(n.apply(LEASE_TTL_SECONDS)), Duration.ofSeconds(n.apply(MAX_WAIT_SECONDS)));
    }
}
